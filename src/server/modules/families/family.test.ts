import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { addToTeam, giveConsent, makeFamily, testRegion } from '../../../../tests/helpers/families.js';
import { loginAs, stepUp, type LoggedIn } from '../../../../tests/helpers/login.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { consent, contactAssignment, familyMember, platformRole, teamMember } from '../../db/schema/index.js';
import { ageOn } from './care-common.js';
import { brusselsStartOfDay } from '../../platform/clock.js';
import { accessRepo } from './access.repo.js';

/**
 * The family core through HTTP: my families, the family page, members and network, the team,
 * consent and its withdrawal, overrides, the contact person's handover and the history.
 */
let ctx: TestContext;
let regionId: string;
let orgA: string;
let orgB: string;

beforeAll(async () => {
  ctx = await createTestApp();
  regionId = await testRegion(ctx.database.db);
  orgA = (await makeOrganisation(ctx.database.db)).id;
  orgB = (await makeOrganisation(ctx.database.db)).id;
});
afterAll(async () => ctx?.close());

const db = () => ctx.database.db;
const patch = (who: LoggedIn, url: string, payload: unknown) => who.client.request({ method: 'PATCH', url, payload: payload as Record<string, unknown> });
const day = (offsetDays: number) => new Date(ctx.clock.now().getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const yearsAgo = (years: number) => {
  const d = ctx.clock.now();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
};

/** A family of region `regionId` with a contact person of org A (logged in). */
async function familyWithContact(name?: string) {
  const f = await makeFamily(db(), { regionId, ...(name ? { name } : {}) });
  const contact = await loginAs(ctx, 'professional', { organisationId: orgA });
  await addToTeam(db(), f.family.id, contact.user!.person.id, orgA, { contact: true });
  return { ...f, contact };
}

async function colleague(organisationId = orgA) {
  return loginAs(ctx, 'professional', { organisationId });
}

describe('my families', () => {
  it('lists the families I may open, by name, searchable and paged, with my role and abilities; audited without content', async () => {
    const a = await familyWithContact('Gezin Aerts');
    const other = await makeFamily(db(), { regionId, name: 'Gezin Aalst' });
    await addToTeam(db(), other.family.id, a.contact.user!.person.id, orgA);
    await giveConsent(db(), { familyId: other.family.id, memberId: other.child.id, organisationId: orgA, scopes: ['read_plan'] });
    const hidden = await makeFamily(db(), { regionId, name: 'Gezin Adams' });
    await addToTeam(db(), hidden.family.id, a.contact.user!.person.id, orgA); // on the team, no consent: not listed

    const res = await a.contact.client.get('/api/families?limit=1');
    expect(res.statusCode).toBe(200);
    const first = res.json();
    expect(first.data.items).toHaveLength(1);
    expect(first.data.items[0]).toMatchObject({ name: 'Gezin Aalst', myRole: 'team', municipalityName: expect.any(String) });
    expect(first.abilities[other.family.id]).toMatchObject({ view: true, readPlan: true, manageTeam: false });
    const second = (await a.contact.client.get(`/api/families?limit=1&cursor=${first.data.nextCursor}`)).json();
    expect(second.data.items[0]).toMatchObject({ name: 'Gezin Aerts', myRole: 'contact', contact: { personId: a.contact.user!.person.id } });
    expect(second.abilities[a.family.id]).toMatchObject({ manageTeam: true, manageConsent: true, readPlan: false });
    expect(second.data.nextCursor).toBeNull();

    const searched = (await a.contact.client.get('/api/families?q=aert')).json();
    expect(searched.data.items.map((i: { name: string }) => i.name)).toEqual(['Gezin Aerts']);
    const audit = await expectAudited(db(), 'family.list', { actorPersonId: a.contact.user!.person.id });
    expect(JSON.stringify(audit.details)).not.toContain('aert');
  });

  it('gives a coordinator and a platform admin an empty list', async () => {
    await familyWithContact();
    for (const role of ['network-coordinator', 'platform-admin'] as const) {
      const who = await loginAs(ctx, role);
      const res = await who.client.get('/api/families');
      expect(res.statusCode).toBe(200);
      expect(res.json().data.items).toEqual([]);
    }
  });
});

describe('the family page', () => {
  it('shows members with age, network, contact person, team and consents; records the visit; audited', async () => {
    const f = await familyWithContact();
    const res = await f.contact.client.get(`/api/families/${f.family.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.data.family).toMatchObject({ id: f.family.id, status: 'open', regionId, pseudonym: f.family.pseudonym });
    expect(body.data.members.find((m: { role: string }) => m.role === 'child')).toMatchObject({ age: 14 });
    expect(body.data.contact).toMatchObject({ personId: f.contact.user!.person.id, organisationId: orgA, untilAt: null });
    expect(body.data.team).toEqual([expect.objectContaining({ personId: f.contact.user!.person.id, isContact: true })]);
    expect(body.data.lastVisitAt).toBeNull();
    expect(body.abilities).toMatchObject({ view: true, manageConsent: true, handOver: true, readPlan: false });
    await expectAudited(db(), 'family.view', { familyId: f.family.id, actorPersonId: f.contact.user!.person.id });

    ctx.clock.advance(60_000);
    const again = (await f.contact.client.get(`/api/families/${f.family.id}`)).json();
    expect(again.data.lastVisitAt).not.toBeNull();
  });

  it('is 404 for a professional not on the team, of another organisation, a coordinator and a platform admin, and for an unknown id', async () => {
    const f = await familyWithContact();
    const stranger = await colleague(orgB);
    const sameOrgNotOnTeam = await colleague(orgA);
    const coordinator = await loginAs(ctx, 'network-coordinator');
    await db().insert(platformRole).values({ personId: coordinator.user!.person.id, role: 'network_coordinator', regionId }).onConflictDoNothing();
    const admin = await loginAs(ctx, 'platform-admin');
    for (const who of [stranger, sameOrgNotOnTeam, coordinator, admin]) {
      expect((await who.client.get(`/api/families/${f.family.id}`)).statusCode).toBe(404);
      expect((await who.client.get(`/api/families/${f.family.id}/history`)).statusCode).toBe(404);
    }
    expect((await f.contact.client.get('/api/families/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await f.contact.client.get('/api/families/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('members and network', () => {
  it('adds, edits (with version) and ends members; a child needs a birth date not in the future', async () => {
    const f = await familyWithContact();
    const base = `/api/families/${f.family.id}/members`;
    const noBirth = await f.contact.client.post(base, { role: 'child', name: 'Lotte' });
    expect(noBirth.statusCode).toBe(400);
    expect(noBirth.json().error.details).toEqual([expect.objectContaining({ path: 'body.birthDate' })]);
    const future = await f.contact.client.post(base, { role: 'child', name: 'Lotte', birthDate: day(3) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0].path).toBe('body.birthDate');

    const added = await f.contact.client.post(base, { role: 'child', name: 'Lotte', birthDate: yearsAgo(5) });
    expect(added.statusCode).toBe(201);
    const { id, version } = added.json().data;
    await expectAudited(db(), 'family.member.add', { familyId: f.family.id, resourceId: id });

    const edited = await patch(f.contact, `${base}/${id}`, { version, name: 'Lotte V.' });
    expect(edited.statusCode).toBe(200);
    expect((await patch(f.contact, `${base}/${id}`, { version, name: 'Oud' })).statusCode).toBe(409);
    const clear = await patch(f.contact, `${base}/${id}`, { version: edited.json().data.version, birthDate: null });
    expect(clear.statusCode).toBe(400);

    const ended = await f.contact.client.post(`${base}/${id}/end`, { version: edited.json().data.version });
    expect(ended.statusCode).toBe(200);
    const [row] = await db().select().from(familyMember).where(eq(familyMember.id, id));
    expect(row?.endedAt).not.toBeNull();
    expect(row?.name).toBe('Lotte V.');
  });

  it('refuses member edits to a team member who may only read the plan (403) and to others (404)', async () => {
    const f = await familyWithContact();
    const reader = await colleague(orgB);
    await addToTeam(db(), f.family.id, reader.user!.person.id, orgB);
    await giveConsent(db(), { familyId: f.family.id, memberId: f.child.id, organisationId: orgB, scopes: ['read_plan'] });
    expect((await reader.client.post(`/api/families/${f.family.id}/members`, { role: 'other', name: 'Oom' })).statusCode).toBe(403);
    const stranger = await colleague(orgB);
    expect((await stranger.client.post(`/api/families/${f.family.id}/network`, { name: 'Oma', relation: 'grootmoeder' })).statusCode).toBe(404);
  });

  it('adds, edits and ends someone of the informal network', async () => {
    const f = await familyWithContact();
    const base = `/api/families/${f.family.id}/network`;
    const added = await f.contact.client.post(base, { name: 'Oma Rita', relation: 'grootmoeder', roleInPlan: 'haalt de kinderen op' });
    expect(added.statusCode).toBe(201);
    const { id, version } = added.json().data;
    expect((await patch(f.contact, `${base}/${id}`, { version, contact: '0470 00 00 00' })).statusCode).toBe(200);
    expect((await f.contact.client.post(`${base}/${id}/end`, { version })).statusCode).toBe(409);
    expect((await f.contact.client.post(`${base}/${id}/end`, { version: version + 1 })).statusCode).toBe(200);
    const page = (await f.contact.client.get(`/api/families/${f.family.id}`)).json();
    expect(page.data.network[0]).toMatchObject({ name: 'Oma Rita', contact: '0470 00 00 00', endedAt: expect.any(String) });
    expect((await f.contact.client.post(base, { name: '', relation: 'buur' })).statusCode).toBe(400);
  });
});

describe('team', () => {
  it('adds a professional of their organisation, refuses a duplicate (409) and someone not of that organisation (400), ends a membership', async () => {
    const f = await familyWithContact();
    const col = await colleague(orgB);
    const base = `/api/families/${f.family.id}/team`;
    const wrongOrg = await f.contact.client.post(base, { personId: col.user!.person.id, organisationId: orgA });
    expect(wrongOrg.statusCode).toBe(400);
    expect(wrongOrg.json().error.details[0].path).toBe('body.personId');
    const added = await f.contact.client.post(base, { personId: col.user!.person.id, organisationId: orgB, role: 'thuisbegeleiding' });
    expect(added.statusCode).toBe(201);
    expect((await f.contact.client.post(base, { personId: col.user!.person.id, organisationId: orgB })).statusCode).toBe(409);
    await expectAudited(db(), 'family.team.add', { familyId: f.family.id });

    // On the team but no consent yet: the colleague still gets 404.
    expect((await col.client.get(`/api/families/${f.family.id}`)).statusCode).toBe(404);

    const ended = await f.contact.client.post(`${base}/${added.json().data.id}/end`);
    expect(ended.statusCode).toBe(200);
    const open = await db().select().from(teamMember).where(and(eq(teamMember.familyId, f.family.id), isNull(teamMember.untilAt)));
    expect(open.map((r) => r.personId)).toEqual([f.contact.user!.person.id]);
    // The contact person's own membership cannot end before a handover.
    const own = open[0]!;
    expect((await f.contact.client.post(`${base}/${own.id}/end`)).statusCode).toBe(409);
  });

  it('refuses team changes to a team member with consent who is not the contact person (403)', async () => {
    const f = await familyWithContact();
    const col = await colleague(orgB);
    await addToTeam(db(), f.family.id, col.user!.person.id, orgB);
    await giveConsent(db(), { familyId: f.family.id, memberId: f.child.id, organisationId: orgB, scopes: ['edit_plan'] });
    const other = await colleague(orgB);
    expect((await col.client.post(`/api/families/${f.family.id}/team`, { personId: other.user!.person.id, organisationId: orgB })).statusCode).toBe(403);
  });
});

describe('consent', () => {
  it('records a consent of a 14-year-old for themselves; the colleague gets the family; withdrawal is effective on the next request', async () => {
    const f = await familyWithContact();
    const col = await colleague(orgB);
    await f.contact.client.post(`/api/families/${f.family.id}/team`, { personId: col.user!.person.id, organisationId: orgB });
    const recorded = await f.contact.client.post(`/api/families/${f.family.id}/consent`, {
      subjectMemberId: f.child.id,
      givenByMemberId: f.child.id,
      organisationId: orgB,
      scopes: ['read_plan', 'journal'],
    });
    expect(recorded.statusCode).toBe(201);
    await expectAudited(db(), 'consent.record', { familyId: f.family.id, resourceId: recorded.json().data.id });

    expect((await col.client.get(`/api/families/${f.family.id}`)).statusCode).toBe(200);
    const withdrawn = await f.contact.client.post(`/api/families/${f.family.id}/consent/${recorded.json().data.id}/withdraw`, { withdrawnByMemberId: f.child.id });
    expect(withdrawn.statusCode).toBe(200);
    expect((await col.client.get(`/api/families/${f.family.id}`)).statusCode).toBe(404);
    expect((await col.client.get('/api/families')).json().data.items).toEqual([]);
    const page = (await f.contact.client.get(`/api/families/${f.family.id}`)).json();
    expect(page.data.consents[0]).toMatchObject({ state: 'withdrawn', withdrawnByName: f.child.name, givenByName: f.child.name });
    expect((await f.contact.client.post(`/api/families/${f.family.id}/consent/${recorded.json().data.id}/withdraw`, {})).statusCode).toBe(409);
  });

  it('refuses a parent consenting for a 14-year-old, and a child consenting for a younger sibling, with a clear message', async () => {
    const f = await familyWithContact();
    const url = `/api/families/${f.family.id}/consent`;
    const byParent = await f.contact.client.post(url, { subjectMemberId: f.child.id, givenByMemberId: f.parent.id, organisationId: orgA, scopes: ['read_plan'] });
    expect(byParent.statusCode).toBe(400);
    expect(byParent.json().error.details).toEqual([expect.objectContaining({ path: 'body.givenByMemberId' })]);
    expect(byParent.json().error.message).toMatch(/12/);

    const young = (await f.contact.client.post(`/api/families/${f.family.id}/members`, { role: 'child', name: 'Mats', birthDate: yearsAgo(8) })).json().data.id;
    const bySibling = await f.contact.client.post(url, { subjectMemberId: young, givenByMemberId: f.child.id, organisationId: orgA, scopes: ['read_plan'] });
    expect(bySibling.statusCode).toBe(400);
    const byParentYoung = await f.contact.client.post(url, { subjectMemberId: young, givenByMemberId: f.parent.id, organisationId: orgA, scopes: ['read_plan'] });
    expect(byParentYoung.statusCode).toBe(201);

    const reversed = await f.contact.client.post(url, { subjectMemberId: f.child.id, givenByMemberId: f.child.id, organisationId: orgA, scopes: ['read_plan'], validFrom: day(10), validUntil: day(2) });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details[0].path).toBe('body.validUntil');
    const otherFamily = await makeFamily(db(), { regionId });
    const foreignMember = await f.contact.client.post(url, { subjectMemberId: otherFamily.child.id, givenByMemberId: otherFamily.child.id, organisationId: orgA, scopes: ['read_plan'] });
    expect(foreignMember.statusCode).toBe(400);
    const rows = await db().select().from(consent).where(eq(consent.familyId, f.family.id));
    expect(rows).toHaveLength(1);
  });

  it('a consent for a later period does not open the file yet; only the contact person records consent (403 for others)', async () => {
    const f = await familyWithContact();
    const col = await colleague(orgB);
    await addToTeam(db(), f.family.id, col.user!.person.id, orgB);
    await giveConsent(db(), { familyId: f.family.id, memberId: f.child.id, organisationId: orgB, scopes: ['edit_plan'] });
    const r = await col.client.post(`/api/families/${f.family.id}/consent`, { subjectMemberId: f.child.id, givenByMemberId: f.child.id, organisationId: orgB, scopes: ['journal'] });
    expect(r.statusCode).toBe(403);
    const later = await f.contact.client.post(`/api/families/${f.family.id}/consent`, {
      subjectMemberId: f.child.id, givenByMemberId: f.child.id, organisationId: orgA, personId: (await colleague(orgA)).user!.person.id, scopes: ['read_plan'], validFrom: day(5), validUntil: day(30),
    });
    expect(later.statusCode).toBe(201);
    const page = (await f.contact.client.get(`/api/families/${f.family.id}`)).json();
    expect(page.data.consents.find((c: { id: string }) => c.id === later.json().data.id)).toMatchObject({ state: 'future' });
  });
});

describe('override without consent', () => {
  it('needs a fresh step-up, a reason of 20+ characters and at most 72 hours; grants the scopes to that person only; listed as an override', async () => {
    const f = await familyWithContact();
    const col = await colleague(orgB);
    await addToTeam(db(), f.family.id, col.user!.person.id, orgB);
    const url = `/api/families/${f.family.id}/overrides`;
    const body = { basis: 'danger', reason: 'School meldt acuut gevaar voor de jongere thuis.', hours: 24, scopes: ['read_plan'] };
    const noStepUp = await col.client.post(url, body);
    expect(noStepUp.statusCode).toBe(401);
    expect(noStepUp.json().error.code).toBe('reauth_required');
    await stepUp(ctx, col);
    expect((await col.client.post(url, { ...body, reason: 'te kort' })).statusCode).toBe(400);
    expect((await col.client.post(url, { ...body, hours: 73 })).statusCode).toBe(400);
    const made = await col.client.post(url, body);
    expect(made.statusCode).toBe(201);
    await expectAudited(db(), 'consent.override', { familyId: f.family.id, actorPersonId: col.user!.person.id, details: { basis: 'danger', hours: 24 } });

    const page = await col.client.get(`/api/families/${f.family.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().data.consents[0]).toMatchObject({ kind: 'override', overrideBasis: 'danger', reason: body.reason, personId: col.user!.person.id, state: 'current' });
    await expectAudited(db(), 'family.view', { familyId: f.family.id, actorPersonId: col.user!.person.id, details: { viaOverride: true } });

    // It ends by itself (the session would end too after a day, so the gate is asked directly).
    const later = new Date(ctx.clock.now().getTime() + 25 * 3_600_000);
    expect(await accessRepo.familyFacts(db(), f.family.id, col.user!.person.id, later)).toMatchObject({ scopes: [], viaOverride: false });
  });

  it('is 404 for someone not on the team, even with a fresh step-up', async () => {
    const f = await familyWithContact();
    const stranger = await colleague(orgB);
    await stepUp(ctx, stranger);
    const res = await stranger.client.post(`/api/families/${f.family.id}/overrides`, { basis: 'legal_duty', reason: 'Wettelijke meldingsplicht na vonnis jeugdrechter.', hours: 12, scopes: ['read_plan'] });
    expect(res.statusCode).toBe(404);
  });
});

describe('contact person handover', () => {
  it('closes the open assignment, opens a new one, puts the new person on the team; history kept; audited', async () => {
    const f = await familyWithContact();
    const next = await colleague(orgB);
    const version = (await f.contact.client.get(`/api/families/${f.family.id}`)).json().data.family.version;
    const res = await f.contact.client.post(`/api/families/${f.family.id}/contact`, { personId: next.user!.person.id, organisationId: orgB, version });
    expect(res.statusCode).toBe(200);
    const rows = await db().select().from(contactAssignment).where(eq(contactAssignment.familyId, f.family.id));
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.untilAt === null).map((r) => r.personId)).toEqual([next.user!.person.id]);
    await expectAudited(db(), 'family.contact.handover', { familyId: f.family.id });
    const page = (await next.client.get(`/api/families/${f.family.id}`)).json();
    expect(page.data.contactHistory).toHaveLength(2);
    expect(page.data.team.find((t: { personId: string }) => t.personId === next.user!.person.id)).toMatchObject({ isContact: true });
    // The old contact person (no consent) no longer reaches the file.
    expect((await f.contact.client.get(`/api/families/${f.family.id}`)).statusCode).toBe(404);
  });

  it('a coordinator of the region may hand over; of another region not (404); concurrent handovers: one wins, the other 409', async () => {
    const f = await familyWithContact();
    const coordinator = await loginAs(ctx, 'network-coordinator');
    const otherRegion = await testRegion(db(), 'test-elders');
    await db().delete(platformRole).where(eq(platformRole.personId, coordinator.user!.person.id));
    await db().insert(platformRole).values({ personId: coordinator.user!.person.id, role: 'network_coordinator', regionId: otherRegion });
    const coordinatorHere = await loginAs(ctx, 'network-coordinator');
    await db().delete(platformRole).where(eq(platformRole.personId, coordinatorHere.user!.person.id));
    await db().insert(platformRole).values({ personId: coordinatorHere.user!.person.id, role: 'network_coordinator', regionId });
    // Roles are read at login: log in again.
    const coord = await loginAs(ctx, 'network-coordinator', { user: coordinatorHere.user! });
    const coordElsewhere = await loginAs(ctx, 'network-coordinator', { user: coordinator.user! });

    const a = await colleague(orgA);
    const b = await colleague(orgB);
    const url = `/api/families/${f.family.id}/contact`;
    expect((await coordElsewhere.client.post(url, { personId: a.user!.person.id, organisationId: orgA, version: 1 })).statusCode).toBe(404);
    const [r1, r2] = await Promise.all([
      f.contact.client.post(url, { personId: a.user!.person.id, organisationId: orgA, version: 1 }),
      coord.client.post(url, { personId: b.user!.person.id, organisationId: orgB, version: 1 }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const open = await db().select().from(contactAssignment).where(and(eq(contactAssignment.familyId, f.family.id), isNull(contactAssignment.untilAt)));
    expect(open).toHaveLength(1);
    // The coordinator still does not see the file.
    expect((await coord.client.get(`/api/families/${f.family.id}`)).statusCode).toBe(404);
  });

  it('refuses a team member with consent who is not the contact person (403) and someone not of the organisation (400)', async () => {
    const f = await familyWithContact();
    const col = await colleague(orgB);
    await addToTeam(db(), f.family.id, col.user!.person.id, orgB);
    await giveConsent(db(), { familyId: f.family.id, memberId: f.child.id, organisationId: orgB, scopes: ['edit_plan'] });
    const url = `/api/families/${f.family.id}/contact`;
    expect((await col.client.post(url, { personId: col.user!.person.id, organisationId: orgB, version: 1 })).statusCode).toBe(403);
    expect((await f.contact.client.post(url, { personId: col.user!.person.id, organisationId: orgA, version: 1 })).statusCode).toBe(400);
  });
});

describe('history', () => {
  it('lists who did what when, newest first, paged, without details; audited', async () => {
    const f = await familyWithContact();
    await f.contact.client.get(`/api/families/${f.family.id}`);
    await f.contact.client.post(`/api/families/${f.family.id}/network`, { name: 'Coach Jan', relation: 'voetbalcoach' });
    const first = (await f.contact.client.get(`/api/families/${f.family.id}/history?limit=1`)).json();
    expect(first.data.items).toEqual([expect.objectContaining({ action: 'family.network.add', actorName: f.contact.user!.person.name })]);
    expect(first.data.items[0]).not.toHaveProperty('details');
    const second = (await f.contact.client.get(`/api/families/${f.family.id}/history?limit=10&cursor=${first.data.nextCursor}`)).json();
    expect(second.data.items.map((i: { action: string }) => i.action)).toContain('family.view');
    expect((await f.contact.client.get(`/api/families/${f.family.id}/history?cursor=abc`)).statusCode).toBe(400);
    await expectAudited(db(), 'family.history', { familyId: f.family.id });
  });
});

describe('date helpers', () => {
  it('computes ages and Brussels midnights', () => {
    expect(ageOn('2012-06-15', '2024-06-14')).toBe(11);
    expect(ageOn('2012-06-15', '2024-06-15')).toBe(12);
    expect(brusselsStartOfDay('2024-01-10').toISOString()).toBe('2024-01-09T23:00:00.000Z');
    expect(brusselsStartOfDay('2024-07-10').toISOString()).toBe('2024-07-09T22:00:00.000Z');
  });
});

