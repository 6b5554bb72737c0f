import { describe, expect, it } from 'vitest';
import { useGovernanceFixture } from '../../../../tests/helpers/governance.js';
import type { LoggedIn } from '../../../../tests/helpers/login.js';
import { ZMeetingResponse, ZPublishedMeetingResponse } from '../../../shared/schemas/governance.js';

/** The published decisions of a meeting show the amendments made to them after approval (approved minutes are frozen). */

const gov = useGovernanceFixture('gov-pa');

async function setting() {
  const { body, secretary, member } = await gov.bodyWith({ name: 'IROJ rechtzetting', kind: 'iroj', roles: ['secretary', 'member'], joinedOn: '2026-01-01' });
  const meeting = async (meetingDate: string) => (await gov.createMeeting(secretary, body.id, { meetingDate })).data.id;
  const meetingId = await meeting('2026-03-10');
  const nextId = await meeting('2026-05-12');
  for (const title of ['Verwelkoming', 'Netwerkdag onderwijsambassadeurs']) await gov.addItem(secretary, meetingId, { title, kind: 'decision' });
  let detail = ZMeetingResponse.parse((await secretary.client.get(`/api/governance/meetings/${meetingId}`)).json()).data;
  const [welcome, networkDay] = detail.agenda;
  if (!welcome || !networkDay) throw new Error('no items');
  const minutes = await secretary.client.request({
    method: 'PUT',
    url: `/api/governance/meetings/${meetingId}/items/${networkDay.id}/minutes`,
    payload: { version: networkDay.version, explanation: '', discussion: 'Vertrouwelijke bespreking.', decision: 'Het IROJ geeft € 4.500 vrij voor de netwerkdag.' },
  });
  expect(minutes.statusCode, minutes.body).toBe(200);
  detail = ZMeetingResponse.parse(minutes.json()).data;
  const held = await secretary.client.request({ method: 'PATCH', url: `/api/governance/meetings/${meetingId}`, payload: { version: detail.version, status: 'held' } });
  expect(held.statusCode, held.body).toBe(200);
  return { secretary, member, meetingId, nextId, welcomeId: welcome.id, networkDayId: networkDay.id, version: ZMeetingResponse.parse(held.json()).data.version };
}

const amend = (who: LoggedIn, meetingId: string, itemId: string, text: string) => who.client.post(`/api/governance/meetings/${meetingId}/items/${itemId}/amendments`, { text });

describe('published decisions with their amendments', () => {
  it('after approval, amendments to a published decision are shown to every professional (text and day), oldest first; those of items without a decision are not', async () => {
    const s = await setting();
    const approve = await s.secretary.client.post(`/api/governance/meetings/${s.meetingId}/minutes/approve`, { version: s.version, approvedAtMeetingId: s.nextId });
    expect(approve.statusCode, approve.body).toBe(200);
    expect((await amend(s.secretary, s.meetingId, s.networkDayId, 'Het bedrag is € 4.800 in plaats van € 4.500.')).statusCode).toBe(201);
    expect((await amend(s.secretary, s.meetingId, s.welcomeId, 'Ook de vertegenwoordiger van het parket was verontschuldigd.')).statusCode).toBe(201);
    expect((await s.secretary.client.post(`/api/governance/meetings/${s.meetingId}/publication`)).statusCode).toBe(201);

    const url = `/api/governance/published/meetings/${s.meetingId}`;
    const first = ZPublishedMeetingResponse.parse((await gov.outsider.client.get(url)).json()).data;
    expect(first.decisions).toEqual([
      {
        itemId: s.networkDayId,
        position: 2,
        title: 'Netwerkdag onderwijsambassadeurs',
        decision: 'Het IROJ geeft € 4.500 vrij voor de netwerkdag.',
        amendments: [{ text: 'Het bedrag is € 4.800 in plaats van € 4.500.', createdAt: expect.any(String) }],
      },
    ]);
    const raw = (await gov.outsider.client.get(url)).body;
    expect(raw).not.toContain('parket');
    expect(raw).not.toContain('Vertrouwelijke bespreking');

    // An amendment made after publishing shows at once, after the first one.
    gov.ctx.clock.advance(60_000);
    expect((await amend(s.secretary, s.meetingId, s.networkDayId, 'De netwerkdag vindt plaats in Brugge.')).statusCode).toBe(201);
    const second = ZPublishedMeetingResponse.parse((await gov.outsider.client.get(url)).json()).data;
    expect(second.decisions[0]?.amendments.map((a) => a.text)).toEqual(['Het bedrag is € 4.800 in plaats van € 4.500.', 'De netwerkdag vindt plaats in Brugge.']);
    // A plain member still cannot amend; nothing is added.
    expect((await amend(s.member, s.meetingId, s.networkDayId, 'Eigen correctie')).statusCode).toBe(403);
    expect(ZPublishedMeetingResponse.parse((await gov.outsider.client.get(url)).json()).data.decisions[0]?.amendments).toHaveLength(2);
  });

  it('a published decision of draft minutes has no amendments (the minutes themselves are changed)', async () => {
    const s = await setting();
    expect((await s.secretary.client.post(`/api/governance/meetings/${s.meetingId}/publication`)).statusCode).toBe(201);
    const refused = await amend(s.secretary, s.meetingId, s.networkDayId, 'Te vroeg');
    expect(refused.statusCode).toBe(409);
    const data = ZPublishedMeetingResponse.parse((await gov.outsider.client.get(`/api/governance/published/meetings/${s.meetingId}`)).json()).data;
    expect(data.decisions[0]?.amendments).toEqual([]);
  });
});
