import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { addToTeam, makeFamily, testRegion } from '../../../../tests/helpers/families.js';
import { freshIp, loginAs } from '../../../../tests/helpers/login.js';
import { Client } from '../../../../tests/helpers/session.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { lastPortalMail, linkPortalAccount, portalLogin } from '../../../../tests/helpers/portal.js';
import { account, familyMember, portalLoginCode } from '../../db/schema/index.js';

/** Invitation and login without a password: the one-time code and link, their reuse and expiry, the rate limits. */
let ctx: TestContext;
let regionId: string;
let orgA: string;

beforeAll(async () => {
  ctx = await createTestApp();
  regionId = await testRegion(ctx.database.db);
  orgA = (await makeOrganisation(ctx.database.db)).id;
});
afterAll(async () => ctx?.close());

const db = () => ctx.database.db;
const MIN = 60_000;

async function familyWithContact() {
  const f = await makeFamily(db(), { regionId, now: ctx.clock.now() });
  const contact = await loginAs(ctx, 'professional', { organisationId: orgA });
  await addToTeam(db(), f.family.id, contact.user!.person.id, orgA, { contact: true });
  return { ...f, contact };
}

describe('invitation', () => {
  it('the contact person invites the youth (12+) and a parent: each gets their own family login and a mail; audited', async () => {
    const f = await familyWithContact();
    const youthMail = `jongere-${f.family.id.slice(0, 6)}@example.test`;
    const res = await f.contact.client.post(`/api/families/${f.family.id}/members/${f.child.id}/portal-access`, { email: youthMail.toUpperCase() });
    expect(res.statusCode).toBe(201);
    const accountId = res.json().data.accountId;
    const [acct] = await db().select().from(account).where(eq(account.id, accountId));
    expect(acct).toMatchObject({ kind: 'family', personId: null, passwordHash: null, email: youthMail });
    const [m] = await db().select().from(familyMember).where(eq(familyMember.id, f.child.id));
    expect(m?.accountId).toBe(accountId);
    expect((await lastPortalMail(ctx, youthMail)).mail?.subject).toContain('uitgenodigd');
    await expectAudited(db(), 'portal.invite', { familyId: f.family.id, resourceId: f.child.id, actorPersonId: f.contact.user!.person.id });

    const parent = await f.contact.client.post(`/api/families/${f.family.id}/members/${f.parent.id}/portal-access`, { email: `ouder-${f.family.id.slice(0, 6)}@example.test` });
    expect(parent.statusCode).toBe(201);
    expect(parent.json().data.accountId).not.toBe(accountId);

    // Twice: 409; the same address for another member: 409.
    expect((await f.contact.client.post(`/api/families/${f.family.id}/members/${f.child.id}/portal-access`, { email: 'x@example.test' })).statusCode).toBe(409);
  });

  it('refuses a child under 12 (422, Dutch), a professional’s address (409), bad input (400) and anyone not on the team (404)', async () => {
    const f = await familyWithContact();
    const [young] = await db().insert(familyMember).values({ familyId: f.family.id, role: 'child', name: 'Klein Kind', birthDate: '2020-03-01' }).returning();
    const tooYoung = await f.contact.client.post(`/api/families/${f.family.id}/members/${young!.id}/portal-access`, { email: 'klein@example.test' });
    expect(tooYoung.statusCode).toBe(422);
    expect(tooYoung.json().error.details[0].message).toContain('jonger dan 12');

    const pro = await loginAs(ctx, 'professional', { organisationId: orgA });
    const clash = await f.contact.client.post(`/api/families/${f.family.id}/members/${f.child.id}/portal-access`, { email: pro.user!.email });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toContain('hulpverlener');

    expect((await f.contact.client.post(`/api/families/${f.family.id}/members/${f.child.id}/portal-access`, { email: 'geen-adres' })).statusCode).toBe(400);
    expect((await f.contact.client.post(`/api/families/${f.family.id}/members/${f.child.id}/portal-access`, { email: 'a\u0000b@example.test' })).statusCode).toBe(400);

    const stranger = await loginAs(ctx, 'professional', { organisationId: orgA });
    expect((await stranger.client.post(`/api/families/${f.family.id}/members/${f.child.id}/portal-access`, { email: 'z@example.test' })).statusCode).toBe(404);
    // Another family's member under this family's URL: 404.
    const other = await familyWithContact();
    expect((await f.contact.client.post(`/api/families/${f.family.id}/members/${other.child.id}/portal-access`, { email: 'z@example.test' })).statusCode).toBe(404);
  });
});

