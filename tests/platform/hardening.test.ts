import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ZErrorResponse } from '../../src/shared/schemas/common.js';
import { ZHealth } from '../../src/shared/schemas/health.js';
import { auditEvent, person } from '../../src/server/db/schema/index.js';
import { buildApp } from '../../src/server/app.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { makeUser } from '../helpers/factories.js';
import { Client } from '../helpers/session.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

function expectSecurityHeaders(res: { headers: Record<string, unknown> }) {
  expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(String(res.headers['permissions-policy'])).toContain('camera=()');
}

describe('decisions on the route, not the raw URL', () => {
  it('POST /%61pi/auth/login from a foreign origin is refused like /api/auth/login, and nothing is checked', async () => {
    const u = await makeUser(ctx.database.db);
    for (const url of ['/%61pi/auth/login', '/api/auth/login', '/%61%70%69/auth/%6Cogin']) {
      const res = await ctx.app.inject({
        method: 'POST',
        url,
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        payload: { email: u.email, password: u.password },
        remoteAddress: '10.3.0.1',
      });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('csrf_failed');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const logins = await ctx.database.db
      .select({ id: auditEvent.id })
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'auth.login'), eq(auditEvent.resourceId, u.account.id)));
    expect(logins).toHaveLength(0);
  });

  it('an encoded API path still gets no-store', async () => {
    const res = await ctx.app.inject({ url: '/%61pi/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const missing = await ctx.app.inject({ url: '/%61pi/bestaat-niet' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('route_not_found');
    expect(missing.headers['cache-control']).toBe('no-store');
  });
});

describe('framework errors in the one format, with the security headers', () => {
  it('bad URL encoding answers 400 in the project format, no FST_ code', async () => {
    const res = await ctx.app.inject({ url: '/api/auth/sessions/%E0%A4%A', method: 'DELETE' });
    expect(res.statusCode).toBe(400);
    const body = ZErrorResponse.parse(res.json());
    expect(body.error.code).toBe('bad_request');
    expect(res.body).not.toMatch(/FST_|valid url component/i);
    expectSecurityHeaders(res);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a too long path parameter answers 414 in the project format, in English when asked', async () => {
    const res = await ctx.app.inject({ url: `/api/auth/sessions/${'a'.repeat(300)}`, method: 'DELETE', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(414);
    const body = ZErrorResponse.parse(res.json());
    expect(body.error.code).toBe('uri_too_long');
    expect(body.error.message).toBe('This address is too long.');
    expect(res.body).not.toContain('FST_');
    expectSecurityHeaders(res);
  });

  it('Permissions-Policy on API answers, errors and pages', async () => {
    expectSecurityHeaders(await ctx.app.inject({ url: '/api/health' }));
    expectSecurityHeaders(await ctx.app.inject({ url: '/api/bestaat-niet' }));
    expectSecurityHeaders(await ctx.app.inject({ url: '/aanmelden' }));
  });
});

describe('/api/health', () => {
  it('shows the version to a full session only', async () => {
    const anonymous = ZHealth.parse((await ctx.app.inject({ url: '/api/health' })).json());
    expect(anonymous.status).toBe('ok');
    expect(anonymous.version).toBeUndefined();
    const u = await makeUser(ctx.database.db);
    const half = new Client(ctx.app, '10.3.0.2');
    await half.post('/api/auth/login', { email: u.email, password: u.password });
    expect(ZHealth.parse((await half.get('/api/health')).json()).version).toBeUndefined();
    const full = new Client(ctx.app, '10.3.0.3');
    await full.login(u, ctx.clock);
    expect(ZHealth.parse((await full.get('/api/health')).json()).version).toBe(ctx.config.version);
  });
});

describe('server log', () => {
  it('a database error is logged without its parameters (names, e-mail addresses)', async () => {
    const lines: string[] = [];
    const app = await buildApp(
      { config: { ...ctx.config, logLevel: 'info' }, database: ctx.database, clock: ctx.clock },
      { logStream: { write: (line) => void lines.push(line) } },
    );
    try {
      const values = { name: 'Geheime Naam Verstopt', email: 'geheim.adres@example.test' };
      await ctx.database.db.insert(person).values(values);
      const err = await ctx.database.db.insert(person).values(values).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Error);
      // What the raw error holds, and so what a plain serializer would print.
      expect(JSON.stringify({ m: (err as Error).message, p: (err as { params?: unknown }).params })).toContain('geheim.adres@example.test');
      app.log.error({ err }, 'insert failed');
      const logged = lines.join('\n');
      expect(logged).toContain('insert failed');
      expect(logged).toContain('insert into');
      expect(logged).not.toContain('geheim.adres');
      expect(logged).not.toContain('Geheime Naam');
      expect(logged).toContain('[redacted');
    } finally {
      await app.close();
    }
  });
});
