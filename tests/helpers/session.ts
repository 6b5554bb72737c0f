import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { totpCode } from '../../src/server/platform/auth/totp.js';
import type { Clock } from '../../src/server/platform/clock.js';

/** A logged-in HTTP client: keeps the session cookie and sends the CSRF token on changes. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  constructor(private app: FastifyInstance, readonly ip = '10.9.8.7') {}

  async request(opts: InjectOptions & { url: string }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && opts.method && opts.method !== 'GET') headers['x-csrf-token'] ??= this.csrf;
    const res = await this.app.inject({ ...opts, headers, remoteAddress: this.ip });
    const set = res.cookies.find((c) => c.name.endsWith('samenplan_session'));
    if (set) this.cookie = set.value ? `${set.name}=${set.value}` : undefined;
    const body = String(res.headers['content-type'] ?? '').includes('json') && res.body !== '' ? res.json() : undefined;
    if (body?.data?.csrfToken) this.csrf = body.data.csrfToken;
    return res;
  }
  get(url: string) {
    return this.request({ method: 'GET', url });
  }
  post(url: string, payload?: unknown) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'] });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }

  /** Password then TOTP: a full session. */
  async login(user: { email: string; password: string; totpSecret: string | null }, clock: Clock): Promise<void> {
    const first = await this.post('/api/auth/login', { email: user.email, password: user.password });
    if (first.statusCode !== 200) throw new Error(`login failed: ${first.body}`);
    if (!user.totpSecret) return;
    const second = await this.post('/api/auth/mfa', { code: totpCode(user.totpSecret, clock.now()) });
    if (second.statusCode !== 200) throw new Error(`mfa failed: ${second.body}`);
  }
}
