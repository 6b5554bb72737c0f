import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation, makeUser } from '../../../../tests/helpers/factories.js';
import { Client } from '../../../../tests/helpers/session.js';
import { totpCode } from '../../platform/auth/totp.js';
import { account, auditEvent, person } from '../../db/schema/index.js';
import { ZMeResponse, ZMfaEnabledResponse, ZMfaSetupResponse, ZSessionListResponse } from '../../../shared/schemas/auth.js';

let ctx: TestContext;
let orgId: string;
let ipCounter = 0;
/** Each test gets its own client address so per-IP throttling of one test cannot touch another. */
const client = () => new Client(ctx.app, `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`);

beforeAll(async () => {
  ctx = await createTestApp();
  orgId = (await makeOrganisation(ctx.database.db)).id;
});
afterAll(() => ctx.close());

const user = (opts: Parameters<typeof makeUser>[1] = {}) =>
  makeUser(ctx.database.db, { organisationId: orgId, ...opts });

describe('password and second factor', () => {
  it('a password alone reaches nothing protected; the TOTP code makes the session full', async () => {
    const u = await user();
    const c = client();
    const first = await c.post('/api/auth/login', { email: u.email, password: u.password });
    expect(first.statusCode).toBe(200);
    expect(first.json().data.next).toBe('mfa');
    const cookieAfterPassword = c.cookie;

    const me = ZMeResponse.parse((await c.get('/api/auth/me')).json()).data;
    expect(me.level).toBe('password');
    expect(me.abilities).toEqual({});
    const protectedRes = await c.get('/api/auth/sessions');
    expect(protectedRes.statusCode).toBe(401);
    expect(protectedRes.json().error.code).toBe('mfa_required');

    const second = await c.post('/api/auth/mfa', { code: totpCode(u.totpSecret!, ctx.clock.now()) });
    expect(second.statusCode).toBe(200);
    // A new session id once the second factor is given; the password-stage session is gone.
    expect(c.cookie).not.toBe(cookieAfterPassword);
    const stale = await ctx.app.inject({ url: '/api/auth/me', headers: { cookie: cookieAfterPassword! } });
    expect(stale.statusCode).toBe(401);

    const full = ZMeResponse.parse((await c.get('/api/auth/me')).json()).data;
    expect(full.level).toBe('full');
    expect(full.memberships).toEqual([expect.objectContaining({ organisationId: orgId, roles: ['professional'] })]);
    expect(full.abilities['families.work']).toBe(true);
    expect((await c.get('/api/auth/sessions')).statusCode).toBe(200);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const u = await user();
    const wrong = await client().post('/api/auth/login', { email: u.email, password: 'Verkeerd-Wachtwoord-1' });
    const unknown = await client().post('/api/auth/login', { email: 'niemand@example.test', password: 'Verkeerd-Wachtwoord-1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(wrong.json().error.code).toBe('invalid_credentials');
  });

  it('refuses a TOTP code that was already used (replay)', async () => {
    const u = await user();
    const code = totpCode(u.totpSecret!, ctx.clock.now());
    const a = client();
    await a.post('/api/auth/login', { email: u.email, password: u.password });
    expect((await a.post('/api/auth/mfa', { code })).statusCode).toBe(200);
    const b = client();
    await b.post('/api/auth/login', { email: u.email, password: u.password });
    const replay = await b.post('/api/auth/mfa', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('invalid_mfa_code');
  });

  it('rate-limits second-factor attempts per account', async () => {
    const u = await user();
    const c = client();
    await c.post('/api/auth/login', { email: u.email, password: u.password });
    for (let i = 0; i < 5; i++) expect((await c.post('/api/auth/mfa', { code: '000000' })).statusCode).toBe(401);
    const locked = await c.post('/api/auth/mfa', { code: totpCode(u.totpSecret!, ctx.clock.now()) });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('throttles an account from one address after five failures: 429 with Retry-After, even for the right password', async () => {
    const u = await user();
    const address = client().ip;
    for (let i = 0; i < 5; i++) {
      expect((await new Client(ctx.app, address).post('/api/auth/login', { email: u.email, password: `Fout-wachtwoord-${i}x` })).statusCode).toBe(401);
    }
    const res = await new Client(ctx.app, address).post('/api/auth/login', { email: u.email, password: u.password });
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(60);
    expect(res.json().error.code).toBe('too_many_requests');
    // After the lock has passed, the right password works again.
    ctx.clock.advance(16 * 60_000);
    expect((await new Client(ctx.app, address).post('/api/auth/login', { email: u.email, password: u.password })).statusCode).toBe(200);
  });

  it('throttles one IP address that tries many accounts', async () => {
    const c = new Client(ctx.app, '192.0.2.77');
    for (let i = 0; i < 30; i++) {
      await c.post('/api/auth/login', { email: `gok${i}@example.test`, password: 'Probeer-maar-eens-1' });
    }
    const res = await c.post('/api/auth/login', { email: 'nog-een@example.test', password: 'Probeer-maar-eens-1' });
    expect(res.statusCode).toBe(429);
    ctx.clock.advance(16 * 60_000);
  });

  it('refuses extra fields in the login body (no mass assignment) and malformed e-mail', async () => {
    const u = await user();
    const extra = await client().post('/api/auth/login', { email: u.email, password: u.password, role: 'platform_admin' });
    expect(extra.statusCode).toBe(400);
    const bad = await client().post('/api/auth/login', { email: 'geen-adres', password: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.email');
  });

  it('enrols TOTP for an account without it, with single-use recovery codes', async () => {
    const u = await user({ mfa: false });
    const c = client();
    const first = await c.post('/api/auth/login', { email: u.email, password: u.password });
    expect(first.json().data.next).toBe('mfa_enrol');
    expect((await c.get('/api/auth/sessions')).statusCode).toBe(401);
    const setup = ZMfaSetupResponse.parse((await c.post('/api/auth/mfa/setup')).json()).data;
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/Samenplan:/);
    expect(setup.qrSvg).toContain('<svg');
    const wrong = await c.post('/api/auth/mfa/enable', { code: '123456' });
    expect(wrong.statusCode).toBe(400);
    const enabled = await c.post('/api/auth/mfa/enable', { code: totpCode(setup.secret, ctx.clock.now()) });
    expect(enabled.statusCode).toBe(200);
    const { recoveryCodes } = ZMfaEnabledResponse.parse(enabled.json()).data;
    expect(recoveryCodes).toHaveLength(10);
    expect((await c.get('/api/auth/sessions')).statusCode).toBe(200);
    // Enrolment cannot be restarted once done.
    expect((await c.post('/api/auth/mfa/setup')).statusCode).toBe(409);

    const r = client();
    await r.post('/api/auth/login', { email: u.email, password: u.password });
    expect((await r.post('/api/auth/mfa', { code: recoveryCodes[0] })).statusCode).toBe(200);
    const again = client();
    await again.post('/api/auth/login', { email: u.email, password: u.password });
    expect((await again.post('/api/auth/mfa', { code: recoveryCodes[0] })).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('end after 30 minutes idle', async () => {
    const u = await user();
    const c = client();
    await c.login(u, ctx.clock);
    ctx.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advance(31 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('end after 12 hours however active', async () => {
    const u = await user();
    const c = client();
    await c.login(u, ctx.clock);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      ctx.clock.advance(20 * 60_000);
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    }
    ctx.clock.advance(25 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('log out ends this session; log out everywhere ends all of them', async () => {
    const u = await user();
    const a = client();
    const b = client();
    await a.login(u, ctx.clock);
    ctx.clock.advance(31_000);
    await b.login(u, ctx.clock);
    const list = ZSessionListResponse.parse((await a.get('/api/auth/sessions')).json()).data;
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);

    const oldCookie = a.cookie!;
    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/auth/me', headers: { cookie: oldCookie } })).statusCode).toBe(401);

    const c = client();
    ctx.clock.advance(31_000);
    await c.login(u, ctx.clock);
    expect((await c.post('/api/auth/logout-all')).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('one session can end another of mine, but not somebody else’s', async () => {
    const u = await user();
    const other = await user();
    const a = client();
    const b = client();
    const x = client();
    await a.login(u, ctx.clock);
    ctx.clock.advance(31_000);
    await b.login(u, ctx.clock);
    ctx.clock.advance(31_000);
    await x.login(other, ctx.clock);
    const mine = ZSessionListResponse.parse((await a.get('/api/auth/sessions')).json()).data;
    const bSession = mine.find((s) => !s.current)!;
    const theirs = ZSessionListResponse.parse((await x.get('/api/auth/sessions')).json()).data[0]!;
    expect((await a.delete(`/api/auth/sessions/${theirs.id}`)).statusCode).toBe(404);
    expect((await a.delete(`/api/auth/sessions/${bSession.id}`)).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await x.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('changing the password ends the other sessions at once and refuses weak passwords', async () => {
    const u = await user();
    const a = client();
    const b = client();
    await a.login(u, ctx.clock);
    ctx.clock.advance(31_000);
    await b.login(u, ctx.clock);
    const weak = await a.post('/api/auth/password', { currentPassword: u.password, newPassword: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('weak_password');
    const short = await a.post('/api/auth/password', { currentPassword: u.password, newPassword: 'kort' });
    expect(short.statusCode).toBe(400);
    const wrongCurrent = await a.post('/api/auth/password', { currentPassword: 'niet-het-juiste', newPassword: 'Nieuw-Lang-Wachtwoord-77' });
    expect(wrongCurrent.statusCode).toBe(401);
    const ok = await a.post('/api/auth/password', { currentPassword: u.password, newPassword: 'Nieuw-Lang-Wachtwoord-77' });
    expect(ok.statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    expect((await client().post('/api/auth/login', { email: u.email, password: u.password })).statusCode).toBe(401);
  });

  it('disabling the person or the account ends their sessions at once', async () => {
    const u = await user();
    const c = client();
    await c.login(u, ctx.clock);
    await ctx.database.db.update(person).set({ status: 'disabled' }).where(eq(person.id, u.person.id));
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    const v = await user();
    const d = client();
    await d.login(v, ctx.clock);
    await ctx.database.db.update(account).set({ status: 'disabled' }).where(eq(account.id, v.account.id));
    expect((await d.get('/api/auth/me')).statusCode).toBe(401);
    expect((await client().post('/api/auth/login', { email: v.email, password: v.password })).statusCode).toBe(401);
  });
});

describe('cross-site request protection', () => {
  it('refuses a change without the session’s CSRF token, or from another origin', async () => {
    const u = await user();
    const c = client();
    await c.login(u, ctx.clock);
    const noToken = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie! } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    const wrongToken = await ctx.app.inject({
      method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie!, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrongToken.statusCode).toBe(403);
    const crossSite = await c.request({ method: 'POST', url: '/api/auth/logout', headers: { origin: 'https://evil.example' } });
    expect(crossSite.statusCode).toBe(403);
    const fetchSite = await c.request({ method: 'POST', url: '/api/auth/logout', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(fetchSite.statusCode).toBe(403);
    // Still logged in: none of the refused requests changed anything.
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    const login = await ctx.app.inject({
      method: 'POST', url: '/api/auth/login', headers: { origin: 'https://evil.example' }, payload: { email: u.email, password: u.password },
    });
    expect(login.statusCode).toBe(403);
  });
});

describe('audit of authentication', () => {
  it('records failed and successful logins and refusals with actor, IP and outcome', async () => {
    const u = await user();
    const c = new Client(ctx.app, '198.51.100.23');
    await c.post('/api/auth/login', { email: u.email, password: 'Niet-Juist-Wachtwoord' });
    await c.login(u, ctx.clock);
    await new Client(ctx.app, '198.51.100.24').get('/api/auth/sessions');
    const rows = await ctx.database.db.select().from(auditEvent).where(eq(auditEvent.ip, '198.51.100.23'));
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ['auth.login', 'failed'],
      ['auth.login', 'success'],
      ['auth.mfa', 'success'],
    ]);
    expect(rows[0]).toMatchObject({ actorLabel: u.email, reason: 'wrong_password', actorAccountId: u.account.id });
    const denied = await ctx.database.db.select().from(auditEvent).where(eq(auditEvent.ip, '198.51.100.24'));
    expect(denied).toEqual([expect.objectContaining({ action: 'request.denied', outcome: 'denied', reason: 'unauthenticated' })]);
    // No secret ever reaches the audit trail.
    const all = JSON.stringify(await ctx.database.db.select().from(auditEvent));
    expect(all).not.toContain(u.password);
    expect(all).not.toContain('Niet-Juist-Wachtwoord');
  });
});

describe('enrolment link', () => {
  it('sets the first password once, then requires setting up the second factor', async () => {
    const { createUserWithEnrolment } = await import('../identity/identity.service.js');
    const email = `nieuw-${Date.now()}@example.test`;
    const created = await createUserWithEnrolment(
      ctx.database.db,
      { name: 'Nieuwe Collega', email, organisationId: orgId, orgRoles: ['professional'] },
      ctx.clock.now(),
      { actorLabel: 'test' },
    );
    const c = client();
    const weak = await c.post('/api/auth/enrol', { token: created.enrolmentToken, password: 'wachtwoord123' });
    expect(weak.statusCode).toBe(400);
    // The refused attempt did not use up the link.
    const ok = await c.post('/api/auth/enrol', { token: created.enrolmentToken, password: 'Eigen-Sterk-Wachtwoord-9' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data.next).toBe('mfa_enrol');
    expect((await c.get('/api/auth/sessions')).statusCode).toBe(401);
    const reuse = await client().post('/api/auth/enrol', { token: created.enrolmentToken, password: 'Nog-Een-Wachtwoord-10' });
    expect(reuse.statusCode).toBe(400);
    expect((await client().post('/api/auth/login', { email, password: 'Eigen-Sterk-Wachtwoord-9' })).json().data.next).toBe('mfa_enrol');
  });

  it('refuses an expired link', async () => {
    const { createUserWithEnrolment } = await import('../identity/identity.service.js');
    const created = await createUserWithEnrolment(
      ctx.database.db,
      { name: 'Te Laat', email: `laat-${Date.now()}@example.test` },
      ctx.clock.now(),
      { actorLabel: 'test' },
    );
    ctx.clock.advance(8 * 24 * 60 * 60_000);
    const res = await client().post('/api/auth/enrol', { token: created.enrolmentToken, password: 'Eigen-Sterk-Wachtwoord-9' });
    expect(res.statusCode).toBe(400);
  });
});

describe('session state for the web app', () => {
  it('answers null when logged out and the same as me when logged in, never a 401', async () => {
    const anonymous = await client().get('/api/auth/session');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ data: null });
    const u = await user();
    const c = client();
    ctx.clock.advance(31_000);
    await c.login(u, ctx.clock);
    const state = await c.get('/api/auth/session');
    expect(state.json().data).toEqual((await c.get('/api/auth/me')).json().data);
  });
});
