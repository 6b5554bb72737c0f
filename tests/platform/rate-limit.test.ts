import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { Client } from '../helpers/session.js';
import { loadConfig } from '../../src/server/config.js';
import { auditEvent } from '../../src/server/db/schema/index.js';

describe('general rate limiting', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({
      RATE_LIMIT_WINDOW_SECONDS: '60',
      RATE_LIMIT_IP_MAX: '12',
      RATE_LIMIT_ANONYMOUS_MAX: '4',
      RATE_LIMIT_SESSION_MAX: '6',
    });
  });
  afterAll(() => ctx.close());

  it('stops an anonymous caller after the anonymous limit with 429, Retry-After and the security headers; another IP goes on', async () => {
    const anon = new Client(ctx.app, '10.60.0.1');
    for (let i = 0; i < 4; i++) {
      const ok = await anon.get('/api/health');
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['x-ratelimit-remaining']).toBe(String(3 - i));
    }
    const refused = await anon.request({ method: 'GET', url: '/api/health', headers: { 'accept-language': 'en' } });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ error: { code: 'too_many_requests', message: expect.any(String) } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.headers['x-ratelimit-limit']).toBe('4');
    expect(refused.headers['content-security-policy']).toContain("default-src 'self'");
    expect(refused.headers['x-content-type-options']).toBe('nosniff');
    expect(refused.headers['cache-control']).toBe('no-store');
    const dutch = await anon.get('/api/health');
    expect(dutch.statusCode).toBe(429);
    expect(dutch.json().error.message).not.toBe(refused.json().error.message);
    // Protected routes too, before the route gate: a flood writes no audit rows.
    const before = await ctx.database.db.$count(auditEvent);
    expect((await anon.get('/api/audit')).statusCode).toBe(429);
    expect(await ctx.database.db.$count(auditEvent)).toBe(before);

    expect((await new Client(ctx.app, '10.60.0.2').get('/api/health')).statusCode).toBe(200);
  });

  it('counts a logged-in caller per session (more than anonymous); another session from elsewhere is unaffected', async () => {
    const db = ctx.database.db;
    const a = await makeUser(db, { platformRoles: ['platform_admin'] });
    const b = await makeUser(db, { platformRoles: ['platform_admin'] });
    const first = new Client(ctx.app, '10.61.0.1');
    await first.login(a, ctx.clock); // 2 anonymous-or-password-stage requests
    ctx.clock.advance(31_000);
    const second = new Client(ctx.app, '10.61.0.2');
    await second.login(b, ctx.clock);
    let served = 0;
    let last = await first.get('/api/auth/me');
    while (last.statusCode === 200 && served < 20) {
      served++;
      last = await first.get('/api/auth/me');
    }
    // More than the anonymous limit (4), at most the session limit (6, login's MFA step included).
    expect(served).toBeGreaterThan(4);
    expect(served).toBeLessThanOrEqual(6);
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
    expect((await second.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('counts every caller per IP, whatever the session', async () => {
    const db = ctx.database.db;
    const ip = '10.62.0.1';
    let refusedAt = 0;
    for (let i = 0; i < 4 && !refusedAt; i++) {
      const user = await makeUser(db, {});
      ctx.clock.advance(31_000);
      const c = new Client(ctx.app, ip);
      try {
        await c.login(user, ctx.clock);
      } catch {
        refusedAt = i + 1;
        break;
      }
      for (let j = 0; j < 3; j++) {
        if ((await c.get('/api/auth/me')).statusCode === 429) refusedAt = i + 1;
      }
    }
    // 12 per IP: the fourth session from the same address is refused though it is fresh.
    expect(refusedAt).toBeGreaterThan(0);
    expect(refusedAt).toBeLessThanOrEqual(3);
  });

  it('is configurable and 0 switches a limit off; bad values name the variable', async () => {
    expect(loadConfig({}).rateLimit).toEqual({ windowSeconds: 60, ipMax: 1200, anonymousMax: 300, sessionMax: 600 });
    expect(() => loadConfig({ RATE_LIMIT_IP_MAX: '-1' })).toThrow(/RATE_LIMIT_IP_MAX="-1" must be a number of requests between 0 \(off\) and 1000000/);
    expect(() => loadConfig({ RATE_LIMIT_WINDOW_SECONDS: 'veel' })).toThrow(/RATE_LIMIT_WINDOW_SECONDS/);
    const off = await createTestApp({ RATE_LIMIT_WINDOW_SECONDS: '0', RATE_LIMIT_ANONYMOUS_MAX: '1' });
    try {
      const c = new Client(off.app, '10.63.0.1');
      for (let i = 0; i < 5; i++) expect((await c.get('/api/health')).statusCode).toBe(200);
      expect((await c.get('/api/health')).headers['x-ratelimit-limit']).toBeUndefined();
    } finally {
      await off.close();
    }
    const anonymousOff = await createTestApp({ RATE_LIMIT_ANONYMOUS_MAX: '0', RATE_LIMIT_IP_MAX: '3' });
    try {
      const c = new Client(anonymousOff.app, '10.63.0.2');
      for (let i = 0; i < 3; i++) expect((await c.get('/api/health')).statusCode).toBe(200);
      expect((await c.get('/api/health')).statusCode).toBe(429);
    } finally {
      await anonymousOff.close();
    }
  });
});
