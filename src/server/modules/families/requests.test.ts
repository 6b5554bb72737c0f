import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation, makeUser, type makeUser as MakeUser } from '../../../../tests/helpers/factories.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { addToTeam, makeFamily, testRegion } from '../../../../tests/helpers/families.js';
import { upsertRegion } from '../../db/reference-data.js';
import { contactAssignment, family, familyRequest, platformRole, teamMember } from '../../db/schema/index.js';
import { brusselsDate } from '../../platform/clock.js';
import {
  ZContactCandidateListResponse,
  ZLifeDomainListResponse,
  ZRequestCountsResponse,
  ZRequestListResponse,
  ZRequestResponse,
  daysBetween,
  oneMonthAfter,
  type TRequestCreate,
} from '../../../shared/schemas/families/requests.js';

let ctx: TestContext;
let regionId: string;
let otherRegionId: string;
let coordinator: LoggedIn;
let otherCoordinator: LoggedIn;
let professional: LoggedIn;
let orgId: string;

/** Today and n days before it, in Brussels, as the app sees it. */
const today = () => brusselsDate(ctx.clock.now());
const daysAgo = (n: number) => brusselsDate(new Date(ctx.clock.now().getTime() - n * 86_400_000));

/** A coordinator of one region (null: every region), logged in. */
async function coordinatorOf(region: string | null): Promise<LoggedIn> {
  const user: Awaited<ReturnType<typeof MakeUser>> = await makeUser(ctx.database.db);
  await ctx.database.db.insert(platformRole).values({ personId: user.person.id, role: 'network_coordinator', regionId: region });
  return loginAs(ctx, 'network-coordinator', { user });
}

const body = (over: Partial<TRequestCreate> = {}): TRequestCreate => ({
  receivedOn: daysAgo(2),
  channel: 'clb',
  referrer: 'CLB Brugge',
  familyName: 'Gezin Peeters',
  contactInfo: 'Moeder: 0470 12 34 56',
  question: 'Onze zoon wil niet meer naar school en we weten niet hoe we hem kunnen helpen.',
  lifeDomains: ['parenting', 'mental_wellbeing'],
  urgency: 'normal',
  municipalityNis: '31005',
  ...over,
});

async function register(who: LoggedIn = coordinator, over: Partial<TRequestCreate> = {}) {
  const res = await who.client.post('/api/requests', body(over));
  expect(res.statusCode, res.body).toBe(201);
  return ZRequestResponse.parse(res.json());
}

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  regionId = await testRegion(db);
  otherRegionId = await upsertRegion(db, { code: 'test-gent', name: 'Regio test-gent', kind: 'network' }, ['44021']);
  orgId = (await makeOrganisation(db)).id;
  coordinator = await coordinatorOf(regionId);
  otherCoordinator = await coordinatorOf(otherRegionId);
  professional = await loginAs(ctx, 'professional', { organisationId: orgId });
});
afterAll(() => ctx.close());

describe('the one-month norm', () => {
  it('is the same day a calendar month later, clamped to the end of the month', () => {
    expect(oneMonthAfter('2025-01-31')).toBe('2025-02-28');
    expect(oneMonthAfter('2024-01-31')).toBe('2024-02-29');
    expect(oneMonthAfter('2025-03-31')).toBe('2025-04-30');
    expect(oneMonthAfter('2025-01-15')).toBe('2025-02-15');
    expect(oneMonthAfter('2025-12-31')).toBe('2026-01-31');
    expect(oneMonthAfter('2025-02-28')).toBe('2025-03-28');
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2025-03-30', '2025-03-29')).toBe(-1);
  });
});

