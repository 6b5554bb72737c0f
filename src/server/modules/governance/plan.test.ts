import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { send, useGovernanceFixture } from '../../../../tests/helpers/governance.js';
import type { LoggedIn } from '../../../../tests/helpers/login.js';
import { governancePlanAction, governancePlanStatusChange } from '../../db/schema/index.js';
import {
  BUDGET_CENTS_MAX,
  ZMeetingResponse,
  ZPlanActionListResponse,
  ZPlanActionResponse,
  ZPlanDecisionItemListResponse,
  ZPlanListResponse,
  ZPlanResponse,
} from '../../../shared/schemas/governance.js';

const gov = useGovernanceFixture('gov-p');
const { today } = gov;

/** An IROJ with a secretary and a plain member (professionals of organisation A). */
const iroj = () => gov.bodyWith({ name: 'IROJ plan', kind: 'iroj', roles: ['secretary', 'member'], joinedOn: '2025-01-01' });

async function createPlan(who: LoggedIn, bodyId: string, year = 2026) {
  const res = await who.client.post(`/api/governance/bodies/${bodyId}/plans`, { year, title: `Regionaal plan ${year}` });
  expect(res.statusCode, res.body).toBe(201);
  return ZPlanResponse.parse(res.json());
}

async function addAction(who: LoggedIn, planId: string, payload: Record<string, unknown>) {
  const res = await who.client.post(`/api/governance/plans/${planId}/actions`, payload);
  expect(res.statusCode, res.body).toBe(201);
  return ZPlanActionResponse.parse(res.json()).data;
}

/** A decision: an agenda item of a meeting of the body. */
async function decision(who: LoggedIn, bodyId: string) {
  const meeting = (await gov.createMeeting(who, bodyId, { meetingDate: today(), place: 'Provinciehuis Gent' })).data;
  const item = (await gov.addItem(who, meeting.id, { title: 'Budget netwerkdag onderwijsambassadeurs', kind: 'decision' })).agenda[0];
  if (!item) throw new Error('no item');
  return { meeting, item };
}

