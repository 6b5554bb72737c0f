import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation, makeUser } from '../../../../tests/helpers/factories.js';
import { Client } from '../../../../tests/helpers/session.js';
import { mailText, startSmtpPeer } from '../../../../tests/helpers/smtp.js';
import { totpCode } from '../../platform/auth/totp.js';
import { mailOutbox } from '../../db/schema/index.js';

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let orgId: string;
let n = 0;
const client = () => new Client(ctx.app, `10.2.0.${++n}`);

beforeAll(async () => {
  smtp = await startSmtpPeer();
  ctx = await createTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://samenplan.example.be', MAIL_FROM: 'Samenplan <noreply@samenplan.example.be>' });
  orgId = (await makeOrganisation(ctx.database.db)).id;
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

/** Asks for a reset and returns the token from the mail the SMTP peer received. */
async function requestReset(email: string): Promise<string> {
  const before = smtp.mails.length;
  const res = await client().post('/api/auth/password-reset', { email });
  expect(res.statusCode).toBe(202);
  expect(smtp.mails.length).toBe(before + 1);
  const mail = smtp.mails[smtp.mails.length - 1]!;
  expect(mail.to).toEqual([email]);
  expect(mail.from).toBe('noreply@samenplan.example.be');
  const match = /https:\/\/samenplan\.example\.be\/wachtwoord-herstellen#([\w-]+)/.exec(mailText(mail.raw));
  expect(match).not.toBeNull();
  return match![1]!;
}

describe('password reset by mail', () => {
  it('mails a single-use link; the new password still needs the second factor and ends old sessions', async () => {
    const u = await makeUser(ctx.database.db, { organisationId: orgId });
    const old = client();
    await old.login(u, ctx.clock);
    const token = await requestReset(u.email);

    const weak = await client().post('/api/auth/password-reset/confirm', { token, password: 'welkom123456' });
    expect(weak.statusCode).toBe(400);
    const c = client();
    const ok = await c.post('/api/auth/password-reset/confirm', { token, password: 'Helemaal-Nieuw-Wachtwoord-5' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data.next).toBe('mfa');
    // Never skips the second factor.
    expect((await c.get('/api/auth/sessions')).statusCode).toBe(401);
    ctx.clock.advance(31_000);
    expect((await c.post('/api/auth/mfa', { code: totpCode(u.totpSecret!, ctx.clock.now()) })).statusCode).toBe(200);
    expect((await c.get('/api/auth/sessions')).statusCode).toBe(200);
    expect((await old.get('/api/auth/me')).statusCode).toBe(401);

    const reuse = await client().post('/api/auth/password-reset/confirm', { token, password: 'Nog-Een-Ander-Wachtwoord-6' });
    expect(reuse.statusCode).toBe(400);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = smtp.mails.length;
    const res = await client().post('/api/auth/password-reset', { email: 'onbekend@example.test' });
    expect(res.statusCode).toBe(202);
    expect(smtp.mails.length).toBe(before);
  });

  it('expires after an hour', async () => {
    const u = await makeUser(ctx.database.db, { organisationId: orgId });
    const token = await requestReset(u.email);
    ctx.clock.advance(61 * 60_000);
    const res = await client().post('/api/auth/password-reset/confirm', { token, password: 'Helemaal-Nieuw-Wachtwoord-5' });
    expect(res.statusCode).toBe(400);
  });

  it('is throttled per address so nobody floods an inbox', async () => {
    const u = await makeUser(ctx.database.db, { organisationId: orgId });
    for (let i = 0; i < 3; i++) await requestReset(u.email);
    const res = await client().post('/api/auth/password-reset', { email: u.email });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('records real mail without its body (the link never rests in the database)', async () => {
    const rows = await ctx.database.db.select().from(mailOutbox).where(eq(mailOutbox.transport, 'smtp'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.body === null && r.sentAt !== null)).toBe(true);
  });
});

describe('development outbox', () => {
  it('keeps mail when no SMTP server is configured, readable by platform admins only', async () => {
    const dev = await createTestApp();
    try {
      const admin = await makeUser(dev.database.db, { platformRoles: ['platform_admin'] });
      const u = await makeUser(dev.database.db);
      expect((await new Client(dev.app, '10.3.0.1').post('/api/auth/password-reset', { email: u.email })).statusCode).toBe(202);
      const a = new Client(dev.app, '10.3.0.2');
      await a.login(admin, dev.clock);
      const outbox = (await a.get('/api/dev/outbox')).json().data;
      expect(outbox[0]).toMatchObject({ recipient: u.email, subject: 'Nieuw wachtwoord voor Samenplan' });
      expect(outbox[0].body).toContain('/wachtwoord-herstellen#');
      const p = new Client(dev.app, '10.3.0.3');
      await p.login(u, dev.clock);
      expect((await p.get('/api/dev/outbox')).statusCode).toBe(403);
    } finally {
      await dev.close();
    }
  });
});
