import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { careFamily, type CareFamily } from '../../../../tests/helpers/care.js';
import { addToTeam, makeFamily, testRegion } from '../../../../tests/helpers/families.js';
import { makeUser } from '../../../../tests/helpers/factories.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { blockedSignal, family, familyMember, familyRequest, municipality, networkPerson, organisation, planVersion, platformRole, teamMember, wait } from '../../db/schema/index.js';
import { loadDemoData } from '../../db/demo/index.js';
import { ZFamilySignalListResponse, ZFamilySignalResponse, ZRegionSignalPageResponse, ZRegionSignalResponse } from '../../../shared/schemas/families/care.js';
import { buildCaseSummary, ageBand } from './case-summary.js';
import { BLOCKED_RULES_QUEUE } from './signals.service.js';
import { RULE_DAYS, RULE_REASONS } from './signals.repo.js';
import { addDays, brusselsDate, brusselsStartOfDay } from '../../platform/clock.js';

let ctx: TestContext;
let f: CareFamily;
let contact: LoggedIn;
let colleague: LoggedIn;
let coordinator: LoggedIn;
const DAY = 86_400_000;

beforeAll(async () => {
  ctx = await createTestApp();
  f = await careFamily(ctx, { name: 'Gezin Vermeersch' });
  contact = await f.as.contact();
  colleague = await f.as.colleague();
  coordinator = await f.as.coordinator();
});
afterAll(() => ctx.close());

const url = () => `/api/families/${f.familyId}/signals`;
const orgName = async (id: string) => (await ctx.database.db.select({ name: organisation.name }).from(organisation).where(eq(organisation.id, id)))[0]!.name;
const regionSignals = async (who: LoggedIn) => ZRegionSignalPageResponse.parse((await who.client.get('/api/signals?limit=100')).json()).data.items;