describe('registering a request', () => {
  it('a coordinator registers one in their region: due one month after receipt, audited, on the board', async () => {
    const { data, abilities } = await register();
    expect(data).toMatchObject({
      regionId, municipalityNis: '31005', status: 'received', dueOn: oneMonthAfter(daysAgo(2)), familyId: null, contactPerson: null,
      lifeDomains: ['parenting', 'mental_wellbeing'], question: expect.stringContaining('school'),
    });
    expect(data.daysLeft).toBe(daysBetween(today(), data.dueOn));
    expect(data.flag).toBe(data.daysLeft! > 7 ? 'on_time' : 'at_risk');
    expect(abilities).toEqual({ view: true, triage: true, assignContact: false, recordFirstContact: false, answer: false });
    await expectAudited(ctx.database.db, 'request.create', { resourceId: data.id, actorPersonId: coordinator.user!.person.id, outcome: 'success' });

    const list = ZRequestListResponse.parse((await coordinator.client.get('/api/requests')).json());
    expect(list.data.items.map((r) => r.id)).toContain(data.id);
    expect(list.abilities[data.id]?.triage).toBe(true);
    // The board carries no question text or contact details.
    expect(JSON.stringify(list.data.items)).not.toContain('school');
  });

  it('takes an earlier due date, never one before receipt or after the norm', async () => {
    const { data } = await register(coordinator, { dueOn: daysAgo(1) });
    expect(data.dueOn).toBe(daysAgo(1));
    expect(data.flag).toBe('overdue');
    const before = await coordinator.client.post('/api/requests', body({ receivedOn: daysAgo(2), dueOn: daysAgo(3) }));
    expect(before.statusCode).toBe(400);
    expect(before.json().error.details).toEqual([expect.objectContaining({ path: 'body.dueOn' })]);
    const later = await coordinator.client.post('/api/requests', body({ receivedOn: daysAgo(2), dueOn: oneMonthAfter(today()) }));
    expect(later.statusCode).toBe(400);
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const db = ctx.database.db;
    const count = async () => (await db.select({ id: familyRequest.id }).from(familyRequest)).length;
    const before = await count();
    const cases: [Partial<TRequestCreate>, string][] = [
      [{ lifeDomains: ['parenting', 'astrology'] }, 'body.lifeDomains'],
      [{ receivedOn: brusselsDate(new Date(ctx.clock.now().getTime() + 2 * 86_400_000)) }, 'body.receivedOn'],
      [{ question: 'Hallo\u0000wereld' }, 'body.question'],
      [{ familyName: 'Gezin\u0000X' }, 'body.familyName'],
      [{ municipalityNis: '99999' }, 'body.municipalityNis'],
      // Gent belongs to another region than the coordinator's.
      [{ municipalityNis: '44021' }, 'body.municipalityNis'],
      [{ question: '' }, 'body.question'],
    ];
    for (const [over, path] of cases) {
      const res = await coordinator.client.post('/api/requests', body(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await count()).toBe(before);
  });

  it('is for coordinators only; anonymous callers get 401', async () => {
    expect((await professional.client.post('/api/requests', body())).statusCode).toBe(403);
    expect((await (await loginAs(ctx, 'anonymous')).client.post('/api/requests', body())).statusCode).toBe(401);
    expect((await (await loginAs(ctx, 'anonymous')).client.get('/api/requests')).statusCode).toBe(401);
  });

  it('a coordinator of every region registers in the network region of the municipality', async () => {
    const all = await coordinatorOf(null);
    const { data } = await register(all, { municipalityNis: '44021' });
    expect(data.regionId).toBe(otherRegionId);
  });
});

describe('the status flow', () => {
  it('received → triage → contact person → first contact → answered, creating the family with its contact person and team', async () => {
    const db = ctx.database.db;
    const { data: created } = await register();
    const contact = await makeUser(db, { organisationId: orgId, orgRoles: ['professional'] });

    const triaged = await coordinator.client.post(`/api/requests/${created.id}/triage`, { version: created.version });
    expect(triaged.statusCode, triaged.body).toBe(200);
    const t = ZRequestResponse.parse(triaged.json());
    expect(t.data.status).toBe('triage');
    expect(t.abilities).toMatchObject({ triage: false, assignContact: true, answer: true });

    const candidates = ZContactCandidateListResponse.parse((await coordinator.client.get(`/api/requests/contact-candidates?q=${encodeURIComponent(contact.person.name)}`)).json());
    expect(candidates.data).toEqual([{ personId: contact.person.id, name: contact.person.name, organisations: [expect.objectContaining({ organisationId: orgId })] }]);

    const assigned = await coordinator.client.post(`/api/requests/${created.id}/assign-contact`, { version: t.data.version, personId: contact.person.id, organisationId: orgId });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const a = ZRequestResponse.parse(assigned.json());
    expect(a.data).toMatchObject({ status: 'contact_assigned', contactPerson: { personId: contact.person.id, organisationId: orgId } });
    expect(a.data.familyPseudonym).toMatch(/^G-[2-9A-HJKMNP-Z]{5}$/);
    const familyId = a.data.familyId!;
    const [f] = await db.select().from(family).where(eq(family.id, familyId));
    expect(f).toMatchObject({ name: 'Gezin Peeters', regionId, municipalityNis: '31005', status: 'open' });
    expect(await db.select().from(contactAssignment).where(and(eq(contactAssignment.familyId, familyId), isNull(contactAssignment.untilAt)))).toHaveLength(1);
    expect(await db.select().from(teamMember).where(and(eq(teamMember.familyId, familyId), eq(teamMember.personId, contact.person.id)))).toHaveLength(1);
    await expectAudited(db, 'request.assign_contact', { resourceId: created.id, familyId });

    // Another family with its own contact person changes nothing about this request (regression: a
    // subquery once compared the contact assignment with itself).
    const other = await makeFamily(db, { regionId });
    const otherContact = await makeUser(db, { organisationId: orgId });
    await addToTeam(db, other.family.id, otherContact.person.id, orgId, { contact: true });
    const again = ZRequestResponse.parse((await coordinator.client.get(`/api/requests/${created.id}`)).json());
    expect(again.data.contactPerson?.personId).toBe(contact.person.id);

    // The contact person now sees the request (and only that one of the region).
    const cp = await loginAs(ctx, 'professional', { user: contact });
    const mine = ZRequestListResponse.parse((await cp.client.get('/api/requests')).json());
    expect(mine.data.items.map((r) => r.id)).toEqual([created.id]);
    const otherCp = await loginAs(ctx, 'professional', { user: otherContact });
    expect(ZRequestListResponse.parse((await otherCp.client.get('/api/requests')).json()).data.items).toEqual([]);
    expect((await otherCp.client.get(`/api/requests/${created.id}`)).statusCode).toBe(404);
    const seen = ZRequestResponse.parse((await cp.client.get(`/api/requests/${created.id}`)).json());
    expect(seen.abilities).toEqual({ view: true, triage: false, assignContact: false, recordFirstContact: true, answer: false });
    await expectAudited(db, 'request.view', { resourceId: created.id, actorPersonId: contact.person.id });
    // …but not the board's counts, which are the coordinator's.
    expect((await cp.client.get('/api/requests/counts')).statusCode).toBe(403);

    const future = await cp.client.post(`/api/requests/${created.id}/first-contact`, { version: a.data.version, on: brusselsDate(new Date(ctx.clock.now().getTime() + 86_400_000 * 2)) });
    expect(future.statusCode).toBe(400);
    const early = await cp.client.post(`/api/requests/${created.id}/first-contact`, { version: a.data.version, on: daysAgo(3) });
    expect(early.statusCode).toBe(400);
    const first = await cp.client.post(`/api/requests/${created.id}/first-contact`, { version: a.data.version, on: today() });
    expect(first.statusCode, first.body).toBe(200);
    const fc = ZRequestResponse.parse(first.json());
    expect(fc.data).toMatchObject({ status: 'first_contact', firstContactOn: today() });

    const answered = await cp.client.post(`/api/requests/${created.id}/answer`, { version: fc.data.version, outcome: 'plan_started' });
    expect(answered.statusCode, answered.body).toBe(200);
    const an = ZRequestResponse.parse(answered.json());
    expect(an.data).toMatchObject({ status: 'answered', outcome: 'plan_started', answeredOn: today(), daysLeft: null, flag: null });
    expect(an.abilities).toEqual({ view: true, triage: false, assignContact: false, recordFirstContact: false, answer: false });
    await expectAudited(db, 'request.answer', { resourceId: created.id, details: { outcome: 'plan_started' } });

    // Answered requests leave the board (unless asked for by status).
    const board = ZRequestListResponse.parse((await coordinator.client.get('/api/requests')).json());
    expect(board.data.items.map((r) => r.id)).not.toContain(created.id);
    const done = ZRequestListResponse.parse((await coordinator.client.get('/api/requests?status=answered')).json());
    expect(done.data.items.map((r) => r.id)).toContain(created.id);
  });

  it('refuses a step the status does not allow with 409 invalid_transition naming what is possible', async () => {
    const { data } = await register();
    const res = await coordinator.client.post(`/api/requests/${data.id}/first-contact`, { version: data.version, on: today() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'invalid_transition', message: expect.stringContaining('"in triage"') });
    const en = await coordinator.client.request({ method: 'POST', url: `/api/requests/${data.id}/answer`, payload: { version: data.version, outcome: 'closed' }, headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(409);
    expect(en.json().error.message).toContain('Possible next step: "triage"');
    const assign = await coordinator.client.post(`/api/requests/${data.id}/assign-contact`, { version: data.version, personId: professional.user!.person.id, organisationId: orgId });
    expect(assign.statusCode).toBe(409);
    const [row] = await ctx.database.db.select().from(familyRequest).where(eq(familyRequest.id, data.id));
    expect(row).toMatchObject({ status: 'received', version: data.version, familyId: null });
  });

  it('a stale version is 409 version_conflict and changes nothing', async () => {
    const { data } = await register();
    expect((await coordinator.client.post(`/api/requests/${data.id}/triage`, { version: data.version })).statusCode).toBe(200);
    const again = await coordinator.client.post(`/api/requests/${data.id}/answer`, { version: data.version, outcome: 'advice_only' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('version_conflict');
  });

  it('from triage the coordinator may answer with advice, not with a started plan (there is no family yet)', async () => {
    const { data } = await register();
    const t = ZRequestResponse.parse((await coordinator.client.post(`/api/requests/${data.id}/triage`, { version: data.version })).json());
    const plan = await coordinator.client.post(`/api/requests/${data.id}/answer`, { version: t.data.version, outcome: 'plan_started' });
    expect(plan.statusCode).toBe(400);
    const advice = await coordinator.client.post(`/api/requests/${data.id}/answer`, { version: t.data.version, outcome: 'advice_only' });
    expect(advice.statusCode, advice.body).toBe(200);
  });

  it('assigning someone who is not an active professional of the organisation is a 400; nothing is created', async () => {
    const db = ctx.database.db;
    const { data } = await register();
    const t = ZRequestResponse.parse((await coordinator.client.post(`/api/requests/${data.id}/triage`, { version: data.version })).json());
    const otherOrg = (await makeOrganisation(db)).id;
    const res = await coordinator.client.post(`/api/requests/${data.id}/assign-contact`, { version: t.data.version, personId: professional.user!.person.id, organisationId: otherOrg });
    expect(res.statusCode).toBe(400);
    const [row] = await db.select().from(familyRequest).where(eq(familyRequest.id, data.id));
    expect(row).toMatchObject({ status: 'triage', familyId: null });
  });
});

describe('who sees what', () => {
  it('a coordinator of another region, a professional and a platform admin get 404 on the request, and do not find it in lists', async () => {
    const { data } = await register();
    const admin = await loginAs(ctx, 'platform-admin');
    for (const who of [otherCoordinator, professional, admin]) {
      expect((await who.client.get(`/api/requests/${data.id}`)).statusCode).toBe(404);
      expect((await who.client.post(`/api/requests/${data.id}/triage`, { version: data.version })).statusCode).toBe(404);
      const list = ZRequestListResponse.parse((await who.client.get('/api/requests')).json());
      expect(list.data.items.map((r) => r.id)).not.toContain(data.id);
    }
    expect((await professional.client.get('/api/requests/contact-candidates?q=Test')).statusCode).toBe(403);
  });

  it('counts open requests of my region on time, at risk and overdue; lists them by due date with flags and filters', async () => {
    const db = ctx.database.db;
    const region = await upsertRegion(db, { code: 'test-counts', name: 'Regio tellen', kind: 'network' }, ['31005']);
    const c = await coordinatorOf(region);
    const onTime = await register(c, { receivedOn: today() });
    const atRisk = await register(c, { receivedOn: daysAgo(2), dueOn: brusselsDate(new Date(ctx.clock.now().getTime() + 5 * 86_400_000)) });
    const dueToday = await register(c, { receivedOn: daysAgo(3), dueOn: today() });
    const overdue = await register(c, { receivedOn: daysAgo(40), urgency: 'crisis' });
    expect(overdue.data).toMatchObject({ flag: 'overdue', daysLeft: daysBetween(today(), oneMonthAfter(daysAgo(40))) });
    expect(dueToday.data).toMatchObject({ flag: 'at_risk', daysLeft: 0 });
    expect(atRisk.data).toMatchObject({ flag: 'at_risk', daysLeft: 5 });

    const counts = ZRequestCountsResponse.parse((await c.client.get('/api/requests/counts')).json());
    expect(counts.data).toEqual({ onTime: 1, atRisk: 2, overdue: 1 });

    const list = ZRequestListResponse.parse((await c.client.get('/api/requests')).json());
    expect(list.data.items.map((r) => r.id)).toEqual([overdue.data.id, dueToday.data.id, atRisk.data.id, onTime.data.id]);
    const late = ZRequestListResponse.parse((await c.client.get('/api/requests?overdue=true')).json());
    expect(late.data.items.map((r) => r.id)).toEqual([overdue.data.id]);
    const crisis = ZRequestListResponse.parse((await c.client.get('/api/requests?urgency=crisis')).json());
    expect(crisis.data.items.map((r) => r.id)).toEqual([overdue.data.id]);

    // Keyset pages of two.
    const p1 = ZRequestListResponse.parse((await c.client.get('/api/requests?limit=2')).json());
    const p2 = ZRequestListResponse.parse((await c.client.get(`/api/requests?limit=2&cursor=${p1.data.nextCursor}`)).json());
    expect([...p1.data.items, ...p2.data.items].map((r) => r.id)).toEqual(list.data.items.map((r) => r.id));
    expect(p2.data.nextCursor).toBeNull();
    expect((await c.client.get('/api/requests?cursor=bogus')).statusCode).toBe(400);
  });

  it('lists the active life domains for any full session', async () => {
    const res = ZLifeDomainListResponse.parse((await professional.client.get('/api/families/life-domains')).json());
    expect(res.data.map((d) => d.code)).toContain('parenting');
    expect((await (await loginAs(ctx, 'anonymous')).client.get('/api/families/life-domains')).statusCode).toBe(401);
  });
});
