import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { learningPartnership, learningPartnershipAssessment, learningToolkitContent } from '../../db/schema/index.js';
import {
  ZPartnershipDetailResponse,
  ZPartnershipListResponse,
  ZToolkitContentResponse,
  type TAssessmentPut,
  type TToolkitContent,
} from '../../../shared/schemas/learning-toolkit.js';

let ctx: TestContext;
let orgA: string;
let orgB: string;
let orgC: string;
let adminA: LoggedIn;
let adminB: LoggedIn;
let adminC: LoggedIn;
let proA: LoggedIn;
let proB: LoggedIn;
let proC: LoggedIn;
let coordinator: LoggedIn;
let admin: LoggedIn;

const C = '/api/learning/toolkit/content';
const P = '/api/learning/toolkit/partnerships';
const send = (who: LoggedIn, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown) => who.client.request({ method, url, payload: payload as Record<string, unknown> });

async function content(who: LoggedIn = proA) {
  const res = await who.client.get(C);
  expect(res.statusCode, res.body).toBe(200);
  return ZToolkitContentResponse.parse(res.json());
}

async function createPartnership(who: LoggedIn, organisationIds: string[], name = 'CGG en leefgroep samen') {
  const res = await send(who, 'POST', P, { name, description: 'Samen rond jongeren met complexe vragen.', organisationIds });
  expect(res.statusCode, res.body).toBe(201);
  return ZPartnershipDetailResponse.parse(res.json());
}

async function addRound(who: LoggedIn, id: string, date: string) {
  const res = await send(who, 'POST', `${P}/${id}/rounds`, { date });
  expect(res.statusCode, res.body).toBe(201);
  const detail = ZPartnershipDetailResponse.parse(res.json()).data;
  const round = detail.rounds.find((r) => r.date === date);
  if (!round) throw new Error('round missing');
  return round;
}

/** A complete view for a content version: the given scores (in criterion order, default 3), the first phase, all "yes". */
function view(c: Pick<TToolkitContent, 'criteria' | 'phases' | 'checklist'>, scores: number[] = [], version = 0): TAssessmentPut {
  return {
    version,
    scores: c.criteria.map((k, i) => ({ criterion: k.key, score: scores[i] ?? 3, note: '' })),
    phase: c.phases[0]?.key ?? 'x',
    checklist: c.checklist.map((k) => ({ item: k.key, answer: 'yes' as const, note: '' })),
  };
}

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  orgA = (await makeOrganisation(db, 'CGG De Haven')).id;
  orgB = (await makeOrganisation(db, 'Leefgroep De Brug')).id;
  orgC = (await makeOrganisation(db, 'CLB Elders')).id;
  adminA = await loginAs(ctx, 'org-admin', { organisationId: orgA });
  adminB = await loginAs(ctx, 'org-admin', { organisationId: orgB });
  adminC = await loginAs(ctx, 'org-admin', { organisationId: orgC });
  proA = await loginAs(ctx, 'professional', { organisationId: orgA });
  proB = await loginAs(ctx, 'professional', { organisationId: orgB });
  proC = await loginAs(ctx, 'professional', { organisationId: orgC });
  coordinator = await loginAs(ctx, 'network-coordinator');
  admin = await loginAs(ctx, 'platform-admin');
});
afterAll(() => ctx.close());

