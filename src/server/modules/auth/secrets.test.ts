import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeUser } from '../../../../tests/helpers/factories.js';
import { Client } from '../../../../tests/helpers/session.js';
import { OTHER_SECRET_KEY, TEST_SECRET_KEY, testSecretBox } from '../../../../tests/helpers/secrets.js';
import { totpCode } from '../../platform/auth/totp.js';
import { account } from '../../db/schema/index.js';
import { ZMfaSetupResponse } from '../../../shared/schemas/auth.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { loadDemoData } from '../../db/demo/index.js';
import { DEMO_TOTP_SECRET } from '../../db/demo/people.js';
import { createSecretBox, parseSecretKey, SecretKeyError } from '../../platform/keys/secret-box.js';
import { SECRET_PURPOSE, sealStoredSecrets } from '../../platform/keys/sealed-secrets.repo.js';

let ctx: TestContext;
let ipCounter = 0;
const client = (app = ctx.app) => new Client(app, `10.1.0.${++ipCounter}`);
const stored = async (accountId: string) =>
  (await ctx.database.db.select({ s: account.mfaSecret }).from(account).where(eq(account.id, accountId)))[0]?.s ?? null;

/** Another app on the same database with other secret keys (as after a restart with new configuration). */
async function appWithKeys(key: string, old: string[] = []) {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SAMENPLAN_SECRET_KEY: key,
    ...(old.length ? { SAMENPLAN_SECRET_KEYS_OLD: old.join(',') } : {}),
  });
  return buildApp({ config, database: ctx.database, clock: ctx.clock });
}

async function logsInWithTotp(app: typeof ctx.app, u: Awaited<ReturnType<typeof makeUser>>) {
  const c = client(app);
  ctx.clock.advance(31_000); // a fresh TOTP step per login (codes are single use)
  await c.login(u, ctx.clock);
  return (await c.get('/api/auth/sessions')).statusCode === 200;
}

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('TOTP secrets at rest', () => {
  it('an enrolled secret is stored sealed (AES-256-GCM with a key id), never in plain text, and login still works', async () => {
    const u = await makeUser(ctx.database.db, { mfa: false });
    const c = client();
    await c.post('/api/auth/login', { email: u.email, password: u.password });
    const setup = ZMfaSetupResponse.parse((await c.post('/api/auth/mfa/setup')).json()).data;
    const pending = await stored(u.account.id);
    expect(pending).toMatch(new RegExp(`^sp1:${testSecretBox.keyId}:`));
    expect(pending).not.toContain(setup.secret);
    expect((await c.post('/api/auth/mfa/enable', { code: totpCode(setup.secret, ctx.clock.now()) })).statusCode).toBe(200);
    const sealed = await stored(u.account.id);
    expect(sealed).not.toContain(setup.secret);
    expect(testSecretBox.open(sealed!, SECRET_PURPOSE.mfaSecret)).toBe(setup.secret);
    expect(await logsInWithTotp(ctx.app, { ...u, totpSecret: setup.secret })).toBe(true);
  });

  it('the demo data and the test factories seal too', async () => {
    await loadDemoData(ctx.database.db, 'test', ctx.app.deps.secrets);
    const rows = await ctx.database.db.select({ s: account.mfaSecret }).from(account);
    const secrets = rows.map((r) => r.s).filter((s): s is string => s !== null);
    expect(secrets.length).toBeGreaterThan(4);
    for (const s of secrets) {
      expect(s).toMatch(/^sp1:[0-9a-f]{12}:/);
      expect(s).not.toContain(DEMO_TOTP_SECRET);
    }
  });

  it('a plain secret left in the database is sealed at start-up', async () => {
    const u = await makeUser(ctx.database.db);
    await ctx.database.db.update(account).set({ mfaSecret: u.totpSecret }).where(eq(account.id, u.account.id));
    const app = await appWithKeys(TEST_SECRET_KEY);
    try {
      const now = await stored(u.account.id);
      expect(now).toMatch(/^sp1:/);
      expect(now).not.toContain(u.totpSecret!);
      expect(await logsInWithTotp(app, u)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('rotation: a new key with the old one listed works; after `keys rotate` the old key is no longer needed', async () => {
    const u = await makeUser(ctx.database.db);
    const during = await appWithKeys(OTHER_SECRET_KEY, [TEST_SECRET_KEY]);
    try {
      expect(await logsInWithTotp(during, u)).toBe(true);
      const report = await sealStoredSecrets(ctx.database.db, during.deps.secrets, { rotate: true });
      expect(report.resealed).toBeGreaterThan(0);
    } finally {
      await during.close();
    }
    const other = createSecretBox(parseSecretKey(OTHER_SECRET_KEY, 'test'));
    expect((await stored(u.account.id))!.startsWith(`sp1:${other.keyId}:`)).toBe(true);
    const after = await appWithKeys(OTHER_SECRET_KEY);
    try {
      expect(await logsInWithTotp(after, u)).toBe(true);
    } finally {
      await after.close();
    }
    // And back, so the other tests' factories (TEST_SECRET_KEY) and this database agree again.
    const back = await appWithKeys(TEST_SECRET_KEY, [OTHER_SECRET_KEY]);
    await sealStoredSecrets(ctx.database.db, back.deps.secrets, { rotate: true });
    await back.close();
  });

  it('a wrong key stops the start with a clear error naming the missing key', async () => {
    await makeUser(ctx.database.db);
    const wrong = Buffer.alloc(32, 1).toString('base64');
    const err = await appWithKeys(wrong).then(
      async (app) => {
        await app.close();
        return null;
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SecretKeyError);
    expect(String((err as Error).message)).toMatch(new RegExp(`under key ${testSecretBox.keyId}.*SAMENPLAN_SECRET_KEYS_OLD`));
  });

  it('a sealed value does not open under another purpose, when altered, or in a bad configuration', () => {
    const sealed = testSecretBox.seal('GEHEIM', SECRET_PURPOSE.mfaSecret);
    expect(() => testSecretBox.open(sealed, SECRET_PURPOSE.mfaPendingSecret)).toThrow(SecretKeyError);
    const altered = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'BB' : 'AA');
    expect(() => testSecretBox.open(altered, SECRET_PURPOSE.mfaSecret)).toThrow(/altered/);
    expect(() => loadConfig({ SAMENPLAN_SECRET_KEY: 'te-kort' })).toThrow(/SAMENPLAN_SECRET_KEY.*32 random bytes/);
  });
});
