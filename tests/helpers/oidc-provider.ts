import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import Provider, { type ClientMetadata } from 'oidc-provider';

/**
 * A real OpenID Connect provider (panva's oidc-provider, the certified implementation) running
 * in the test process on 127.0.0.1 with a random port, over http. It signs real ID tokens with
 * its own keys and uses its development login and consent pages; any login name is accepted and
 * becomes the subject.
 *
 * One test-only switch: `replaceNextTokenResponse` makes the token endpoint answer the next code
 * exchange with a body given by the test instead of the provider's. The test fills it with a
 * token response the same provider really issued (to another client, or tampered), to show what
 * our relying party does with an ID token for another audience or with a broken signature —
 * something an honest provider never sends, so it cannot be produced otherwise.
 */
export interface TestOidcProvider {
  issuer: string;
  provider: Provider;
  replaceNextTokenResponse(body: Record<string, unknown>): void;
  /** Token endpoint requests answered by the provider or by a replacement. */
  tokenRequests: number;
  close(): Promise<void>;
}

export async function startOidcProvider(clients: ClientMetadata[], opts: { idTokenTtlSeconds?: number } = {}): Promise<TestOidcProvider> {
  let replacement: Record<string, unknown> | null = null;
  const route: { handler?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const state = { tokenRequests: 0 };
  const server: Server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/token')) {
      state.tokenRequests++;
      if (replacement) {
        const body = JSON.stringify(replacement);
        replacement = null;
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(body);
        return;
      }
    }
    route.handler?.(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients,
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: () => ({ sub, email: `${sub}@idp.example.test`, email_verified: true, name: `Persoon ${sub}` }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    ttl: { IdToken: opts.idTokenTtlSeconds ?? 3600 },
    pkce: { required: () => true },
    clientBasedCORS: () => false,
    features: { devInteractions: { enabled: true } },
  });
  // The provider's own warnings (development keys, dev interactions) are expected here.
  provider.on('server_error', (_ctx, err) => {
    console.error('oidc-provider server_error', err);
  });
  route.handler = provider.callback();
  return {
    issuer,
    provider,
    replaceNextTokenResponse(body) {
      replacement = body;
    },
    get tokenRequests() {
      return state.tokenRequests;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** A tiny cookie jar for one browser at the provider (names only; the provider is one host). */
export class CookieJar {
  private cookies = new Map<string, string>();
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Plays the browser at the provider: follows redirects, fills in the development login form
 * (any login name, any password) and the consent form, until the provider redirects to a URL
 * outside itself — the client's redirect URI with code, state and iss. Returns that URL.
 */
export async function authorizeAtProvider(authorizationUrl: string, login: string, jar = new CookieJar()): Promise<URL> {
  const providerOrigin = new URL(authorizationUrl).origin;
  let next: { url: string; method: 'GET' | 'POST'; body?: string } = { url: authorizationUrl, method: 'GET' };
  for (let step = 0; step < 20; step++) {
    const res = await fetch(next.url, {
      method: next.method,
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(next.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: next.body,
    });
    jar.store(res);
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel();
      const location = new URL(res.headers.get('location')!, next.url);
      if (location.origin !== providerOrigin) return location;
      next = { url: location.toString(), method: 'GET' };
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 500)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`no interaction form in: ${html.slice(0, 500)}`);
    const form = new URLSearchParams({ prompt });
    if (prompt === 'login') {
      form.set('login', login);
      form.set('password', 'any-password');
    }
    next = { url: new URL(action.replace(/&amp;/g, '&'), next.url).toString(), method: 'POST', body: form.toString() };
  }
  throw new Error('too many steps at the provider');
}

/**
 * Runs a complete authorization code flow as some client of the provider (the test acting as
 * that client) and returns the provider's real token response (access token, ID token).
 */
export async function obtainTokens(
  issuer: string,
  input: { clientId: string; clientSecret: string; redirectUri: string; nonce: string; login: string },
): Promise<Record<string, unknown>> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const auth = new URL(`${issuer}/auth`);
  auth.search = new URLSearchParams({
    client_id: input.clientId,
    redirect_uri: input.redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    state: randomBytes(16).toString('base64url'),
    nonce: input.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  const back = await authorizeAtProvider(auth.toString(), input.login);
  const code = back.searchParams.get('code');
  if (!code) throw new Error(`no code: ${back.toString()}`);
  const res = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(input.clientId)}:${encodeURIComponent(input.clientSecret)}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: input.redirectUri, code_verifier: verifier }).toString(),
  });
  const body = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(body)}`);
  return body;
}

/** The claims of a JWT, decoded without checking anything (for test assertions only). */
export function decodeJwtClaims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
