import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { addToTeam, giveConsent, makeFamily, testRegion } from '../../../../tests/helpers/families.js';
import { freshIp, loginAs } from '../../../../tests/helpers/login.js';
import { Client } from '../../../../tests/helpers/session.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { forgedPortalSession, linkPortalAccount, makeConfidant, portalLogin } from '../../../../tests/helpers/portal.js';
import { atelier, consent, familyMember, journalNote, planVersion, portalConfidant, portalObjection, wait } from '../../db/schema/index.js';
import { DISCLOSURES } from '../../../shared/schemas/families/enums.js';
import { ZPortalExportResponse, ZPortalPlanResponse } from '../../../shared/schemas/portal.js';

/**
 * The family portal through HTTP: the portal access matrix (youth 12+, younger child, parent,
 * confidant, another family, professional, anonymous) per route; withdrawal by the youth; a parent
 * cannot restore what the youth withdrew; objections; my voice; the export and what it leaves out.
 */
let ctx: TestContext;
let regionId: string;
let orgA: string;
let orgB: string;

beforeAll(async () => {
  ctx = await createTestApp();
  regionId = await testRegion(ctx.database.db);
  orgA = (await makeOrganisation(ctx.database.db)).id;
  orgB = (await makeOrganisation(ctx.database.db)).id;
});
afterAll(async () => ctx?.close());

const db = () => ctx.database.db;

/**
 * A family with: a contact person (org A), a professional of org B with the youth's consent, a
 * youth of 14, a parent, a child of 8 — each with a family login — a confidant of the youth, and
 * a journal note, wait and atelier of every disclosure class.
 */
async function portalFamily() {
  const f = await makeFamily(db(), { regionId, now: ctx.clock.now() });
  const contact = await loginAs(ctx, 'professional', { organisationId: orgA });
  await addToTeam(db(), f.family.id, contact.user!.person.id, orgA, { contact: true });
  const proB = await loginAs(ctx, 'professional', { organisationId: orgB });
  await addToTeam(db(), f.family.id, proB.user!.person.id, orgB);
  await giveConsent(db(), { familyId: f.family.id, memberId: f.child.id, organisationId: orgA, scopes: ['edit_plan', 'journal'] });
  const consentB = await giveConsent(db(), { familyId: f.family.id, memberId: f.child.id, organisationId: orgB, scopes: ['read_plan', 'journal'] });
  const [young] = await db().insert(familyMember).values({ familyId: f.family.id, role: 'child', name: 'Klein Kind', birthDate: '2018-05-01' }).returning();
  const emails = {
    youth: await linkPortalAccount(ctx, f.child.id),
    parent: await linkPortalAccount(ctx, f.parent.id),
    young: await linkPortalAccount(ctx, young!.id),
    confidant: await makeConfidant(ctx, f.family.id, f.child.id),
  };
  for (const d of DISCLOSURES) {
    await db().insert(journalNote).values({ familyId: f.family.id, authorPersonId: contact.user!.person.id, authorOrganisationId: orgA, visibility: 'team', body: `note-${d}-${f.family.id}`, disclosure: d, youthMemberId: d === 'youth_own' ? f.child.id : null });
    await db().insert(wait).values({ familyId: f.family.id, serviceText: `wait-${d}-${f.family.id}`, sinceOn: '2026-01-05', disclosure: d, youthMemberId: d === 'youth_own' ? f.child.id : null });
    await db().insert(atelier).values({ familyId: f.family.id, heldOn: '2026-02-01', ideas: `idea-${d}-${f.family.id}`, disclosure: d, youthMemberId: d === 'youth_own' ? f.child.id : null });
  }
  return { ...f, young: young!, contact, proB, consentB, emails };
}

type Family = Awaited<ReturnType<typeof portalFamily>>;

