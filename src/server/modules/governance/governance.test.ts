import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { expectAudited, expectNotAudited } from '../../../../tests/helpers/audit.js';
import { testRegion } from '../../../../tests/helpers/families.js';
import { send, shift, useGovernanceFixture } from '../../../../tests/helpers/governance.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { governanceBody, governanceMembership } from '../../db/schema/index.js';
import {
  ZBodyListResponse,
  ZBodyMemberLeftResponse,
  ZBodyMemberListResponse,
  ZBodyMemberResponse,
  ZBodyResponse,
} from '../../../shared/schemas/governance.js';
import { nextDay } from './governance.service.js';

const gov = useGovernanceFixture('gov-a');
const { professional, today } = gov;
let regionB: string;
let admin: LoggedIn;
let coordinatorB: LoggedIn;

const addDays = (day: string, n: number) => {
  let d = day;
  for (let i = 0; i < n; i++) d = nextDay(d);
  return d;
};
const minusDays = (day: string, n: number) => shift(day, -n);
const patch = (who: LoggedIn, url: string, payload: unknown) => send(who, 'PATCH', url, payload);

let n = 0;
async function createBody(who: LoggedIn = gov.coordinator, over: Record<string, unknown> = {}) {
  n++;
  const res = await who.client.post('/api/governance/bodies', { name: `Stuurgroep ${n} ${Date.now()}`, kind: 'steering_group', regionCode: 'gov-a', ...over });
  expect(res.statusCode, res.body).toBe(201);
  return ZBodyResponse.parse(res.json()).data;
}

async function addMember(who: LoggedIn, bodyId: string, payload: Record<string, unknown>) {
  const res = await who.client.post(`/api/governance/bodies/${bodyId}/members`, payload);
  expect(res.statusCode, res.body).toBe(201);
  return ZBodyMemberResponse.parse(res.json()).data;
}

beforeAll(async () => {
  regionB = await testRegion(gov.ctx.database.db, 'gov-b');
  admin = await loginAs(gov.ctx, 'platform-admin');
  coordinatorB = await gov.regionalCoordinator(regionB);
});