describe('the toolkit texts', () => {
  it('start with the Dutch defaults as version 1: five criteria with a weak and a strong end, the phases and the checklist', async () => {
    const c = await content();
    expect(c.data.version).toBe(1);
    expect(c.data.criteria).toHaveLength(5);
    for (const k of c.data.criteria) {
      expect(k.weak.length).toBeGreaterThan(10);
      expect(k.strong.length).toBeGreaterThan(10);
    }
    expect(c.data.phases.map((p) => p.title)).toContain('Kennismaken');
    expect(c.data.checklist.length).toBeGreaterThanOrEqual(5);
    expect(c.abilities).toEqual({ editContent: false, createPartnership: false });
    expect((await content(adminA)).abilities).toEqual({ editContent: false, createPartnership: true });
    expect((await content(coordinator)).abilities).toEqual({ editContent: true, createPartnership: true });
    expect((await content(admin)).abilities).toEqual({ editContent: true, createPartnership: false });
    const [{ n }] = (await ctx.database.db.select({ n: count() }).from(learningToolkitContent)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('refuses editing by people who are not coordinators or platform admins, and bad texts (nothing changes)', async () => {
    const c = (await content()).data;
    const body = { version: c.version, criteria: c.criteria, phases: c.phases, checklist: c.checklist };
    expect((await send(proA, 'PUT', C, body)).statusCode).toBe(403);
    expect((await send(adminA, 'PUT', C, body)).statusCode).toBe(403);
    const cases: [Record<string, unknown>, string][] = [
      [{ criteria: [] }, 'body.criteria'],
      [{ criteria: [...c.criteria, c.criteria[0]] }, 'body.criteria'],
      [{ phases: [{ key: 'Fout Sleutel', title: 'Fase', description: '' }, ...c.phases] }, 'body.phases.0.key'],
      [{ checklist: [{ key: 'x', text: 'Tekst\u0000met nul' }] }, 'body.checklist.0.text'],
      [{ version: 0 }, 'body.version'],
    ];
    for (const [over, path] of cases) {
      const res = await send(coordinator, 'PUT', C, { ...body, ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect((await content()).data.version).toBe(1);
  });
});

describe('partnerships', () => {
  it('an organisation admin starts one with a partner; partners and coordinators see it, nobody else (404)', async () => {
    const created = await createPartnership(adminA, [orgA, orgB]);
    expect(created.data.members.map((m) => m.organisationName)).toEqual(['CGG De Haven', 'Leefgroep De Brug']);
    expect(created.data.rounds).toEqual([]);
    expect(created.abilities).toEqual({ view: true, update: true, assess: true, deleteRounds: true });
    await expectAudited(ctx.database.db, 'learning.partnership.create', { resourceType: 'learning_partnership', resourceId: created.data.id, outcome: 'success' });
    const id = created.data.id;
    for (const who of [proA, proB, adminB, coordinator]) expect((await who.client.get(`${P}/${id}`)).statusCode).toBe(200);
    for (const who of [proC, adminC, admin]) expect((await who.client.get(`${P}/${id}`)).statusCode).toBe(404);
    expect(ZPartnershipDetailResponse.parse((await proB.client.get(`${P}/${id}`)).json()).abilities).toEqual({ view: true, update: false, assess: true, deleteRounds: true });
    expect(ZPartnershipDetailResponse.parse((await coordinator.client.get(`${P}/${id}`)).json()).abilities).toEqual({ view: true, update: true, assess: false, deleteRounds: true });
    const listed = async (who: LoggedIn) => ZPartnershipListResponse.parse((await who.client.get(`${P}?limit=100`)).json()).data.items.map((p) => p.id);
    expect(await listed(proB)).toContain(id);
    expect(await listed(coordinator)).toContain(id);
    expect(await listed(proC)).not.toContain(id);
    expect(await listed(admin)).not.toContain(id);
  });

  it('refuses a partnership without an organisation of the admin, fewer than two organisations, unknown ones and other roles', async () => {
    const before = await ctx.database.db.select({ n: count() }).from(learningPartnership);
    expect((await send(adminA, 'POST', P, { name: 'Zonder mij', organisationIds: [orgB, orgC] })).statusCode).toBe(403);
    expect((await send(proA, 'POST', P, { name: 'Als hulpverlener', organisationIds: [orgA, orgB] })).statusCode).toBe(403);
    expect((await send(admin, 'POST', P, { name: 'Als beheerder', organisationIds: [orgA, orgB] })).statusCode).toBe(403);
    const one = await send(adminA, 'POST', P, { name: 'Alleen', organisationIds: [orgA] });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.details[0].path).toBe('body.organisationIds');
    expect((await send(adminA, 'POST', P, { name: 'Dubbel', organisationIds: [orgA, orgA] })).statusCode).toBe(400);
    const unknown = await send(adminA, 'POST', P, { name: 'Onbekend', organisationIds: [orgA, '00000000-0000-4000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/bestaat niet/);
    expect((await send(adminA, 'POST', P, { name: 'X\u0000', organisationIds: [orgA, orgB] })).statusCode).toBe(400);
    expect(await ctx.database.db.select({ n: count() }).from(learningPartnership)).toEqual(before);
    const options = await adminA.client.get('/api/learning/toolkit/organisations?q=brug');
    expect(options.statusCode).toBe(200);
    expect(options.json().data.map((o: { name: string }) => o.name)).toContain('Leefgroep De Brug');
    expect((await proA.client.get('/api/learning/toolkit/organisations')).statusCode).toBe(403);
    const byCoordinator = await createPartnership(coordinator, [orgB, orgC], 'Leefgroep en CLB');
    expect(byCoordinator.data.members).toHaveLength(2);
  });

  it('admins of a member organisation and coordinators change it; others cannot; a stale version is 409', async () => {
    const { data } = await createPartnership(adminA, [orgA, orgB], 'Te wijzigen');
    expect((await send(adminC, 'PATCH', `${P}/${data.id}`, { version: 1, name: 'Gekaapt' })).statusCode).toBe(404);
    expect((await send(proA, 'PATCH', `${P}/${data.id}`, { version: 1, name: 'Als hulpverlener' })).statusCode).toBe(403);
    const res = await send(adminB, 'PATCH', `${P}/${data.id}`, { version: 1, name: 'Gewijzigd', organisationIds: [orgA, orgB, orgC] });
    expect(res.statusCode, res.body).toBe(200);
    expect(ZPartnershipDetailResponse.parse(res.json()).data).toMatchObject({ name: 'Gewijzigd', version: 2 });
    await expectAudited(ctx.database.db, 'learning.partnership.update', { resourceId: data.id });
    expect((await proC.client.get(`${P}/${data.id}`)).statusCode).toBe(200);
    expect((await send(adminB, 'PATCH', `${P}/${data.id}`, { version: 1, name: 'Oud' })).statusCode).toBe(409);
    const dropMine = await send(adminB, 'PATCH', `${P}/${data.id}`, { version: 2, organisationIds: [orgA, orgC] });
    expect(dropMine.statusCode).toBe(403);
    expect((await send(coordinator, 'PATCH', `${P}/${data.id}`, { version: 2, organisationIds: [orgA, orgC] })).statusCode).toBe(200);
    expect((await proB.client.get(`${P}/${data.id}`)).statusCode).toBe(404);
  });
});

describe('rounds and each partner\'s view', () => {
  it('partners record a round and fill in their own organisation\'s view; where they differ by 2 or more is marked', async () => {
    const { data } = await createPartnership(adminA, [orgA, orgB], 'Barometer');
    const c = (await content()).data;
    expect((await send(coordinator, 'POST', `${P}/${data.id}/rounds`, { date: '2026-03-01' })).statusCode).toBe(403);
    expect((await send(proC, 'POST', `${P}/${data.id}/rounds`, { date: '2026-03-01' })).statusCode).toBe(404);
    expect((await send(proA, 'POST', `${P}/${data.id}/rounds`, { date: '2026-02-30' })).statusCode).toBe(400);
    const round = await addRound(proA, data.id, '2026-03-01');
    expect(round.contentVersion).toBe(c.version);
    await expectAudited(ctx.database.db, 'learning.partnership.round.create', { resourceId: data.id });

    const url = (org: string) => `${P}/${data.id}/rounds/${round.id}/assessments/${org}`;
    expect((await send(proA, 'PUT', url(orgB), view(c))).statusCode).toBe(403);
    expect((await send(proC, 'PUT', url(orgC), view(c))).statusCode).toBe(404);
    expect((await send(coordinator, 'PUT', url(orgA), view(c))).statusCode).toBe(403);
    const mine = await send(proA, 'PUT', url(orgA), { ...view(c, [4, 2, 3, 3, 5]), phase: c.phases[1]?.key });
    expect(mine.statusCode, mine.body).toBe(200);
    await expectAudited(ctx.database.db, 'learning.partnership.assessment.create', { resourceId: data.id, organisationId: orgA, actorPersonId: proA.user?.person.id });
    const theirs = await send(proB, 'PUT', url(orgB), view(c, [2, 3, 3, 1, 5]));
    expect(theirs.statusCode, theirs.body).toBe(200);
    const detail = ZPartnershipDetailResponse.parse(theirs.json()).data;
    const r = detail.rounds[0];
    expect(r?.assessments.map((a) => a.organisationName)).toEqual(['CGG De Haven', 'Leefgroep De Brug']);
    expect(r?.spreads.filter((s) => s.differs).map((s) => s.criterion)).toEqual([c.criteria[0]?.key, c.criteria[3]?.key]);
    expect(r?.spreads.find((s) => s.criterion === c.criteria[1]?.key)).toMatchObject({ min: 2, max: 3, spread: 1, differs: false });
    expect(detail.contents.map((x) => x.version)).toEqual([c.version]);

    // Changing a view needs its version.
    expect((await send(proA, 'PUT', url(orgA), view(c, [5, 5, 5, 5, 5], 0))).statusCode).toBe(409);
    const changed = await send(proA, 'PUT', url(orgA), { ...view(c, [3, 2, 3, 3, 5], 1), checklist: c.checklist.map((k, i) => ({ item: k.key, answer: i === 0 ? 'partly' : 'no', note: i === 0 ? 'Alleen bij ons' : '' })) });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = ZPartnershipDetailResponse.parse(changed.json()).data.rounds[0];
    expect(after?.assessments[0]).toMatchObject({ version: 2, checklist: expect.arrayContaining([{ item: c.checklist[0]?.key, answer: 'partly', note: 'Alleen bij ons' }]) });
    expect(after?.spreads.filter((s) => s.differs).map((s) => s.criterion)).toEqual([c.criteria[3]?.key]);
    await expectAudited(ctx.database.db, 'learning.partnership.assessment.update', { resourceId: data.id, organisationId: orgA });
  });

  it('refuses a view that does not answer the round\'s criteria, phases and checklist (400 with the field, nothing stored)', async () => {
    const { data } = await createPartnership(adminA, [orgA, orgB], 'Slechte invoer');
    const c = (await content()).data;
    const round = await addRound(proA, data.id, '2026-04-01');
    const url = `${P}/${data.id}/rounds/${round.id}/assessments/${orgA}`;
    const good = view(c);
    const cases: [unknown, string][] = [
      [{ ...good, scores: good.scores.slice(1) }, 'body.scores'],
      [{ ...good, scores: [...good.scores.slice(1), good.scores[1]] }, 'body.scores'],
      [{ ...good, scores: good.scores.map((s, i) => (i === 0 ? { ...s, score: 6 } : s)) }, 'body.scores.0.score'],
      [{ ...good, scores: good.scores.map((s, i) => (i === 0 ? { ...s, score: 0 } : s)) }, 'body.scores.0.score'],
      [{ ...good, phase: 'bestaat-niet' }, 'body.phase'],
      [{ ...good, checklist: good.checklist.slice(1) }, 'body.checklist'],
      [{ ...good, checklist: good.checklist.map((k, i) => (i === 0 ? { ...k, answer: 'misschien' } : k)) }, 'body.checklist.0.answer'],
      [{ ...good, scores: good.scores.map((s, i) => (i === 0 ? { ...s, note: 'a\u0000b' } : s)) }, 'body.scores.0.note'],
    ];
    for (const [body, path] of cases) {
      const res = await send(proA, 'PUT', url, body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect((await send(proA, 'PUT', `${P}/${data.id}/rounds/${round.id}/assessments/${orgA}`, { ...good, phase: 'bestaat-niet' })).json().error.message).toMatch(/fase/);
    const stored = await ctx.database.db.select({ n: count() }).from(learningPartnershipAssessment).where(eq(learningPartnershipAssessment.roundId, round.id));
    expect(stored).toEqual([{ n: 0 }]);
    const other = await createPartnership(coordinator, [orgB, orgC], 'Andere');
    expect((await send(proA, 'PUT', `${P}/${other.data.id}/rounds/${round.id}/assessments/${orgA}`, good)).statusCode).toBe(404);
  });

  it('an edit of the texts makes a new version; old rounds keep their wording, new rounds use the new one', async () => {
    const { data } = await createPartnership(adminA, [orgA, orgB], 'Versies');
    const v1 = (await content()).data;
    const oldRound = await addRound(proA, data.id, '2026-05-01');
    expect((await send(proA, 'PUT', `${P}/${data.id}/rounds/${oldRound.id}/assessments/${orgA}`, view(v1))).statusCode).toBe(200);

    const edited = {
      version: v1.version,
      criteria: v1.criteria.map((k, i) => (i === 0 ? { ...k, title: 'Elkaar echt kennen' } : k)),
      phases: v1.phases,
      checklist: [...v1.checklist.slice(1), { key: 'samen-vorming', text: 'We volgen samen vorming.' }],
    };
    const res = await send(coordinator, 'PUT', C, edited);
    expect(res.statusCode, res.body).toBe(200);
    const v2 = ZToolkitContentResponse.parse(res.json()).data;
    expect(v2.version).toBe(v1.version + 1);
    expect(v2.criteria[0]?.title).toBe('Elkaar echt kennen');
    await expectAudited(ctx.database.db, 'learning.toolkit.content.update', { outcome: 'success' });
    expect((await send(coordinator, 'PUT', C, edited)).statusCode).toBe(409);

    const newRound = await addRound(proB, data.id, '2026-06-01');
    expect(newRound.contentVersion).toBe(v2.version);
    // The old checklist item is not part of the new round; the new one is.
    expect((await send(proB, 'PUT', `${P}/${data.id}/rounds/${newRound.id}/assessments/${orgB}`, view(v1))).statusCode).toBe(400);
    expect((await send(proB, 'PUT', `${P}/${data.id}/rounds/${newRound.id}/assessments/${orgB}`, view(v2))).statusCode).toBe(200);
    // The old round still answers to the old wording.
    const changedOld = await send(proA, 'PUT', `${P}/${data.id}/rounds/${oldRound.id}/assessments/${orgA}`, view(v1, [2], 1));
    expect(changedOld.statusCode, changedOld.body).toBe(200);

    const detail = ZPartnershipDetailResponse.parse((await proB.client.get(`${P}/${data.id}`)).json()).data;
    expect(detail.rounds.map((r) => [r.date, r.contentVersion])).toEqual([['2026-05-01', v1.version], ['2026-06-01', v2.version]]);
    expect(detail.contents.map((x) => [x.version, x.criteria[0]?.title])).toEqual([[v1.version, v1.criteria[0]?.title], [v2.version, 'Elkaar echt kennen']]);
    expect(detail.lastRoundDate).toBe('2026-06-01');
    expect(detail.roundCount).toBe(2);
  });

  it('coordinators add and remove criteria and phases; a criterion partners already scored cannot be removed (409 in Dutch, nothing changes)', async () => {
    const { data } = await createPartnership(adminA, [orgA, orgB], 'Criteria toevoegen');
    const v1 = (await content()).data;
    const round = await addRound(proA, data.id, '2026-07-01');
    expect((await send(proA, 'PUT', `${P}/${data.id}/rounds/${round.id}/assessments/${orgA}`, view(v1))).statusCode).toBe(200);

    // Add a criterion and a phase.
    const extraCriterion = { key: 'gedeelde-taal', title: 'Een gedeelde taal', description: 'Partners begrijpen elkaars begrippen.', weak: 'We praten langs elkaar heen.', strong: 'We spreken dezelfde taal.' };
    const extraPhase = { key: 'samen-bijsturen', title: 'Samen bijsturen', description: 'De samenwerking staat in de werking van beide organisaties.' };
    const added = await send(coordinator, 'PUT', C, { version: v1.version, criteria: [...v1.criteria, extraCriterion], phases: [...v1.phases, extraPhase], checklist: v1.checklist });
    expect(added.statusCode, added.body).toBe(200);
    const v2 = ZToolkitContentResponse.parse(added.json()).data;
    expect(v2.criteria.map((c) => c.key)).toContain('gedeelde-taal');
    expect(v2.phases.map((c) => c.key)).toContain('samen-bijsturen');

    // Removing the new (unanswered) criterion and a phase is fine.
    const removed = await send(coordinator, 'PUT', C, { version: v2.version, criteria: v1.criteria, phases: v2.phases.filter((x) => x.key !== v1.phases[1]?.key), checklist: v1.checklist });
    expect(removed.statusCode, removed.body).toBe(200);
    const v3 = ZToolkitContentResponse.parse(removed.json()).data;
    expect(v3.criteria.map((c) => c.key)).toEqual(v1.criteria.map((c) => c.key));
    expect(v3.phases.map((c) => c.key)).not.toContain(v1.phases[1]?.key);

    // A criterion with answers: 409 with a Dutch message naming it; no new version.
    const answered = v3.criteria[0];
    if (!answered) throw new Error('no criterion');
    const blocked = await coordinator.client.request({
      method: 'PUT', url: C, headers: { 'accept-language': 'nl' },
      payload: { version: v3.version, criteria: v3.criteria.slice(1), phases: v3.phases, checklist: v3.checklist },
    });
    expect(blocked.statusCode, blocked.body).toBe(409);
    expect(blocked.json().error.code).toBe('conflict');
    expect(blocked.json().error.message).toContain('Dit criterium heeft al antwoorden van partners en kan niet verwijderd worden');
    expect(blocked.json().error.message).toContain(answered.title);
    expect((await content()).data.version).toBe(v3.version);
    // Changing its text is still allowed.
    const renamed = await send(coordinator, 'PUT', C, { version: v3.version, criteria: v3.criteria.map((c, i) => (i === 0 ? { ...c, title: `${c.title} (herwerkt)` } : c)), phases: v3.phases, checklist: v3.checklist });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const v4 = ZToolkitContentResponse.parse(renamed.json()).data;

    // Fewer than two phases, no criteria, a duplicate key: 400, nothing changes.
    for (const bad of [
      { criteria: v4.criteria, phases: v4.phases.slice(0, 1), checklist: v4.checklist },
      { criteria: [], phases: v4.phases, checklist: v4.checklist },
      { criteria: [...v4.criteria, { ...extraCriterion, key: v4.criteria[0]?.key ?? 'x' }], phases: v4.phases, checklist: v4.checklist },
    ]) {
      expect((await send(coordinator, 'PUT', C, { version: v4.version, ...bad })).statusCode).toBe(400);
    }
    // Not a coordinator: 403.
    expect((await send(adminA, 'PUT', C, { version: v4.version, criteria: [...v4.criteria, extraCriterion], phases: v4.phases, checklist: v4.checklist })).statusCode).toBe(403);
    expect((await content()).data.version).toBe(v4.version);
  });
});