describe('the portal access matrix', () => {
  const ACTORS = ['youth', 'parent', 'confidant', 'youngChild', 'otherFamily', 'professional', 'anonymous'] as const;
  type Who = (typeof ACTORS)[number];
  let f: Family;
  let other: Family;
  let clients: Record<Who, Client>;

  beforeAll(async () => {
    f = await portalFamily();
    other = await portalFamily();
    clients = {
      youth: await portalLogin(ctx, f.emails.youth),
      parent: await portalLogin(ctx, f.emails.parent),
      confidant: await portalLogin(ctx, f.emails.confidant),
      // The API never gives a child under 12 a session (no invitation); a forged one still opens nothing.
      youngChild: await forgedPortalSession(ctx, f.emails.young),
      otherFamily: await portalLogin(ctx, other.emails.youth),
      professional: f.proB.client,
      anonymous: new Client(ctx.app, freshIp()),
    };
  });

  const freshConsent = () => giveConsent(db(), { familyId: f.family.id, memberId: f.child.id, organisationId: orgA, scopes: ['read_plan'] });
  const currentVersion = async (who: Who) => {
    const res = await clients[who].get('/api/portal/plan');
    return res.statusCode === 200 ? (res.json().data.current.number as number) : 0;
  };

  const rows: { route: string; send: (who: Who) => Promise<{ method: 'GET' | 'POST'; url: string; payload?: unknown }>; expect: Record<Who, number> }[] = [
    { route: 'GET /api/portal/me', send: async () => ({ method: 'GET', url: '/api/portal/me' }), expect: { youth: 200, parent: 200, confidant: 200, youngChild: 403, otherFamily: 200, professional: 403, anonymous: 401 } },
    { route: 'GET /api/portal/plan', send: async () => ({ method: 'GET', url: '/api/portal/plan' }), expect: { youth: 200, parent: 200, confidant: 200, youngChild: 403, otherFamily: 200, professional: 403, anonymous: 401 } },
    {
      route: 'POST /api/portal/plan/voice',
      send: async (who) => ({ method: 'POST', url: '/api/portal/plan/voice', payload: { kind: 'comment', basedOn: await currentVersion(who), text: `Mijn mening (${who})` } }),
      expect: { youth: 201, parent: 201, confidant: 403, youngChild: 403, otherFamily: 201, professional: 403, anonymous: 401 },
    },
    { route: 'GET /api/portal/team', send: async () => ({ method: 'GET', url: '/api/portal/team' }), expect: { youth: 200, parent: 200, confidant: 200, youngChild: 403, otherFamily: 200, professional: 403, anonymous: 401 } },
    { route: 'GET /api/portal/consents', send: async () => ({ method: 'GET', url: '/api/portal/consents' }), expect: { youth: 200, parent: 200, confidant: 200, youngChild: 403, otherFamily: 200, professional: 403, anonymous: 401 } },
    {
      route: 'POST /api/portal/consents',
      // Always about this family's youth: only the youth may give it; the other family's youth names a member not theirs (422).
      send: async () => ({ method: 'POST', url: '/api/portal/consents', payload: { subjectMemberId: f.child.id, organisationId: orgA, scopes: ['read_plan'] } }),
      expect: { youth: 201, parent: 403, confidant: 403, youngChild: 403, otherFamily: 422, professional: 403, anonymous: 401 },
    },
    {
      route: 'POST /api/portal/consents/:consentId/withdraw',
      send: async () => ({ method: 'POST', url: `/api/portal/consents/${(await freshConsent()).id}/withdraw` }),
      // A parent does not see the youth's consents as theirs (404); the confidant sees them but may not act (403).
      expect: { youth: 200, parent: 404, confidant: 403, youngChild: 403, otherFamily: 404, professional: 403, anonymous: 401 },
    },
    {
      route: 'POST /api/portal/objections',
      send: async () => ({ method: 'POST', url: '/api/portal/objections', payload: { personId: f.contact.user!.person.id } }),
      expect: { youth: 201, parent: 403, confidant: 403, youngChild: 403, otherFamily: 422, professional: 403, anonymous: 401 },
    },
    {
      route: 'POST /api/portal/objections/:objectionId/withdraw',
      send: async () => {
        const [row] = await db().insert(portalObjection).values({ familyId: f.family.id, memberId: f.child.id, personId: f.proB.user!.person.id }).onConflictDoNothing().returning();
        const id = row?.id ?? (await db().select().from(portalObjection).where(and(eq(portalObjection.familyId, f.family.id), isNull(portalObjection.withdrawnAt))))[0]!.id;
        return { method: 'POST', url: `/api/portal/objections/${id}/withdraw` };
      },
      expect: { youth: 200, parent: 403, confidant: 403, youngChild: 403, otherFamily: 404, professional: 403, anonymous: 401 },
    },
    { route: 'GET /api/portal/confidants', send: async () => ({ method: 'GET', url: '/api/portal/confidants' }), expect: { youth: 200, parent: 403, confidant: 403, youngChild: 403, otherFamily: 200, professional: 403, anonymous: 401 } },
    {
      route: 'POST /api/portal/confidants',
      send: async () => ({ method: 'POST', url: '/api/portal/confidants', payload: { name: 'Coach Ilse', email: `coach-${randomUUID().slice(0, 8)}@example.test` } }),
      expect: { youth: 201, parent: 403, confidant: 403, youngChild: 403, otherFamily: 201, professional: 403, anonymous: 401 },
    },
    {
      route: 'POST /api/portal/confidants/:confidantId/end',
      send: async () => {
        await makeConfidant(ctx, f.family.id, f.child.id);
        const rows = await db().select({ id: portalConfidant.id }).from(portalConfidant).where(eq(portalConfidant.familyId, f.family.id)).orderBy(portalConfidant.createdAt);
        return { method: 'POST', url: `/api/portal/confidants/${rows[rows.length - 1]!.id}/end` };
      },
      expect: { youth: 200, parent: 403, confidant: 403, youngChild: 403, otherFamily: 404, professional: 403, anonymous: 401 },
    },
    { route: 'GET /api/portal/access-log', send: async () => ({ method: 'GET', url: '/api/portal/access-log' }), expect: { youth: 200, parent: 200, confidant: 200, youngChild: 403, otherFamily: 200, professional: 403, anonymous: 401 } },
    { route: 'GET /api/portal/export', send: async () => ({ method: 'GET', url: '/api/portal/export' }), expect: { youth: 200, parent: 200, confidant: 200, youngChild: 403, otherFamily: 200, professional: 403, anonymous: 401 } },
    { route: 'GET /api/portal/export.pdf', send: async () => ({ method: 'GET', url: '/api/portal/export.pdf' }), expect: { youth: 200, parent: 200, confidant: 200, youngChild: 403, otherFamily: 200, professional: 403, anonymous: 401 } },
  ];

  for (const row of rows) {
    it(row.route, async () => {
      const got: Record<string, number> = {};
      for (const who of ACTORS) {
        const req = await row.send(who);
        got[who] = (await clients[who].request({ method: req.method, url: req.url, payload: req.payload as never })).statusCode;
      }
      expect(got).toEqual(row.expect);
    });
  }
});

