import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited, expectNotAudited } from '../../../../tests/helpers/audit.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { learningPartnershipAssessment, learningPartnershipRound } from '../../db/schema/index.js';
import { ZPartnershipDetailResponse, ZToolkitContentResponse, type TAssessmentPut, type TToolkitContent } from '../../../shared/schemas/learning-toolkit.js';

/** Deleting a round of self-assessment (DELETE …/partnerships/:id/rounds/:roundId?version=). */

let ctx: TestContext;
let orgA: string;
let orgB: string;
let orgC: string;
let adminA: LoggedIn;
let proA: LoggedIn;
let proB: LoggedIn;
let proC: LoggedIn;
let coordinator: LoggedIn;
let platformAdmin: LoggedIn;
let texts: TToolkitContent;

const P = '/api/learning/toolkit/partnerships';

function view(version = 0): TAssessmentPut {
  return {
    version,
    scores: texts.criteria.map((k) => ({ criterion: k.key, score: 3, note: '' })),
    phase: texts.phases[0]?.key ?? 'x',
    checklist: texts.checklist.map((k) => ({ item: k.key, answer: 'yes' as const, note: '' })),
  };
}

/** A partnership of A and B with one round on the date; returns its ids and the round's version. */
async function partnershipWithRound(date = '2026-03-01') {
  const created = await adminA.client.request({ method: 'POST', url: P, payload: { name: `Samen ${date} ${Math.random()}`, description: '', organisationIds: [orgA, orgB] } });
  expect(created.statusCode, created.body).toBe(201);
  const id = ZPartnershipDetailResponse.parse(created.json()).data.id;
  const res = await proA.client.request({ method: 'POST', url: `${P}/${id}/rounds`, payload: { date } });
  expect(res.statusCode, res.body).toBe(201);
  const round = ZPartnershipDetailResponse.parse(res.json()).data.rounds.find((r) => r.date === date)!;
  return { id, roundId: round.id, version: round.version };
}

async function fillIn(who: LoggedIn, id: string, roundId: string, organisationId: string) {
  const res = await who.client.request({ method: 'PUT', url: `${P}/${id}/rounds/${roundId}/assessments/${organisationId}`, payload: view() as unknown as Record<string, unknown> });
  expect(res.statusCode, res.body).toBe(200);
  return ZPartnershipDetailResponse.parse(res.json()).data.rounds.find((r) => r.id === roundId)!;
}

const del = (who: LoggedIn, id: string, roundId: string, version: number | string) => who.client.request({ method: 'DELETE', url: `${P}/${id}/rounds/${roundId}?version=${version}` });

async function roundExists(roundId: string) {
  const [row] = await ctx.database.db.select({ n: count() }).from(learningPartnershipRound).where(eq(learningPartnershipRound.id, roundId));
  return (row?.n ?? 0) === 1;
}

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  orgA = (await makeOrganisation(db, 'CGG De Haven')).id;
  orgB = (await makeOrganisation(db, 'Leefgroep De Brug')).id;
  orgC = (await makeOrganisation(db, 'CLB Elders')).id;
  adminA = await loginAs(ctx, 'org-admin', { organisationId: orgA });
  proA = await loginAs(ctx, 'professional', { organisationId: orgA });
  proB = await loginAs(ctx, 'professional', { organisationId: orgB });
  proC = await loginAs(ctx, 'professional', { organisationId: orgC });
  coordinator = await loginAs(ctx, 'network-coordinator');
  platformAdmin = await loginAs(ctx, 'platform-admin');
  texts = ZToolkitContentResponse.parse((await proA.client.get('/api/learning/toolkit/content')).json()).data;
});
afterAll(() => ctx.close());

