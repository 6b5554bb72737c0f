import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { makeOrganisation, makeUser } from '../../../../tests/helpers/factories.js';
import { Client } from '../../../../tests/helpers/session.js';
import { loginUser, stepUp as stepUpAs } from '../../../../tests/helpers/login.js';
import { loadReferenceData } from '../../db/reference-data.js';
import { auditEvent, person } from '../../db/schema/index.js';
import { ZPersonListResponse, ZPersonResponse, ZOrganisationListResponse, ZOrganisationResponse } from '../../../shared/schemas/admin.js';

let ctx: TestContext;
let ownOrg: string;
let otherOrg: string;
type User = Awaited<ReturnType<typeof makeUser>>;
let platformAdmin: User;
let orgAdmin: User;
let professional: User;
let otherMember: User;
/** A member of the own organisation who also has a platform role: out of an org admin's hands. */
let coordinator: User;

const as = (user: User) => loginUser(ctx, user);
const stepUp = (client: Client, user: User) => stepUpAs(ctx, { client, user });
const patch = (c: Client, url: string, payload: unknown) => c.request({ method: 'PATCH', url, payload: payload as object });
const deniedFrom = (ip: string) =>
  ctx.database.db.select().from(auditEvent).where(and(eq(auditEvent.ip, ip), eq(auditEvent.action, 'request.denied')));

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  await loadReferenceData(db);
  ownOrg = (await makeOrganisation(db, 'Eigen Dienst')).id;
  otherOrg = (await makeOrganisation(db, 'Andere Dienst')).id;
  platformAdmin = await makeUser(db, { platformRoles: ['platform_admin'] });
  orgAdmin = await makeUser(db, { organisationId: ownOrg, orgRoles: ['org_admin'] });
  professional = await makeUser(db, { organisationId: ownOrg, orgRoles: ['professional'] });
  otherMember = await makeUser(db, { organisationId: otherOrg, orgRoles: ['professional'] });
  coordinator = await makeUser(db, { organisationId: ownOrg, orgRoles: ['professional'], platformRoles: ['network_coordinator'] });
});
afterAll(() => ctx.close());

