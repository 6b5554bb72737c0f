import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { loadDemoData } from './index.js';
import {
  atelier,
  blockedSignal,
  bridgingHelp,
  commitment,
  consent,
  contactPoint,
  engagementDeclaration,
  location,
  municipality,
  organisation,
  organisationMunicipality,
  organisationSector,
  region,
  regionMunicipality,
  service,
  serviceLocation,
  zinplek,
  family,
  familyMember,
  familyRequest,
  journalNote,
  lifeDomain,
  person,
  plan,
  planAction,
  planVersion,
  teamMember,
  wait,
} from '../schema/index.js';
import { familyScopeSql } from '../../modules/families/access.repo.js';
import { ZPlanContent, ZPlanResponse } from '../../../shared/schemas/families/plan.js';
import { ZFamilyListResponse } from '../../../shared/schemas/families/family.js';
import { Client } from '../../../../tests/helpers/session.js';
import { freshIp } from '../../../../tests/helpers/login.js';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from './people.js';
import { DEMO_DIRECTORY, DEMO_REGIONS } from './directory.js';
import { municipalityShapes } from './geo.js';
import { rowsOf } from '../../../../tests/bench/seed.js';
import { DEMO_IROJ_NAME } from './governance.js';
import {
  PLAN_ACTION_STATUSES,
  ZBodyListResponse,
  ZBodyMemberListResponse,
  ZIndicatorListResponse,
  ZIndicatorResponse,
  ZMeetingListResponse,
  ZMeetingResponse,
  ZMyActionsResponse,
  ZPlanActionListResponse,
  ZPlanActionResponse,
  ZPlanListResponse,
  ZPlanResponse as ZRegionalPlanResponse,
} from '../../../shared/schemas/governance.js';
import { DEMO_PLAN_DECISION } from './governance-plan.js';
import { portalLogin } from '../../../../tests/helpers/portal.js';

/** The demo data (people.ts, families.ts) on this run's database: PGlite, or PostgreSQL with DATABASE_URL. */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await loadDemoData(ctx.database.db, 'test', ctx.app.deps.secrets);
});
afterAll(() => ctx.close());

const TABLES = {
  family, familyMember, familyRequest, teamMember, consent, plan, planVersion, planAction, wait, bridgingHelp, atelier, commitment, blockedSignal, journalNote,
  region, regionMunicipality, organisation, organisationSector, organisationMunicipality, location, service, serviceLocation, contactPoint, zinplek, engagementDeclaration,
};

async function counts(): Promise<Record<string, number>> {
  const db = ctx.database.db;
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(TABLES)) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    out[name] = Number(row!.n);
  }
  return out;
}

async function personId(email: string): Promise<string> {
  const [row] = await ctx.database.db.select({ id: person.id }).from(person).where(eq(person.email, email));
  return row!.id;
}

