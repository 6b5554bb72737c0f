import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { expectAudited, expectNotAudited } from '../../../../tests/helpers/audit.js';
import { send, shift, useGovernanceFixture } from '../../../../tests/helpers/governance.js';
import type { LoggedIn } from '../../../../tests/helpers/login.js';
import { governanceAgendaItem, governanceMeeting } from '../../db/schema/index.js';
import {
  ZActionItemResponse,
  ZMeetingListResponse,
  ZMeetingResponse,
  ZMyActionsResponse,
  type TMeetingDetail,
} from '../../../shared/schemas/governance.js';

const gov = useGovernanceFixture('gov-m');
const { professional, today } = gov;

/** A body with a chair and a plain member (professionals of organisation A). */
const bodyWithMembers = () => gov.bodyWith({ name: 'Stuurgroep vergaderingen', kind: 'steering_group', roles: ['chair', 'member'], joinedOn: shift(today(), -60) });

const createMeeting = (who: LoggedIn, bodyId: string, meetingDate: string, over: Record<string, unknown> = {}) =>
  gov.createMeeting(who, bodyId, { meetingDate, startTime: '14:00', endTime: '16:00', place: 'Provinciehuis Brugge', ...over });

const addItem = (who: LoggedIn, meetingId: string, title: string, kind = 'discussion'): Promise<TMeetingDetail> => gov.addItem(who, meetingId, { title, kind, presenterText: 'Voorzitter' });

