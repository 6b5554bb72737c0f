import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { addToTeam, giveConsent, makeFamily, testRegion, withdrawConsent } from '../../../../tests/helpers/families.js';
import { loginAs, stepUp } from '../../../../tests/helpers/login.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { family, teamMember } from '../../db/schema/index.js';

/**
 * GET /api/families/:id/access: a team member whose consent was withdrawn learns that an override
 * may be asked (the family page shows the button from it); nobody else learns anything.
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

/** A family with a contact person (org A) and a colleague of org B on the team whose consent was withdrawn. */
async function withdrawnColleague() {
  const f = await makeFamily(db(), { regionId });
  const contact = await loginAs(ctx, 'professional', { organisationId: orgA });
  await addToTeam(db(), f.family.id, contact.user!.person.id, orgA, { contact: true });
  const col = await loginAs(ctx, 'professional', { organisationId: orgB });
  await addToTeam(db(), f.family.id, col.user!.person.id, orgB);
  const c = await giveConsent(db(), { familyId: f.family.id, memberId: f.child.id, organisationId: orgB, scopes: ['read_plan', 'edit_plan'] });
  await withdrawConsent(db(), c.id, new Date(ctx.clock.now().getTime() - 1_000));
  return { ...f, contact, col };
}

describe('access check of a family', () => {
  it('tells a team member whose consent was withdrawn that the file is closed and an override may be asked — nothing of the file; audited', async () => {
    const f = await withdrawnColleague();
    expect((await f.col.client.get(`/api/families/${f.family.id}`)).statusCode).toBe(404);
    const res = await f.col.client.get(`/api/families/${f.family.id}/access`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ data: { id: f.family.id, canOpen: false }, abilities: { override: true } });
    expect(res.body).not.toContain(f.family.name);
    await expectAudited(db(), 'family.access_check', { familyId: f.family.id, actorPersonId: f.col.user!.person.id, organisationId: orgB, details: { canOpen: false } });

    // After the override (step-up), the file opens, and the check says so.
    await stepUp(ctx, f.col);
    const made = await f.col.client.post(`/api/families/${f.family.id}/overrides`, { basis: 'danger', reason: 'De school meldt vandaag acuut gevaar thuis.', hours: 2, scopes: ['read_plan'] });
    expect(made.statusCode).toBe(201);
    expect((await f.col.client.get(`/api/families/${f.family.id}/access`)).json().data.canOpen).toBe(true);
    expect((await f.col.client.get(`/api/families/${f.family.id}`)).statusCode).toBe(200);
  });

  it('the contact person can open it and may also ask for an override (no consent for their organisation yet)', async () => {
    const f = await withdrawnColleague();
    const res = await f.contact.client.get(`/api/families/${f.family.id}/access`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ data: { id: f.family.id, canOpen: true }, abilities: { override: true } });
  });

  it('is 404 for a professional not on the team, a coordinator, a colleague whose team membership ended, and an unknown id', async () => {
    const f = await withdrawnColleague();
    const stranger = await loginAs(ctx, 'professional', { organisationId: orgB });
    await stepUp(ctx, stranger);
    const coordinator = await loginAs(ctx, 'network-coordinator');
    for (const who of [stranger, coordinator]) expect((await who.client.get(`/api/families/${f.family.id}/access`)).statusCode).toBe(404);
    await db().update(teamMember).set({ untilAt: new Date(ctx.clock.now().getTime() - 1_000) }).where(eq(teamMember.personId, f.col.user!.person.id));
    expect((await f.col.client.get(`/api/families/${f.family.id}/access`)).statusCode).toBe(404);
    expect((await f.col.client.get('/api/families/00000000-0000-4000-8000-000000000009/access')).statusCode).toBe(404);
  });

  it('a closed family: no override to ask, so the withdrawn colleague gets 404', async () => {
    const f = await withdrawnColleague();
    await db().update(family).set({ status: 'closed' }).where(eq(family.id, f.family.id));
    expect((await f.col.client.get(`/api/families/${f.family.id}/access`)).statusCode).toBe(404);
    expect((await f.contact.client.get(`/api/families/${f.family.id}/access`)).json()).toMatchObject({ data: { canOpen: true }, abilities: { override: false } });
  });

  it('bad input: an id that is not a uuid is a 400; anonymous is 401', async () => {
    const f = await withdrawnColleague();
    expect((await f.col.client.get('/api/families/nope/access')).statusCode).toBe(400);
    const anon = await ctx.app.inject({ method: 'GET', url: `/api/families/${f.family.id}/access` });
    expect(anon.statusCode).toBe(401);
  });
});
