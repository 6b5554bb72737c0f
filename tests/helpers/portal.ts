import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { TestContext } from './app.js';
import { Client } from './session.js';
import { freshIp } from './login.js';
import { account, familyMember, portalConfidant } from '../../src/server/db/schema/index.js';
import { sessionRepo } from '../../src/server/platform/auth/session.repo.js';
import { sessionCookieName } from '../../src/server/platform/auth/authenticate.js';

/** The newest mail to an address in the development outbox, with the portal code and link token in it. */
export async function lastPortalMail(ctx: TestContext, to: string) {
  const mails = await ctx.app.deps.mailer.outbox(200);
  const mail = mails.find((m) => m.recipient === to);
  const body = mail?.body ?? '';
  return { mail, code: /\n(\d{6})\n/.exec(body)?.[1] ?? null, link: /#([A-Za-z0-9_-]{20,})/.exec(body)?.[1] ?? null };
}

/** Logs in to the portal through the real API: ask a code, read it from the outbox, give it. */
export async function portalLogin(ctx: TestContext, email: string, ip = freshIp()): Promise<Client> {
  const client = new Client(ctx.app, ip);
  const asked = await client.post('/api/portal/login', { email });
  if (asked.statusCode !== 202) throw new Error(`portal code request failed: ${asked.body}`);
  const { code } = await lastPortalMail(ctx, email);
  if (!code) throw new Error(`no portal code mailed to ${email}`);
  const res = await client.post('/api/portal/login/code', { email, code });
  if (res.statusCode !== 200) throw new Error(`portal login failed: ${res.body}`);
  return client;
}

/** A family login linked to a member directly (the invitation's result), for tests not about the invitation. */
export async function linkPortalAccount(ctx: TestContext, memberId: string): Promise<string> {
  const db = ctx.database.db;
  const email = `gezin-${randomUUID().slice(0, 8)}@example.test`;
  const [a] = await db.insert(account).values({ email, kind: 'family' }).returning({ id: account.id });
  if (!a) throw new Error('account not created');
  await db.update(familyMember).set({ accountId: a.id }).where(eq(familyMember.id, memberId));
  return email;
}

/** A confidant of a youth with their own family login (the designation's result). */
export async function makeConfidant(ctx: TestContext, familyId: string, youthMemberId: string): Promise<string> {
  const db = ctx.database.db;
  const email = `vertrouwen-${randomUUID().slice(0, 8)}@example.test`;
  const [a] = await db.insert(account).values({ email, kind: 'family' }).returning({ id: account.id });
  if (!a) throw new Error('account not created');
  await db.insert(portalConfidant).values({ familyId, youthMemberId, name: 'Tante Vertrouwen', accountId: a.id });
  return email;
}

/** A portal session made directly in the database (for a login the API would never give one to, e.g. a child under 12). */
export async function forgedPortalSession(ctx: TestContext, email: string): Promise<Client> {
  const db = ctx.database.db;
  const [a] = await db.select({ id: account.id }).from(account).where(eq(account.email, email));
  if (!a) throw new Error('no such account');
  const s = await sessionRepo.create(db, { accountId: a.id, level: 'portal', ip: null, userAgent: null, now: ctx.clock.now() });
  const client = new Client(ctx.app, freshIp());
  client.cookie = `${sessionCookieName(ctx.config)}=${s.token}`;
  client.csrf = s.csrfToken;
  return client;
}