describe('demo families', () => {
  it('loading the demo data a second time adds no row', async () => {
    const before = await counts();
    expect(before.family).toBeGreaterThanOrEqual(5);
    expect(before.location).toBeGreaterThanOrEqual(40);
    await loadDemoData(ctx.database.db, 'test', ctx.app.deps.secrets);
    expect(await counts()).toEqual(before);
  });

  it('the demo youth (14) and her mother log in to the family portal with a code and see their plan', async () => {
    const youth = await portalLogin(ctx, 'jongere@samenplan.demo');
    const me = (await youth.get('/api/portal/me')).json().data;
    expect(me).toMatchObject({ viewer: 'youth', name: 'Roos Decoster', familyName: 'Gezin Decoster' });
    const planRes = await youth.get('/api/portal/plan');
    expect(planRes.statusCode).toBe(200);
    expect(planRes.json().data.current.number).toBe(3);
    const parent = await portalLogin(ctx, 'ouder@samenplan.demo');
    expect((await parent.get('/api/portal/me')).json().data).toMatchObject({ viewer: 'parent', name: 'Elise Decoster' });
  });

  it('has a request in every stage of the one-month norm: new, at risk, overdue, answered', async () => {
    const db = ctx.database.db;
    const open = await db.select().from(familyRequest).where(ne(familyRequest.status, 'answered'));
    const today = new Date().toISOString().slice(0, 10);
    expect(open.some((r) => r.status === 'received' && r.familyId === null && r.dueOn > today)).toBe(true);
    expect(open.some((r) => r.status === 'triage' && r.dueOn >= today)).toBe(true);
    expect(open.some((r) => r.dueOn < today)).toBe(true);
    const answered = await db.select().from(familyRequest).where(eq(familyRequest.status, 'answered'));
    expect(answered.length).toBeGreaterThanOrEqual(3);
    expect(answered.every((r) => r.outcome === 'plan_started' && r.familyId !== null)).toBe(true);
  });

  it('has a family with an active plan of several versions, agreed, with actions of professionals, family and network', async () => {
    const db = ctx.database.db;
    const [p] = await db.select().from(plan).where(sql`${plan.currentVersion} >= 3`);
    expect(p).toBeDefined();
    expect(p!.familyAgreedVersion).toBe(p!.currentVersion);
    const versions = await db.select().from(planVersion).where(eq(planVersion.planId, p!.id));
    expect(versions.map((v) => v.number).sort()).toEqual([1, 2, 3]);
    const content = ZPlanContent.parse(versions.find((v) => v.number === 3)!.content);
    expect(new Set(content.goals.map((g) => g.domain)).size).toBeGreaterThanOrEqual(3);
    const actions = await db.select().from(planAction).where(eq(planAction.familyId, p!.familyId));
    expect(actions.some((a) => a.ownerPersonId)).toBe(true);
    expect(actions.some((a) => a.ownerMemberId)).toBe(true);
    expect(actions.some((a) => a.ownerNetworkPersonId)).toBe(true);
    // Every goal's life domain is a known one.
    const domains = (await db.select({ code: lifeDomain.code }).from(lifeDomain)).map((r) => r.code);
    for (const g of content.goals) expect(domains).toContain(g.domain);
  });

  it('every demo plan version follows the plan contract', async () => {
    const versions = await ctx.database.db.select({ content: planVersion.content }).from(planVersion);
    expect(versions.length).toBeGreaterThanOrEqual(7);
    for (const v of versions) expect(ZPlanContent.safeParse(v.content).error).toBeUndefined();
  });

  it('has a family waiting with bridging help, a blocked one with signals, an atelier with commitments, journal notes', async () => {
    const db = ctx.database.db;
    const [w] = await db.select().from(wait).innerJoin(bridgingHelp, eq(bridgingHelp.waitId, wait.id)).where(eq(wait.status, 'waiting'));
    expect(w).toBeDefined();
    const signals = await db.select().from(blockedSignal).where(isNull(blockedSignal.resolvedAt));
    expect(signals.some((s) => s.source === 'rule')).toBe(true);
    expect(signals.some((s) => s.source === 'manual')).toBe(true);
    const commitments = await db.select().from(commitment);
    expect(commitments.some((c) => c.status === 'open')).toBe(true);
    expect(commitments.some((c) => c.planActionKey !== null)).toBe(true);
    const notes = await db.select().from(journalNote);
    expect(new Set(notes.map((n) => n.visibility))).toEqual(new Set(['team', 'organisation']));
  });

  it('has teams across several organisations, a withdrawn consent and an override', async () => {
    const db = ctx.database.db;
    const orgs = await db.selectDistinct({ o: teamMember.organisationId }).from(teamMember);
    expect(orgs.length).toBeGreaterThanOrEqual(3);
    expect(await db.select().from(consent).where(isNotNull(consent.withdrawnAt))).not.toHaveLength(0);
    expect(await db.select().from(consent).where(and(eq(consent.kind, 'override'), isNotNull(consent.reason)))).toHaveLength(1);
  });

  it('the demo professional reaches every demo family; the withdrawn consent and the override act as the gate says', async () => {
    const db = ctx.database.db;
    const now = new Date();
    const ruben = await personId('hulpverlener@samenplan.demo');
    const wout = await personId('nieuw@samenplan.demo');
    const all = await db.select({ id: family.id }).from(family);
    const rubens = await db.select({ id: family.id, name: family.name }).from(family).where(familyScopeSql(ruben, now));
    expect(rubens).toHaveLength(all.length - 1); // all but the overdue family, whose contact person is the CLB's
    const wouts = (await db.select({ name: family.name }).from(family).where(familyScopeSql(wout, now))).map((f) => f.name).sort();
    // Decoster withdrew the consent to Wout; Bonte reaches him through the override only.
    expect(wouts).toEqual(['Gezin Bonte', 'Gezin Rosseel']);
  });

  it('through the API: the demo professional lists the families and opens the agreed plan; the coordinator gets 404 on it', async () => {
    const as = async (email: string) => {
      const client = new Client(ctx.app, freshIp());
      ctx.clock.advance(31_000);
      await client.login({ email, password: DEMO_PASSWORD, totpSecret: DEMO_TOTP_SECRET }, ctx.clock);
      return client;
    };
    const ruben = await as('hulpverlener@samenplan.demo');
    const list = ZFamilyListResponse.parse((await ruben.get('/api/families')).json());
    expect(list.data.items.map((f) => f.name).sort()).toEqual(['Gezin Bonte', 'Gezin Decoster', 'Gezin Rosseel', 'Gezin Yilmaz']);
    const decoster = list.data.items.find((f) => f.name === 'Gezin Decoster')!;
    const res = await ruben.get(`/api/families/${decoster.id}/plan`);
    expect(res.statusCode).toBe(200);
    const planView = ZPlanResponse.parse(res.json());
    expect(planView.data.current.number).toBe(3);
    expect(planView.data.agreement?.version).toBe(3);
    const jonas = await as('coordinator@samenplan.demo');
    expect((await jonas.get(`/api/families/${decoster.id}/plan`)).statusCode).toBe(404);
  });
});