describe('bodies', () => {
  it('a coordinator creates a body of a region; it is audited; the platform admin reads it', async () => {
    const res = await gov.coordinator.client.post('/api/governance/bodies', { name: '  IROJ Oost-Vlaanderen  ', kind: 'iroj', regionCode: 'oost-vlaanderen', description: 'Intersectoraal regionaal overleg jeugdhulp' });
    expect(res.statusCode, res.body).toBe(201);
    const body = ZBodyResponse.parse(res.json());
    expect(body.data).toMatchObject({ name: 'IROJ Oost-Vlaanderen', kind: 'iroj', regionCode: 'oost-vlaanderen', regionKind: 'province', currentMemberCount: 0, version: 1 });
    expect(body.abilities).toEqual({ view: true, update: true, manageMembers: true });
    await expectAudited(gov.ctx.database.db, 'governance.body.create', {
      resourceType: 'governance_body', resourceId: body.data.id, outcome: 'success', actorPersonId: gov.coordinator.user?.person.id,
    });
    const got = await admin.client.get(`/api/governance/bodies/${body.data.id}`);
    expect(got.statusCode).toBe(200);
    expect(ZBodyResponse.parse(got.json()).data.id).toBe(body.data.id);
  });

  it('refuses: a professional (403), a coordinator of another region (403), an unknown region and bad input (400), a taken name (409); nothing is created', async () => {
    const before = await gov.ctx.database.db.select().from(governanceBody);
    const pro = await gov.outsider.client.post('/api/governance/bodies', { name: 'Werkgroep X', kind: 'working_group', regionCode: 'gov-a' });
    expect(pro.statusCode).toBe(403);
    const otherRegion = await coordinatorB.client.post('/api/governance/bodies', { name: 'Werkgroep X', kind: 'working_group', regionCode: 'gov-a' });
    expect(otherRegion.statusCode).toBe(403);
    const unknownRegion = await gov.coordinator.client.post('/api/governance/bodies', { name: 'Werkgroep X', kind: 'working_group', regionCode: 'bestaat-niet' });
    expect(unknownRegion.statusCode).toBe(400);
    expect(unknownRegion.json().error.details).toEqual([expect.objectContaining({ path: 'body.regionCode', message: 'Deze regio of provincie bestaat niet.' })]);
    const badKind = await gov.coordinator.client.post('/api/governance/bodies', { name: 'Werkgroep X', kind: 'kliek', regionCode: 'gov-a' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.details).toEqual([expect.objectContaining({ path: 'body.kind' })]);
    const control = await gov.coordinator.client.post('/api/governance/bodies', { name: 'Werk\u0000groep', kind: 'working_group', regionCode: 'gov-a' });
    expect(control.statusCode).toBe(400);
    expect(await gov.ctx.database.db.select().from(governanceBody)).toHaveLength(before.length);

    const made = await createBody(gov.coordinator, { name: 'Casustafel Noord' });
    const dup = await gov.coordinator.client.post('/api/governance/bodies', { name: 'casustafel noord', kind: 'case_table', regionCode: 'gov-a' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'duplicate', details: [expect.objectContaining({ path: 'body.name' })] });
    // The same name in another region is fine.
    await createBody(coordinatorB, { name: 'Casustafel Noord', regionCode: 'gov-b' });
    expect(made.regionId).toBe(gov.regionId);
  });

  it('changes a body with the version it read; a stale version is 409 and changes nothing; audited', async () => {
    const b = await createBody();
    const ok = await patch(gov.coordinator, `/api/governance/bodies/${b.id}`, { version: 1, name: 'Bureau Noord', kind: 'bureau' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ZBodyResponse.parse(ok.json()).data).toMatchObject({ name: 'Bureau Noord', kind: 'bureau', version: 2 });
    await expectAudited(gov.ctx.database.db, 'governance.body.update', { resourceId: b.id, details: { fields: ['name', 'kind'] } });
    const stale = await patch(gov.coordinator, `/api/governance/bodies/${b.id}`, { version: 1, description: 'Overschreven' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const [row] = await gov.ctx.database.db.select().from(governanceBody).where(eq(governanceBody.id, b.id));
    expect(row).toMatchObject({ name: 'Bureau Noord', description: '', version: 2 });
    const bad = await patch(gov.coordinator, `/api/governance/bodies/${b.id}`, { version: 2, kind: 'kliek' });
    expect(bad.statusCode).toBe(400);
  });

  it('another region\'s coordinator and a non-member get 404 for a body, as for one that does not exist', async () => {
    const b = await createBody();
    for (const who of [coordinatorB, gov.outsider]) {
      expect((await who.client.get(`/api/governance/bodies/${b.id}`)).statusCode).toBe(404);
      expect((await patch(who, `/api/governance/bodies/${b.id}`, { version: 1, name: 'Gekaapt' })).statusCode).toBe(404);
      expect((await who.client.get(`/api/governance/bodies/${b.id}/members`)).statusCode).toBe(404);
    }
    // The refusal is on the record, naming the body.
    await expectAudited(gov.ctx.database.db, 'request.denied', { resourceType: 'governance_body', resourceId: b.id, actorPersonId: coordinatorB.user?.person.id, outcome: 'denied' });
    expect((await admin.client.get('/api/governance/bodies/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await gov.ctx.app.inject({ method: 'GET', url: `/api/governance/bodies/${b.id}` })).statusCode).toBe(401);
  });
});

describe('the list of bodies', () => {
  it('a person sees the bodies they are a current member of; a regional coordinator those of their region; paged by name', async () => {
    const pro = await professional();
    const mine = await createBody(gov.coordinator, { name: `Intervisie ${Date.now()}`, kind: 'intervision_group' });
    const ended = await createBody();
    const future = await createBody();
    const notMine = await createBody();
    await addMember(gov.coordinator, mine.id, { personId: pro.user.person.id, role: 'member', joinedOn: minusDays(today(), 30) });
    const e = await addMember(gov.coordinator, ended.id, { personId: pro.user.person.id, role: 'member', joinedOn: minusDays(today(), 30) });
    await gov.coordinator.client.post(`/api/governance/bodies/${ended.id}/members/${e.id}/leave`, { leftOn: minusDays(today(), 1) });
    await addMember(gov.coordinator, future.id, { personId: pro.user.person.id, role: 'member', joinedOn: addDays(today(), 5) });

    const list = ZBodyListResponse.parse((await pro.client.get('/api/governance/bodies')).json());
    expect(list.data.items.map((i) => i.id)).toEqual([mine.id]);
    expect(list.abilities[mine.id]).toEqual({ view: true, update: false, manageMembers: false });
    expect((await pro.client.get(`/api/governance/bodies/${ended.id}`)).statusCode).toBe(404);
    expect((await pro.client.get(`/api/governance/bodies/${notMine.id}`)).statusCode).toBe(404);

    // The coordinator of region B sees region B's bodies only.
    const b1 = await createBody(coordinatorB, { regionCode: 'gov-b', name: `B-werkgroep ${Date.now()}` });
    const regional = ZBodyListResponse.parse((await coordinatorB.client.get('/api/governance/bodies?limit=100')).json());
    expect(regional.data.items.map((i) => i.regionId).every((r) => r === regionB)).toBe(true);
    expect(regional.data.items.map((i) => i.id)).toContain(b1.id);

    // Keyset paging through everything the platform admin sees, filtered by kind.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/governance/bodies?limit=2&kind=steering_group${cursor ? `&cursor=${cursor}` : ''}`;
      const page = ZBodyListResponse.parse((await admin.client.get(url)).json());
      seen.push(...page.data.items.map((i) => i.id));
      expect(page.data.items.every((i) => i.kind === 'steering_group')).toBe(true);
      cursor = page.data.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining([ended.id, future.id, notMine.id]));
    expect(seen).not.toContain(mine.id);

    const bad = await admin.client.get('/api/governance/bodies?limit=0');
    expect(bad.statusCode).toBe(400);
    expect((await admin.client.get('/api/governance/bodies?cursor=rommel')).statusCode).toBe(400);
  });
});

describe('members', () => {
  it('adds members with role, organisation and sector; the chair and the secretary may add members, a plain member may not', async () => {
    const b = await createBody();
    const chair = await professional();
    const member = await professional();
    const newcomer = await professional();
    const c = await addMember(gov.coordinator, b.id, { personId: chair.user.person.id, role: 'chair', joinedOn: minusDays(today(), 10), organisationId: gov.orgA, sectorCode: 'ggz' });
    expect(c).toMatchObject({ role: 'chair', organisationId: gov.orgA, sectorCode: 'ggz', leftOn: null, successorOf: null, current: true, personName: chair.user.person.name });
    await expectAudited(gov.ctx.database.db, 'governance.member.add', { resourceType: 'governance_membership', resourceId: c.id, organisationId: gov.orgA, details: { bodyId: b.id, role: 'chair' } });

    // The chair sees the body, may change it and keep its members.
    const seen = ZBodyResponse.parse((await chair.client.get(`/api/governance/bodies/${b.id}`)).json());
    expect(seen.abilities).toEqual({ view: true, update: true, manageMembers: true });
    await addMember(chair, b.id, { personId: member.user.person.id, role: 'member', joinedOn: today() });

    // A plain member reads the members but may not add any.
    const list = ZBodyMemberListResponse.parse((await member.client.get(`/api/governance/bodies/${b.id}/members`)).json());
    expect(list.data.items.map((i) => i.personId)).toEqual([chair.user.person.id, member.user.person.id]);
    expect(list.abilities.manageMembers).toBe(false);
    const refused = await member.client.post(`/api/governance/bodies/${b.id}/members`, { personId: newcomer.user.person.id, role: 'member', joinedOn: today() });
    expect(refused.statusCode).toBe(403);
    const refusedLeave = await member.client.post(`/api/governance/bodies/${b.id}/members/${c.id}/leave`, { leftOn: today() });
    expect(refusedLeave.statusCode).toBe(403);
    // Another region's coordinator does not know the body.
    expect((await coordinatorB.client.post(`/api/governance/bodies/${b.id}/members`, { personId: newcomer.user.person.id, role: 'member', joinedOn: today() })).statusCode).toBe(404);
    expect(await gov.ctx.database.db.select().from(governanceMembership).where(eq(governanceMembership.personId, newcomer.user.person.id))).toEqual([]);
    expect(ZBodyResponse.parse((await admin.client.get(`/api/governance/bodies/${b.id}`)).json()).data.currentMemberCount).toBe(2);
  });

  it('refuses a person who is already a member (409), unknown people, organisations and sectors and bad dates (400); nothing added', async () => {
    const b = await createBody();
    const pro = await professional();
    await addMember(gov.coordinator, b.id, { personId: pro.user.person.id, role: 'member', joinedOn: minusDays(today(), 3) });
    const again = await gov.coordinator.client.post(`/api/governance/bodies/${b.id}/members`, { personId: pro.user.person.id, role: 'secretary', joinedOn: today() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'duplicate', message: 'Deze persoon is al lid van dit orgaan.' });

    const other = await professional();
    const cases: [Record<string, unknown>, string][] = [
      [{ personId: '00000000-0000-4000-8000-000000000000', role: 'member', joinedOn: today() }, 'body.personId'],
      [{ personId: other.user.person.id, role: 'member', joinedOn: today(), organisationId: '00000000-0000-4000-8000-000000000000' }, 'body.organisationId'],
      [{ personId: other.user.person.id, role: 'member', joinedOn: today(), sectorCode: 'geen-sector' }, 'body.sectorCode'],
      [{ personId: other.user.person.id, role: 'voorzitter', joinedOn: today() }, 'body.role'],
      [{ personId: other.user.person.id, role: 'member', joinedOn: '2026-02-30' }, 'body.joinedOn'],
      [{ personId: other.user.person.id, role: 'member', joinedOn: today(), extra: 1 }, 'body'],
    ];
    for (const [payload, path] of cases) {
      const res = await gov.coordinator.client.post(`/api/governance/bodies/${b.id}/members`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path), JSON.stringify(payload)).toContain(path);
    }
    const rows = await gov.ctx.database.db.select().from(governanceMembership).where(eq(governanceMembership.bodyId, b.id));
    expect(rows).toHaveLength(1);
  });

  it('a member leaves with a successor: the successor takes over the next day with the same role and organisation; the history keeps both; audited', async () => {
    const b = await createBody();
    const secretary = await professional();
    const successor = await professional();
    const s = await addMember(gov.coordinator, b.id, { personId: secretary.user.person.id, role: 'secretary', joinedOn: minusDays(today(), 100), organisationId: gov.orgA, sectorCode: 'caw' });
    const leftOn = minusDays(today(), 1);
    const res = await gov.coordinator.client.post(`/api/governance/bodies/${b.id}/members/${s.id}/leave`, { leftOn, successorPersonId: successor.user.person.id });
    expect(res.statusCode, res.body).toBe(200);
    const left = ZBodyMemberLeftResponse.parse(res.json()).data;
    expect(left.ended).toMatchObject({ id: s.id, leftOn, current: false, version: 2 });
    expect(left.successor).toMatchObject({
      personId: successor.user.person.id, role: 'secretary', organisationId: gov.orgA, sectorCode: 'caw', joinedOn: today(), leftOn: null, successorOf: s.id, current: true,
    });
    await expectAudited(gov.ctx.database.db, 'governance.member.leave', { resourceId: s.id, organisationId: gov.orgA, details: { leftOn, successorMembershipId: left.successor?.id } });
    await expectAudited(gov.ctx.database.db, 'governance.member.add', { resourceId: left.successor?.id, details: { successorOf: s.id } });

    // The history lists current members first and keeps the ended membership.
    const history = ZBodyMemberListResponse.parse((await successor.client.get(`/api/governance/bodies/${b.id}/members`)).json());
    expect(history.data.items.map((i) => [i.id, i.current])).toEqual([[left.successor?.id, true], [s.id, false]]);
    // The successor is secretary now: they may keep the members; the one who left no longer sees the body.
    expect(history.abilities.manageMembers).toBe(true);
    expect((await secretary.client.get(`/api/governance/bodies/${b.id}`)).statusCode).toBe(404);
  });

  it('refuses leaving twice (409), an end before the start (400) and a successor who is already a member (409); nothing changes', async () => {
    const b = await createBody();
    const a = await professional();
    const c = await professional();
    const ma = await addMember(gov.coordinator, b.id, { personId: a.user.person.id, role: 'member', joinedOn: minusDays(today(), 10) });
    const mc = await addMember(gov.coordinator, b.id, { personId: c.user.person.id, role: 'guest_advisor', joinedOn: minusDays(today(), 10) });
    const url = (id: string) => `/api/governance/bodies/${b.id}/members/${id}/leave`;

    const early = await gov.coordinator.client.post(url(ma.id), { leftOn: minusDays(today(), 11) });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details).toEqual([expect.objectContaining({ path: 'body.leftOn' })]);
    const taken = await gov.coordinator.client.post(url(ma.id), { leftOn: today(), successorPersonId: c.user.person.id });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details).toEqual([expect.objectContaining({ path: 'body.successorPersonId' })]);
    const [unchanged] = await gov.ctx.database.db.select().from(governanceMembership).where(eq(governanceMembership.id, ma.id));
    expect(unchanged).toMatchObject({ leftOn: null, version: 1 });
    await expectNotAudited(gov.ctx.database.db, 'governance.member.leave', { resourceId: ma.id });

    expect((await gov.coordinator.client.post(url(ma.id), { leftOn: today() })).statusCode).toBe(200);
    const twice = await gov.coordinator.client.post(url(ma.id), { leftOn: today() });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'conflict', message: 'Dit lidmaatschap is al beëindigd.' });
    await expectAudited(gov.ctx.database.db, 'governance.member.leave', { resourceId: ma.id }, { count: 1 });

    // A membership of another body is not found under this one.
    const other = await createBody();
    expect((await gov.coordinator.client.post(`/api/governance/bodies/${other.id}/members/${mc.id}/leave`, { leftOn: today() })).statusCode).toBe(404);
    const badDate = await gov.coordinator.client.post(url(mc.id), { leftOn: 'gisteren' });
    expect(badDate.statusCode).toBe(400);
  });

  it('somebody who left may join again after their last day, not before', async () => {
    const b = await createBody();
    const a = await professional();
    const m = await addMember(gov.coordinator, b.id, { personId: a.user.person.id, role: 'member', joinedOn: minusDays(today(), 20) });
    await gov.coordinator.client.post(`/api/governance/bodies/${b.id}/members/${m.id}/leave`, { leftOn: minusDays(today(), 5) });
    const overlap = await gov.coordinator.client.post(`/api/governance/bodies/${b.id}/members`, { personId: a.user.person.id, role: 'member', joinedOn: minusDays(today(), 6) });
    expect(overlap.statusCode).toBe(409);
    await addMember(gov.coordinator, b.id, { personId: a.user.person.id, role: 'chair', joinedOn: today() });
  });
});
