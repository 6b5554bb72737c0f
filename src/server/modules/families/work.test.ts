import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { careFamily, type CareFamily } from '../../../../tests/helpers/care.js';
import { TEST_MUNICIPALITIES, addToTeam, makeFamily } from '../../../../tests/helpers/families.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { consent, family, familyRequest, wait } from '../../db/schema/index.js';
import type { TPlanContent } from '../../../shared/schemas/families/plan.js';
import { WORK_SECTION_LIMIT, ZWorkResponse, type TWork } from '../../../shared/schemas/families/work.js';

/**
 * "My work" through HTTP: what is due (requests near the one-month norm, plan actions,
 * evaluations), what others changed since my last visit, who is waiting — only for families whose
 * file I may open now, bounded per section, audited as one read.
 */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx?.close());

const db = () => ctx.database.db;
const day = (offsetDays: number) => new Date(ctx.clock.now().getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const minutes = (n: number) => ctx.clock.advance(n * 60_000);

async function work(who: LoggedIn): Promise<TWork> {
  const res = await who.client.get('/api/work');
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toContain('no-store');
  return ZWorkResponse.parse(res.json()).data;
}

/** Everything of one family in a work answer (to check that a family's items vanish). */
function itemsOf(w: TWork, familyId: string) {
  return [w.requests.items, w.actions.items, w.evaluations.items, w.changes.items, w.waiting.items].flat().filter((i) => i.familyId === familyId);
}

async function addRequest(f: CareFamily, dueOn: string, status: 'contact_assigned' | 'first_contact' | 'answered' = 'contact_assigned') {
  const [row] = await db()
    .insert(familyRequest)
    .values({
      regionId: f.regionId,
      municipalityNis: TEST_MUNICIPALITIES[0],
      receivedOn: day(-40),
      dueOn,
      channel: 'clb',
      familyName: f.family.name,
      question: 'Hoe krijgen we rust thuis?',
      status,
      outcome: status === 'answered' ? 'plan_started' : null,
      familyId: f.familyId,
    })
    .returning({ id: familyRequest.id });
  return row!.id;
}

function planContent(f: CareFamily, actions: { what: string; personId: string; dueOn: string | null; status?: 'planned' | 'in_progress' | 'done' }[], evaluationOn: string): TPlanContent {
  const goal = randomUUID();
  return {
    story: 'Wij willen meer rust thuis.',
    strengths: ['We helpen elkaar'],
    worries: [],
    goals: [{ key: goal, domain: 'school', text: 'Elke dag naar school', priority: 1 }],
    actions: actions.map((a) => ({ key: randomUUID(), goalKey: goal, what: a.what, owner: { kind: 'team' as const, personId: a.personId }, dueOn: a.dueOn, status: a.status ?? 'planned' })),
    agreements: [],
    evaluations: [{ key: randomUUID(), on: evaluationOn, note: 'Evaluatie' }],
    network: [],
  };
}

async function savePlan(who: LoggedIn, familyId: string, basedOn: number, content: TPlanContent) {
  const res = await who.client.request({ method: 'PUT', url: `/api/families/${familyId}/plan`, payload: { basedOn, summary: 'Plan bijgewerkt', content } as unknown as Record<string, unknown> });
  expect(res.statusCode).toBe(200);
}

describe('my work', () => {
  it('shows the contact person what is due, what others changed since the last visit and who waits; audited without names', async () => {
    const f = await careFamily(ctx, { name: 'Gezin Werkmans' });
    const contact = await f.as.contact();
    const colleague = await f.as.colleague();
    const orgB = await f.as.orgB();
    const me = f.users.contact.person.id;
    const them = f.users.colleague.person.id;

    const overdue = await addRequest(f, day(-2), 'first_contact');
    const atRisk = await addRequest(f, day(3));
    await addRequest(f, day(20)); // on time: not work yet
    await addRequest(f, day(-5), 'answered'); // answered: done

    // The contact person opens the family (the visit), then others work in it.
    expect((await contact.client.get(`/api/families/${f.familyId}`)).statusCode).toBe(200);
    minutes(5);
    await savePlan(
      colleague,
      f.familyId,
      0,
      planContent(
        f,
        [
          { what: 'Gesprek met school', personId: me, dueOn: null }, // mine, no date
          { what: 'Huisbezoek', personId: them, dueOn: day(5) }, // due soon, someone else's
          { what: 'Evaluatie voorbereiden', personId: them, dueOn: day(60) }, // far off, not mine: not work
          { what: 'Intake', personId: me, dueOn: day(-3), status: 'done' }, // done: not work
        ],
        day(10),
      ),
    );
    const waitRes = await colleague.client.post(`/api/families/${f.familyId}/waits`, { serviceText: 'Contextbegeleiding', sinceOn: day(-40) });
    expect(waitRes.statusCode).toBe(201);
    const bridgedWait = waitRes.json().data.id as string;
    expect((await colleague.client.post(`/api/families/${f.familyId}/waits/${bridgedWait}/bridging`, { provider: 'Oma Rita', what: 'Opvang na school', fromOn: day(-30) })).statusCode).toBe(201);
    const longWait = (await colleague.client.post(`/api/families/${f.familyId}/waits`, { serviceText: 'Kinderpsychiater', sinceOn: day(-100) })).json().data.id as string;
    expect((await orgB.client.post(`/api/families/${f.familyId}/journal`, { body: 'Gesprek met mama', visibility: 'team' })).statusCode).toBe(201);
    expect((await orgB.client.post(`/api/families/${f.familyId}/journal`, { body: 'Intern overleg B', visibility: 'organisation' })).statusCode).toBe(201);
    // My own note does not count as a change for me.
    expect((await contact.client.post(`/api/families/${f.familyId}/journal`, { body: 'Eigen notitie', visibility: 'team' })).statusCode).toBe(201);
    minutes(1);

    const w = await work(contact);
    expect(w.today).toBe(day(0));
    expect(w.requests.total).toBe(2);
    expect(w.requests.items.map((r) => [r.id, r.flag, r.daysLeft])).toEqual([
      [overdue, 'overdue', -2],
      [atRisk, 'at_risk', 3],
    ]);
    expect(w.requests.items[0]).toMatchObject({ familyId: f.familyId, familyName: 'Gezin Werkmans', status: 'first_contact' });

    expect(w.actions.total).toBe(2);
    expect(w.actions.items.map((a) => [a.title, a.mine, a.daysLeft])).toEqual([
      ['Huisbezoek', false, 5],
      ['Gesprek met school', true, null],
    ]);
    expect(w.evaluations.items).toEqual([{ familyId: f.familyId, familyName: 'Gezin Werkmans', evaluationOn: day(10), daysLeft: 10 }]);

    expect(w.waiting.total).toBe(2);
    expect(w.waiting.items.map((i) => [i.waitId, i.daysWaiting, i.bridging])).toEqual([
      [longWait, 100, false],
      [bridgedWait, 40, true],
    ]);

    expect(w.changes.items).toEqual([
      expect.objectContaining({ familyId: f.familyId, planVersions: 1, journalNotes: 1, teamChanges: 0, consentChanges: 0, lastVisitAt: expect.any(String) }),
    ]);

    const audit = await expectAudited(db(), 'work.view', { actorPersonId: me, outcome: 'success', details: { requests: 2, actions: 2, evaluations: 1, changes: 1, waiting: 2 } });
    expect(JSON.stringify(audit.details)).not.toMatch(/Werkmans|Huisbezoek|Contextbegeleiding/);

    // After opening the family again, nothing is new any more.
    expect((await contact.client.get(`/api/families/${f.familyId}`)).statusCode).toBe(200);
    minutes(1);
    expect((await work(contact)).changes.items).toEqual([]);
  });

  it('counts team and consent changes since the visit, and only what the reader may see', async () => {
    const f = await careFamily(ctx);
    const contact = await f.as.contact();
    const orgB = await f.as.orgB();
    expect((await orgB.client.get(`/api/families/${f.familyId}`)).statusCode).toBe(200);
    expect((await contact.client.get(`/api/families/${f.familyId}`)).statusCode).toBe(200);
    minutes(5);
    // The contact person adds a colleague of A to the team and records a consent: changes for B, not for the contact person.
    const newcomer = await loginAs(ctx, 'professional', { organisationId: f.orgA });
    expect((await contact.client.post(`/api/families/${f.familyId}/team`, { personId: newcomer.user!.person.id, organisationId: f.orgA })).statusCode).toBe(201);
    const given = await contact.client.post(`/api/families/${f.familyId}/consent`, { subjectMemberId: f.child.id, givenByMemberId: f.child.id, organisationId: f.orgB, scopes: ['read_plan'] });
    expect(given.statusCode).toBe(201);
    // A note for organisation A only: B may not read it, so it is not counted for B.
    expect((await contact.client.post(`/api/families/${f.familyId}/journal`, { body: 'Alleen voor A', visibility: 'organisation' })).statusCode).toBe(201);
    minutes(1);

    const forB = (await work(orgB)).changes.items.find((c) => c.familyId === f.familyId);
    expect(forB).toMatchObject({ teamChanges: 1, consentChanges: 1, journalNotes: 0, planVersions: 0 });
    // My own changes (the team member I added, the consent I recorded, my note) are not news to me.
    expect((await work(contact)).changes.items.filter((c) => c.familyId === f.familyId)).toEqual([]);
  });

  it('a contact person without consent sees their requests and registration changes, never plan or journal counts', async () => {
    const { family: fam, child } = await makeFamily(db(), { name: 'Gezin Zonder' });
    const org = (await makeOrganisation(db())).id;
    const contact = await loginAs(ctx, 'professional', { organisationId: org });
    await addToTeam(db(), fam.id, contact.user!.person.id, org, { contact: true, at: new Date(ctx.clock.now().getTime() - 3_600_000) });
    const [region] = await db().select({ regionId: family.regionId }).from(family).where(eq(family.id, fam.id));
    await db().insert(familyRequest).values({
      regionId: region!.regionId, municipalityNis: TEST_MUNICIPALITIES[0], receivedOn: day(-30), dueOn: day(1), channel: 'self',
      familyName: fam.name, question: 'Vraag', status: 'contact_assigned', familyId: fam.id,
    });
    await db().insert(wait).values({ familyId: fam.id, serviceText: 'Thuisbegeleiding', sinceOn: day(-10) });
    await db().insert(consent).values({ familyId: fam.id, subjectMemberId: child.id, givenByMemberId: child.id, organisationId: (await makeOrganisation(db())).id, scopes: ['read_plan'], validFrom: ctx.clock.now() });
    minutes(1);

    const w = await work(contact);
    expect(w.requests.items).toEqual([expect.objectContaining({ familyId: fam.id, flag: 'at_risk', daysLeft: 1 })]);
    expect(w.waiting.items.filter((i) => i.familyId === fam.id)).toEqual([]);
    // Never visited: counted since I joined the team.
    expect(w.changes.items).toEqual([expect.objectContaining({ familyId: fam.id, lastVisitAt: null, planVersions: null, journalNotes: null, consentChanges: 1 })]);
  });

  it('a withdrawn consent takes the family off my work on the very next request', async () => {
    const f = await careFamily(ctx);
    const contact = await f.as.contact();
    const orgB = await f.as.orgB();
    await savePlan(contact, f.familyId, 0, planContent(f, [{ what: 'Voor B', personId: f.users.orgB.person.id, dueOn: day(2) }], day(3)));
    expect((await contact.client.post(`/api/families/${f.familyId}/waits`, { serviceText: 'Logopedie', sinceOn: day(-20) })).statusCode).toBe(201);
    minutes(1);
    const before = itemsOf(await work(orgB), f.familyId);
    expect(before.map((i) => ('waitId' in i ? 'wait' : 'actionKey' in i ? 'action' : 'evaluationOn' in i ? 'evaluation' : 'change'))).toEqual(['action', 'evaluation', 'change', 'wait']);

    const [bConsent] = await db().select({ id: consent.id }).from(consent).where(and(eq(consent.familyId, f.familyId), eq(consent.organisationId, f.orgB)));
    expect((await contact.client.post(`/api/families/${f.familyId}/consent/${bConsent!.id}/withdraw`, {})).statusCode).toBe(200);
    expect(itemsOf(await work(orgB), f.familyId)).toEqual([]);
    // The team member whose consent was withdrawn earlier never saw it.
    expect(itemsOf(await work(await f.as.withdrawn()), f.familyId)).toEqual([]);
  });

  it('answers nothing of a family to whoever is not on its team with consent, and 401 without a full session', async () => {
    const f = await careFamily(ctx);
    const contact = await f.as.contact();
    await addRequest(f, day(1));
    await savePlan(contact, f.familyId, 0, planContent(f, [{ what: 'Iets', personId: f.users.contact.person.id, dueOn: day(1) }], day(1)));
    expect((await contact.client.post(`/api/families/${f.familyId}/waits`, { serviceText: 'Logopedie', sinceOn: day(-20) })).statusCode).toBe(201);

    for (const who of [await f.as.outsider(), await f.as.coordinator(), await f.as.platformAdmin(), await loginAs(ctx, 'org-admin', { organisationId: f.orgA })]) {
      expect(itemsOf(await work(who), f.familyId)).toEqual([]);
    }
    const anonymous = await loginAs(ctx, 'anonymous');
    expect((await anonymous.client.get('/api/work')).statusCode).toBe(401);
    const passwordOnly = await loginAs(ctx, 'password-only');
    expect((await passwordOnly.client.get('/api/work')).statusCode).toBe(401);
  });

  it('keeps each section bounded and still says how many there are', async () => {
    const f = await careFamily(ctx);
    const contact = await f.as.contact();
    const n = WORK_SECTION_LIMIT + 5;
    await db().insert(wait).values(Array.from({ length: n }, (_, i) => ({ familyId: f.familyId, serviceText: `Dienst ${i}`, sinceOn: day(-10 - i) })));
    const w = await work(contact);
    expect(w.waiting.total).toBe(n);
    expect(w.waiting.items).toHaveLength(WORK_SECTION_LIMIT);
    expect(w.waiting.items[0]?.serviceText).toBe(`Dienst ${n - 1}`);
  });

  it('leaves closed families out of what is due', async () => {
    const f = await careFamily(ctx);
    const contact = await f.as.contact();
    await savePlan(contact, f.familyId, 0, planContent(f, [{ what: 'Oud', personId: f.users.contact.person.id, dueOn: day(1) }], day(1)));
    await db().insert(wait).values({ familyId: f.familyId, serviceText: 'Dienst', sinceOn: day(-3) });
    await db().update(family).set({ status: 'closed' }).where(eq(family.id, f.familyId));
    const w = await work(contact);
    expect([w.actions.items, w.evaluations.items, w.waiting.items].flat().filter((i) => i.familyId === f.familyId)).toEqual([]);
  });
});