describe('demo directory', () => {
  const SIX_MONTHS_AGO = () => new Date(Date.now() - 183 * 86_400_000);

  it('has the other 1G1P regions by arrondissement, each with all of its municipalities', async () => {
    const db = ctx.database.db;
    for (const r of DEMO_REGIONS) {
      const [row] = await db.select({ id: region.id, kind: region.kind }).from(region).where(eq(region.code, r.code));
      expect(row?.kind).toBe('network');
      const linked = await db.select({ nis: regionMunicipality.nisCode, arr: municipality.arrondissementNis })
        .from(regionMunicipality).innerJoin(municipality, eq(municipality.nisCode, regionMunicipality.nisCode))
        .where(eq(regionMunicipality.regionId, row!.id));
      const all = await db.select({ nis: municipality.nisCode }).from(municipality).where(inArray(municipality.arrondissementNis, r.arrondissements));
      expect(linked.length).toBeGreaterThan(4);
      expect(linked.map((m) => m.nis).sort()).toEqual(all.map((m) => m.nis).sort());
    }
    const [gent] = await db.select({ id: region.id }).from(region).where(eq(region.code, 'regio-gent'));
    const names = (await db.select({ n: municipality.nameNl }).from(regionMunicipality).innerJoin(municipality, eq(municipality.nisCode, regionMunicipality.nisCode)).where(eq(regionMunicipality.regionId, gent!.id))).map((m) => m.n);
    expect(names).toContain('Gent');
    expect(names).not.toContain('Aalst');
  });

  it('has organisations of many sectors with locations, services, contact points and served municipalities', async () => {
    const db = ctx.database.db;
    const withLocation = await db.selectDistinct({ o: location.organisationId }).from(location);
    expect(withLocation.length).toBeGreaterThanOrEqual(DEMO_DIRECTORY.length);
    expect(DEMO_DIRECTORY.length).toBeGreaterThanOrEqual(30);
    const sectorsUsed = await db.selectDistinct({ s: organisationSector.sectorId }).from(organisationSector);
    expect(sectorsUsed.length).toBeGreaterThanOrEqual(8);
    const services = await db.select().from(service);
    expect(services.length).toBeGreaterThanOrEqual(40);
    // Every service says who it is for, how to apply and what it costs, and is offered somewhere.
    for (const s of services) {
      expect(s.description.length).toBeGreaterThan(40);
      expect(s.howToApply).not.toBe('');
      expect(s.cost).not.toBe('');
      expect(s.languages).toContain('nl');
    }
    const offered = await db.selectDistinct({ s: serviceLocation.serviceId }).from(serviceLocation);
    expect(offered).toHaveLength(services.length);
    // Waiting times with the date they were confirmed; some stale (more than six months), most current.
    expect(services.filter((s) => s.waitingDays !== null).every((s) => s.waitingConfirmedOn !== null)).toBe(true);
    const stale = services.filter((s) => s.confirmedAt < SIX_MONTHS_AGO());
    expect(stale.length).toBeGreaterThanOrEqual(3);
    expect(services.length - stale.length).toBeGreaterThanOrEqual(30);
    expect((await db.select().from(organisation).where(lt(organisation.confirmedAt, SIX_MONTHS_AGO()))).length).toBeGreaterThanOrEqual(2);
    const contacts = await db.select().from(contactPoint);
    expect(contacts.filter((c) => c.function === 'education_ambassador').length).toBeGreaterThanOrEqual(2);
    expect(contacts.filter((c) => c.function === 'central_registration')).toHaveLength(1);
    expect(contacts.some((c) => c.function === 'confidant_point')).toBe(true);
    expect(contacts.some((c) => c.function === 'iroj_member')).toBe(true);
    // Served municipalities: the organisations of Noord-West-Vlaanderen serve only its municipalities.
    const outside = await db.execute(sql`
      select om.nis_code from organisation_municipality om
      join organisation o on o.id = om.organisation_id join region r on r.id = o.region_id
      where r.code = 'noord-west-vlaanderen'
        and not exists (select 1 from region_municipality rm where rm.region_id = r.id and rm.nis_code = om.nis_code)`);
    expect(rowsOf(outside)).toHaveLength(0);
    expect((await db.selectDistinct({ o: organisationMunicipality.organisationId }).from(organisationMunicipality)).length).toBeGreaterThanOrEqual(DEMO_DIRECTORY.length);
  });

  it('flags: direct access, broad entry point, mandated; a couple unlisted or archived', async () => {
    const orgs = await ctx.database.db.select().from(organisation);
    expect(orgs.filter((o) => o.directAccess).length).toBeGreaterThanOrEqual(10);
    expect(orgs.filter((o) => o.broadEntryPoint).length).toBeGreaterThanOrEqual(3);
    expect(orgs.some((o) => o.mandated)).toBe(true);
    expect(orgs.filter((o) => !o.listed).length).toBeGreaterThanOrEqual(2);
    expect(orgs.filter((o) => o.status === 'archived')).toHaveLength(1);
    expect(orgs.filter((o) => o.status === 'archived').every((o) => !o.listed)).toBe(true);
  });

  it('every location lies in Flanders, inside the municipality of its NIS code, which is a known municipality', async () => {
    const db = ctx.database.db;
    const rows = await db.select({ l: location, m: municipality.nisCode }).from(location).leftJoin(municipality, eq(municipality.nisCode, location.nisCode));
    const shapes = municipalityShapes();
    for (const { l, m } of rows) {
      expect(m, `${l.name}: unknown NIS ${l.nisCode}`).toBe(l.nisCode);
      expect(l.latitude).toBeGreaterThan(50.68);
      expect(l.latitude).toBeLessThan(51.51);
      expect(l.longitude).toBeGreaterThan(2.54);
      expect(l.longitude).toBeLessThan(5.92);
      expect(shapes.get(l.nisCode!)!.contains(l.latitude!, l.longitude!), `${l.name} (${l.city}) outside ${l.nisCode}`).toBe(true);
      expect(l.postalCode).toMatch(/^[89]\d{3}$/); // West- and Oost-Vlaanderen
    }
    // The check itself can fail: Gent's centre is not in Brugge.
    expect(shapes.get('31005')!.contains(51.0543, 3.7174)).toBe(false);
  });

  it('has zinplekken registering through the central registration point, and engagement declarations in every status', async () => {
    const db = ctx.database.db;
    const z = await db.select().from(zinplek);
    expect(z.length).toBeGreaterThanOrEqual(4);
    expect(z.every((p) => p.registration.includes('centraal aanmeldpunt') && p.locationId !== null && p.places! > 0)).toBe(true);
    const decl = await db.select().from(engagementDeclaration);
    const today = new Date().toISOString().slice(0, 10);
    expect(decl.filter((d) => d.status === 'received' && d.receivedOn !== null && d.receivedOn < today).length).toBeGreaterThanOrEqual(5);
    expect(decl.filter((d) => d.status === 'expected' && d.expectedBy !== null && d.expectedBy > today).length).toBeGreaterThanOrEqual(3);
    expect(decl.filter((d) => d.status === 'under_consideration').length).toBeGreaterThanOrEqual(2);
  });

  it('the waiting families wait for directory services, of the organisation of the wait', async () => {
    const rows = await ctx.database.db
      .select({ name: service.name, family: family.name, same: sql<boolean>`${wait.organisationId} = ${service.organisationId}` })
      .from(wait)
      .innerJoin(service, eq(service.id, wait.serviceId))
      .innerJoin(family, eq(family.id, wait.familyId));
    expect(rows.map((r) => `${r.family}: ${r.name}`).sort()).toEqual([
      'Gezin Bonte: Multifunctioneel centrum, dagbegeleiding',
      'Gezin Rosseel: Contextbegeleiding aan huis (rechtstreeks toegankelijke jeugdhulp)',
    ]);
    expect(rows.every((r) => r.same)).toBe(true);
  });
});