describe('login with a code or link', () => {
  it('mails a 6-digit code and a link; the code logs in once; the session is a family session', async () => {
    const f = await familyWithContact();
    const email = await linkPortalAccount(ctx, f.child.id);
    const client = new Client(ctx.app, freshIp());
    expect((await client.post('/api/portal/login', { email })).statusCode).toBe(202);
    const { code, link } = await lastPortalMail(ctx, email);
    expect(code).toMatch(/^\d{6}$/);
    expect(link).toBeTruthy();
    // Only hashes are stored.
    const rows = await db().select().from(portalLoginCode);
    expect(JSON.stringify(rows)).not.toContain(code!);
    expect(JSON.stringify(rows)).not.toContain(link!);

    const res = await client.post('/api/portal/login/code', { email, code });
    expect(res.statusCode).toBe(200);
    expect((await client.get('/api/portal/me')).json().data).toMatchObject({ viewer: 'youth', memberId: f.child.id });
    await expectAudited(db(), 'portal.login', { reason: 'code', outcome: 'success' });

    // Reuse: refused, also its link (a new code spends the old ones, and a used one is spent).
    const again = await new Client(ctx.app, freshIp()).post('/api/portal/login/code', { email, code });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.message).toContain('code');
  });

  it('the link logs in once; a used or unknown link is refused', async () => {
    const f = await familyWithContact();
    const email = await linkPortalAccount(ctx, f.parent.id);
    const client = new Client(ctx.app, freshIp());
    await client.post('/api/portal/login', { email });
    const { link } = await lastPortalMail(ctx, email);
    expect((await client.post('/api/portal/login/link', { token: link })).statusCode).toBe(200);
    expect((await client.get('/api/portal/me')).json().data.viewer).toBe('parent');
    expect((await new Client(ctx.app, freshIp()).post('/api/portal/login/link', { token: link })).statusCode).toBe(401);
    expect((await new Client(ctx.app, freshIp()).post('/api/portal/login/link', { token: 'x'.repeat(43) })).statusCode).toBe(401);
  });

  it('a code older than 15 minutes is refused, and so is its link', async () => {
    const f = await familyWithContact();
    const email = await linkPortalAccount(ctx, f.child.id);
    const client = new Client(ctx.app, freshIp());
    await client.post('/api/portal/login', { email });
    const { code, link } = await lastPortalMail(ctx, email);
    ctx.clock.advance(15 * MIN + 1_000);
    expect((await client.post('/api/portal/login/code', { email, code })).statusCode).toBe(401);
    expect((await client.post('/api/portal/login/link', { token: link })).statusCode).toBe(401);
    await expectAudited(db(), 'portal.login', { outcome: 'failed', reason: 'no_live_code' });
  });

  it('answers the same for an unknown address, a professional’s address and a known one (no mail for the first two)', async () => {
    const f = await familyWithContact();
    const email = await linkPortalAccount(ctx, f.child.id);
    const pro = await loginAs(ctx, 'professional', { organisationId: orgA });
    const answers = [];
    for (const e of [email, 'niemand@example.test', pro.user!.email]) {
      const res = await new Client(ctx.app, freshIp()).post('/api/portal/login', { email: e });
      answers.push([res.statusCode, res.body]);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect((await lastPortalMail(ctx, 'niemand@example.test')).mail).toBeUndefined();
    expect((await lastPortalMail(ctx, pro.user!.email)).mail).toBeUndefined();
  });

  it('a wrong code is refused; five wrong tries spend the code, and the e-mail is then throttled (429)', async () => {
    const f = await familyWithContact();
    const email = await linkPortalAccount(ctx, f.child.id);
    const client = new Client(ctx.app, freshIp());
    await client.post('/api/portal/login', { email });
    const { code } = await lastPortalMail(ctx, email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await new Client(ctx.app, freshIp()).post('/api/portal/login/code', { email, code: wrong })).statusCode).toBe(401);
    // The right code after five wrong ones: throttled for this address, whatever the IP.
    expect((await new Client(ctx.app, freshIp()).post('/api/portal/login/code', { email, code })).statusCode).toBe(429);
    // And the code itself is spent (after the lock ran out it still does not work).
    ctx.clock.advance(16 * MIN);
    expect((await new Client(ctx.app, freshIp()).post('/api/portal/login/code', { email, code })).statusCode).toBe(401);
  });

  it('asking for codes is limited per e-mail address (no inbox flooding)', async () => {
    const f = await familyWithContact();
    const email = await linkPortalAccount(ctx, f.parent.id);
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await new Client(ctx.app, freshIp()).post('/api/portal/login', { email })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('a family session never passes a professional route, and a professional session never a portal route', async () => {
    const f = await familyWithContact();
    const email = await linkPortalAccount(ctx, f.child.id);
    const youth = await portalLogin(ctx, email);
    expect((await youth.get('/api/families')).statusCode).toBe(403);
    expect((await youth.get(`/api/families/${f.family.id}`)).statusCode).toBe(403);
    expect((await youth.get('/api/work')).statusCode).toBe(403);
    expect((await youth.get('/api/auth/me')).statusCode).toBe(403);
    expect((await youth.post('/api/auth/mfa/setup')).statusCode).toBe(403);
    expect((await youth.get('/api/auth/session')).json()).toEqual({ data: null });
    expect((await f.contact.client.get('/api/portal/plan')).statusCode).toBe(403);
    expect((await new Client(ctx.app, freshIp()).get('/api/portal/plan')).statusCode).toBe(401);
    // Logout ends the portal session.
    expect((await youth.post('/api/portal/logout')).statusCode).toBe(200);
    expect((await youth.get('/api/portal/me')).statusCode).toBe(401);
  });

  it('a member who left the family has no portal any more, on the very next request', async () => {
    const f = await familyWithContact();
    const email = await linkPortalAccount(ctx, f.parent.id);
    const parent = await portalLogin(ctx, email);
    expect((await parent.get('/api/portal/me')).statusCode).toBe(200);
    await db().update(familyMember).set({ endedAt: ctx.clock.now() }).where(eq(familyMember.id, f.parent.id));
    expect((await parent.get('/api/portal/me')).statusCode).toBe(403);
  });
});
