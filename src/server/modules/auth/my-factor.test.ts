import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeUser } from '../../../../tests/helpers/factories.js';
import { Client } from '../../../../tests/helpers/session.js';
import { totpCode } from '../../platform/auth/totp.js';
import { account, auditEvent } from '../../db/schema/index.js';
import { ZMfaReplacedResponse, ZMfaSetupResponse, ZRecoveryCodesResponse } from '../../../shared/schemas/auth.js';

let ctx: TestContext;
let ipCounter = 0;
const client = () => new Client(ctx.app, `10.4.0.${++ipCounter}`);
/** A fresh TOTP step, so a code is never a replay of the one before. */
const code = (secret: string) => {
  ctx.clock.advance(31_000);
  return totpCode(secret, ctx.clock.now());
};

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

async function loggedIn() {
  const u = await makeUser(ctx.database.db);
  const c = client();
  await c.login(u, ctx.clock);
  return { u, c };
}

async function audited(accountId: string, action: string) {
  return ctx.database.db
    .select({ outcome: auditEvent.outcome })
    .from(auditEvent)
    .where(and(eq(auditEvent.action, action), eq(auditEvent.resourceId, accountId)));
}

describe('new recovery codes', () => {
  it('need a fresh step-up; the new ones work, the earlier ones stop working; audited', async () => {
    const { u, c } = await loggedIn();
    const refused = await c.post('/api/auth/recovery-codes');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('reauth_required');

    expect((await c.post('/api/auth/reauthenticate', { code: code(u.totpSecret!) })).statusCode).toBe(200);
    const first = ZRecoveryCodesResponse.parse((await c.post('/api/auth/recovery-codes')).json()).data.recoveryCodes;
    expect(first).toHaveLength(10);
    const second = ZRecoveryCodesResponse.parse((await c.post('/api/auth/recovery-codes')).json()).data.recoveryCodes;
    expect(second).toHaveLength(10);
    expect(second).not.toContain(first[0]);

    const old = client();
    await old.post('/api/auth/login', { email: u.email, password: u.password });
    expect((await old.post('/api/auth/mfa', { code: first[0] })).statusCode).toBe(401);
    expect((await old.post('/api/auth/mfa', { code: second[0] })).statusCode).toBe(200);
    expect(await audited(u.account.id, 'auth.recovery_codes_renew')).toEqual([{ outcome: 'success' }, { outcome: 'success' }]);
  });

  it('are refused to a session that gave only the password, and after the step-up window', async () => {
    const u = await makeUser(ctx.database.db);
    const half = client();
    await half.post('/api/auth/login', { email: u.email, password: u.password });
    expect((await half.post('/api/auth/recovery-codes')).json().error.code).toBe('mfa_required');
    const { u: v, c } = await loggedIn();
    await c.post('/api/auth/reauthenticate', { code: code(v.totpSecret!) });
    ctx.clock.advance(5 * 60_000 + 1_000);
    expect((await c.post('/api/auth/recovery-codes')).json().error.code).toBe('reauth_required');
  });
});

describe('moving the second factor to a new phone', () => {
  it('step-up, new secret, the old phone works until a code from the new one confirms; then only the new one', async () => {
    const { u, c } = await loggedIn();
    expect((await c.post('/api/auth/mfa/replace')).json().error.code).toBe('reauth_required');
    await c.post('/api/auth/reauthenticate', { code: code(u.totpSecret!) });
    const setup = ZMfaSetupResponse.parse((await c.post('/api/auth/mfa/replace')).json()).data;
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.secret).not.toBe(u.totpSecret);
    const [row] = await ctx.database.db.select().from(account).where(eq(account.id, u.account.id));
    expect(row?.mfaPendingSecret).toMatch(/^sp1:/);
    expect(row?.mfaPendingSecret).not.toContain(setup.secret);

    // Until confirmed, the old phone still logs in.
    const meanwhile = client();
    await meanwhile.post('/api/auth/login', { email: u.email, password: u.password });
    expect((await meanwhile.post('/api/auth/mfa', { code: code(u.totpSecret!) })).statusCode).toBe(200);

    // A code of the old phone or a wrong one does not confirm.
    expect((await c.post('/api/auth/mfa/replace/confirm', { code: code(u.totpSecret!) })).statusCode).toBe(400);
    const done = await c.post('/api/auth/mfa/replace/confirm', { code: code(setup.secret) });
    expect(done.statusCode).toBe(200);
    ZMfaReplacedResponse.parse(done.json());

    const oldPhone = client();
    await oldPhone.post('/api/auth/login', { email: u.email, password: u.password });
    expect((await oldPhone.post('/api/auth/mfa', { code: code(u.totpSecret!) })).statusCode).toBe(401);
    const newPhone = client();
    await newPhone.post('/api/auth/login', { email: u.email, password: u.password });
    expect((await newPhone.post('/api/auth/mfa', { code: code(setup.secret) })).statusCode).toBe(200);

    const [after] = await ctx.database.db.select().from(account).where(eq(account.id, u.account.id));
    expect(after?.mfaPendingSecret).toBeNull();
    expect(after?.mfaSecret).not.toContain(setup.secret);
    expect(await audited(u.account.id, 'auth.mfa_replace')).toEqual(
      expect.arrayContaining([{ outcome: 'failed' }, { outcome: 'success' }]),
    );
  });

  it('confirming with nothing waiting is 409; a confirmation cannot be replayed', async () => {
    const { u, c } = await loggedIn();
    expect((await c.post('/api/auth/mfa/replace/confirm', { code: '123456' })).statusCode).toBe(409);
    await c.post('/api/auth/reauthenticate', { code: code(u.totpSecret!) });
    const setup = ZMfaSetupResponse.parse((await c.post('/api/auth/mfa/replace')).json()).data;
    const first = code(setup.secret);
    expect((await c.post('/api/auth/mfa/replace/confirm', { code: first })).statusCode).toBe(200);
    expect((await c.post('/api/auth/mfa/replace/confirm', { code: first })).statusCode).toBe(409);
  });
});
