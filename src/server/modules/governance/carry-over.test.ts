import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { shift, useGovernanceFixture } from '../../../../tests/helpers/governance.js';
import { governanceAgendaItem, governanceMeeting } from '../../db/schema/index.js';
import { ZMeetingResponse, type TMeetingDetail } from '../../../shared/schemas/governance.js';

/** Carrying an agenda item over to a later meeting keeps a link both ways (origin ↔ continuation). */

const gov = useGovernanceFixture('gov-co');
const { today } = gov;

const body = () => gov.bodyWith({ name: 'Stuurgroep overdragen', kind: 'steering_group', roles: ['member'], joinedOn: shift(today(), -60) });

const meeting = async (bodyId: string, meetingDate: string) => (await gov.createMeeting(gov.coordinator, bodyId, { meetingDate })).data;

async function addItem(meetingId: string, payload: Record<string, unknown>) {
  return gov.coordinator.client.post(`/api/governance/meetings/${meetingId}/items`, { kind: 'discussion', ...payload });
}

const itemCount = async (meetingId: string) => (await gov.ctx.database.db.select().from(governanceAgendaItem).where(eq(governanceAgendaItem.meetingId, meetingId))).length;

describe('carrying an agenda item over', () => {
  it('the new item stores its origin; both meetings show the link (meeting id and date); a member reads it; audited', async () => {
    const { body: b, member } = await body();
    const first = await meeting(b.id, shift(today(), -14));
    const second = await meeting(b.id, shift(today(), 14));
    const third = await meeting(b.id, shift(today(), 42));
    const origin = ZMeetingResponse.parse((await addItem(first.id, { title: 'Budget inspiratiebeurs', presenterText: 'Werkgroep' })).json()).data.agenda[0];
    expect(origin).toMatchObject({ carriedFrom: null, carriedTo: [] });
    if (!origin) throw new Error('no item');

    const res = await addItem(second.id, { title: origin.title, presenterText: origin.presenterText, carriedFromItemId: origin.id });
    expect(res.statusCode, res.body).toBe(201);
    const carried = ZMeetingResponse.parse(res.json()).data.agenda[0];
    expect(carried).toMatchObject({ title: 'Budget inspiratiebeurs', carriedFrom: { itemId: origin.id, meetingId: first.id, meetingDate: first.meetingDate }, carriedTo: [] });
    if (!carried) throw new Error('no item');
    await expectAudited(gov.ctx.database.db, 'governance.agenda.add', { resourceId: carried.id, details: { meetingId: second.id, carriedFromItemId: origin.id } });

    // Carried on once more: a chain, each end seen from its own meeting.
    const again = await addItem(third.id, { title: origin.title, carriedFromItemId: carried.id });
    expect(again.statusCode, again.body).toBe(201);
    const thirdItem = ZMeetingResponse.parse(again.json()).data.agenda[0];

    const seen = await member.client.get(`/api/governance/meetings/${first.id}`);
    expect(seen.statusCode).toBe(200);
    const firstAgenda = ZMeetingResponse.parse(seen.json()).data.agenda;
    expect(firstAgenda[0]?.carriedTo).toEqual([{ itemId: carried.id, meetingId: second.id, meetingDate: second.meetingDate }]);
    const middle = ZMeetingResponse.parse((await member.client.get(`/api/governance/meetings/${second.id}`)).json()).data.agenda[0];
    expect(middle).toMatchObject({
      carriedFrom: { itemId: origin.id, meetingId: first.id, meetingDate: first.meetingDate },
      carriedTo: [{ itemId: thirdItem?.id, meetingId: third.id, meetingDate: third.meetingDate }],
    });
  });

  it('refuses an origin that is not an earlier meeting of the same body (400, nothing added); a plain member 403', async () => {
    const { body: b, member } = await body();
    const { body: other } = await body();
    const earlier = await meeting(b.id, shift(today(), -7));
    const target = await meeting(b.id, shift(today(), 7));
    const later = await meeting(b.id, shift(today(), 21));
    const elsewhere = await meeting(other.id, shift(today(), -7));
    const itemOf = async (m: TMeetingDetail, title: string) => {
      const d = ZMeetingResponse.parse((await addItem(m.id, { title })).json()).data;
      const found = d.agenda.find((i) => i.title === title);
      if (!found) throw new Error('no item');
      return found.id;
    };
    const laterItem = await itemOf(later, 'Later punt');
    const otherBodyItem = await itemOf(elsewhere, 'Ander orgaan');
    const sameMeetingItem = await itemOf(target, 'Zelfde vergadering');
    const earlierItem = await itemOf(earlier, 'Vroeger punt');
    const before = await itemCount(target.id);

    for (const carriedFromItemId of [laterItem, otherBodyItem, sameMeetingItem, '00000000-0000-4000-8000-000000000000']) {
      const res = await addItem(target.id, { title: 'Overgedragen', carriedFromItemId });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details[0]).toMatchObject({ path: 'body.carriedFromItemId', message: 'Een agendapunt wordt overgedragen van een eerdere vergadering van hetzelfde orgaan.' });
    }
    const notUuid = await addItem(target.id, { title: 'Overgedragen', carriedFromItemId: 'abc' });
    expect(notUuid.statusCode).toBe(400);
    const denied = await member.client.post(`/api/governance/meetings/${target.id}/items`, { title: 'Overgedragen', kind: 'discussion', carriedFromItemId: earlierItem });
    expect(denied.statusCode).toBe(403);
    expect(await itemCount(target.id)).toBe(before);
    const [row] = await gov.ctx.database.db.select({ version: governanceMeeting.version }).from(governanceMeeting).where(eq(governanceMeeting.id, target.id));
    expect(row?.version).toBe(target.version + 1);
  });

  it('removing the origin (draft minutes) keeps the carried item, without its link', async () => {
    const { body: b } = await body();
    const first = await meeting(b.id, shift(today(), -7));
    const second = await meeting(b.id, shift(today(), 7));
    const d = ZMeetingResponse.parse((await addItem(first.id, { title: 'Tijdelijk punt' })).json()).data;
    const originId = d.agenda[0]?.id ?? '';
    expect((await addItem(second.id, { title: 'Tijdelijk punt', carriedFromItemId: originId })).statusCode).toBe(201);
    const removed = await gov.coordinator.client.request({ method: 'DELETE', url: `/api/governance/meetings/${first.id}/items/${originId}?version=${d.version}` });
    expect(removed.statusCode, removed.body).toBe(200);
    const after = ZMeetingResponse.parse((await gov.coordinator.client.get(`/api/governance/meetings/${second.id}`)).json()).data;
    expect(after.agenda).toHaveLength(1);
    expect(after.agenda[0]).toMatchObject({ title: 'Tijdelijk punt', carriedFrom: null });
  });
});
