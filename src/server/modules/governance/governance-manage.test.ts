import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeOrganisation, makeUser } from '../../../../tests/helpers/factories.js';
import { testRegion } from '../../../../tests/helpers/families.js';
import { useGovernanceFixture } from '../../../../tests/helpers/governance.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { membership, organisation, organisationSector, person, sector } from '../../db/schema/index.js';
import { ZBodyOptionsResponse, ZBodyResponse, ZMemberCandidatesResponse } from '../../../shared/schemas/governance.js';

/** The two reads behind the management screens: where one may start a body, and whom one may add to it. */

const gov = useGovernanceFixture('govman-a');
let admin: LoggedIn;
let coordinatorA: LoggedIn;
const unique = `Zq${Date.now().toString(36)}`;

beforeAll(async () => {
  await testRegion(gov.ctx.database.db, 'govman-b');
  admin = await loginAs(gov.ctx, 'platform-admin');
  coordinatorA = await gov.regionalCoordinator(gov.regionId);
});

const options = async (who: LoggedIn) => {
  const res = await who.client.get('/api/governance/body-options');
  expect(res.statusCode, res.body).toBe(200);
  return ZBodyOptionsResponse.parse(res.json());
};

describe('body options', () => {
  it('lists every region for platform admins and coordinators of every region', async () => {
    for (const who of [admin, gov.coordinator]) {
      const o = await options(who);
      expect(o.abilities.createBody).toBe(true);
      const codes = o.data.regions.map((r) => r.code);
      expect(codes).toEqual(expect.arrayContaining(['govman-a', 'govman-b', 'west-vlaanderen']));
      // Networks first, then provinces.
      const kinds = o.data.regions.map((r) => r.kind);
      expect(kinds.indexOf('province')).toBeGreaterThan(kinds.lastIndexOf('network'));
    }
  });

  it('lists only the coordinated region for a regional coordinator, and nothing for anyone else', async () => {
    const o = await options(coordinatorA);
    expect(o).toEqual({ data: { regions: [{ code: 'govman-a', name: 'Regio govman-a', kind: 'network' }] }, abilities: { createBody: true } });
    // What the options say matches what the server accepts.
    const other = await coordinatorA.client.post('/api/governance/bodies', { name: `Werkgroep ${unique}`, kind: 'working_group', regionCode: 'govman-b' });
    expect(other.statusCode).toBe(403);
    expect(await options(gov.outsider)).toEqual({ data: { regions: [] }, abilities: { createBody: false } });
  });

  it('needs a login', async () => {
    const res = await gov.ctx.app.inject({ method: 'GET', url: '/api/governance/body-options' });
    expect(res.statusCode).toBe(401);
  });
});

describe('member candidates', () => {
  let bodyId: string;
  let personId: string;
  let orgId: string;

  beforeAll(async () => {
    const db = gov.ctx.database.db;
    const res = await coordinatorA.client.post('/api/governance/bodies', { name: `Stuurgroep ${unique}`, kind: 'steering_group', regionCode: 'govman-a' });
    expect(res.statusCode, res.body).toBe(201);
    bodyId = ZBodyResponse.parse(res.json()).data.id;
    const org = await makeOrganisation(db, `CAW ${unique}`);
    orgId = org.id;
    const [caw] = await db.select({ id: sector.id }).from(sector).where(eq(sector.code, 'caw'));
    if (!caw) throw new Error('sector caw missing');
    await db.insert(organisationSector).values({ organisationId: orgId, sectorId: caw.id });
    const archived = await makeOrganisation(db, `Oud ${unique}`);
    await db.update(organisation).set({ status: 'archived' }).where(eq(organisation.id, archived.id));
    const user = await makeUser(db, { organisationId: orgId });
    personId = user.person.id;
    await db.insert(membership).values({ personId, organisationId: archived.id, roles: ['professional'] });
    await db.update(person).set({ name: `Anna ${unique}` }).where(eq(person.id, personId));
    const disabled = await makeUser(db, { status: 'disabled' });
    await db.update(person).set({ name: `Bert ${unique}` }).where(eq(person.id, disabled.person.id));
  });

  it('finds active people by part of their name with their active organisations and sectors', async () => {
    const res = await coordinatorA.client.get(`/api/governance/bodies/${bodyId}/candidates?q=${encodeURIComponent(unique.toLowerCase())}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = ZMemberCandidatesResponse.parse(res.json());
    expect(body.data.items).toEqual([{ personId, name: `Anna ${unique}`, organisations: [{ id: orgId, name: `CAW ${unique}`, sectorCodes: ['caw'] }] }]);
    expect(body.abilities).toEqual({ view: true, update: true, manageMembers: true });
  });

  it('lets the secretary search, refuses a plain member (403) and hides the body from others (404)', async () => {
    const secretary = await loginAs(gov.ctx, 'professional');
    const member = await loginAs(gov.ctx, 'professional');
    const today = gov.today();
    for (const [who, role] of [[secretary, 'secretary'], [member, 'member']] as const) {
      const me = await who.client.get('/api/auth/me');
      const add = await coordinatorA.client.post(`/api/governance/bodies/${bodyId}/members`, { personId: me.json().data.person.id, role, joinedOn: today });
      expect(add.statusCode, add.body).toBe(201);
    }
    expect((await secretary.client.get(`/api/governance/bodies/${bodyId}/candidates?q=${unique}`)).statusCode).toBe(200);
    expect((await member.client.get(`/api/governance/bodies/${bodyId}/candidates?q=${unique}`)).statusCode).toBe(403);
    expect((await gov.outsider.client.get(`/api/governance/bodies/${bodyId}/candidates?q=${unique}`)).statusCode).toBe(404);
    expect((await gov.coordinator.client.get(`/api/governance/bodies/00000000-0000-4000-8000-000000000000/candidates?q=${unique}`)).statusCode).toBe(404);
  });

  it('refuses a search shorter than two characters or with control characters (400)', async () => {
    for (const q of ['a', '', '%00ab', 'x'.repeat(101)]) {
      const res = await coordinatorA.client.get(`/api/governance/bodies/${bodyId}/candidates?q=${q}`);
      expect(res.statusCode, q).toBe(400);
    }
    expect((await coordinatorA.client.get(`/api/governance/bodies/${bodyId}/candidates`)).statusCode).toBe(400);
  });
});
