import { beforeAll, describe, expect, it } from 'vitest';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { useGovernanceFixture } from '../../../../tests/helpers/governance.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import {
  ZMeetingResponse,
  ZPlanActionResponse,
  ZPlanResponse,
  ZPublicationListResponse,
  ZPublicationResponse,
  ZPublicationStateResponse,
  ZPublishedMeetingResponse,
  ZPublishedPlanResponse,
} from '../../../shared/schemas/governance.js';

const gov = useGovernanceFixture('gov-p');
let otherOrgPro: LoggedIn;

/** A body with a secretary and a member; a held meeting with two items, one with a decision; a plan with an approved and a draft action. */
async function setting() {
  const { body, secretary, member } = await gov.bodyWith({ name: 'IROJ publicatie', kind: 'iroj', roles: ['secretary', 'member'], joinedOn: '2026-01-01' });
  const meetingId = (await gov.createMeeting(secretary, body.id, { meetingDate: '2026-03-10', startTime: '14:00' })).data.id;
  for (const title of ['Verwelkoming', 'Netwerkdag onderwijsambassadeurs']) await gov.addItem(secretary, meetingId, { title, kind: 'decision' });
  const detail = ZMeetingResponse.parse((await secretary.client.get(`/api/governance/meetings/${meetingId}`)).json()).data;
  const item = detail.agenda[1];
  if (!item) throw new Error('no item');
  const minutes = await secretary.client.request({
    method: 'PUT',
    url: `/api/governance/meetings/${meetingId}/items/${item.id}/minutes`,
    payload: { version: item.version, explanation: 'Voorstel van het bureau.', discussion: 'Vertrouwelijke bespreking over partners.', decision: 'Het IROJ geeft € 4.500 vrij voor de netwerkdag.' },
  });
  expect(minutes.statusCode, minutes.body).toBe(200);
  const p = await secretary.client.post(`/api/governance/bodies/${body.id}/plans`, { year: 2026, title: 'Regionaal plan 2026' });
  expect(p.statusCode, p.body).toBe(201);
  const planId = ZPlanResponse.parse(p.json()).data.id;
  const a1 = ZPlanActionResponse.parse((await secretary.client.post(`/api/governance/plans/${planId}/actions`, { description: 'Netwerkdag', budgetCents: 450_000, responsibleText: 'Bureau' })).json()).data;
  expect((await secretary.client.post(`/api/governance/plans/${planId}/actions`, { description: 'Inspiratiebeurs (nog niet beslist)', budgetCents: 150_000 })).statusCode).toBe(201);
  return { body, secretary, member, meetingId, meetingVersion: detail.version, planId, approveAction: () => secretary.client.post(`/api/governance/plan-actions/${a1.id}/status`, { version: a1.version, status: 'approved' }) };
}

beforeAll(async () => {
  otherOrgPro = await loginAs(gov.ctx, 'org-admin');
});

