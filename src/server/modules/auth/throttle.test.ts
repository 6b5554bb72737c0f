import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeUser } from '../../../../tests/helpers/factories.js';
import { Client } from '../../../../tests/helpers/session.js';
import { auditEvent } from '../../db/schema/index.js';
import { createUserWithEnrolment } from '../identity/identity.service.js';

let ctx: TestContext;
let ipCounter = 0;
const ip = () => `10.2.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const client = (address = ip()) => new Client(ctx.app, address);
const statuses = (list: { statusCode: number }[]) =>
  list.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.statusCode]: (acc[r.statusCode] ?? 0) + 1 }), {});

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

/** Audit rows of failed password checks for an account: how many guesses were actually checked. */
async function checkedLogins(accountId: string) {
  const rows = await ctx.database.db
    .select({ id: auditEvent.id })
    .from(auditEvent)
    .where(and(eq(auditEvent.action, 'auth.login'), eq(auditEvent.resourceId, accountId), eq(auditEvent.outcome, 'failed')));
  return rows.length;
}

describe('throttles decided atomically', () => {
  it('40 parallel logins for one account from one address: at most 5 passwords are checked, the rest 429', async () => {
    const u = await makeUser(ctx.database.db);
    const address = ip();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => client(address).post('/api/auth/login', { email: u.email, password: `Fout-wachtwoord-${i}x` })),
    );
    expect(statuses(results)).toEqual({ 401: 5, 429: 35 });
    expect(await checkedLogins(u.account.id)).toBe(5);
    ctx.clock.advance(16 * 60_000);
  });

  it('30 parallel enrolment-token guesses from one address: at most 5 are checked', async () => {
    const address = ip();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        client(address).post('/api/auth/enrol', { token: `geraden-token-${i}-${'x'.repeat(30)}`, password: 'Eigen-Sterk-Wachtwoord-9' }),
      ),
    );
    const counted = statuses(results);
    expect(counted[400]).toBe(5);
    expect(counted[429]).toBe(25);
    // The address is locked: even a valid link waits.
    const created = await createUserWithEnrolment(ctx.database.db, { name: 'Wacht Even', email: `wacht-${ip()}@example.test` }, ctx.clock.now(), { actorLabel: 'test' });
    expect((await client(address).post('/api/auth/enrol', { token: created.enrolmentToken, password: 'Eigen-Sterk-Wachtwoord-9' })).statusCode).toBe(429);
    ctx.clock.advance(16 * 60_000);
    expect((await client(address).post('/api/auth/enrol', { token: created.enrolmentToken, password: 'Eigen-Sterk-Wachtwoord-9' })).statusCode).toBe(200);
  });

  it('20 parallel second-factor guesses: at most 5 are checked', async () => {
    const u = await makeUser(ctx.database.db);
    const c = client();
    await c.post('/api/auth/login', { email: u.email, password: u.password });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => c.post('/api/auth/mfa', { code: String(100000 + i) })));
    expect(statuses(results)).toEqual({ 401: 5, 429: 15 });
    ctx.clock.advance(16 * 60_000);
  });
});

describe('lockout by account and address', () => {
  it('five wrong passwords from one address lock that address out of the account, not the owner elsewhere', async () => {
    const u = await makeUser(ctx.database.db);
    const attacker = ip();
    for (let i = 0; i < 5; i++) {
      expect((await client(attacker).post('/api/auth/login', { email: u.email, password: `Fout-wachtwoord-${i}x` })).statusCode).toBe(401);
    }
    const locked = await client(attacker).post('/api/auth/login', { email: u.email, password: u.password });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect((await client().post('/api/auth/login', { email: u.email, password: u.password })).statusCode).toBe(200);
  });

  it('guessing spread over many addresses locks the account for unknown addresses; a known-good device still logs in', async () => {
    const u = await makeUser(ctx.database.db);
    const home = client();
    await home.login(u, ctx.clock); // a full login from this address: a known-good device from now on
    await home.post('/api/auth/logout');
    for (let i = 0; i < 20; i++) {
      expect((await client().post('/api/auth/login', { email: u.email, password: `Fout-wachtwoord-${i}x` })).statusCode).toBe(401);
    }
    expect((await client().post('/api/auth/login', { email: u.email, password: u.password })).statusCode).toBe(429);
    expect((await client(home.ip).post('/api/auth/login', { email: u.email, password: u.password })).statusCode).toBe(200);
    ctx.clock.advance(16 * 60_000);
  });

  it('a known-good device that mistypes is slowed down for a minute, not locked out', async () => {
    const u = await makeUser(ctx.database.db);
    const home = client();
    await home.login(u, ctx.clock);
    for (let i = 0; i < 5; i++) {
      expect((await client(home.ip).post('/api/auth/login', { email: u.email, password: `Fout-wachtwoord-${i}x` })).statusCode).toBe(401);
    }
    const slowed = await client(home.ip).post('/api/auth/login', { email: u.email, password: u.password });
    expect(slowed.statusCode).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeLessThanOrEqual(60);
    ctx.clock.advance(61_000);
    expect((await client(home.ip).post('/api/auth/login', { email: u.email, password: u.password })).statusCode).toBe(200);
  });
});

describe('changing the password', () => {
  it('a wrong current password is throttled: after five, even the right one waits; audited', async () => {
    const u = await makeUser(ctx.database.db);
    const c = client();
    await c.login(u, ctx.clock);
    const next = 'Heel-Nieuw-Wachtwoord-77';
    for (let i = 0; i < 5; i++) {
      expect((await c.post('/api/auth/password', { currentPassword: `Fout-wachtwoord-${i}x`, newPassword: next })).statusCode).toBe(401);
    }
    const locked = await c.post('/api/auth/password', { currentPassword: u.password, newPassword: next });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
    const denied = await ctx.database.db
      .select({ id: auditEvent.id })
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'auth.password_change'), eq(auditEvent.resourceId, u.account.id), eq(auditEvent.reason, 'throttled')));
    expect(denied).toHaveLength(1);
    ctx.clock.advance(16 * 60_000);
    const again = client();
    await again.login(u, ctx.clock);
    expect((await again.post('/api/auth/password', { currentPassword: u.password, newPassword: next })).statusCode).toBe(200);
  });

  it('parallel guesses at the current password: at most 5 are checked', async () => {
    const u = await makeUser(ctx.database.db);
    const c = client();
    await c.login(u, ctx.clock);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => c.post('/api/auth/password', { currentPassword: `Fout-wachtwoord-${i}x`, newPassword: 'Heel-Nieuw-Wachtwoord-77' })),
    );
    expect(statuses(results)).toEqual({ 401: 5, 429: 15 });
    ctx.clock.advance(16 * 60_000);
  });
});