describe('signals raised by hand', () => {
  it('the team raises a signal; the coordinator of the region sees it with the pseudonym only and no family data', async () => {
    const raised = await colleague.client.post(url(), { reason: 'Geen enkele dienst kan starten; het gezin haakt af.' });
    expect(raised.statusCode).toBe(201);
    const s = ZFamilySignalResponse.parse(raised.json()).data;
    expect(s).toMatchObject({ source: 'manual', rule: null, resolvedAt: null, escalatedAt: null, raisedByName: f.users.colleague.person.name });
    await expectAudited(ctx.database.db, 'signal.raise', { familyId: f.familyId, resourceId: s.id });

    const listed = ZFamilySignalListResponse.parse((await contact.client.get(url())).json());
    expect(listed.data.items.map((i) => i.id)).toContain(s.id);
    expect(listed.abilities).toEqual({ raise: true, resolve: true, escalate: true });
    expect(ZFamilySignalListResponse.parse((await colleague.client.get(url())).json()).abilities.escalate).toBe(false);

    const res = await coordinator.client.get('/api/signals');
    expect(res.statusCode).toBe(200);
    const mine = ZRegionSignalPageResponse.parse(res.json()).data.items.find((i) => i.id === s.id);
    // The reason in the team's own words may name people: a coordinator not on the team sees that it
    // was raised by hand, when and by which organisation — not the text.
    expect(mine).toMatchObject({ pseudonym: f.family.pseudonym, source: 'manual', reason: null, raisedByOrganisation: await orgName(f.orgA), raisedAt: s.raisedAt, caseSummary: null });
    expect(res.body).not.toContain('Geen enkele dienst');
    const one = await coordinator.client.get(`/api/signals/${s.id}`);
    expect(ZRegionSignalResponse.parse(one.json()).data).toMatchObject({ reason: null, raisedByOrganisation: await orgName(f.orgA) });
    expect(one.body).not.toContain('Geen enkele dienst');
    expect(res.body).not.toContain('Vermeersch');
    expect(res.body).not.toContain(f.familyId);
    await expectAudited(ctx.database.db, 'signal.region_list', { actorPersonId: f.users.coordinator.person.id });

    // Coordinators are not on the team: the family's file stays closed.
    expect((await coordinator.client.get(`/api/families/${f.familyId}/journal`)).statusCode).toBe(404);
    expect((await coordinator.client.get(url())).statusCode).toBe(404);
    expect((await coordinator.client.post(url(), { reason: 'Als coördinator signaleren' })).statusCode).toBe(404);
  });

  it('a coordinator who is on the team with consent sees the text; one whose organisation’s consent was withdrawn does not', async () => {
    const db = ctx.database.db;
    const text = 'Moeder vraagt hulp, maar de school weigert overleg.';
    const s = ZFamilySignalResponse.parse((await contact.client.post(url(), { reason: text })).json()).data;
    const onTeam = async (organisationId: string) => {
      const u = await makeUser(db, { organisationId, orgRoles: ['professional'] });
      await db.insert(platformRole).values({ personId: u.person.id, role: 'network_coordinator', regionId: f.regionId });
      await addToTeam(db, f.familyId, u.person.id, organisationId);
      return loginAs(ctx, 'network-coordinator', { user: u });
    };
    const teamCoordinator = await onTeam(f.orgA);
    expect((await regionSignals(teamCoordinator)).find((i) => i.id === s.id)).toMatchObject({ reason: text, raisedByOrganisation: await orgName(f.orgA) });
    expect(ZRegionSignalResponse.parse((await teamCoordinator.client.get(`/api/signals/${s.id}`)).json()).data.reason).toBe(text);

    const withdrawnCoordinator = await onTeam(f.orgC);
    const seen = await withdrawnCoordinator.client.get(`/api/signals/${s.id}`);
    expect(ZRegionSignalResponse.parse(seen.json()).data.reason).toBeNull();
    expect(seen.body).not.toContain('school weigert');
    expect((await regionSignals(withdrawnCoordinator)).find((i) => i.id === s.id)?.reason).toBeNull();
    // Once the coordinator leaves the team, the text is gone on the very next request.
    for (const who of [teamCoordinator, withdrawnCoordinator]) {
      await db.update(teamMember).set({ untilAt: ctx.clock.now() }).where(and(eq(teamMember.familyId, f.familyId), eq(teamMember.personId, who.user!.person.id)));
    }
    expect(ZRegionSignalResponse.parse((await teamCoordinator.client.get(`/api/signals/${s.id}`)).json()).data.reason).toBeNull();
  });

  it('another region’s coordinator and non-coordinators do not see it', async () => {
    const s = ZFamilySignalResponse.parse((await contact.client.post(url(), { reason: 'Tweede signaal van het team' })).json()).data;
    const otherRegion = await testRegion(ctx.database.db, 'test-andere-regio');
    const u = await makeUser(ctx.database.db);
    await ctx.database.db.insert(platformRole).values({ personId: u.person.id, role: 'network_coordinator', regionId: otherRegion });
    const elsewhere = await loginAs(ctx, 'network-coordinator', { user: u });
    expect((await regionSignals(elsewhere)).map((i) => i.id)).not.toContain(s.id);
    expect((await elsewhere.client.get(`/api/signals/${s.id}`)).statusCode).toBe(404);
    expect((await elsewhere.client.post(`/api/signals/${s.id}/escalate`, { version: 1 })).statusCode).toBe(404);
    expect((await contact.client.get('/api/signals')).statusCode).toBe(403);
    expect((await (await f.as.platformAdmin()).client.get('/api/signals')).statusCode).toBe(403);
  });

  it('refusals and bad input: withdrawn consent or not on the team → 404; a reason too short → 400; resolve twice → 409', async () => {
    for (const who of [await f.as.withdrawn(), await f.as.outsider()]) {
      expect((await who.client.post(url(), { reason: 'Mag ik niet doen' })).statusCode).toBe(404);
      expect((await who.client.get(url())).statusCode).toBe(404);
    }
    expect((await contact.client.post(url(), { reason: 'kort' })).statusCode).toBe(400);
    const s = ZFamilySignalResponse.parse((await contact.client.post(url(), { reason: 'Wordt straks opgelost' })).json()).data;
    const resolved = await colleague.client.post(`${url()}/${s.id}/resolve`, { version: 1 });
    expect(resolved.statusCode).toBe(200);
    expect(ZFamilySignalResponse.parse(resolved.json()).data.resolvedAt).not.toBeNull();
    expect((await colleague.client.post(`${url()}/${s.id}/resolve`, { version: 1 })).statusCode).toBe(409);
    expect((await colleague.client.post(`${url()}/${s.id}/resolve`, { version: 2 })).statusCode).toBe(409);
    expect((await regionSignals(coordinator)).map((i) => i.id)).not.toContain(s.id);
    await expectAudited(ctx.database.db, 'signal.resolve', { resourceId: s.id });
  });
});