describe('deleting a round', () => {
  it('a partner deletes a round only their own organisation filled in (with that view), audited; the others stay', async () => {
    const { id, roundId } = await partnershipWithRound('2026-03-01');
    const kept = await proA.client.request({ method: 'POST', url: `${P}/${id}/rounds`, payload: { date: '2026-09-01' } });
    expect(kept.statusCode).toBe(201);
    const filled = await fillIn(proA, id, roundId, orgA);
    expect(filled.version).toBe(2);
    expect(ZPartnershipDetailResponse.parse((await proB.client.get(`${P}/${id}`)).json()).abilities.deleteRounds).toBe(true);

    const res = await del(proA, id, roundId, filled.version);
    expect(res.statusCode, res.body).toBe(200);
    const body = ZPartnershipDetailResponse.parse(res.json());
    expect(body.data.rounds.map((r) => r.date)).toEqual(['2026-09-01']);
    expect(body.data.roundCount).toBe(1);
    expect(await roundExists(roundId)).toBe(false);
    const [views] = await ctx.database.db.select({ n: count() }).from(learningPartnershipAssessment).where(eq(learningPartnershipAssessment.roundId, roundId));
    expect(views?.n).toBe(0);
    await expectAudited(ctx.database.db, 'learning.partnership.round.delete', { resourceId: id, outcome: 'success', details: { roundId, date: '2026-03-01', views: 1 } }, { count: 1 });

    // Again: the round is gone (404), nothing more is audited.
    expect((await del(proA, id, roundId, filled.version)).statusCode).toBe(404);
    await expectAudited(ctx.database.db, 'learning.partnership.round.delete', { resourceId: id }, { count: 1 });
  });

  it('refuses a partner once another partner filled in their view (409, Dutch message); the coordinator may, views and all', async () => {
    const { id, roundId } = await partnershipWithRound('2026-04-01');
    await fillIn(proA, id, roundId, orgA);
    const both = await fillIn(proB, id, roundId, orgB);

    for (const who of [proA, proB, adminA]) {
      const res = await del(who, id, roundId, both.version);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.message).toMatch(/andere partner/);
    }
    expect(await roundExists(roundId)).toBe(true);
    await expectNotAudited(ctx.database.db, 'learning.partnership.round.delete', { resourceId: id });

    const res = await del(coordinator, id, roundId, both.version);
    expect(res.statusCode, res.body).toBe(200);
    expect(ZPartnershipDetailResponse.parse(res.json()).data.rounds).toEqual([]);
    await expectAudited(ctx.database.db, 'learning.partnership.round.delete', { resourceId: id, details: { roundId, views: 2 } });
  });

  it('an empty round: a partner of the other organisation may delete it', async () => {
    const { id, roundId, version } = await partnershipWithRound('2026-05-01');
    expect((await del(proB, id, roundId, version)).statusCode).toBe(200);
    expect(await roundExists(roundId)).toBe(false);
  });

  it('refuses a stale version: a view was written since the caller looked (409), the round stays', async () => {
    const { id, roundId, version } = await partnershipWithRound('2026-06-01');
    await fillIn(proA, id, roundId, orgA);
    const res = await del(coordinator, id, roundId, version);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('version_conflict');
    expect(await roundExists(roundId)).toBe(true);
  });

  it('refuses outsiders (404 as for an unknown partnership), anonymous (401), unknown rounds and rounds of another partnership (404), bad input (400)', async () => {
    const { id, roundId, version } = await partnershipWithRound('2026-07-01');
    const other = await partnershipWithRound('2026-07-02');
    expect((await del(proC, id, roundId, version)).statusCode).toBe(404);
    expect((await del(platformAdmin, id, roundId, version)).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'DELETE', url: `${P}/${id}/rounds/${roundId}?version=${version}` })).statusCode).toBe(401);
    expect((await del(proA, id, '00000000-0000-4000-8000-000000000999', 1)).statusCode).toBe(404);
    expect((await del(proA, id, other.roundId, other.version)).statusCode).toBe(404);
    expect((await del(proA, '00000000-0000-4000-8000-000000000998', roundId, version)).statusCode).toBe(404);
    expect((await del(proA, id, 'geen-uuid', version)).statusCode).toBe(400);
    expect((await del(proA, id, roundId, 0)).statusCode).toBe(400);
    expect((await proA.client.request({ method: 'DELETE', url: `${P}/${id}/rounds/${roundId}` })).statusCode).toBe(400);
    expect(await roundExists(roundId)).toBe(true);
    expect(await roundExists(other.roundId)).toBe(true);
  });
});
