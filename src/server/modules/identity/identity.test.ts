import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation, makeUser } from '../../../../tests/helpers/factories.js';
import { Client } from '../../../../tests/helpers/session.js';
import { loginUser } from '../../../../tests/helpers/login.js';
import { loadReferenceData } from '../../db/reference-data.js';
import { totpCode } from '../../platform/auth/totp.js';
import { ZOrganisationListResponse, ZPersonCreatedResponse, ZPersonListResponse, ZAuditPage } from '../../../shared/schemas/admin.js';

let ctx: TestContext;
let ownOrg: string;
let otherOrg: string;
const as = (user: Awaited<ReturnType<typeof makeUser>>) => loginUser(ctx, user);

let platformAdmin: Awaited<ReturnType<typeof makeUser>>;
let orgAdmin: Awaited<ReturnType<typeof makeUser>>;
let professional: Awaited<ReturnType<typeof makeUser>>;
let otherMember: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  await loadReferenceData(db);
  ownOrg = (await makeOrganisation(db)).id;
  otherOrg = (await makeOrganisation(db)).id;
  platformAdmin = await makeUser(db, { platformRoles: ['platform_admin'] });
  orgAdmin = await makeUser(db, { organisationId: ownOrg, orgRoles: ['org_admin'] });
  professional = await makeUser(db, { organisationId: ownOrg, orgRoles: ['professional'] });
  otherMember = await makeUser(db, { organisationId: otherOrg, orgRoles: ['professional'] });
});
afterAll(() => ctx.close());