describe('escalation and the pseudonymised case summary', () => {
  it('the contact person escalates: the summary holds bands, codes and counts — no names, birth dates or addresses', async () => {
    await contact.client.post(`/api/families/${f.familyId}/waits`, { serviceText: 'Dagcentrum bij dokter Peeters', sinceOn: '2026-01-05' });
    const s = ZFamilySignalResponse.parse((await contact.client.post(url(), { reason: 'Noah Vermeersch kan nergens terecht' })).json()).data;
    expect((await colleague.client.post(`${url()}/${s.id}/escalate`, { version: 1 })).statusCode).toBe(403);
    expect((await contact.client.post(`${url()}/${s.id}/escalate`, { version: 7 })).statusCode).toBe(409);
    const esc = await contact.client.post(`${url()}/${s.id}/escalate`, { version: 1 });
    expect(esc.statusCode).toBe(200);
    expect(ZFamilySignalResponse.parse(esc.json()).data.escalatedAt).not.toBeNull();
    expect((await contact.client.post(`${url()}/${s.id}/escalate`, { version: 2 })).statusCode).toBe(409);
    await expectAudited(ctx.database.db, 'signal.escalate', { familyId: f.familyId, resourceId: s.id, details: { by: 'contact' } });

    const seen = ZRegionSignalResponse.parse((await coordinator.client.get(`/api/signals/${s.id}`)).json()).data;
    const summary = seen.caseSummary!;
    expect(summary).toMatchObject({ pseudonym: f.family.pseudonym, childAgeBands: ['12–15'], refusedWaits: 0 });
    expect(summary.waits).toEqual([expect.objectContaining({ status: 'waiting', serviceSectors: [] })]);
    expect(summary.signals).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'manual', reason: null })]));
    expect(summary.team.reduce((n, t) => n + t.professionals, 0)).toBe(4);
    const text = JSON.stringify(summary);
    for (const leak of ['Vermeersch', 'Noah', 'Test Jongere', 'Test Ouder', 'Peeters', 'Dagcentrum', f.child.birthDate!, f.users.contact.person.name]) expect(text).not.toContain(leak);
  });

  it('the coordinator of the region escalates a signal of their region', async () => {
    const s = ZFamilySignalResponse.parse((await contact.client.post(url(), { reason: 'Graag naar de casustafel' })).json()).data;
    const res = await coordinator.client.post(`/api/signals/${s.id}/escalate`, { version: 1 });
    expect(res.statusCode).toBe(200);
    const body = ZRegionSignalResponse.parse(res.json());
    expect(body.data.caseSummary?.pseudonym).toBe(f.family.pseudonym);
    expect(body.data.escalatedAt).not.toBeNull();
    expect(body.abilities.escalate).toBe(true);
    expect((await coordinator.client.post(`/api/signals/${s.id}/escalate`, { version: 2 })).statusCode).toBe(409);
    await expectAudited(ctx.database.db, 'signal.escalate', { familyId: f.familyId, resourceId: s.id, actorPersonId: f.users.coordinator.person.id, details: { by: 'coordinator' } });
  });

  it('age bands', () => {
    expect(ageBand('2012-06-15', '2026-06-14')).toBe('12–15');
    expect(ageBand('2010-06-15', '2026-06-15')).toBe('16–17');
    expect(ageBand('2026-01-01', '2026-06-15')).toBe('0–2');
    expect(ageBand('1990-01-01', '2026-06-15')).toBe('25+');
  });

  it('the summaries of the demo families contain none of their names, birth dates, municipalities, questions or stories', async () => {
    const db = ctx.database.db;
    await loadDemoData(db, 'test', ctx.app.deps.secrets);
    const demo = await db.select().from(family).where(eq(family.pseudonym, 'G-DEMO-BO'));
    expect(demo).toHaveLength(1);
    const all = await db.select().from(family);
    const demoFamilies = all.filter((x) => x.pseudonym.startsWith('G-DEMO-'));
    expect(demoFamilies.length).toBeGreaterThanOrEqual(5);
    for (const fam of demoFamilies) {
      const summary = await buildCaseSummary(db, fam.id, ctx.clock.now());
      const text = JSON.stringify(summary);
      const members = await db.select().from(familyMember).where(eq(familyMember.familyId, fam.id));
      const network = await db.select().from(networkPerson).where(eq(networkPerson.familyId, fam.id));
      const [place] = await db.select().from(municipality).where(eq(municipality.nisCode, fam.municipalityNis));
      const requests = await db.select().from(familyRequest).where(eq(familyRequest.familyId, fam.id));
      const versions = await db.select().from(planVersion).where(eq(planVersion.familyId, fam.id));
      const waits = await db.select().from(wait).where(eq(wait.familyId, fam.id));
      const manual = await db.select().from(blockedSignal).where(and(eq(blockedSignal.familyId, fam.id), eq(blockedSignal.source, 'manual')));
      const forbidden = [
        fam.name, ...fam.name.split(' ').filter((w) => w.length > 3 && w !== 'Gezin'),
        ...members.flatMap((m) => [m.name, ...m.name.split(' '), ...(m.birthDate ? [m.birthDate] : [])]),
        ...network.flatMap((n) => [n.name, ...n.name.split(' ').filter((w) => w.length > 3)]),
        place!.nameNl, fam.municipalityNis,
        ...requests.flatMap((r) => [r.question, ...(r.contactInfo ? [r.contactInfo] : [])]),
        ...versions.map((v) => (v.content as { story?: string }).story ?? '').filter(Boolean),
        ...waits.map((w) => w.serviceText), ...manual.map((m) => m.reason),
      ];
      for (const leak of forbidden) expect(text, `${fam.pseudonym}: ${leak}`).not.toContain(leak);
      expect(summary.pseudonym).toBe(fam.pseudonym);
    }
    const blocked = await buildCaseSummary(db, demo[0]!.id, ctx.clock.now());
    expect(blocked.childAgeBands).toEqual(['6–11']);
    expect(blocked.lifeDomains).toEqual(expect.arrayContaining(['parenting', 'school']));
    expect(blocked.waits[0]!.days).toBeGreaterThan(90);
  });
});