describe('publishing to the network', () => {
  it("a meeting's decisions: invisible to non-members before, only the decisions after publishing, gone again after withdrawing", async () => {
    const s = await setting();
    const url = `/api/governance/published/meetings/${s.meetingId}`;
    // Before: a non-member sees nothing — not the meeting, not a publication, not in the list.
    expect((await gov.outsider.client.get(`/api/governance/meetings/${s.meetingId}`)).statusCode).toBe(404);
    expect((await gov.outsider.client.get(url)).statusCode).toBe(404);
    expect((await gov.outsider.client.get(`/api/governance/meetings/${s.meetingId}/publication`)).statusCode).toBe(404);
    const before = ZPublicationListResponse.parse((await gov.outsider.client.get('/api/governance/published')).json());
    expect(before.data.items.some((i) => i.meetingId === s.meetingId)).toBe(false);

    // Only a held meeting; only managers; a member reads the state without the right to change it.
    const early = await s.secretary.client.post(`/api/governance/meetings/${s.meetingId}/publication`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/gehouden vergadering/);
    const held = await s.secretary.client.request({ method: 'PATCH', url: `/api/governance/meetings/${s.meetingId}`, payload: { version: s.meetingVersion, status: 'held' } });
    expect(held.statusCode, held.body).toBe(200);
    expect((await s.member.client.post(`/api/governance/meetings/${s.meetingId}/publication`)).statusCode).toBe(403);
    expect((await gov.outsider.client.post(`/api/governance/meetings/${s.meetingId}/publication`)).statusCode).toBe(404);
    const state = ZPublicationStateResponse.parse((await s.member.client.get(`/api/governance/meetings/${s.meetingId}/publication`)).json());
    expect(state).toEqual({ data: null, abilities: { view: true, update: false } });

    const pub = await s.secretary.client.post(`/api/governance/meetings/${s.meetingId}/publication`);
    expect(pub.statusCode, pub.body).toBe(201);
    expect(ZPublicationResponse.parse(pub.json()).data).toMatchObject({ kind: 'meeting_decisions', meetingId: s.meetingId, meetingDate: '2026-03-10', bodyName: s.body.name, planId: null });
    await expectAudited(gov.ctx.database.db, 'governance.publication.publish', { resourceType: 'governance_meeting', resourceId: s.meetingId, actorPersonId: s.secretary.user.person.id });
    expect((await s.secretary.client.post(`/api/governance/meetings/${s.meetingId}/publication`)).statusCode).toBe(409);

    // After: every professional (another organisation too) reads the decisions, and nothing else.
    for (const who of [gov.outsider, otherOrgPro]) {
      const res = await who.client.get(url);
      expect(res.statusCode, res.body).toBe(200);
      const data = ZPublishedMeetingResponse.parse(res.json()).data;
      expect(data.decisions).toEqual([{ itemId: expect.any(String), position: 2, title: 'Netwerkdag onderwijsambassadeurs', decision: 'Het IROJ geeft € 4.500 vrij voor de netwerkdag.', amendments: [] }]);
      expect(res.body).not.toContain('Vertrouwelijke bespreking');
      expect(res.body).not.toContain('Voorstel van het bureau');
      // The meeting itself stays members-only.
      expect((await who.client.get(`/api/governance/meetings/${s.meetingId}`)).statusCode).toBe(404);
    }
    const listed = ZPublicationListResponse.parse((await gov.outsider.client.get('/api/governance/published')).json());
    expect(listed.data.items.filter((i) => i.meetingId === s.meetingId)).toHaveLength(1);
    expect((await (await loginAs(gov.ctx, 'anonymous')).client.get(url)).statusCode).toBe(401);

    // Withdrawn: gone for non-members; withdrawing twice is 409; a member cannot withdraw.
    expect((await s.member.client.delete(`/api/governance/meetings/${s.meetingId}/publication`)).statusCode).toBe(403);
    const un = await s.secretary.client.delete(`/api/governance/meetings/${s.meetingId}/publication`);
    expect(un.statusCode, un.body).toBe(204);
    await expectAudited(gov.ctx.database.db, 'governance.publication.unpublish', { resourceId: s.meetingId });
    expect((await gov.outsider.client.get(url)).statusCode).toBe(404);
    expect(ZPublicationListResponse.parse((await gov.outsider.client.get('/api/governance/published')).json()).data.items.some((i) => i.meetingId === s.meetingId)).toBe(false);
    expect((await s.secretary.client.delete(`/api/governance/meetings/${s.meetingId}/publication`)).statusCode).toBe(409);
  });

  it('a regional plan: only with approved actions, and then only those are shown to the network', async () => {
    const s = await setting();
    const url = `/api/governance/published/plans/${s.planId}`;
    expect((await gov.outsider.client.get(url)).statusCode).toBe(404);
    expect((await gov.outsider.client.get(`/api/governance/plans/${s.planId}`)).statusCode).toBe(404);
    const none = await s.secretary.client.post(`/api/governance/plans/${s.planId}/publication`);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toMatch(/geen goedgekeurde acties/);
    expect((await s.approveAction()).statusCode).toBe(200);
    expect((await s.member.client.post(`/api/governance/plans/${s.planId}/publication`)).statusCode).toBe(403);
    expect((await gov.outsider.client.post(`/api/governance/plans/${s.planId}/publication`)).statusCode).toBe(404);

    const pub = await s.secretary.client.post(`/api/governance/plans/${s.planId}/publication`);
    expect(pub.statusCode, pub.body).toBe(201);
    expect(ZPublicationResponse.parse(pub.json()).data).toMatchObject({ kind: 'plan', planId: s.planId, planYear: 2026, planTitle: 'Regionaal plan 2026', meetingId: null });
    await expectAudited(gov.ctx.database.db, 'governance.publication.publish', { resourceType: 'governance_plan', resourceId: s.planId });
    const state = ZPublicationStateResponse.parse((await s.secretary.client.get(`/api/governance/plans/${s.planId}/publication`)).json());
    expect(state.data?.planId).toBe(s.planId);
    expect(state.abilities.update).toBe(true);

    const res = await gov.outsider.client.get(url);
    expect(res.statusCode, res.body).toBe(200);
    const data = ZPublishedPlanResponse.parse(res.json()).data;
    expect(data.actions).toEqual([{ number: 1, description: 'Netwerkdag', responsible: 'Bureau', budgetCents: 450_000, conditions: '', status: 'approved' }]);
    expect(data.totalBudgetCents).toBe(450_000);
    expect(res.body).not.toContain('Inspiratiebeurs');
    // Still members-only: the plan itself and its actions.
    expect((await gov.outsider.client.get(`/api/governance/plans/${s.planId}/actions`)).statusCode).toBe(404);

    expect((await s.secretary.client.delete(`/api/governance/plans/${s.planId}/publication`)).statusCode).toBe(204);
    expect((await gov.outsider.client.get(url)).statusCode).toBe(404);
  });

  it('refuses unknown ids and malformed ids', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await gov.outsider.client.get(`/api/governance/published/meetings/${missing}`)).statusCode).toBe(404);
    expect((await gov.outsider.client.get(`/api/governance/published/plans/${missing}`)).statusCode).toBe(404);
    expect((await gov.coordinator.client.post(`/api/governance/plans/${missing}/publication`)).statusCode).toBe(404);
    expect((await gov.outsider.client.get('/api/governance/published/plans/not-a-uuid')).statusCode).toBe(400);
  });
});