describe('the regional plan', () => {
  it('the secretary starts a plan per year, members read it, one plan per year, version 409; audited', async () => {
    const { body, secretary, member } = await iroj();
    const plan = await createPlan(secretary, body.id, 2026);
    expect(plan.data).toMatchObject({ bodyId: body.id, year: 2026, title: 'Regionaal plan 2026', version: 1, total: { count: 0, budgetCents: 0, activeBudgetCents: 0 } });
    expect(plan.data.totals.map((t) => t.status)).toEqual(['agreed_in_principle', 'budget_request_due', 'approved', 'released', 'moved', 'dropped']);
    expect(plan.abilities).toEqual({ view: true, update: true });
    await expectAudited(gov.ctx.database.db, 'governance.plan.create', { resourceType: 'governance_plan', resourceId: plan.data.id, actorPersonId: secretary.user.person.id });

    const dup = await secretary.client.post(`/api/governance/bodies/${body.id}/plans`, { year: 2026, title: 'Nog eens' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('al een plan');
    const p2027 = await createPlan(gov.coordinator, body.id, 2027);

    const seen = await member.client.get(`/api/governance/plans/${plan.data.id}`);
    expect(seen.statusCode).toBe(200);
    expect(ZPlanResponse.parse(seen.json()).abilities).toEqual({ view: true, update: false });
    const p1 = ZPlanListResponse.parse((await member.client.get(`/api/governance/bodies/${body.id}/plans?limit=1`)).json());
    expect(p1.data.items.map((p) => p.year)).toEqual([2026]);
    const p2 = ZPlanListResponse.parse((await member.client.get(`/api/governance/bodies/${body.id}/plans?limit=1&cursor=${p1.data.nextCursor}`)).json());
    expect(p2.data.items.map((p) => p.id)).toEqual([p2027.data.id]);
    expect(p2.data.nextCursor).toBeNull();

    const ok = await send(secretary, 'PATCH', `/api/governance/plans/${plan.data.id}`, { version: 1, description: 'Zoals besproken op het IROJ.' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ZPlanResponse.parse(ok.json()).data).toMatchObject({ version: 2, description: 'Zoals besproken op het IROJ.' });
    const stale = await send(secretary, 'PATCH', `/api/governance/plans/${plan.data.id}`, { version: 1, title: 'Oud' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
  });

  it('actions with budget and conditions follow the status path, linked to decisions; totals per status; audited', async () => {
    const { body, secretary, member } = await iroj();
    const plan = (await createPlan(secretary, body.id, 2026)).data;
    const { meeting, item } = await decision(secretary, body.id);
    const day = await addAction(secretary, plan.id, {
      description: 'Netwerkdag onderwijsambassadeurs (200 deelnemers, 3 zalen)',
      responsibleOrganisationId: gov.orgA,
      budgetCents: 450_000,
      decisionItemId: item.id,
    });
    expect(day).toMatchObject({ number: 1, status: 'agreed_in_principle', budgetCents: 450_000, responsibleOrganisationId: gov.orgA, version: 1 });
    expect(day.history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'agreed_in_principle', decisionItemId: item.id, decisionMeetingId: meeting.id })]);
    const training = await addAction(secretary, plan.id, {
      description: 'Vorming gedeelde beslissingname',
      responsibleText: 'Werkgroep vorming',
      budgetCents: 120_000,
      conditions: '€10 deelnemersbijdrage per deelnemer',
    });
    const fair = await addAction(gov.coordinator, plan.id, { description: 'Inspiratiebeurs', budgetCents: 150_000 });
    expect([training.number, fair.number]).toEqual([2, 3]);
    await expectAudited(gov.ctx.database.db, 'governance.plan_action.create', { resourceId: day.id, details: { planId: plan.id, budgetCents: 450_000, decisionItemId: item.id } });

    const step = async (id: string, version: number, payload: Record<string, unknown>) => {
      const res = await secretary.client.post(`/api/governance/plan-actions/${id}/status`, { version, ...payload });
      expect(res.statusCode, res.body).toBe(200);
      return ZPlanActionResponse.parse(res.json()).data;
    };
    await step(day.id, 1, { status: 'budget_request_due' });
    await step(day.id, 2, { status: 'approved', decisionItemId: item.id, note: 'Goedgekeurd op het IROJ' });
    const released = await step(day.id, 3, { status: 'released' });
    expect(released.history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, 'agreed_in_principle'],
      ['agreed_in_principle', 'budget_request_due'],
      ['budget_request_due', 'approved'],
      ['approved', 'released'],
    ]);
    expect(released.history[2]).toMatchObject({ decisionItemTitle: 'Budget netwerkdag onderwijsambassadeurs', decisionMeetingDate: today(), note: 'Goedgekeurd op het IROJ' });
    const moved = await step(fair.id, 1, { status: 'moved', movedToYear: 2027, decisionItemId: item.id });
    expect(moved).toMatchObject({ status: 'moved', movedToYear: 2027 });
    await step(training.id, 1, { status: 'approved' });
    await expectAudited(gov.ctx.database.db, 'governance.plan_action.status', { resourceId: fair.id, details: { from: 'agreed_in_principle', to: 'moved', movedToYear: 2027, decisionItemId: item.id } });

    const totals = ZPlanResponse.parse((await member.client.get(`/api/governance/plans/${plan.id}`)).json()).data;
    expect(Object.fromEntries(totals.totals.map((t) => [t.status, [t.count, t.budgetCents]]))).toEqual({
      agreed_in_principle: [0, 0],
      budget_request_due: [0, 0],
      approved: [1, 120_000],
      released: [1, 450_000],
      moved: [1, 150_000],
      dropped: [0, 0],
    });
    expect(totals.total).toEqual({ count: 3, budgetCents: 720_000, activeBudgetCents: 570_000 });

    // Keyset list, filtered by status.
    const page1 = ZPlanActionListResponse.parse((await member.client.get(`/api/governance/plans/${plan.id}/actions?limit=2`)).json());
    expect(page1.data.items.map((a) => a.number)).toEqual([1, 2]);
    expect(page1.abilities[day.id]).toEqual({ view: true, update: false });
    const page2 = ZPlanActionListResponse.parse((await member.client.get(`/api/governance/plans/${plan.id}/actions?limit=2&cursor=${page1.data.nextCursor}`)).json());
    expect(page2.data.items.map((a) => a.number)).toEqual([3]);
    const approved = ZPlanActionListResponse.parse((await member.client.get(`/api/governance/plans/${plan.id}/actions?status=approved`)).json());
    expect(approved.data.items.map((a) => a.id)).toEqual([training.id]);
    const detail = ZPlanActionResponse.parse((await member.client.get(`/api/governance/plan-actions/${training.id}`)).json());
    expect(detail.data.conditions).toBe('€10 deelnemersbijdrage per deelnemer');

    // Changing an open action; a final one is frozen.
    const edit = await send(secretary, 'PATCH', `/api/governance/plan-actions/${training.id}`, { version: 2, budgetCents: 130_000 });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(ZPlanActionResponse.parse(edit.json()).data).toMatchObject({ budgetCents: 130_000, version: 3 });
    await expectAudited(gov.ctx.database.db, 'governance.plan_action.update', { resourceId: training.id, details: { fields: ['budgetCents'] } });
    const frozen = await send(secretary, 'PATCH', `/api/governance/plan-actions/${day.id}`, { version: 4, budgetCents: 1 });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toContain('vrijgegeven');
  });

  it('a moved action continues in the later year\'s plan: at once when it exists, or when that plan is started', async () => {
    const { body, secretary } = await iroj();
    const p2026 = (await createPlan(secretary, body.id, 2026)).data;
    const p2027 = (await createPlan(secretary, body.id, 2027)).data;
    const fair = await addAction(secretary, p2026.id, { description: 'Inspiratiebeurs', budgetCents: 150_000, conditions: 'Met partners', responsibleOrganisationId: gov.orgA });
    const forum = await addAction(secretary, p2026.id, { description: 'Netwerkforum', budgetCents: 80_000 });
    await addAction(secretary, p2027.id, { description: 'Al gepland in 2027' });

    const moved = await secretary.client.post(`/api/governance/plan-actions/${fair.id}/status`, { version: 1, status: 'moved', movedToYear: 2027 });
    expect(moved.statusCode, moved.body).toBe(200);
    const list2027 = ZPlanActionListResponse.parse((await secretary.client.get(`/api/governance/plans/${p2027.id}/actions`)).json()).data.items;
    expect(list2027.map((a) => [a.number, a.description, a.status, a.movedFromActionId])).toEqual([
      [1, 'Al gepland in 2027', 'agreed_in_principle', null],
      [2, 'Inspiratiebeurs', 'agreed_in_principle', fair.id],
    ]);
    expect(list2027[1]).toMatchObject({ budgetCents: 150_000, conditions: 'Met partners', responsibleOrganisationId: gov.orgA });
    const copy = ZPlanActionResponse.parse((await secretary.client.get(`/api/governance/plan-actions/${list2027[1]!.id}`)).json()).data;
    expect(copy.history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'agreed_in_principle', note: 'Verschoven uit het plan 2026 (actie 1).' })]);
    await expectAudited(gov.ctx.database.db, 'governance.plan_action.create', { resourceId: copy.id, details: { planId: p2027.id, movedFromActionId: fair.id } });

    // No plan for 2028 yet: the action waits, and continues when the plan is started.
    expect((await secretary.client.post(`/api/governance/plan-actions/${forum.id}/status`, { version: 1, status: 'moved', movedToYear: 2028 })).statusCode).toBe(200);
    const p2028 = await createPlan(secretary, body.id, 2028);
    expect(p2028.data.total).toMatchObject({ count: 1, budgetCents: 80_000 });
    const list2028 = ZPlanActionListResponse.parse((await secretary.client.get(`/api/governance/plans/${p2028.data.id}/actions`)).json()).data.items;
    expect(list2028.map((a) => [a.number, a.description, a.movedFromActionId])).toEqual([[1, 'Netwerkforum', forum.id]]);
    // Another body's plan for 2028 takes nothing over.
    const other = await iroj();
    expect((await createPlan(other.secretary, other.body.id, 2028)).data.total.count).toBe(0);
  });

  it('refuses invalid transitions with a Dutch message, stale versions, and bad input; nothing changes', async () => {
    const { body, secretary } = await iroj();
    const plan = (await createPlan(secretary, body.id, 2026)).data;
    const a = await addAction(secretary, plan.id, { description: 'Inspiratiebeurs', budgetCents: 150_000 });
    const post = (payload: Record<string, unknown>) => secretary.client.post(`/api/governance/plan-actions/${a.id}/status`, payload);

    const skip = await post({ version: 1, status: 'released' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message).toBe(
      'Een actie die principieel akkoord is, kan niet naar vrijgegeven; wel naar: budgetaanvraag in te dienen, goedgekeurd, verschoven naar een later jaar, geschrapt.',
    );
    const same = await post({ version: 1, status: 'agreed_in_principle' });
    expect(same.statusCode).toBe(409);
    const noYear = await post({ version: 1, status: 'moved' });
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().error.details[0]).toMatchObject({ path: 'body.movedToYear' });
    expect(noYear.json().error.message).toContain('latere jaar');
    expect((await post({ version: 1, status: 'moved', movedToYear: 2026 })).statusCode).toBe(400);
    expect((await post({ version: 1, status: 'approved', movedToYear: 2027 })).statusCode).toBe(400);
    // A decision of another body's meeting.
    const other = await iroj();
    const { item } = await decision(other.secretary, other.body.id);
    const foreign = await post({ version: 1, status: 'approved', decisionItemId: item.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0]).toMatchObject({ path: 'body.decisionItemId' });

    expect((await post({ version: 1, status: 'dropped' })).statusCode).toBe(200);
    const stale = await post({ version: 1, status: 'approved' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const final = await post({ version: 2, status: 'approved' });
    expect(final.statusCode).toBe(409);
    expect(final.json().error.message).toBe('Deze actie is geschrapt: haar status ligt vast.');
    const [row] = await gov.ctx.database.db.select().from(governancePlanAction).where(eq(governancePlanAction.id, a.id));
    expect(row).toMatchObject({ status: 'dropped', version: 2, movedToYear: null });
    expect(await gov.ctx.database.db.select().from(governancePlanStatusChange).where(eq(governancePlanStatusChange.actionId, a.id))).toHaveLength(2);

    // Bad input: 400 with field paths (Dutch by default), huge amounts, NUL bytes.
    const bad: [string, Record<string, unknown>, string][] = [
      [`/api/governance/plans/${plan.id}/actions`, { description: 'Te duur', budgetCents: BUDGET_CENTS_MAX + 1 }, 'body.budgetCents'],
      [`/api/governance/plans/${plan.id}/actions`, { description: 'Te duur', budgetCents: 1e300 }, 'body.budgetCents'],
      [`/api/governance/plans/${plan.id}/actions`, { description: 'Negatief', budgetCents: -1 }, 'body.budgetCents'],
      [`/api/governance/plans/${plan.id}/actions`, { description: 'Halve cent', budgetCents: 10.5 }, 'body.budgetCents'],
      [`/api/governance/plans/${plan.id}/actions`, { description: 'Nul\u0000byte' }, 'body.description'],
      [`/api/governance/plans/${plan.id}/actions`, { description: 'Voorwaarde', conditions: 'a\u0000b' }, 'body.conditions'],
      [`/api/governance/plans/${plan.id}/actions`, { description: 'Persoon', responsiblePersonId: '00000000-0000-4000-8000-000000000000' }, 'body.responsiblePersonId'],
      [`/api/governance/plans/${plan.id}/actions`, { description: 'Organisatie', responsibleOrganisationId: '00000000-0000-4000-8000-000000000000' }, 'body.responsibleOrganisationId'],
      [`/api/governance/bodies/${body.id}/plans`, { year: 99999, title: 'Ver weg' }, 'body.year'],
      [`/api/governance/bodies/${body.id}/plans`, { year: 2030, title: 'x' }, 'body.title'],
      [`/api/governance/plan-actions/${a.id}/status`, { version: 2, status: 'gossip' }, 'body.status'],
    ];
    for (const [url, payload, path] of bad) {
      const res = await secretary.client.post(url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path), JSON.stringify(payload)).toContain(path);
    }
    const persons = await secretary.client.post(`/api/governance/plans/${plan.id}/actions`, { description: 'Persoon', responsiblePersonId: '00000000-0000-4000-8000-000000000000' });
    expect(persons.json().error.message).toBe('Deze persoon bestaat niet of is uitgeschakeld.');
    expect(await gov.ctx.database.db.select().from(governancePlanAction).where(eq(governancePlanAction.planId, plan.id))).toHaveLength(1);
  });

  it('refuses: a non-member 404, a plain member 403 on writes, anonymous 401; another body\'s ids stay hidden', async () => {
    const { body, secretary, member } = await iroj();
    const plan = (await createPlan(secretary, body.id, 2026)).data;
    const a = await addAction(secretary, plan.id, { description: 'Netwerkdag', budgetCents: 100 });
    for (const url of [`/api/governance/plans/${plan.id}`, `/api/governance/plans/${plan.id}/actions`, `/api/governance/plan-actions/${a.id}`, `/api/governance/bodies/${body.id}/plans`]) {
      expect((await gov.outsider.client.get(url)).statusCode, url).toBe(404);
      expect((await gov.ctx.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    expect((await gov.outsider.client.post(`/api/governance/plans/${plan.id}/actions`, { description: 'Gekaapt' })).statusCode).toBe(404);
    expect((await gov.outsider.client.post(`/api/governance/plan-actions/${a.id}/status`, { version: 1, status: 'dropped' })).statusCode).toBe(404);
    expect((await send(gov.outsider, 'PATCH', `/api/governance/plans/${plan.id}`, { version: 1, title: 'Gekaapt' })).statusCode).toBe(404);
    await expectAudited(gov.ctx.database.db, 'request.denied', { resourceType: 'governance_plan', resourceId: plan.id, outcome: 'denied' });

    expect((await member.client.post(`/api/governance/bodies/${body.id}/plans`, { year: 2030, title: 'Mijn plan' })).statusCode).toBe(403);
    expect((await member.client.post(`/api/governance/plans/${plan.id}/actions`, { description: 'Mijn actie' })).statusCode).toBe(403);
    expect((await member.client.post(`/api/governance/plan-actions/${a.id}/status`, { version: 1, status: 'dropped' })).statusCode).toBe(403);
    expect((await send(member, 'PATCH', `/api/governance/plan-actions/${a.id}`, { version: 1, budgetCents: 1 })).statusCode).toBe(403);
    const [row] = await gov.ctx.database.db.select().from(governancePlanAction).where(eq(governancePlanAction.id, a.id));
    expect(row).toMatchObject({ status: 'agreed_in_principle', budgetCents: 100, version: 1 });
  });

  it('lists the decision items a status change may point at: decisions of the body\'s meetings, not cancelled ones, latest first; for those who keep the plan', async () => {
    const { body, secretary, member } = await iroj();
    const plan = (await createPlan(secretary, body.id, 2026)).data;
    const meetingOn = async (meetingDate: string, items: { title: string; kind: string }[]) => {
      const m = await secretary.client.post(`/api/governance/bodies/${body.id}/meetings`, { meetingDate, place: 'Provinciehuis' });
      expect(m.statusCode, m.body).toBe(201);
      let meeting = ZMeetingResponse.parse(m.json()).data;
      for (const item of items) {
        const r = await secretary.client.post(`/api/governance/meetings/${meeting.id}/items`, item);
        expect(r.statusCode, r.body).toBe(201);
        meeting = ZMeetingResponse.parse(r.json()).data;
      }
      return meeting;
    };
    const earlier = await meetingOn('2026-03-13', [
      { title: 'Verwelkoming', kind: 'information' },
      { title: 'Regioplan: acties en budgetten', kind: 'decision' },
      { title: 'Goedkeuring vorig verslag', kind: 'decision' },
    ]);
    const later = await meetingOn('2026-06-12', [{ title: 'Budget netwerkdag vrijgeven', kind: 'decision' }]);
    const cancelled = await meetingOn('2026-05-08', [{ title: 'Afgelast besluit', kind: 'decision' }]);
    const c = await send(secretary, 'PATCH', `/api/governance/meetings/${cancelled.id}`, { version: cancelled.version, status: 'cancelled' });
    expect(c.statusCode, c.body).toBe(200);
    // Another body's decisions never show.
    const other = await iroj();
    await decision(other.secretary, other.body.id);

    const res = await secretary.client.get(`/api/governance/plans/${plan.id}/decision-items`);
    expect(res.statusCode, res.body).toBe(200);
    const list = ZPlanDecisionItemListResponse.parse(res.json());
    expect(list.data.items.map((i) => [i.meetingDate, i.title])).toEqual([
      ['2026-06-12', 'Budget netwerkdag vrijgeven'],
      ['2026-03-13', 'Regioplan: acties en budgetten'],
      ['2026-03-13', 'Goedkeuring vorig verslag'],
    ]);
    expect(list.data.items[0]).toMatchObject({ meetingId: later.id, meetingStatus: 'planned', decision: '' });
    expect(list.abilities).toEqual({ view: true, update: true });

    // Searching narrows by title (case and LIKE wildcards are plain text); a long or NUL-bearing search is refused.
    const search = async (q: string) => {
      const r = await secretary.client.get(`/api/governance/plans/${plan.id}/decision-items?q=${encodeURIComponent(q)}`);
      expect(r.statusCode, r.body).toBe(200);
      return ZPlanDecisionItemListResponse.parse(r.json()).data.items.map((i) => i.title);
    };
    expect(await search('NETWERKDAG')).toEqual(['Budget netwerkdag vrijgeven']);
    expect(await search('verslag')).toEqual(['Goedkeuring vorig verslag']);
    expect(await search('%')).toEqual([]);
    expect(await search('Afgelast')).toEqual([]);
    const tooLong = await secretary.client.get(`/api/governance/plans/${plan.id}/decision-items?q=${'a'.repeat(101)}`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ error: { details: [{ path: 'query.q' }] } });
    expect((await secretary.client.get(`/api/governance/plans/${plan.id}/decision-items?q=a%00b`)).statusCode).toBe(400);

    // The chosen decision comes back in the history with its meeting.
    const a = await addAction(secretary, plan.id, { description: 'Netwerkdag', budgetCents: 450_000 });
    const chosen = list.data.items[1]!;
    const t = await secretary.client.post(`/api/governance/plan-actions/${a.id}/status`, { version: a.version, status: 'approved', decisionItemId: chosen.id, note: '' });
    expect(t.statusCode, t.body).toBe(200);
    expect(ZPlanActionResponse.parse(t.json()).data.history.at(-1)).toMatchObject({ decisionItemId: chosen.id, decisionItemTitle: 'Regioplan: acties en budgetten', decisionMeetingId: earlier.id, decisionMeetingDate: '2026-03-13' });

    expect((await member.client.get(`/api/governance/plans/${plan.id}/decision-items`)).statusCode).toBe(403);
    expect((await gov.outsider.client.get(`/api/governance/plans/${plan.id}/decision-items`)).statusCode).toBe(404);
    expect((await gov.ctx.app.inject({ method: 'GET', url: `/api/governance/plans/${plan.id}/decision-items` })).statusCode).toBe(401);
  });
});