describe('the rule job', () => {
  it('raises one signal per rule for open families, however often it runs', async () => {
    const db = ctx.database.db;
    const now = ctx.clock.now();
    const regionId = f.regionId;
    const stale = await makeFamily(db, { regionId, now });
    await db.update(family).set({ createdAt: new Date(now.getTime() - 70 * DAY) }).where(eq(family.id, stale.family.id));
    const waiting = await makeFamily(db, { regionId, now });
    await db.update(family).set({ lastPlanChangeAt: new Date(now.getTime() - 5 * DAY) }).where(eq(family.id, waiting.family.id));
    const day = (ago: number) => new Date(now.getTime() - ago * DAY).toISOString().slice(0, 10);
    await db.insert(wait).values([
      { familyId: waiting.family.id, serviceText: 'MFC', sinceOn: day(100) },
      { familyId: waiting.family.id, serviceText: 'Thuisbegeleiding', sinceOn: day(50), status: 'refused', endedOn: day(20) },
      { familyId: waiting.family.id, serviceText: 'Dagcentrum', sinceOn: day(60), status: 'refused', endedOn: day(10) },
    ]);
    const fresh = await makeFamily(db, { regionId, now });
    await db.update(family).set({ lastPlanChangeAt: new Date(now.getTime() - 59 * DAY) }).where(eq(family.id, fresh.family.id));
    await db.insert(wait).values({ familyId: fresh.family.id, serviceText: 'Logopedie', sinceOn: day(89) });
    const closed = await makeFamily(db, { regionId, now });
    await db.update(family).set({ status: 'closed', createdAt: new Date(now.getTime() - 200 * DAY) }).where(eq(family.id, closed.family.id));

    const jobs = ctx.app.deps.jobs;
    for (let run = 0; run < 2; run++) {
      await jobs.send(BLOCKED_RULES_QUEUE, {});
      expect(await jobs.runDue(BLOCKED_RULES_QUEUE)).toBeGreaterThanOrEqual(1);
    }
    const rulesOf = async (familyId: string) =>
      (await db.select().from(blockedSignal).where(and(eq(blockedSignal.familyId, familyId), isNull(blockedSignal.resolvedAt)))).map((s) => s.rule).sort();
    expect(await rulesOf(stale.family.id)).toEqual(['no_plan_change']);
    expect(await rulesOf(waiting.family.id)).toEqual(['long_wait', 'repeated_refusals']);
    expect(await rulesOf(fresh.family.id)).toEqual([]);
    expect(await rulesOf(closed.family.id)).toEqual([]);
    await expectAudited(db, 'signal.raise_rule', { familyId: waiting.family.id, details: { rule: 'long_wait' } }, { count: 1 });

    // Once resolved, a rule that still holds raises a new signal on the next run.
    await db.update(blockedSignal).set({ resolvedAt: now }).where(eq(blockedSignal.familyId, stale.family.id));
    await jobs.send(BLOCKED_RULES_QUEUE, {});
    await jobs.runDue(BLOCKED_RULES_QUEUE);
    expect(await rulesOf(stale.family.id)).toEqual(['no_plan_change']);
    const ruleSignals = (await regionSignals(coordinator)).filter((s) => s.rule === 'repeated_refusals');
    expect(ruleSignals.length).toBeGreaterThanOrEqual(1);
    // A rule's reason is fixed text without names: the coordinator sees it.
    expect(ruleSignals[0]).toMatchObject({ source: 'rule', reason: RULE_REASONS.repeated_refusals, raisedByOrganisation: null });
  });

  it('counts calendar days in Brussels: just after midnight there (still the day before in UTC) the rules see the new day', async () => {
    const db = ctx.database.db;
    const jobs = ctx.app.deps.jobs;
    const tomorrow = addDays(brusselsDate(ctx.clock.now()), 1);
    const midnight = brusselsStartOfDay(tomorrow).getTime();
    const HALF_HOUR = 1_800_000;
    // Waiting since exactly 90 days before tomorrow (Brussels) — the rule says "longer than 90 days" from the 90th day on, as before.
    const waiting = await makeFamily(db, { regionId: f.regionId, now: ctx.clock.now() });
    await db.update(family).set({ lastPlanChangeAt: ctx.clock.now() }).where(eq(family.id, waiting.family.id));
    await db.insert(wait).values({ familyId: waiting.family.id, serviceText: 'Kinderpsychiater', sinceOn: addDays(tomorrow, -RULE_DAYS.longWait) });
    // The plan last changed at 23:59 Brussels time, 60 calendar days before tomorrow: less than 60 × 24 hours ago at 00:30.
    const stale = await makeFamily(db, { regionId: f.regionId, now: ctx.clock.now() });
    const lastChange = new Date(brusselsStartOfDay(addDays(tomorrow, -(RULE_DAYS.noPlanChange - 1))).getTime() - 60_000);
    await db.update(family).set({ lastPlanChangeAt: lastChange }).where(eq(family.id, stale.family.id));
    const rulesOf = async (familyId: string) =>
      (await db.select().from(blockedSignal).where(and(eq(blockedSignal.familyId, familyId), isNull(blockedSignal.resolvedAt)))).map((x) => x.rule).sort();
    const runAt = async (at: number) => {
      ctx.clock.advance(at - ctx.clock.now().getTime());
      await jobs.send(BLOCKED_RULES_QUEUE, {});
      await jobs.runDue(BLOCKED_RULES_QUEUE);
    };

    await runAt(midnight - HALF_HOUR);
    expect(await rulesOf(waiting.family.id)).toEqual([]);
    expect(await rulesOf(stale.family.id)).toEqual([]);

    await runAt(midnight + HALF_HOUR);
    expect(new Date(midnight + HALF_HOUR).toISOString().slice(0, 10)).not.toBe(tomorrow); // still yesterday in UTC
    expect(await rulesOf(waiting.family.id)).toEqual(['long_wait']);
    expect(await rulesOf(stale.family.id)).toEqual(['no_plan_change']);
  });
});