describe('demo governance', () => {
  it('the IROJ: the coordinator is its secretary, the next meeting follows up the open actions, the professional has actions', async () => {
    const as = async (email: string) => {
      const client = new Client(ctx.app, freshIp());
      ctx.clock.advance(31_000);
      await client.login({ email, password: DEMO_PASSWORD, totpSecret: DEMO_TOTP_SECRET }, ctx.clock);
      return client;
    };
    const jonas = await as('coordinator@samenplan.demo');
    const bodies = ZBodyListResponse.parse((await jonas.get('/api/governance/bodies')).json());
    const iroj = bodies.data.items.find((b) => b.name === DEMO_IROJ_NAME)!;
    expect(iroj.kind).toBe('iroj');
    expect(bodies.abilities[iroj.id]?.manageMembers).toBe(true);
    const members = ZBodyMemberListResponse.parse((await jonas.get(`/api/governance/bodies/${iroj.id}/members`)).json()).data.items;
    const retired = members.find((m) => m.personName === 'Marc Dewulf')!;
    expect(retired.current).toBe(false);
    expect(members.find((m) => m.personName === 'Els Vermeulen')?.successorOf).toBe(retired.id);
    const meetings = ZMeetingListResponse.parse((await jonas.get(`/api/governance/bodies/${iroj.id}/meetings`)).json()).data.items;
    expect(meetings.map((m) => m.status)).toEqual(['held', 'held', 'planned']);
    expect(meetings[0]?.minutesStatus).toBe('approved');
    const next = ZMeetingResponse.parse((await jonas.get(`/api/governance/meetings/${meetings[2]!.id}`)).json()).data;
    expect(next.agenda.map((i) => i.position)).toEqual([1, 2, 3, 4, 5]);
    // The budget request for the network day was submitted and approved by the bureau (the plan shows it approved): done, not followed up.
    const last = ZMeetingResponse.parse((await jonas.get(`/api/governance/meetings/${meetings[1]!.id}`)).json()).data;
    expect(last.actions.find((a) => a.description === 'Concrete budgetvraag voor de netwerkdag indienen')?.status).toBe('done');
    expect(next.followUp.map((a) => a.description).sort()).toEqual([
      'Locatie voor 200 personen met drie zalen zoeken',
      'Schrijven aan de jeugdrechters opstellen en versturen',
      'Uitnodiging netwerkdag verspreiden bij de eigen teams',
    ]);
    const ruben = await as('hulpverlener@samenplan.demo');
    const mine = ZMyActionsResponse.parse((await ruben.get('/api/governance/my-actions')).json()).data.items;
    expect(mine.map((a) => a.bodyName)).toEqual([DEMO_IROJ_NAME]);
    const amira = await as('clb@samenplan.demo');
    expect((await amira.get(`/api/governance/bodies/${iroj.id}`)).statusCode).toBe(404);
    await loadDemoData(ctx.database.db, 'test', ctx.app.deps.secrets);
    const again = ZMeetingListResponse.parse((await jonas.get(`/api/governance/bodies/${iroj.id}/meetings`)).json()).data.items;
    expect(again).toHaveLength(3);
  });
});

