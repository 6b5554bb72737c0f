import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INT4_MAX, zDate, zDateTime, zEmail, zName, zQueryInt, zSecret, zText, zVersion } from '../../src/shared/schemas/common.js';
import { ZOrganisationCreate } from '../../src/shared/schemas/admin.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { makeOrganisation, makeUser } from '../helpers/factories.js';
import { Client } from '../helpers/session.js';

describe('contract helpers', () => {
  it('text refuses control characters (NUL included) and keeps ordinary text, trimmed', () => {
    const t = zText({ max: 20 });
    expect(t.parse('  Gent  ')).toBe('Gent');
    expect(t.safeParse('a\u0000b').success).toBe(false);
    expect(t.safeParse('a\u0007b').success).toBe(false);
    expect(t.safeParse('a\u009Bb').success).toBe(false);
    expect(t.safeParse('a\nb').success).toBe(false);
    expect(zText({ max: 20, multiline: true }).parse('a\nb')).toBe('a\nb');
    expect(zText({ max: 20, multiline: true }).safeParse('a\u0000b').success).toBe(false);
    expect(t.safeParse('x'.repeat(21)).success).toBe(false);
    expect(t.safeParse('\uD800').success).toBe(false);
    expect(t.parse('Brugge 🌊')).toBe('Brugge 🌊');
  });

  it('names also refuse bidi overrides and isolates, with a reason the web translates', () => {
    const n = zName();
    expect(n.parse('Zoë Vandenbroucke')).toBe('Zoë Vandenbroucke');
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      const r = n.safeParse(`Jan${c}nesnaJ`);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ code: 'custom', params: { reason: 'bidi_characters' } });
    }
    expect(n.safeParse('Jan\u0000').error?.issues[0]).toMatchObject({ params: { reason: 'control_characters' } });
    expect(n.safeParse('J').success).toBe(false);
    expect(ZOrganisationCreate.safeParse({ name: 'CGG\u202Eneewz' }).success).toBe(false);
  });

  it('e-mail addresses are trimmed, lower-cased and refuse NUL', () => {
    expect(zEmail.parse(' Jan@Voorbeeld.BE ')).toBe('jan@voorbeeld.be');
    expect(zEmail.safeParse('jan\u0000@voorbeeld.be').success).toBe(false);
    expect(zEmail.safeParse(`${'a'.repeat(250)}@x.be`).success).toBe(false);
  });

  it('secrets are not trimmed but refuse control characters', () => {
    const s = zSecret({ min: 1, max: 10 });
    expect(s.parse(' a b ')).toBe(' a b ');
    expect(s.safeParse('ab\u0000').success).toBe(false);
  });

  it('numbers stay within int4; query integers accept digits only', () => {
    expect(zVersion.parse(INT4_MAX)).toBe(INT4_MAX);
    expect(zVersion.safeParse(INT4_MAX + 1).success).toBe(false);
    expect(zVersion.safeParse(0).success).toBe(false);
    expect(zVersion.safeParse(1.5).success).toBe(false);
    const q = zQueryInt({ min: 1, max: 200 });
    expect(q.parse('42')).toBe(42);
    for (const bad of ['', '1e3', '0x10', ' 5', '201', '0', '99999999999999999999999', '5.0']) expect(q.safeParse(bad).success, bad).toBe(false);
  });

  it('dates exist and lie in years 1..9999', () => {
    expect(zDate.parse('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['0000-01-01', '2023-02-29', '2024-13-01', '2024-04-31', '10000-01-01', '2024-1-1']) expect(zDate.safeParse(bad).success, bad).toBe(false);
    expect(zDateTime.parse('2026-11-30T12:00:00+01:00')).toBe('2026-11-30T12:00:00+01:00');
    for (const bad of ['0000-01-01T00:00:00Z', '2023-02-30T00:00:00Z', '+010000-01-01T00:00:00Z', '10000-01-01T00:00:00Z', '9999-12-31T23:00:00-05:00']) {
      expect(zDateTime.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('hostile input through the HTTP API answers 400, never 500', () => {
  let ctx: TestContext;
  let admin: Client;
  let orgId: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    const user = await makeUser(ctx.database.db, { platformRoles: ['platform_admin'] });
    orgId = (await makeOrganisation(ctx.database.db)).id;
    admin = new Client(ctx.app);
    await admin.login(user, ctx.clock);
  });
  afterAll(() => ctx.close());

  it('a NUL byte in a login e-mail or password', async () => {
    const anon = new Client(ctx.app, '10.55.0.1');
    expect((await anon.post('/api/auth/login', { email: 'a\u0000@b.be', password: 'x' })).statusCode).toBe(400);
    expect((await anon.post('/api/auth/login', { email: 'a@b.be', password: 'x\u0000' })).statusCode).toBe(400);
  });

  it('a NUL byte or bidi override in a name, a version beyond int4', async () => {
    const nul = await admin.post('/api/admin/organisations', { name: 'Org\u0000' });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.code).toBe('validation_failed');
    expect((await admin.post('/api/admin/organisations', { name: 'Org \u202Eevil' })).statusCode).toBe(400);
    const big = await admin.request({ method: 'PATCH', url: `/api/admin/organisations/${orgId}`, payload: { version: 2 ** 31, name: 'Nieuw' } });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.details[0].path).toContain('version');
  });

  it('audit filters with a year 0000 or 10000, a NUL, or a huge cursor', async () => {
    for (const q of [
      'from=0000-01-01T00:00:00Z',
      'to=10000-01-01T00:00:00Z',
      'from=2024-02-30T00:00:00Z',
      'action=a%00b',
      'before=99999999999999999999',
      'limit=1e2',
    ]) {
      const res = await admin.get(`/api/audit?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
    expect((await admin.get('/api/audit?from=2020-01-01T00:00:00Z&limit=5')).statusCode).toBe(200);
  });
});