describe('organisations', () => {
  it('platform admins see all, organisation admins their own, others nothing', async () => {
    const all = ZOrganisationListResponse.parse((await (await as(platformAdmin)).get('/api/admin/organisations')).json()).data.items;
    expect(all.map((o) => o.id)).toEqual(expect.arrayContaining([ownOrg, otherOrg]));
    const own = ZOrganisationListResponse.parse((await (await as(orgAdmin)).get('/api/admin/organisations')).json()).data.items;
    expect(own.map((o) => o.id)).toEqual([ownOrg]);
    expect((await (await as(professional)).get('/api/admin/organisations')).statusCode).toBe(403);
    expect((await new Client(ctx.app).get('/api/admin/organisations')).statusCode).toBe(401);
  });

  it('another organisation is 404 for an organisation admin, read or write', async () => {
    const c = await as(orgAdmin);
    expect((await c.get(`/api/admin/organisations/${otherOrg}`)).statusCode).toBe(404);
    const patch = await c.request({ method: 'PATCH', url: `/api/admin/organisations/${otherOrg}`, payload: { version: 1, name: 'Overgenomen' } });
    expect(patch.statusCode).toBe(404);
    expect((await c.get(`/api/admin/organisations/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('updates with the version it read; a stale version is 409 and changes nothing', async () => {
    const c = await as(orgAdmin);
    const current = (await c.get(`/api/admin/organisations/${ownOrg}`)).json().data;
    const ok = await c.request({
      method: 'PATCH', url: `/api/admin/organisations/${ownOrg}`, payload: { version: current.version, name: `${current.name} (nieuw)`, sectorCodes: ['ggz', 'caw'] },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data).toMatchObject({ version: current.version + 1, sectorCodes: ['ggz', 'caw'] });
    const stale = await c.request({ method: 'PATCH', url: `/api/admin/organisations/${ownOrg}`, payload: { version: current.version, name: 'Overschreven' } });
    expect(stale.statusCode).toBe(409);
    expect((await c.get(`/api/admin/organisations/${ownOrg}`)).json().data.name).toBe(`${current.name} (nieuw)`);
    const archive = await c.request({ method: 'PATCH', url: `/api/admin/organisations/${ownOrg}`, payload: { version: current.version + 1, status: 'archived' } });
    expect(archive.statusCode).toBe(403);
    const unknownSector = await c.request({ method: 'PATCH', url: `/api/admin/organisations/${ownOrg}`, payload: { version: current.version + 1, sectorCodes: ['astrologie'] } });
    expect(unknownSector.statusCode).toBe(400);
  });

  it('two admins creating the same organisation at once: one 201, one 409, never a 500', async () => {
    const c = await as(platformAdmin);
    const name = `Tegelijk ${Date.now()}`;
    const codes = (await Promise.all([c.post('/api/admin/organisations', { name }), c.post('/api/admin/organisations', { name })])).map((r) => r.statusCode);
    expect(codes.sort()).toEqual([201, 409]);
  });

  it('nobody is added to an archived organisation', async () => {
    const c = await as(platformAdmin);
    const org = (await c.post('/api/admin/organisations', { name: `Gesloten dienst ${Date.now()}` })).json().data;
    const archived = await c.request({ method: 'PATCH', url: `/api/admin/organisations/${org.id}`, payload: { version: org.version, status: 'archived' } });
    expect(archived.json().data.status).toBe('archived');
    const res = await c.post('/api/admin/people', { name: 'Te Laat', email: `te-laat-${Date.now()}@example.test`, organisationId: org.id });
    expect(res.statusCode).toBe(409);
  });

  it('only platform admins create organisations; names are unique', async () => {
    expect((await (await as(orgAdmin)).post('/api/admin/organisations', { name: 'Nieuwe vzw' })).statusCode).toBe(403);
    const c = await as(platformAdmin);
    const created = await c.post('/api/admin/organisations', { name: 'CKG De Haven', regionCode: 'west-vlaanderen', sectorCodes: ['jeugdhulp'] });
    expect(created.statusCode).toBe(201);
    expect(created.json().data).toMatchObject({ name: 'CKG De Haven', regionName: 'West-Vlaanderen', sectorCodes: ['jeugdhulp'] });
    expect((await c.post('/api/admin/organisations', { name: 'ckg de haven' })).statusCode).toBe(409);
    expect((await c.post('/api/admin/organisations', { name: 'X', id: 'zelfgekozen' })).statusCode).toBe(400);
  });
});

describe('people', () => {
  it('an organisation admin lists only the people of their organisation', async () => {
    const list = ZPersonListResponse.parse((await (await as(orgAdmin)).get('/api/admin/people')).json()).data.items;
    const ids = list.map((p) => p.id);
    expect(ids).toContain(professional.person.id);
    expect(ids).not.toContain(otherMember.person.id);
    expect(ids).not.toContain(platformAdmin.person.id);
    expect((await (await as(orgAdmin)).get(`/api/admin/people?organisationId=${otherOrg}`)).statusCode).toBe(404);
  });

  it('an organisation admin adds staff to their own organisation only, without platform roles', async () => {
    const c = await as(orgAdmin);
    const created = await c.post('/api/admin/people', { name: 'Nieuwe Hulpverlener', email: 'Nieuw.Iemand@Example.test', organisationId: ownOrg });
    expect(created.statusCode).toBe(201);
    const body = ZPersonCreatedResponse.parse(created.json()).data;
    expect(body.person).toMatchObject({ email: 'nieuw.iemand@example.test', hasPassword: false, mfaEnabled: false });
    expect(body.person.memberships).toEqual([expect.objectContaining({ organisationId: ownOrg, roles: ['professional'] })]);
    expect(body.enrolmentLink).toMatch(/\/inschrijven#[\w-]{40,}$/);

    expect((await c.post('/api/admin/people', { name: 'Elders', email: 'elders@example.test', organisationId: otherOrg })).statusCode).toBe(404);
    const escalate = await c.post('/api/admin/people', { name: 'Stiekem', email: 'stiekem@example.test', organisationId: ownOrg, platformRoles: ['platform_admin'] });
    expect(escalate.statusCode).toBe(403);
    const mass = await c.post('/api/admin/people', { name: 'Massa', email: 'massa@example.test', organisationId: ownOrg, status: 'active', id: crypto.randomUUID() });
    expect(mass.statusCode).toBe(400);
    expect((await c.post('/api/admin/people', { name: 'Dubbel', email: 'nieuw.iemand@example.test', organisationId: ownOrg })).statusCode).toBe(409);
    expect((await (await as(professional)).post('/api/admin/people', { name: 'Mag niet', email: 'magniet@example.test', organisationId: ownOrg })).statusCode).toBe(403);
  });

  it('disabling a person ends their sessions at once; nobody disables themselves', async () => {
    const victim = await makeUser(ctx.database.db, { organisationId: ownOrg });
    const session = await as(victim);
    expect((await session.get('/api/auth/me')).statusCode).toBe(200);
    const admin = await as(orgAdmin);
    // A sensitive operation: the second factor must be confirmed again first (step-up).
    const withoutStepUp = await admin.post(`/api/admin/people/${victim.person.id}/disable`);
    expect(withoutStepUp.statusCode).toBe(401);
    expect(withoutStepUp.json().error.code).toBe('reauth_required');
    ctx.clock.advance(31_000);
    const wrongCode = await admin.post('/api/auth/reauthenticate', { code: '000000' });
    expect(wrongCode.statusCode).toBe(401);
    const stepUp = await admin.post('/api/auth/reauthenticate', { code: totpCode(orgAdmin.totpSecret!, ctx.clock.now()) });
    expect(stepUp.statusCode).toBe(200);
    expect(Date.parse(stepUp.json().data.validUntil)).toBe(ctx.clock.now().getTime() + 5 * 60_000);
    const res = await admin.post(`/api/admin/people/${victim.person.id}/disable`);
    expect(res.statusCode).toBe(200);
    expect(res.json().data.status).toBe('disabled');
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await admin.post(`/api/admin/people/${otherMember.person.id}/disable`)).statusCode).toBe(404);
    expect((await admin.post(`/api/admin/people/${orgAdmin.person.id}/disable`)).statusCode).toBe(403);
    expect((await admin.post(`/api/admin/people/${victim.person.id}/enable`)).json().data.status).toBe('active');
    // Old sessions stay ended after re-enabling.
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    // The step-up lasts five minutes.
    ctx.clock.advance(5 * 60_000 + 1000);
    expect((await admin.post(`/api/admin/people/${victim.person.id}/disable`)).json().error.code).toBe('reauth_required');
  });

  it('granting platform roles needs a platform admin with a fresh step-up', async () => {
    const c = await as(platformAdmin);
    const body = { name: 'Nieuwe Coördinator', email: `coord-${Date.now()}@example.test`, platformRoles: ['network_coordinator'] };
    expect((await c.post('/api/admin/people', body)).json().error.code).toBe('reauth_required');
    ctx.clock.advance(31_000);
    await c.post('/api/auth/reauthenticate', { code: totpCode(platformAdmin.totpSecret!, ctx.clock.now()) });
    const created = await c.post('/api/admin/people', body);
    expect(created.statusCode).toBe(201);
    expect(created.json().data.person.platformRoles).toEqual(['network_coordinator']);
  });
});

describe('audit viewer', () => {
  it('shows platform admins the trail with filters and pages; nobody else', async () => {
    const c = await as(platformAdmin);
    const first = ZAuditPage.parse((await c.get('/api/audit?limit=3')).json());
    expect(first.data).toHaveLength(3);
    expect(first.nextBefore).not.toBeNull();
    const next = ZAuditPage.parse((await c.get(`/api/audit?limit=3&before=${first.nextBefore}`)).json());
    expect(next.data[0]!.seq).toBeLessThan(first.data[2]!.seq);
    const logins = ZAuditPage.parse((await c.get('/api/audit?action=auth.login&outcome=success')).json());
    expect(logins.data.length).toBeGreaterThan(0);
    expect(logins.data.every((r) => r.action === 'auth.login' && r.outcome === 'success')).toBe(true);
    expect((await c.get('/api/audit?outcome=maybe')).statusCode).toBe(400);
    expect((await (await as(orgAdmin)).get('/api/audit')).statusCode).toBe(403);
  });
});