describe('consent in the portal', () => {
  it('the youth withdraws the consent: the professional’s next request is 404, and the youth sees that access in the log', async () => {
    const f = await portalFamily();
    expect((await f.proB.client.get(`/api/families/${f.family.id}/plan`)).statusCode).toBe(200);
    const youth = await portalLogin(ctx, f.emails.youth);
    const list = (await youth.get('/api/portal/consents')).json().data;
    const mine = list.consents.find((c: { id: string }) => c.id === f.consentB.id);
    expect(mine).toMatchObject({ state: 'current', canWithdraw: true, subject: { memberId: f.child.id } });

    expect((await youth.post(`/api/portal/consents/${f.consentB.id}/withdraw`)).statusCode).toBe(200);
    expect((await f.proB.client.get(`/api/families/${f.family.id}/plan`)).statusCode).toBe(404);
    expect((await f.proB.client.get(`/api/families/${f.family.id}`)).statusCode).toBe(404);
    await expectAudited(db(), 'portal.consent.withdraw', { familyId: f.family.id, resourceId: f.consentB.id });
    const [row] = await db().select().from(consent).where(eq(consent.id, f.consentB.id));
    expect(row?.withdrawnByMemberId).toBe(f.child.id);

    const log = (await youth.get('/api/portal/access-log')).json().data;
    const entry = log.items.find((i: { action: string; who: string }) => i.action === 'plan.view' && i.who === f.proB.user!.person.name);
    expect(entry).toBeDefined();
    // The portal's own reads are not a professional's access.
    expect(log.items.every((i: { who: string }) => i.who !== '')).toBe(true);
    // Twice: 409.
    expect((await youth.post(`/api/portal/consents/${f.consentB.id}/withdraw`)).statusCode).toBe(409);
  });

  it('a parent cannot withdraw, restore or override what the youth (12+) decides; the youth can restore it', async () => {
    const f = await portalFamily();
    const parent = await portalLogin(ctx, f.emails.parent);
    // The parent does not even see the youth's consents as theirs to manage.
    expect((await parent.post(`/api/portal/consents/${f.consentB.id}/withdraw`)).statusCode).toBe(404);
    const youth = await portalLogin(ctx, f.emails.youth);
    await youth.post(`/api/portal/consents/${f.consentB.id}/withdraw`);
    const restore = await parent.post('/api/portal/consents', { subjectMemberId: f.child.id, organisationId: orgB, scopes: ['read_plan'] });
    expect(restore.statusCode).toBe(403);
    expect(restore.json().error.message).toContain('Alleen');
    expect((await f.proB.client.get(`/api/families/${f.family.id}/plan`)).statusCode).toBe(404);
    const again = await youth.post('/api/portal/consents', { subjectMemberId: f.child.id, organisationId: orgB, scopes: ['read_plan'] });
    expect(again.statusCode).toBe(201);
    expect((await f.proB.client.get(`/api/families/${f.family.id}/plan`)).statusCode).toBe(200);
  });

  it('a parent gives and withdraws consent for a child under 12; bad input is refused', async () => {
    const f = await portalFamily();
    const parent = await portalLogin(ctx, f.emails.parent);
    const given = await parent.post('/api/portal/consents', { subjectMemberId: f.young.id, organisationId: orgB, scopes: ['journal'] });
    expect(given.statusCode).toBe(201);
    const [row] = await db().select().from(consent).where(eq(consent.id, given.json().data.id));
    expect(row).toMatchObject({ subjectMemberId: f.young.id, givenByMemberId: f.parent.id, recordedBy: null });
    expect((await parent.post(`/api/portal/consents/${given.json().data.id}/withdraw`)).statusCode).toBe(200);
    // An organisation not on the team, an unknown scope, an end in the past, NUL bytes.
    expect((await parent.post('/api/portal/consents', { subjectMemberId: f.young.id, organisationId: randomUUID(), scopes: ['journal'] })).statusCode).toBe(422);
    expect((await parent.post('/api/portal/consents', { subjectMemberId: f.young.id, organisationId: orgB, scopes: ['alles'] })).statusCode).toBe(400);
    const past = await parent.post('/api/portal/consents', { subjectMemberId: f.young.id, organisationId: orgB, scopes: ['journal'], validUntil: '2001-01-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0].message).toContain('einddatum');
    expect((await parent.post('/api/portal/consents', { subjectMemberId: 'x\u0000', organisationId: orgB, scopes: ['journal'] })).statusCode).toBe(400);
  });

  it('the youth objects to a named professional: that person’s consent no longer opens the file', async () => {
    const f = await portalFamily();
    const youth = await portalLogin(ctx, f.emails.youth);
    expect((await f.proB.client.get(`/api/families/${f.family.id}`)).statusCode).toBe(200);
    expect((await youth.post('/api/portal/objections', { personId: f.proB.user!.person.id })).statusCode).toBe(201);
    expect((await f.proB.client.get(`/api/families/${f.family.id}`)).statusCode).toBe(404);
    expect((await youth.post('/api/portal/objections', { personId: f.proB.user!.person.id })).statusCode).toBe(409);
    // Someone never on the team: 422.
    expect((await youth.post('/api/portal/objections', { personId: randomUUID() })).statusCode).toBe(422);
    const list = (await youth.get('/api/portal/consents')).json().data;
    expect(list.objections.map((o: { personId: string }) => o.personId)).toEqual([f.proB.user!.person.id]);
    // Withdrawn: the consent counts again.
    expect((await youth.post(`/api/portal/objections/${list.objections[0].id}/withdraw`)).statusCode).toBe(200);
    expect((await f.proB.client.get(`/api/families/${f.family.id}`)).statusCode).toBe(200);
    expect((await youth.post(`/api/portal/objections/${list.objections[0].id}/withdraw`)).statusCode).toBe(404);
  });
});

describe('my plan and my voice', () => {
  it('adds a goal, a comment and an action done as new versions by the member; a stale base version is 409; agreement', async () => {
    const f = await portalFamily();
    const youth = await portalLogin(ctx, f.emails.youth);
    const plan0 = ZPortalPlanResponse.parse((await youth.get('/api/portal/plan')).json());
    expect(plan0.data.current.number).toBe(0);
    expect(plan0.data.sinceLastVisit).toBeNull();

    const goal = await youth.post('/api/portal/plan/voice', { kind: 'goal', basedOn: 0, domain: 'school', text: 'Ik wil elke dag naar school gaan.' });
    expect(goal.statusCode, goal.body).toBe(201);
    expect(goal.json().data.version).toBe(1);
    const [v1] = await db().select().from(planVersion).where(and(eq(planVersion.familyId, f.family.id), eq(planVersion.number, 1)));
    expect(v1).toMatchObject({ authorMemberId: f.child.id, authorPersonId: null, basedOn: 0 });

    // Somebody else wrote meanwhile: the stale base is 409 and nothing changes.
    const stale = await youth.post('/api/portal/plan/voice', { kind: 'comment', basedOn: 0, text: 'Te laat' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');

    const plan1 = (await youth.get('/api/portal/plan')).json().data;
    const goalKey = plan1.current.content.goals[0].key;
    expect((await youth.post('/api/portal/plan/voice', { kind: 'comment', basedOn: 1, on: { kind: 'goal', key: goalKey }, text: 'Dit is belangrijk voor mij.' })).statusCode).toBe(201);

    // The contact person's save keeps the family's comment and adds an action; the youth marks it done.
    const contactPlan = (await f.contact.client.get(`/api/families/${f.family.id}/plan`)).json().data;
    const { comments: _c, ...content } = contactPlan.current.content;
    const actionKey = randomUUID();
    const saved = await f.contact.client.request({
      method: 'PUT',
      url: `/api/families/${f.family.id}/plan`,
      payload: { basedOn: 2, summary: 'Actie erbij', content: { ...content, actions: [{ key: actionKey, goalKey, what: 'Wekker zetten', owner: { kind: 'member', memberId: f.child.id }, dueOn: null, status: 'planned' }] } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().data.current.content.comments).toHaveLength(1);
    // The team sees the family's versions as the member's contributions.
    const v1Seen = (await f.contact.client.get(`/api/families/${f.family.id}/plan/versions/1`)).json().data;
    expect(v1Seen.author).toEqual({ personId: null, name: 'Test Jongere' });
    expect((await youth.post('/api/portal/plan/voice', { kind: 'action_done', basedOn: 3, actionKey })).statusCode).toBe(201);
    expect((await youth.post('/api/portal/plan/voice', { kind: 'action_done', basedOn: 4, actionKey: randomUUID() })).statusCode).toBe(422);
    expect((await youth.post('/api/portal/plan/voice', { kind: 'goal', basedOn: 4, domain: 'onbekend', text: 'x' })).statusCode).toBe(422);
    expect((await youth.post('/api/portal/plan/voice', { kind: 'goal', basedOn: 4, domain: 'school', text: '' })).statusCode).toBe(400);
    expect((await youth.post('/api/portal/plan/voice', { kind: 'goal', basedOn: 2 ** 40, domain: 'school', text: 'x' })).statusCode).toBe(400);

    const agree = await youth.post('/api/portal/plan/voice', { kind: 'agree', basedOn: 4 });
    expect(agree.statusCode).toBe(201);
    const plan4 = ZPortalPlanResponse.parse((await youth.get('/api/portal/plan')).json()).data;
    expect(plan4.agreement?.version).toBe(4);
    expect(plan4.current.content.actions[0]?.status).toBe('done');
    // What changed since my last visit (when I read version 1): my comment, the contact person's version, my action done.
    expect(plan4.sinceLastVisit?.newVersions.map((v) => [v.number, v.byFamily])).toEqual([[2, true], [3, false], [4, true]]);
    await expectAudited(db(), 'portal.plan.voice', { familyId: f.family.id, details: { version: 4, kind: 'action_done' } });
  });

  it('my team: the contact person and the professionals with organisation, role and since when', async () => {
    const f = await portalFamily();
    const parent = await portalLogin(ctx, f.emails.parent);
    const team = (await parent.get('/api/portal/team')).json().data;
    expect(team).toHaveLength(2);
    expect(team.find((t: { isContact: boolean }) => t.isContact).personId).toBe(f.contact.user!.person.id);
    await expectAudited(db(), 'portal.team.view', { familyId: f.family.id });
  });
});

describe('what the family does not see', () => {
  const leftOut = (viewer: 'youth' | 'parent' | 'confidant') =>
    ({ youth: ['confidential', 'third_party', 'court', 'agogic_exception'], parent: ['confidential', 'third_party', 'court', 'agogic_exception', 'youth_own'], confidant: ['confidential', 'third_party', 'court'] })[viewer];

  async function exportOf(f: Family, email: string) {
    const client = await portalLogin(ctx, email);
    const res = await client.get('/api/portal/export');
    expect(res.statusCode).toBe(200);
    return { body: res.body, data: ZPortalExportResponse.parse(res.json()).data };
  }

  it('the youth’s export holds every record about them and none of the excluded items', async () => {
    const f = await portalFamily();
    const youth = await portalLogin(ctx, f.emails.youth);
    await youth.post('/api/portal/plan/voice', { kind: 'goal', basedOn: 0, domain: 'school', text: 'Mijn eigen doel' });
    await youth.post('/api/portal/objections', { personId: f.proB.user!.person.id });
    await f.contact.client.get(`/api/families/${f.family.id}/plan`);
    const { body, data } = await exportOf(f, f.emails.youth);
    expect(data.me).toMatchObject({ memberId: f.child.id, email: f.emails.youth, viewer: 'youth' });
    expect(data.consents.map((c) => c.id)).toContain(f.consentB.id);
    expect(data.plan.myVersions).toHaveLength(1);
    expect(data.objections).toHaveLength(1);
    expect(data.confidants).toHaveLength(1);
    expect(data.accessLog.length).toBeGreaterThan(0);
    for (const d of ['normal', 'youth_own']) {
      for (const kind of ['note', 'wait', 'idea']) expect(body).toContain(`${kind}-${d}-${f.family.id}`);
    }
    for (const d of leftOut('youth')) {
      for (const kind of ['note', 'wait', 'idea']) expect(body).not.toContain(`${kind}-${d}-`);
    }
    await expectAudited(db(), 'portal.export', { familyId: f.family.id });
  });

  it('a parent does not see the youth’s own items; the confidant sees the agogic-exception items', async () => {
    const f = await portalFamily();
    const parent = await exportOf(f, f.emails.parent);
    expect(parent.body).toContain(`note-normal-${f.family.id}`);
    for (const d of leftOut('parent')) expect(parent.body).not.toContain(`-${d}-`);
    const confidant = await exportOf(f, f.emails.confidant);
    for (const d of ['normal', 'youth_own', 'agogic_exception']) expect(confidant.body).toContain(`note-${d}-${f.family.id}`);
    for (const d of leftOut('confidant')) expect(confidant.body).not.toContain(`-${d}-`);
    // The plan view's waits follow the same rule.
    const parentClient = await portalLogin(ctx, f.emails.parent);
    const waits = (await parentClient.get('/api/portal/plan')).json().data.waits.map((w: { service: string }) => w.service);
    expect(waits).toEqual([`wait-normal-${f.family.id}`]);
  });
});

describe('confidant', () => {
  it('the youth designates a confidant who logs in with a code; ending it closes their portal at once', async () => {
    const f = await portalFamily();
    const youth = await portalLogin(ctx, f.emails.youth);
    const email = `coach-${randomUUID().slice(0, 8)}@example.test`;
    const made = await youth.post('/api/portal/confidants', { name: 'Coach Ilse', email });
    expect(made.statusCode).toBe(201);
    const confidant = await portalLogin(ctx, email);
    expect((await confidant.get('/api/portal/me')).json().data).toMatchObject({ viewer: 'confidant', confidantOf: { memberId: f.child.id } });
    // Not a family member: refused as a confidant (422); a professional's address: 409.
    expect((await youth.post('/api/portal/confidants', { name: 'Mama', email: f.emails.parent })).statusCode).toBe(422);
    expect((await youth.post('/api/portal/confidants', { name: 'Hulpverlener', email: f.contact.user!.email })).statusCode).toBe(409);
    expect((await youth.post(`/api/portal/confidants/${made.json().data.id}/end`)).statusCode).toBe(200);
    expect((await confidant.get('/api/portal/me')).statusCode).toBe(401);
  });
});