describe('demo regional plan', () => {
  it('the IROJ keeps this year\'s plan: actions in every status with the decisions behind them, indicators measured over time', async () => {
    const client = new Client(ctx.app, freshIp());
    ctx.clock.advance(31_000);
    await client.login({ email: 'coordinator@samenplan.demo', password: DEMO_PASSWORD, totpSecret: DEMO_TOTP_SECRET }, ctx.clock);
    const iroj = ZBodyListResponse.parse((await client.get('/api/governance/bodies')).json()).data.items.find((b) => b.name === DEMO_IROJ_NAME)!;
    const plans = ZPlanListResponse.parse((await client.get(`/api/governance/bodies/${iroj.id}/plans`)).json()).data.items;
    const year = new Date().getUTCFullYear();
    expect(plans.map((p) => p.year)).toEqual([year]);
    const plan = ZRegionalPlanResponse.parse((await client.get(`/api/governance/plans/${plans[0]!.id}`)).json()).data;
    // Every status has an action.
    expect(plan.totals.map((t) => t.status)).toEqual([...PLAN_ACTION_STATUSES]);
    expect(plan.totals.every((t) => t.count >= 1)).toBe(true);
    expect(plan.total.activeBudgetCents).toBe(plan.total.budgetCents - 150_000 - 200_000);

    const actions = ZPlanActionListResponse.parse((await client.get(`/api/governance/plans/${plan.id}/actions`)).json()).data.items;
    const find = (text: string) => actions.find((a) => a.description.includes(text))!;
    const networkDay = find('Netwerkdag onderwijsambassadeurs');
    expect(networkDay).toMatchObject({ status: 'approved' });
    expect(networkDay.description).toMatch(/200 deelnemers.*drie zalen/);
    const training = find('belevingsvorming');
    expect(training).toMatchObject({ status: 'agreed_in_principle', budgetCents: 30_000 });
    expect(training.conditions).toContain('€10 deelnemersbijdrage per deelnemer');
    const fair = find('Inspiratiebeurs');
    expect(fair).toMatchObject({ status: 'moved', movedToYear: year + 1, budgetCents: 150_000 });
    expect(fair.conditions).not.toBe('');

    // The history: from creation on, with the decision of the last meeting where one was taken.
    const history = ZPlanActionResponse.parse((await client.get(`/api/governance/plan-actions/${networkDay.id}`)).json()).data.history;
    expect(history.map((h) => h.toStatus)).toEqual(['agreed_in_principle', 'budget_request_due', 'approved']);
    expect(history[0]!.fromStatus).toBeNull();
    expect(history[1]).toMatchObject({ fromStatus: 'agreed_in_principle', decisionItemTitle: DEMO_PLAN_DECISION });
    const meetings = ZMeetingListResponse.parse((await client.get(`/api/governance/bodies/${iroj.id}/meetings`)).json()).data.items;
    expect(history[1]!.decisionMeetingId).toBe(meetings[1]!.id);
    // The approval, too, points at that decision (the bureau approved under its mandate).
    expect(history[2]).toMatchObject({ fromStatus: 'budget_request_due', toStatus: 'approved', decisionItemTitle: DEMO_PLAN_DECISION, decisionMeetingId: meetings[1]!.id });
    for (const a of actions) {
      const h = ZPlanActionResponse.parse((await client.get(`/api/governance/plan-actions/${a.id}`)).json()).data.history;
      expect(h.at(-1)!.toStatus).toBe(a.status);
      expect(h.some((c) => c.decisionItemId !== null)).toBe(true);
    }

    const indicators = ZIndicatorListResponse.parse((await client.get(`/api/governance/plans/${plan.id}/indicators`)).json()).data.items;
    expect(indicators.every((i) => i.definition !== '' && i.unit !== '' && i.target !== null && i.latest !== null)).toBe(true);
    const computed = indicators.find((i) => i.source === 'education_ambassador_organisations')!;
    expect(computed.latest!.source).toBe('computed');
    // The IROJ's province (Oost-Vlaanderen) has organisations with an education ambassador in the demo directory.
    expect(computed.latest!.value).toBeGreaterThanOrEqual(1);
    const manual = indicators.filter((i) => i.source === 'manual');
    expect(manual.length).toBeGreaterThanOrEqual(2);
    for (const i of manual) {
      const m = ZIndicatorResponse.parse((await client.get(`/api/governance/indicators/${i.id}`)).json()).data.measurements;
      expect(m.length).toBeGreaterThanOrEqual(3);
      expect(m.map((x) => x.measuredOn)).toEqual([...m.map((x) => x.measuredOn)].sort());
    }
    // "Meet nu" counts the directory: the same number the demo stored.
    const measured = ZIndicatorResponse.parse((await client.post(`/api/governance/indicators/${computed.id}/measure`, {})).json()).data;
    expect(measured.latest!.value).toBe(computed.latest!.value);

    // Idempotent: a second load adds no plan, action or indicator.
    await loadDemoData(ctx.database.db, 'test', ctx.app.deps.secrets);
    expect(ZPlanListResponse.parse((await client.get(`/api/governance/bodies/${iroj.id}/plans`)).json()).data.items).toHaveLength(1);
    expect(ZPlanActionListResponse.parse((await client.get(`/api/governance/plans/${plan.id}/actions`)).json()).data.items).toHaveLength(actions.length);
    expect(ZIndicatorListResponse.parse((await client.get(`/api/governance/plans/${plan.id}/indicators`)).json()).data.items).toHaveLength(indicators.length);
  });
});