describe('abilities come with the records', () => {
  it('a person answers { data, abilities }; the rules are the policy’s, not the screen’s', async () => {
    const c = await as(orgAdmin);
    const pro = ZPersonResponse.parse((await c.get(`/api/admin/people/${professional.person.id}`)).json());
    expect(pro.data.id).toBe(professional.person.id);
    expect(pro.abilities).toEqual({ view: true, edit: true, changeEmail: true, grantOrgAdmin: true, disable: true, enable: false });
    const self = ZPersonResponse.parse((await c.get(`/api/admin/people/${orgAdmin.person.id}`)).json());
    expect(self.abilities.disable).toBe(false);
    const coord = ZPersonResponse.parse((await c.get(`/api/admin/people/${coordinator.person.id}`)).json());
    expect(coord.abilities).toMatchObject({ view: true, edit: false, disable: false });
    expect((await c.get(`/api/admin/people/${otherMember.person.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/admin/people/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await new Client(ctx.app).get(`/api/admin/people/${professional.person.id}`)).statusCode).toBe(401);
    expect((await (await as(professional)).get(`/api/admin/people/${professional.person.id}`)).statusCode).toBe(403);
  });
  it('lists carry abilities keyed by id; only platform admins may archive', async () => {
    const orgs = ZOrganisationListResponse.parse((await (await as(orgAdmin)).get('/api/admin/organisations')).json());
    expect(orgs.abilities[ownOrg]).toEqual({ view: true, update: true, archive: false, addPerson: true });
    const all = ZOrganisationListResponse.parse((await (await as(platformAdmin)).get('/api/admin/organisations')).json());
    expect(all.abilities[otherOrg]).toMatchObject({ archive: true });
    const people = ZPersonListResponse.parse((await (await as(orgAdmin)).get('/api/admin/people')).json());
    expect(Object.keys(people.abilities).sort()).toEqual(people.data.items.map((p) => p.id).sort());
    const one = ZOrganisationResponse.parse((await (await as(orgAdmin)).get(`/api/admin/organisations/${ownOrg}`)).json());
    expect(one.abilities.archive).toBe(false);
  });
});

describe('a disable is lifted only by the authority that imposed it', () => {
  it('an organisation admin cannot re-enable a person a platform admin disabled, even after step-up', async () => {
    const victim = await makeUser(ctx.database.db, { organisationId: ownOrg });
    const pa = await as(platformAdmin);
    await stepUp(pa, platformAdmin);
    const disabled = ZPersonResponse.parse((await pa.post(`/api/admin/people/${victim.person.id}/disable`)).json());
    expect(disabled.data).toMatchObject({ status: 'disabled', disabledBy: 'platform' });

    const oa = await as(orgAdmin);
    const seen = ZPersonResponse.parse((await oa.get(`/api/admin/people/${victim.person.id}`)).json());
    expect(seen.abilities.enable).toBe(false);
    await stepUp(oa, orgAdmin);
    const refused = await oa.post(`/api/admin/people/${victim.person.id}/enable`);
    expect(refused.statusCode).toBe(403);
    expect((await oa.get(`/api/admin/people/${victim.person.id}`)).json().data.status).toBe('disabled');
    // The refusal is on the record once, naming the person.
    const rows = await deniedFrom(oa.ip);
    expect(rows).toEqual([expect.objectContaining({ resourceType: 'person', resourceId: victim.person.id, reason: 'forbidden', outcome: 'denied' })]);

    // The platform admin lifts it, after a fresh step-up.
    ctx.clock.advance(5 * 60_000 + 1000);
    const stale = await pa.post(`/api/admin/people/${victim.person.id}/enable`);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('reauth_required');
    await stepUp(pa, platformAdmin);
    const lifted = ZPersonResponse.parse((await pa.post(`/api/admin/people/${victim.person.id}/enable`)).json());
    expect(lifted.data).toMatchObject({ status: 'active', disabledBy: null });
  });
  it('an organisation admin’s own disable they lift themselves', async () => {
    const victim = await makeUser(ctx.database.db, { organisationId: ownOrg });
    const oa = await as(orgAdmin);
    await stepUp(oa, orgAdmin);
    expect((await oa.post(`/api/admin/people/${victim.person.id}/disable`)).json().data.disabledBy).toBe('organisation');
    expect((await oa.post(`/api/admin/people/${victim.person.id}/enable`)).json().data.status).toBe('active');
    // Enabling somebody who is active is refused, not silently done.
    expect((await oa.post(`/api/admin/people/${victim.person.id}/enable`)).statusCode).toBe(403);
  });
});

describe('granting org_admin needs step-up', () => {
  it('when adding a person and when changing roles', async () => {
    const oa = await as(orgAdmin);
    const body = { name: 'Nieuwe Beheerder', email: `beheer-${Date.now()}@example.test`, organisationId: ownOrg, orgRoles: ['org_admin'] };
    const first = await oa.post('/api/admin/people', body);
    expect(first.statusCode).toBe(401);
    expect(first.json().error.code).toBe('reauth_required');
    const pro = ZPersonResponse.parse((await oa.get(`/api/admin/people/${professional.person.id}`)).json()).data;
    const promote = await patch(oa, `/api/admin/people/${pro.id}`, { version: pro.version, orgRoles: [{ organisationId: ownOrg, roles: ['professional', 'org_admin'] }] });
    expect(promote.json().error.code).toBe('reauth_required');
    await stepUp(oa, orgAdmin);
    expect((await oa.post('/api/admin/people', body)).statusCode).toBe(201);
    const done = ZPersonResponse.parse((await patch(oa, `/api/admin/people/${pro.id}`, { version: pro.version, orgRoles: [{ organisationId: ownOrg, roles: ['professional', 'org_admin'] }] })).json());
    expect(done.data.memberships).toEqual([expect.objectContaining({ organisationId: ownOrg, roles: ['professional', 'org_admin'] })]);
    // Roles in another organisation are out of reach: 404, as if it did not exist.
    expect((await patch(oa, `/api/admin/people/${pro.id}`, { version: done.data.version, orgRoles: [{ organisationId: otherOrg, roles: ['professional'] }] })).statusCode).toBe(404);
  });
});

describe('editing a person', () => {
  it('changes name and phone with the version read; a stale version is 409 version_conflict', async () => {
    const target = await makeUser(ctx.database.db, { organisationId: ownOrg });
    const oa = await as(orgAdmin);
    const before = ZPersonResponse.parse((await oa.get(`/api/admin/people/${target.person.id}`)).json()).data;
    const ok = await patch(oa, `/api/admin/people/${target.person.id}`, { version: before.version, name: 'Nieuwe Naam', phone: '+32 470 00 00 00' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data).toMatchObject({ name: 'Nieuwe Naam', phone: '+32 470 00 00 00', version: before.version + 1 });
    const stale = await patch(oa, `/api/admin/people/${target.person.id}`, { version: before.version, name: 'Overschreven' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await oa.get(`/api/admin/people/${target.person.id}`)).json().data.name).toBe('Nieuwe Naam');
    const audited = await ctx.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'person.update'), eq(auditEvent.resourceId, target.person.id)));
    expect(audited).toHaveLength(1);
  });
  it('a new e-mail address needs step-up, becomes the login, and a taken one is 409 duplicate', async () => {
    const target = await makeUser(ctx.database.db, { organisationId: ownOrg });
    const oa = await as(orgAdmin);
    const v = ZPersonResponse.parse((await oa.get(`/api/admin/people/${target.person.id}`)).json()).data.version;
    const email = `Nieuw-${Date.now()}@Example.test`;
    expect((await patch(oa, `/api/admin/people/${target.person.id}`, { version: v, email })).json().error.code).toBe('reauth_required');
    await stepUp(oa, orgAdmin);
    const taken = await patch(oa, `/api/admin/people/${target.person.id}`, { version: v, email: professional.email });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'duplicate', details: [{ path: 'body.email' }] });
    const ok = await patch(oa, `/api/admin/people/${target.person.id}`, { version: v, email });
    expect(ok.json().data.email).toBe(email.toLowerCase());
    const login = await new Client(ctx.app, '10.2.9.9').post('/api/auth/login', { email: email.toLowerCase(), password: target.password });
    expect(login.statusCode).toBe(200);
  });
  it('refuses other organisations’ people (404), platform people (403) and bad input (400), changing nothing', async () => {
    const oa = await as(orgAdmin);
    expect((await patch(oa, `/api/admin/people/${otherMember.person.id}`, { version: 1, name: 'Elders' })).statusCode).toBe(404);
    expect((await patch(oa, `/api/admin/people/${coordinator.person.id}`, { version: 1, name: 'Coördinator' })).statusCode).toBe(403);
    const url = `/api/admin/people/${professional.person.id}`;
    for (const body of [
      { version: 1, name: 'x' },
      { version: 1, status: 'disabled' },
      { version: 2 ** 31, name: 'Te Groot' },
      { version: 1, email: 'geen-adres' },
      { name: 'Zonder Versie' },
      { version: 1, orgRoles: [{ organisationId: ownOrg, roles: ['koning'] }] },
    ]) {
      const res = await patch(oa, url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await patch(oa, '/api/admin/people/niet-een-id', { version: 1 })).statusCode).toBe(400);
  });
});

describe('lists page with a keyset cursor and search on the server', () => {
  it('follows nextCursor through every person exactly once, in name order; search filters in the query', async () => {
    const org = (await makeOrganisation(ctx.database.db, 'Pagina Dienst')).id;
    for (const name of ['Anna Zomer', 'Bram Winter', 'Cas Herfst', 'Dina Lente', 'Eva Zomer']) {
      const u = await makeUser(ctx.database.db, { organisationId: org });
      await ctx.database.db.update(person).set({ name, email: `${name.replace(' ', '.').toLowerCase()}.${Date.now()}@voorbeeld.test` }).where(eq(person.id, u.person.id));
    }
    const pa = await as(platformAdmin);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/admin/people?organisationId=${org}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = ZPersonListResponse.parse((await pa.get(url)).json());
      expect(page.data.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.items.map((p) => p.name));
      cursor = page.data.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(['Anna Zomer', 'Bram Winter', 'Cas Herfst', 'Dina Lente', 'Eva Zomer']);
    expect(pages).toBe(3);
    const zomer = ZPersonListResponse.parse((await pa.get(`/api/admin/people?organisationId=${org}&q=zOMer`)).json());
    expect(zomer.data.items.map((p) => p.name)).toEqual(['Anna Zomer', 'Eva Zomer']);
    const byEmail = ZPersonListResponse.parse((await pa.get(`/api/admin/people?q=${encodeURIComponent('bram.winter')}`)).json());
    expect(byEmail.data.items.map((p) => p.name)).toEqual(['Bram Winter']);
    // Wildcards are literal.
    expect(ZPersonListResponse.parse((await pa.get(`/api/admin/people?organisationId=${org}&q=%25`)).json()).data.items).toEqual([]);
    // An organisation admin's search never reaches beyond their organisations.
    expect(ZPersonListResponse.parse((await (await as(orgAdmin)).get('/api/admin/people?q=zomer')).json()).data.items).toEqual([]);
  });
  it('organisations page and search too; bad paging input is 400', async () => {
    const pa = await as(platformAdmin);
    const first = ZOrganisationListResponse.parse((await pa.get('/api/admin/organisations?limit=1')).json());
    expect(first.data.items).toHaveLength(1);
    expect(first.data.nextCursor).not.toBeNull();
    const second = ZOrganisationListResponse.parse((await pa.get(`/api/admin/organisations?limit=1&cursor=${encodeURIComponent(first.data.nextCursor!)}`)).json());
    expect(second.data.items[0]!.name.toLowerCase() > first.data.items[0]!.name.toLowerCase()).toBe(true);
    const found = ZOrganisationListResponse.parse((await pa.get('/api/admin/organisations?q=andere')).json());
    expect(found.data.items.map((o) => o.id)).toEqual([otherOrg]);
    for (const q of ['limit=0', 'limit=101', 'cursor=kapot', `q=${encodeURIComponent('a\u0000b')}`]) {
      expect((await pa.get(`/api/admin/organisations?${q}`)).statusCode, q).toBe(400);
    }
  });
});