describe('meetings', () => {
  it('the chair plans a meeting; members read it; the list pages by date; changes need the current version; audited', async () => {
    const { body, chair, member } = await bodyWithMembers();
    const m = await createMeeting(chair, body.id, shift(today(), 14), { onlineUrl: 'https://meet.example.org/stuurgroep' });
    expect(m.data).toMatchObject({ bodyId: body.id, status: 'planned', minutesStatus: 'draft', startTime: '14:00', onlineUrl: 'https://meet.example.org/stuurgroep', version: 1, agenda: [], followUp: [] });
    expect(m.abilities).toEqual({ view: true, update: true });
    await expectAudited(gov.ctx.database.db, 'governance.meeting.create', { resourceType: 'governance_meeting', resourceId: m.data.id, actorPersonId: chair.user.person.id });
    const earlier = await createMeeting(gov.coordinator, body.id, shift(today(), -7));
    const later = await createMeeting(gov.coordinator, body.id, shift(today(), 42));

    const seen = await member.client.get(`/api/governance/meetings/${m.data.id}`);
    expect(seen.statusCode).toBe(200);
    expect(ZMeetingResponse.parse(seen.json()).abilities).toEqual({ view: true, update: false });

    // Keyset by date: two pages.
    const p1 = ZMeetingListResponse.parse((await member.client.get(`/api/governance/bodies/${body.id}/meetings?limit=2`)).json());
    expect(p1.data.items.map((i) => i.id)).toEqual([earlier.data.id, m.data.id]);
    expect(p1.abilities[m.data.id]).toEqual({ view: true, update: false });
    const p2 = ZMeetingListResponse.parse((await member.client.get(`/api/governance/bodies/${body.id}/meetings?limit=2&cursor=${p1.data.nextCursor}`)).json());
    expect(p2.data.items.map((i) => i.id)).toEqual([later.data.id]);
    expect(p2.data.nextCursor).toBeNull();

    const ok = await send(chair, 'PATCH', `/api/governance/meetings/${m.data.id}`, { version: 1, status: 'held', place: 'Online' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ZMeetingResponse.parse(ok.json()).data).toMatchObject({ status: 'held', place: 'Online', version: 2 });
    await expectAudited(gov.ctx.database.db, 'governance.meeting.update', { resourceId: m.data.id, details: { fields: ['place', 'status'] } });
    const stale = await send(chair, 'PATCH', `/api/governance/meetings/${m.data.id}`, { version: 1, status: 'cancelled' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const [row] = await gov.ctx.database.db.select().from(governanceMeeting).where(eq(governanceMeeting.id, m.data.id));
    expect(row).toMatchObject({ status: 'held', version: 2 });
  });

  it('refuses: a non-member 404, a plain member 403 on writes, anonymous 401, bad input 400; nothing changes', async () => {
    const { body, chair, member } = await bodyWithMembers();
    const m = await createMeeting(chair, body.id, shift(today(), 7));
    for (const [url, status] of [
      [`/api/governance/meetings/${m.data.id}`, 404],
      [`/api/governance/bodies/${body.id}/meetings`, 404],
    ] as const) {
      expect((await gov.outsider.client.get(url)).statusCode).toBe(status);
    }
    expect((await gov.outsider.client.post(`/api/governance/bodies/${body.id}/meetings`, { meetingDate: today() })).statusCode).toBe(404);
    expect((await send(gov.outsider, 'PATCH', `/api/governance/meetings/${m.data.id}`, { version: 1, place: 'Elders' })).statusCode).toBe(404);
    expect((await gov.outsider.client.post(`/api/governance/meetings/${m.data.id}/items`, { title: 'Gekaapt', kind: 'information' })).statusCode).toBe(404);
    await expectAudited(gov.ctx.database.db, 'request.denied', { resourceType: 'governance_meeting', resourceId: m.data.id, outcome: 'denied' });

    expect((await member.client.post(`/api/governance/bodies/${body.id}/meetings`, { meetingDate: today() })).statusCode).toBe(403);
    expect((await send(member, 'PATCH', `/api/governance/meetings/${m.data.id}`, { version: 1, place: 'Elders' })).statusCode).toBe(403);
    expect((await member.client.post(`/api/governance/meetings/${m.data.id}/items`, { title: 'Mijn punt', kind: 'information' })).statusCode).toBe(403);
    expect((await member.client.post(`/api/governance/meetings/${m.data.id}/agenda/order`, { version: 1, itemIds: [] })).statusCode).toBe(403);
    expect((await gov.ctx.app.inject({ method: 'GET', url: `/api/governance/meetings/${m.data.id}` })).statusCode).toBe(401);

    const bad: [string, Record<string, unknown>, string][] = [
      [`/api/governance/bodies/${body.id}/meetings`, { meetingDate: '2026-02-30' }, 'body.meetingDate'],
      [`/api/governance/bodies/${body.id}/meetings`, { meetingDate: today(), startTime: '25:00' }, 'body.startTime'],
      [`/api/governance/bodies/${body.id}/meetings`, { meetingDate: today(), onlineUrl: 'javascript:alert(1)' }, 'body.onlineUrl'],
      [`/api/governance/bodies/${body.id}/meetings`, { meetingDate: today(), startTime: '16:00', endTime: '15:00' }, 'body.endTime'],
      [`/api/governance/meetings/${m.data.id}/items`, { title: 'x', kind: 'information' }, 'body.title'],
      [`/api/governance/meetings/${m.data.id}/items`, { title: 'Begroting', kind: 'gossip' }, 'body.kind'],
      [`/api/governance/meetings/${m.data.id}/items`, { title: 'Begroting', kind: 'decision', presenterPersonId: '00000000-0000-4000-8000-000000000000' }, 'body.presenterPersonId'],
    ];
    for (const [url, payload, path] of bad) {
      const res = await chair.client.post(url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path), JSON.stringify(payload)).toContain(path);
    }
    const meetings = await gov.ctx.database.db.select().from(governanceMeeting).where(eq(governanceMeeting.bodyId, body.id));
    expect(meetings).toHaveLength(1);
    expect(await gov.ctx.database.db.select().from(governanceAgendaItem).where(eq(governanceAgendaItem.meetingId, m.data.id))).toEqual([]);
  });
});

describe('the agenda', () => {
  it('items are added in order, changed, removed and reordered; every change bumps the meeting version; audited', async () => {
    const { body, chair } = await bodyWithMembers();
    const m = await createMeeting(chair, body.id, shift(today(), 7));
    await addItem(chair, m.data.id, 'Opening', 'information');
    await addItem(chair, m.data.id, 'Begroting 2027', 'decision');
    let d = await addItem(chair, m.data.id, 'Varia', 'discussion');
    expect(d.agenda.map((i) => [i.title, i.position])).toEqual([['Opening', 1], ['Begroting 2027', 2], ['Varia', 3]]);
    expect(d.version).toBe(4);
    const [opening, budget, varia] = d.agenda.map((i) => i.id) as [string, string, string];
    await expectAudited(gov.ctx.database.db, 'governance.agenda.add', { resourceType: 'governance_agenda_item', resourceId: budget, details: { meetingId: m.data.id } });

    const changed = await send(chair, 'PATCH', `/api/governance/meetings/${m.data.id}/items/${budget}`, { version: 1, title: 'Begroting 2027 (tweede lezing)', presenterPersonId: chair.user.person.id });
    expect(changed.statusCode, changed.body).toBe(200);
    d = ZMeetingResponse.parse(changed.json()).data;
    expect(d.agenda[1]).toMatchObject({ title: 'Begroting 2027 (tweede lezing)', presenterPersonName: chair.user.person.name, version: 2 });
    expect(d.version).toBe(5);
    expect((await send(chair, 'PATCH', `/api/governance/meetings/${m.data.id}/items/${budget}`, { version: 1, title: 'Oud' })).statusCode).toBe(409);

    const reordered = await chair.client.post(`/api/governance/meetings/${m.data.id}/agenda/order`, { version: 5, itemIds: [varia, opening, budget] });
    expect(reordered.statusCode, reordered.body).toBe(200);
    d = ZMeetingResponse.parse(reordered.json()).data;
    expect(d.agenda.map((i) => [i.id, i.position])).toEqual([[varia, 1], [opening, 2], [budget, 3]]);
    await expectAudited(gov.ctx.database.db, 'governance.agenda.reorder', { resourceId: m.data.id, details: { itemIds: [varia, opening, budget] } });

    // A list that misses or repeats an item is refused.
    for (const itemIds of [[varia, opening], [varia, opening, opening], [varia, opening, budget, '00000000-0000-4000-8000-000000000000']]) {
      const res = await chair.client.post(`/api/governance/meetings/${m.data.id}/agenda/order`, { version: 6, itemIds });
      expect(res.statusCode).toBe(400);
    }
    const staleDelete = await send(chair, 'DELETE', `/api/governance/meetings/${m.data.id}/items/${opening}?version=5`);
    expect(staleDelete.statusCode).toBe(409);
    const removed = await send(chair, 'DELETE', `/api/governance/meetings/${m.data.id}/items/${opening}?version=6`);
    expect(removed.statusCode, removed.body).toBe(200);
    d = ZMeetingResponse.parse(removed.json()).data;
    expect(d.agenda.map((i) => [i.id, i.position])).toEqual([[varia, 1], [budget, 2]]);
    await expectAudited(gov.ctx.database.db, 'governance.agenda.delete', { resourceId: opening });
  });

  it('two concurrent reorders with the same version: one 200, one 409, and the order is one of the two', async () => {
    const { body, chair } = await bodyWithMembers();
    const m = await createMeeting(chair, body.id, shift(today(), 7));
    await addItem(chair, m.data.id, 'Punt A');
    await addItem(chair, m.data.id, 'Punt B');
    const d = await addItem(chair, m.data.id, 'Punt C');
    const [a, b, c] = d.agenda.map((i) => i.id) as [string, string, string];
    const first = [c, b, a];
    const second = [b, a, c];
    const [r1, r2] = await Promise.all([
      chair.client.post(`/api/governance/meetings/${m.data.id}/agenda/order`, { version: d.version, itemIds: first }),
      gov.coordinator.client.post(`/api/governance/meetings/${m.data.id}/agenda/order`, { version: d.version, itemIds: second }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const winner = r1.statusCode === 200 ? first : second;
    const rows = await gov.ctx.database.db.select().from(governanceAgendaItem).where(eq(governanceAgendaItem.meetingId, m.data.id));
    expect(rows.sort((x, y) => x.position - y.position).map((r) => r.id)).toEqual(winner);
    const [meeting] = await gov.ctx.database.db.select().from(governanceMeeting).where(eq(governanceMeeting.id, m.data.id));
    expect(meeting?.version).toBe(d.version + 1);
    await expectAudited(gov.ctx.database.db, 'governance.agenda.reorder', { resourceId: m.data.id }, { count: 1 });
  });
});

describe('attendance', () => {
  it('records members present, excused or absent and guests; a non-member is refused (400)', async () => {
    const { body, chair, member } = await bodyWithMembers();
    const m = await createMeeting(chair, body.id, shift(today(), -1));
    const res = await send(chair, 'PUT', `/api/governance/meetings/${m.data.id}/attendance`, {
      version: 1,
      members: [{ personId: chair.user.person.id, status: 'present' }, { personId: member.user.person.id, status: 'excused' }],
      guests: [{ name: 'Jan Gast', organisation: 'CAW Noord' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = ZMeetingResponse.parse(res.json()).data;
    expect(d.attendance.members).toEqual(expect.arrayContaining([
      { personId: chair.user.person.id, personName: chair.user.person.name, status: 'present' },
      { personId: member.user.person.id, personName: member.user.person.name, status: 'excused' },
    ]));
    expect(d.attendance.guests).toEqual([{ name: 'Jan Gast', organisation: 'CAW Noord' }]);
    await expectAudited(gov.ctx.database.db, 'governance.attendance.set', { resourceId: m.data.id, details: { members: 2, guests: 1 } });

    const other = await professional();
    const refused = await send(chair, 'PUT', `/api/governance/meetings/${m.data.id}/attendance`, { version: 2, members: [{ personId: other.user.person.id, status: 'present' }], guests: [] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([expect.objectContaining({ path: 'body.members.0.personId' })]);
    const badStatus = await send(chair, 'PUT', `/api/governance/meetings/${m.data.id}/attendance`, { version: 2, members: [{ personId: member.user.person.id, status: 'late' }], guests: [] });
    expect(badStatus.statusCode).toBe(400);
    const after = ZMeetingResponse.parse((await member.client.get(`/api/governance/meetings/${m.data.id}`)).json()).data;
    expect(after.attendance.members).toHaveLength(2);
    expect(after.version).toBe(2);
  });
});

describe('minutes', () => {
  it('are saved per item with its version, approved at a later meeting, then frozen (409); corrections are amendments', async () => {
    const { body, chair, member } = await bodyWithMembers();
    const m = await createMeeting(chair, body.id, shift(today(), -14));
    const next = await createMeeting(chair, body.id, shift(today(), 14));
    const d = await addItem(chair, m.data.id, 'Begroting', 'decision');
    const item = d.agenda[0];
    if (!item) throw new Error('no item');
    const url = `/api/governance/meetings/${m.data.id}/items/${item.id}/minutes`;
    const minutes = { explanation: 'De penningmeester licht toe.', discussion: 'Vragen over\nde reserves.', decision: 'Goedgekeurd.' };
    const saved = await send(chair, 'PUT', url, { version: 1, ...minutes });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(ZMeetingResponse.parse(saved.json()).data.agenda[0]).toMatchObject({ minutes, version: 2 });
    await expectAudited(gov.ctx.database.db, 'governance.minutes.update', { resourceId: item.id });
    expect((await send(chair, 'PUT', url, { version: 1, ...minutes, decision: 'Verworpen.' })).statusCode).toBe(409);
    expect((await send(member, 'PUT', url, { version: 2, ...minutes })).statusCode).toBe(403);
    expect((await send(chair, 'PUT', url, { version: 2, ...minutes, decision: 'x\u0000' })).statusCode).toBe(400);

    // An amendment before approval is refused: the minutes themselves are still open.
    expect((await chair.client.post(`/api/governance/meetings/${m.data.id}/items/${item.id}/amendments`, { text: 'Te vroeg' })).statusCode).toBe(409);

    const version = ZMeetingResponse.parse((await chair.client.get(`/api/governance/meetings/${m.data.id}`)).json()).data.version;
    // Approval at the same or an earlier meeting, or another body's meeting, is refused.
    const other = await bodyWithMembers();
    const foreign = await createMeeting(gov.coordinator, other.body.id, shift(today(), 20));
    const cancelled = await createMeeting(chair, body.id, shift(today(), 7));
    expect((await send(chair, 'PATCH', `/api/governance/meetings/${cancelled.data.id}`, { version: 1, status: 'cancelled' })).statusCode).toBe(200);
    for (const at of [m.data.id, foreign.data.id, cancelled.data.id]) {
      const res = await chair.client.post(`/api/governance/meetings/${m.data.id}/minutes/approve`, { version, approvedAtMeetingId: at });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'body.approvedAtMeetingId' })]);
    }
    // A cancelled meeting has no minutes to approve.
    const ofCancelled = await chair.client.post(`/api/governance/meetings/${cancelled.data.id}/minutes/approve`, { version: 2, approvedAtMeetingId: next.data.id });
    expect(ofCancelled.statusCode).toBe(409);
    expect(ofCancelled.json().error.message).toBe('Deze vergadering is geannuleerd: er is geen verslag om goed te keuren.');
    const approved = await chair.client.post(`/api/governance/meetings/${m.data.id}/minutes/approve`, { version, approvedAtMeetingId: next.data.id });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(ZMeetingResponse.parse(approved.json()).data).toMatchObject({ minutesStatus: 'approved', minutesApprovedAtMeetingId: next.data.id });
    await expectAudited(gov.ctx.database.db, 'governance.minutes.approve', { resourceId: m.data.id, details: { approvedAtMeetingId: next.data.id } });

    // Frozen: minutes, agenda and attendance changes are 409 with a Dutch message.
    const frozen = await send(chair, 'PUT', url, { version: 2, ...minutes, decision: 'Toch anders.' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.message).toBe('Het verslag van deze vergadering is goedgekeurd en kan niet meer gewijzigd worden. Voeg een rechtzetting toe.');
    expect((await chair.client.post(`/api/governance/meetings/${m.data.id}/items`, { title: 'Nog een punt', kind: 'information' })).statusCode).toBe(409);
    expect((await chair.client.post(`/api/governance/meetings/${m.data.id}/minutes/approve`, { version: version + 1, approvedAtMeetingId: next.data.id })).statusCode).toBe(409);
    const [row] = await gov.ctx.database.db.select().from(governanceAgendaItem).where(eq(governanceAgendaItem.id, item.id));
    expect(row?.minutesDecision).toBe('Goedgekeurd.');

    const amended = await chair.client.post(`/api/governance/meetings/${m.data.id}/items/${item.id}/amendments`, { text: 'Lees: goedgekeurd met één onthouding.' });
    expect(amended.statusCode, amended.body).toBe(201);
    expect((await member.client.post(`/api/governance/meetings/${m.data.id}/items/${item.id}/amendments`, { text: 'Ik ook' })).statusCode).toBe(403);
    const shown = ZMeetingResponse.parse((await member.client.get(`/api/governance/meetings/${m.data.id}`)).json()).data;
    expect(shown.agenda[0]?.minutes.decision).toBe('Goedgekeurd.');
    expect(shown.agenda[0]?.amendments).toEqual([
      expect.objectContaining({ text: 'Lees: goedgekeurd met één onthouding.', authorPersonId: chair.user.person.id, authorName: chair.user.person.name }),
    ]);
    await expectAudited(gov.ctx.database.db, 'governance.minutes.amend', { resourceId: item.id, actorPersonId: chair.user.person.id });
  });
});

describe('action items', () => {
  it('open actions come back in the next meetings until closed; the owner sees them in my-actions and closes them', async () => {
    const { body, chair, member } = await bodyWithMembers();
    const first = await createMeeting(chair, body.id, shift(today(), -28));
    const second = await createMeeting(chair, body.id, shift(today(), -14));
    const third = await createMeeting(chair, body.id, shift(today(), 14));
    const item = (await addItem(chair, first.data.id, 'Wachtlijsten', 'decision')).agenda[0];
    if (!item) throw new Error('no item');
    const url = `/api/governance/meetings/${first.data.id}/items/${item.id}/actions`;

    const made = await chair.client.post(url, { description: 'Cijfers wachtlijst opvragen', ownerPersonId: member.user.person.id, ownerOrganisationId: gov.orgA, targetMeetingId: second.data.id });
    expect(made.statusCode, made.body).toBe(201);
    const action = ZActionItemResponse.parse(made.json()).data;
    expect(action).toMatchObject({ status: 'open', ownerPersonName: member.user.person.name, agendaItemTitle: 'Wachtlijsten', meetingDate: first.data.meetingDate });
    await expectAudited(gov.ctx.database.db, 'governance.action.create', { resourceType: 'governance_action', resourceId: action.id, organisationId: gov.orgA });
    const dropped = ZActionItemResponse.parse((await chair.client.post(url, { description: 'Brief aan de minister', ownerOrganisationId: gov.orgA, dueOn: shift(today(), 30) })).json()).data;

    // Bad input: no owner, no due date or target, a target meeting that is not later.
    for (const [payload, path] of [
      [{ description: 'Zonder eigenaar', dueOn: today() }, 'body.ownerPersonId'],
      [{ description: 'Zonder termijn', ownerOrganisationId: gov.orgA }, 'body.dueOn'],
      [{ description: 'Te vroeg', ownerOrganisationId: gov.orgA, targetMeetingId: first.data.id }, 'body.targetMeetingId'],
      [{ description: 'Kapotte datum', ownerOrganisationId: gov.orgA, dueOn: '2026-13-01' }, 'body.dueOn'],
    ] as const) {
      const res = await chair.client.post(url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect((await member.client.post(url, { description: 'Zelf gemaakt', ownerOrganisationId: gov.orgA, dueOn: today() })).statusCode).toBe(403);

    const firstView = ZMeetingResponse.parse((await member.client.get(`/api/governance/meetings/${first.data.id}`)).json()).data;
    // (Both were made at the same test-clock moment: their order among themselves is not fixed.)
    expect(firstView.actions.map((a) => a.id).sort()).toEqual([action.id, dropped.id].sort());
    expect(firstView.followUp).toEqual([]);
    for (const later of [second, third]) {
      const v = ZMeetingResponse.parse((await member.client.get(`/api/governance/meetings/${later.data.id}`)).json()).data;
      expect(v.followUp.map((a) => a.id).sort()).toEqual([action.id, dropped.id].sort());
    }

    // The chair drops one; the owner (a plain member) closes theirs, with the version.
    const drop = await send(chair, 'PATCH', `/api/governance/actions/${dropped.id}`, { version: 1, status: 'dropped' });
    expect(drop.statusCode, drop.body).toBe(200);
    const mine = ZMyActionsResponse.parse((await member.client.get('/api/governance/my-actions')).json());
    expect(mine.data.items.map((a) => a.id)).toEqual([action.id]);
    expect(mine.abilities[action.id]).toEqual({ view: true, update: true });
    const stale = await send(member, 'PATCH', `/api/governance/actions/${action.id}`, { version: 2, status: 'done' });
    expect(stale.statusCode).toBe(409);
    const done = await send(member, 'PATCH', `/api/governance/actions/${action.id}`, { version: 1, status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(ZActionItemResponse.parse(done.json()).data).toMatchObject({ status: 'done', version: 2 });
    await expectAudited(gov.ctx.database.db, 'governance.action.update', { resourceId: action.id, actorPersonId: member.user.person.id, details: { status: 'done' } });
    const thirdView = ZMeetingResponse.parse((await member.client.get(`/api/governance/meetings/${third.data.id}`)).json()).data;
    expect(thirdView.followUp).toEqual([]);
    expect(ZMyActionsResponse.parse((await member.client.get('/api/governance/my-actions?status=open')).json()).data.items).toEqual([]);
    expect((await member.client.get('/api/governance/my-actions?status=later')).statusCode).toBe(400);

    // Somebody outside the body who does not own the action does not know it.
    expect((await send(gov.outsider, 'PATCH', `/api/governance/actions/${action.id}`, { version: 2, status: 'open' })).statusCode).toBe(404);
    expect(ZMyActionsResponse.parse((await gov.outsider.client.get('/api/governance/my-actions')).json()).data.items).toEqual([]);
    await expectNotAudited(gov.ctx.database.db, 'governance.action.update', { resourceId: action.id, actorPersonId: gov.outsider.user?.person.id });
  });

  it('my actions come a page at a time: open ones first by due date (none last), then the closed ones, each once', async () => {
    const { body, chair, member } = await bodyWithMembers();
    const meeting = await createMeeting(chair, body.id, shift(today(), -7));
    const item = (await addItem(chair, meeting.data.id, 'Opvolging', 'decision')).agenda[0];
    if (!item) throw new Error('no item');
    const url = `/api/governance/meetings/${meeting.data.id}/items/${item.id}/actions`;
    const later = await createMeeting(chair, body.id, shift(today(), 21));
    const make = async (description: string, due: { dueOn: string } | { targetMeetingId: string }) => {
      const res = await chair.client.post(url, { description, ownerPersonId: member.user.person.id, ...due });
      expect(res.statusCode, res.body).toBe(201);
      return ZActionItemResponse.parse(res.json()).data;
    };
    const inTenDays = await make('Over tien dagen', { dueOn: shift(today(), 10) });
    const noDate = await make('Tegen de volgende vergadering', { targetMeetingId: later.data.id });
    const tomorrow = await make('Morgen', { dueOn: shift(today(), 1) });
    const closed = await make('Al gedaan', { dueOn: shift(today(), -1) });
    expect((await send(member, 'PATCH', `/api/governance/actions/${closed.id}`, { version: 1, status: 'done' })).statusCode).toBe(200);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await member.client.get(`/api/governance/my-actions?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = ZMyActionsResponse.parse(res.json());
      expect(page.data.items.length).toBeLessThanOrEqual(2);
      for (const a of page.data.items) expect(page.abilities[a.id]).toEqual({ view: true, update: true });
      seen.push(...page.data.items.map((a) => a.id));
      cursor = page.data.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual([tomorrow.id, inTenDays.id, noDate.id, closed.id]);
    expect(pages).toBe(2);
    expect((await member.client.get('/api/governance/my-actions?cursor=not-a-cursor')).statusCode).toBe(400);
    expect((await member.client.get('/api/governance/my-actions?limit=1000')).statusCode).toBe(400);
  });
});
