import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited, expectNotAudited } from '../../../../tests/helpers/audit.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { careFamily } from '../../../../tests/helpers/care.js';
import { loadReferenceData } from '../../db/reference-data.js';
import { contactPoint, location, organisation, organisationMunicipality, service, serviceLocation, zinplek } from '../../db/schema/index.js';
import {
  ZConfirmAllResponse,
  ZManagedContactPointResponse,
  ZManagedLocationPage,
  ZManagedLocationResponse,
  ZManagedOrganisationResponse,
  ZManagedServiceResponse,
  ZManagedZinplekResponse,
  ZStaleResponse,
} from '../../../shared/schemas/directory/manage.js';

let ctx: TestContext;
let orgA: string;
let orgB: string;
let adminA: LoggedIn;
let adminB: LoggedIn;
let platform: LoggedIn;
let coordinator: LoggedIn;
let professional: LoggedIn;
let anonymous: LoggedIn;

const M = '/api/directory/manage';
const patch = (who: LoggedIn, url: string, payload: unknown) => who.client.request({ method: 'PATCH', url, payload: payload as Record<string, unknown> });
const db = () => ctx.database.db;

const LOCATION = { name: 'Huis van het Kind Brugge', street: 'Kazernevest 3', postalCode: '8000', city: 'Brugge', nisCode: '31005', latitude: 51.2, longitude: 3.22 };

async function newLocation(who: LoggedIn, org: string, extra: Record<string, unknown> = {}) {
  const res = await who.client.post(`${M}/organisations/${org}/locations`, { ...LOCATION, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return ZManagedLocationResponse.parse(res.json()).data;
}

beforeAll(async () => {
  ctx = await createTestApp();
  await loadReferenceData(db());
  orgA = (await makeOrganisation(db())).id;
  orgB = (await makeOrganisation(db())).id;
  adminA = await loginAs(ctx, 'org-admin', { organisationId: orgA });
  adminB = await loginAs(ctx, 'org-admin', { organisationId: orgB });
  platform = await loginAs(ctx, 'platform-admin');
  coordinator = await loginAs(ctx, 'network-coordinator');
  professional = await loginAs(ctx, 'professional', { organisationId: orgA });
  anonymous = await loginAs(ctx, 'anonymous');
});
afterAll(() => ctx.close());

describe('locations', () => {
  it('the organisation admin adds, reads, lists, changes and confirms a location; every change audited', async () => {
    const loc = await newLocation(adminA, orgA);
    expect(loc).toMatchObject({ ...LOCATION, organisationId: orgA, description: '', stale: false, version: 1 });
    expect(loc.confirmedAt).toBe(ctx.clock.now().toISOString());
    await expectAudited(db(), 'directory.location.create', { resourceId: loc.id, organisationId: orgA, outcome: 'success', actorPersonId: adminA.user?.person.id });

    const got = await adminA.client.get(`${M}/locations/${loc.id}`);
    expect(got.statusCode).toBe(200);
    expect(ZManagedLocationResponse.parse(got.json()).abilities).toEqual({ view: true, update: true, delete: true, confirm: true });

    const list = ZManagedLocationPage.parse((await adminA.client.get(`${M}/organisations/${orgA}/locations`)).json());
    expect(list.data.items.map((i) => i.id)).toContain(loc.id);
    expect(list.abilities[loc.id]?.update).toBe(true);

    const changed = await patch(adminA, `${M}/locations/${loc.id}`, { version: 1, city: 'Brugge-Centrum', latitude: null, longitude: null });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(ZManagedLocationResponse.parse(changed.json()).data).toMatchObject({ city: 'Brugge-Centrum', latitude: null, longitude: null, version: 2 });
    await expectAudited(db(), 'directory.location.update', { resourceId: loc.id, details: { fields: expect.arrayContaining(['city', 'latitude', 'longitude']) } });

    ctx.clock.advance(60_000);
    const confirmed = await adminA.client.post(`${M}/locations/${loc.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(ZManagedLocationResponse.parse(confirmed.json()).data.confirmedAt).toBe(ctx.clock.now().toISOString());
    await expectAudited(db(), 'directory.location.confirm', { resourceId: loc.id, organisationId: orgA });
  });

  it('pages the list by name with a cursor', async () => {
    const org = (await makeOrganisation(db())).id;
    for (const name of ['Cedar', 'Acacia', 'Beuk']) await newLocation(platform, org, { name });
    const first = ZManagedLocationPage.parse((await platform.client.get(`${M}/organisations/${org}/locations?limit=2`)).json());
    expect(first.data.items.map((i) => i.name)).toEqual(['Acacia', 'Beuk']);
    const next = ZManagedLocationPage.parse((await platform.client.get(`${M}/organisations/${org}/locations?limit=2&cursor=${first.data.nextCursor}`)).json());
    expect(next.data.items.map((i) => i.name)).toEqual(['Cedar']);
    expect(next.data.nextCursor).toBeNull();
  });

  it("another organisation's admin gets 404 on every route; professionals and coordinators 403; anonymous 401", async () => {
    const loc = await newLocation(adminA, orgA);
    for (const res of [
      await adminB.client.get(`${M}/locations/${loc.id}`),
      await patch(adminB, `${M}/locations/${loc.id}`, { version: 1, city: 'Gent' }),
      await adminB.client.delete(`${M}/locations/${loc.id}`),
      await adminB.client.post(`${M}/locations/${loc.id}/confirm`),
      await adminB.client.get(`${M}/organisations/${orgA}/locations`),
      await adminB.client.post(`${M}/organisations/${orgA}/locations`, LOCATION),
    ]) expect(res.statusCode).toBe(404);
    expect((await professional.client.get(`${M}/locations/${loc.id}`)).statusCode).toBe(403);
    expect((await coordinator.client.get(`${M}/organisations/${orgA}/locations`)).statusCode).toBe(403);
    expect((await anonymous.client.get(`${M}/locations/${loc.id}`)).statusCode).toBe(401);
    const [row] = await db().select().from(location).where(eq(location.id, loc.id));
    expect(row).toMatchObject({ city: 'Brugge', version: 1 });
    // The platform admin keeps every organisation's entries.
    expect((await patch(platform, `${M}/locations/${loc.id}`, { version: 1, city: 'Brugge' })).statusCode).toBe(200);
  });

  it('refuses bad input with 400 and field paths, changing nothing', async () => {
    const url = `${M}/organisations/${orgA}/locations`;
    const before = await db().select().from(location).where(eq(location.organisationId, orgA));
    const cases: [Record<string, unknown>, string][] = [
      [{ ...LOCATION, postalCode: '800' }, 'body.postalCode'],
      [{ ...LOCATION, postalCode: '80000' }, 'body.postalCode'],
      [{ ...LOCATION, latitude: 91 }, 'body.latitude'],
      [{ ...LOCATION, longitude: -180.5 }, 'body.longitude'],
      [{ ...LOCATION, latitude: 51, longitude: null }, 'body.longitude'],
      [{ ...LOCATION, name: 'Huis\u0000' }, 'body.name'],
      [{ ...LOCATION, nisCode: '3100' }, 'body.nisCode'],
    ];
    for (const [payload, path] of cases) {
      const res = await adminA.client.post(url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    // An unknown municipality is a 400 on the field, with a Dutch message.
    const unknown = await adminA.client.request({ method: 'POST', url, payload: { ...LOCATION, nisCode: '99999' }, headers: { 'accept-language': 'nl' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ message: 'Onbekende NIS-code: 99999.', details: [{ path: 'body.nisCode' }] });
    // Coordinates given one at a time must still come as a pair.
    const loc = await newLocation(adminA, orgA, { latitude: null, longitude: null });
    const half = await patch(adminA, `${M}/locations/${loc.id}`, { version: 1, latitude: 50 });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.details[0].path).toBe('body.longitude');
    expect(await db().select().from(location).where(eq(location.organisationId, orgA))).toHaveLength(before.length + 1);
  });

  it('a stale version is 409 and changes nothing', async () => {
    const loc = await newLocation(adminA, orgA);
    expect((await patch(adminA, `${M}/locations/${loc.id}`, { version: 1, name: 'Eerste' })).statusCode).toBe(200);
    const stale = await patch(adminA, `${M}/locations/${loc.id}`, { version: 1, name: 'Tweede' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const [row] = await db().select().from(location).where(eq(location.id, loc.id));
    expect(row).toMatchObject({ name: 'Eerste', version: 2 });
  });

  it('refuses to delete a location a service or zinplek uses (409, Dutch message); deletes it once free', async () => {
    const loc = await newLocation(adminA, orgA);
    const svc = ZManagedServiceResponse.parse((await adminA.client.post(`${M}/organisations/${orgA}/services`, { name: 'Opvoedingsondersteuning', locationIds: [loc.id] })).json()).data;
    const refused = await adminA.client.request({ method: 'DELETE', url: `${M}/locations/${loc.id}`, headers: { 'accept-language': 'nl' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'in_use', message: expect.stringContaining('Deze locatie wordt nog gebruikt') });
    await expectNotAudited(db(), 'directory.location.delete', { resourceId: loc.id });

    expect((await patch(adminA, `${M}/services/${svc.id}`, { version: 1, locationIds: [] })).statusCode).toBe(200);
    const zp = ZManagedZinplekResponse.parse((await adminA.client.post(`${M}/organisations/${orgA}/zinplekken`, { name: 'Jeugdhuis', locationId: loc.id })).json()).data;
    expect((await adminA.client.delete(`${M}/locations/${loc.id}`)).statusCode).toBe(409);
    expect((await patch(adminA, `${M}/zinplekken/${zp.id}`, { version: 1, locationId: null })).statusCode).toBe(200);

    const deleted = await adminA.client.delete(`${M}/locations/${loc.id}`);
    expect(deleted.statusCode).toBe(204);
    expect(await db().select().from(location).where(eq(location.id, loc.id))).toEqual([]);
    await expectAudited(db(), 'directory.location.delete', { resourceId: loc.id, organisationId: orgA });
    expect((await adminA.client.get(`${M}/locations/${loc.id}`)).statusCode).toBe(404);
  });
});

describe('services', () => {
  it('creates a service with locations, languages, ages, capacity and waiting time; the waiting day defaults to today', async () => {
    const loc = await newLocation(adminA, orgA);
    const res = await adminA.client.post(`${M}/organisations/${orgA}/services`, {
      name: 'Thuisbegeleiding', languages: ['nl', 'fr'], minAge: 0, maxAge: 18, capacity: 12, waitingDays: 90, directAccess: true,
      url: 'https://example.test/thuis', email: 'Onthaal@Example.test', phone: '+32 50 12 34 56', locationIds: [loc.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const svc = ZManagedServiceResponse.parse(res.json()).data;
    expect(svc).toMatchObject({
      languages: ['nl', 'fr'], minAge: 0, maxAge: 18, capacity: 12, waitingDays: 90, email: 'onthaal@example.test', status: 'active',
      locations: [{ id: loc.id, name: loc.name }], stale: false, version: 1,
    });
    expect(svc.waitingConfirmedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expectAudited(db(), 'directory.service.create', { resourceId: svc.id, organisationId: orgA });

    const changed = await patch(adminA, `${M}/services/${svc.id}`, { version: 1, waitingDays: 120, waitingConfirmedOn: '2026-01-15', status: 'inactive' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(ZManagedServiceResponse.parse(changed.json()).data).toMatchObject({ waitingDays: 120, waitingConfirmedOn: '2026-01-15', status: 'inactive', version: 2 });
    await expectAudited(db(), 'directory.service.update', { resourceId: svc.id, details: { fields: expect.arrayContaining(['waitingDays', 'waitingConfirmedOn', 'status']) } });
    expect((await adminA.client.post(`${M}/services/${svc.id}/confirm`)).statusCode).toBe(200);
    await expectAudited(db(), 'directory.service.confirm', { resourceId: svc.id });
  });

  it('refuses ages out of range or in the wrong order, bad e-mail and url, unknown languages, another organisation\'s location', async () => {
    const url = `${M}/organisations/${orgA}/services`;
    const locB = await newLocation(adminB, orgB);
    const count = (await db().select().from(service).where(eq(service.organisationId, orgA))).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Dienst', minAge: -1 }, 'body.minAge'],
      [{ name: 'Dienst', maxAge: 121 }, 'body.maxAge'],
      [{ name: 'Dienst', minAge: 12, maxAge: 6 }, 'body.maxAge'],
      [{ name: 'Dienst', email: 'geen-adres' }, 'body.email'],
      [{ name: 'Dienst', url: 'javascript:alert(1)' }, 'body.url'],
      [{ name: 'Dienst', languages: ['xx'] }, 'body.languages.0'],
      [{ name: 'Dienst', capacity: -3 }, 'body.capacity'],
      [{ name: 'Dienst', waitingConfirmedOn: '2026-02-30' }, 'body.waitingConfirmedOn'],
      [{ name: 'Dienst', description: 'a\u0000b' }, 'body.description'],
      [{ name: 'Dienst', locationIds: [locB.id] }, 'body.locationIds'],
    ];
    for (const [payload, path] of cases) {
      const res = await adminA.client.post(url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path), JSON.stringify(payload)).toContain(path);
    }
    expect(await db().select().from(service).where(eq(service.organisationId, orgA))).toHaveLength(count);
    // A change that puts the ages out of order with the stored ones is refused too.
    const svc = ZManagedServiceResponse.parse((await adminA.client.post(url, { name: 'Jongerenwerking', minAge: 12, maxAge: 18 })).json()).data;
    const wrong = await patch(adminA, `${M}/services/${svc.id}`, { version: 1, maxAge: 10 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe('body.maxAge');
  });

  it("stale versions are 409; another organisation's service is 404; deleting removes its locations links", async () => {
    const loc = await newLocation(adminA, orgA);
    const svc = ZManagedServiceResponse.parse((await adminA.client.post(`${M}/organisations/${orgA}/services`, { name: 'Gezinscoaching', locationIds: [loc.id] })).json()).data;
    expect((await patch(adminA, `${M}/services/${svc.id}`, { version: 1, cost: 'Gratis' })).statusCode).toBe(200);
    expect((await patch(adminA, `${M}/services/${svc.id}`, { version: 1, cost: '10 euro' })).statusCode).toBe(409);
    expect((await adminB.client.get(`${M}/services/${svc.id}`)).statusCode).toBe(404);
    expect((await adminB.client.delete(`${M}/services/${svc.id}`)).statusCode).toBe(404);
    expect((await adminA.client.delete(`${M}/services/${svc.id}`)).statusCode).toBe(204);
    expect(await db().select().from(serviceLocation).where(eq(serviceLocation.serviceId, svc.id))).toEqual([]);
    await expectAudited(db(), 'directory.service.delete', { resourceId: svc.id });
  });

  it('refuses to delete a service families wait for (409, Dutch message); it can be made inactive instead', async () => {
    const svc = ZManagedServiceResponse.parse((await adminA.client.post(`${M}/organisations/${orgA}/services`, { name: 'Kinderpsychiatrie' })).json()).data;
    const family = await careFamily(ctx);
    const contact = await family.as.contact();
    expect((await contact.client.post(`/api/families/${family.familyId}/waits`, { serviceId: svc.id, sinceOn: '2026-06-01' })).statusCode).toBe(201);
    const refused = await adminA.client.request({ method: 'DELETE', url: `${M}/services/${svc.id}`, headers: { 'accept-language': 'nl' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'in_use', message: expect.stringContaining('Gezinnen wachten op deze dienst') });
    expect(await db().select().from(service).where(eq(service.id, svc.id))).toHaveLength(1);
    expect((await patch(adminA, `${M}/services/${svc.id}`, { version: 1, status: 'inactive' })).statusCode).toBe(200);
  });
});

describe('contact points and zinplekken', () => {
  it('keeps contact points linked to an own service only', async () => {
    const svc = ZManagedServiceResponse.parse((await adminA.client.post(`${M}/organisations/${orgA}/services`, { name: 'Intakedienst' })).json()).data;
    const svcB = ZManagedServiceResponse.parse((await adminB.client.post(`${M}/organisations/${orgB}/services`, { name: 'Andere dienst' })).json()).data;
    const res = await adminA.client.post(`${M}/organisations/${orgA}/contact-points`, { function: 'intake', title: 'Onthaal', email: 'onthaal@example.test', serviceId: svc.id });
    expect(res.statusCode, res.body).toBe(201);
    const cp = ZManagedContactPointResponse.parse(res.json()).data;
    expect(cp).toMatchObject({ function: 'intake', title: 'Onthaal', serviceId: svc.id, phone: null, version: 1 });
    await expectAudited(db(), 'directory.contact_point.create', { resourceId: cp.id, organisationId: orgA });

    const foreign = await patch(adminA, `${M}/contact-points/${cp.id}`, { version: 1, serviceId: svcB.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('body.serviceId');
    expect((await adminA.client.post(`${M}/organisations/${orgA}/contact-points`, { function: 'nobody', title: 'X y' })).statusCode).toBe(400);
    expect((await adminA.client.post(`${M}/organisations/${orgA}/contact-points`, { function: 'general', title: 'Balie', phone: 'bel me' })).statusCode).toBe(400);

    expect((await patch(adminA, `${M}/contact-points/${cp.id}`, { version: 1, title: 'Onthaalbalie' })).statusCode).toBe(200);
    expect((await patch(adminA, `${M}/contact-points/${cp.id}`, { version: 1, title: 'Oud' })).statusCode).toBe(409);
    expect((await adminB.client.post(`${M}/contact-points/${cp.id}/confirm`)).statusCode).toBe(404);
    expect((await adminA.client.post(`${M}/contact-points/${cp.id}/confirm`)).statusCode).toBe(200);
    expect((await adminA.client.delete(`${M}/contact-points/${cp.id}`)).statusCode).toBe(204);
    expect(await db().select().from(contactPoint).where(eq(contactPoint.id, cp.id))).toEqual([]);
    await expectAudited(db(), 'directory.contact_point.delete', { resourceId: cp.id });
  });

  it('keeps zinplekken with ages and places', async () => {
    const res = await adminA.client.post(`${M}/organisations/${orgA}/zinplekken`, { name: 'Speelplein De Krekel', minAge: 6, maxAge: 14, places: 40, registration: 'Via het centraal aanmeldpunt' });
    expect(res.statusCode, res.body).toBe(201);
    const zp = ZManagedZinplekResponse.parse(res.json()).data;
    expect(zp).toMatchObject({ minAge: 6, maxAge: 14, places: 40, locationId: null });
    expect((await adminA.client.post(`${M}/organisations/${orgA}/zinplekken`, { name: 'Fout', minAge: 15, maxAge: 10 })).statusCode).toBe(400);
    expect((await patch(adminA, `${M}/zinplekken/${zp.id}`, { version: 1, minAge: 16 })).statusCode).toBe(400);
    expect((await patch(adminA, `${M}/zinplekken/${zp.id}`, { version: 1, places: 50 })).statusCode).toBe(200);
    expect((await patch(adminA, `${M}/zinplekken/${zp.id}`, { version: 1, places: 60 })).statusCode).toBe(409);
    const [row] = await db().select().from(zinplek).where(eq(zinplek.id, zp.id));
    expect(row).toMatchObject({ places: 50, version: 2 });
    expect((await adminB.client.get(`${M}/zinplekken/${zp.id}`)).statusCode).toBe(404);
    expect((await adminA.client.delete(`${M}/zinplekken/${zp.id}`)).statusCode).toBe(204);
    await expectAudited(db(), 'directory.zinplek.delete', { resourceId: zp.id });
  });
});

describe("the organisation's entry", () => {
  it('changes the directory columns and the served municipalities; unknown NIS codes are 400; stale version 409', async () => {
    const [org] = await db().select({ version: organisation.version }).from(organisation).where(eq(organisation.id, orgA));
    const version = org?.version ?? 1;
    const res = await patch(adminA, `${M}/organisations/${orgA}`, {
      version, description: 'Wij ondersteunen gezinnen.', website: 'https://example.test', email: 'info@example.test', phone: '050 12 34 56',
      directAccess: true, broadEntryPoint: true, mandated: false, listed: true, municipalities: ['31005', '11002'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = ZManagedOrganisationResponse.parse(res.json());
    expect(body.data).toMatchObject({ description: 'Wij ondersteunen gezinnen.', directAccess: true, broadEntryPoint: true, version: version + 1 });
    expect(body.data.municipalities.map((m) => m.nisCode).sort()).toEqual(['11002', '31005']);
    await expectAudited(db(), 'directory.organisation.update', { resourceId: orgA, organisationId: orgA });

    const unknown = await patch(adminA, `${M}/organisations/${orgA}`, { version: version + 1, municipalities: ['31005', '99999'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('body.municipalities');
    expect(await db().select().from(organisationMunicipality).where(eq(organisationMunicipality.organisationId, orgA))).toHaveLength(2);
    expect((await patch(adminA, `${M}/organisations/${orgA}`, { version: version + 1, website: 'ftp://example.test' })).statusCode).toBe(400);
    expect((await patch(adminA, `${M}/organisations/${orgA}`, { version, listed: false })).statusCode).toBe(409);
    expect((await patch(adminB, `${M}/organisations/${orgA}`, { version: version + 1, listed: false })).statusCode).toBe(404);
    expect((await patch(professional, `${M}/organisations/${orgA}`, { version: version + 1, listed: false })).statusCode).toBe(403);
    const [after] = await db().select({ listed: organisation.listed }).from(organisation).where(eq(organisation.id, orgA));
    expect(after?.listed).toBe(true);
  });
});

describe('stale entries and confirming everything', () => {
  it('lists entries not confirmed for six months (coordinator: all, org admin: own), keyset paged; confirm-all clears them', async () => {
    const org = (await makeOrganisation(db())).id;
    const admin = await loginAs(ctx, 'org-admin', { organisationId: org });
    const loc = await newLocation(admin, org, { name: 'Oude locatie' });
    const svc = ZManagedServiceResponse.parse((await admin.client.post(`${M}/organisations/${org}/services`, { name: 'Oude dienst' })).json()).data;
    const fresh = await newLocation(admin, org, { name: 'Verse locatie' });
    const sevenMonthsAgo = new Date(ctx.clock.now().getTime() - 214 * 24 * 3600_000);
    const eightMonthsAgo = new Date(ctx.clock.now().getTime() - 245 * 24 * 3600_000);
    await db().update(location).set({ confirmedAt: sevenMonthsAgo }).where(eq(location.id, loc.id));
    await db().update(service).set({ confirmedAt: eightMonthsAgo }).where(eq(service.id, svc.id));
    await db().update(organisation).set({ confirmedAt: eightMonthsAgo }).where(eq(organisation.id, org));

    // The entry shows it is stale.
    expect(ZManagedLocationResponse.parse((await admin.client.get(`${M}/locations/${loc.id}`)).json()).data.stale).toBe(true);
    expect(ZManagedLocationResponse.parse((await admin.client.get(`${M}/locations/${fresh.id}`)).json()).data.stale).toBe(false);

    // The coordinator pages through every organisation's stale entries, oldest first.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await coordinator.client.get(`${M}/stale?organisationId=${org}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = ZStaleResponse.parse(res.json());
      seen.push(...page.data.items.map((i) => `${i.kind}:${i.id}`));
      cursor = page.data.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect(new Set(seen)).toEqual(new Set([`organisation:${org}`, `service:${svc.id}`, `location:${loc.id}`]));
    expect(seen[2]).toBe(`location:${loc.id}`);

    // Without a filter the coordinator sees them too; the org admin of another organisation sees none of them.
    const all = ZStaleResponse.parse((await coordinator.client.get(`${M}/stale?limit=100`)).json());
    expect(all.data.items.map((i) => i.id)).toEqual(expect.arrayContaining([loc.id, svc.id, org]));
    const other = ZStaleResponse.parse((await adminB.client.get(`${M}/stale?limit=100`)).json());
    expect(other.data.items.filter((i) => i.organisation.id === org)).toEqual([]);
    const own = ZStaleResponse.parse((await admin.client.get(`${M}/stale?limit=100`)).json());
    expect(own.data.items.map((i) => i.id).sort()).toEqual([loc.id, svc.id, org].sort());
    expect((await professional.client.get(`${M}/stale`)).statusCode).toBe(403);
    expect((await anonymous.client.get(`${M}/stale`)).statusCode).toBe(401);
    expect((await coordinator.client.get(`${M}/stale?cursor=bogus`)).statusCode).toBe(400);

    // confirm-all: the admin of another organisation cannot; the own admin confirms everything at once.
    expect((await adminB.client.post(`${M}/organisations/${org}/confirm-all`)).statusCode).toBe(404);
    const confirmed = await admin.client.post(`${M}/organisations/${org}/confirm-all`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(ZConfirmAllResponse.parse(confirmed.json()).data.counts).toEqual({ organisation: 1, locations: 2, services: 1, contactPoints: 0, zinplekken: 0 });
    await expectAudited(db(), 'directory.organisation.confirm_all', { resourceId: org, organisationId: org, actorPersonId: admin.user?.person.id });
    const after = ZStaleResponse.parse((await coordinator.client.get(`${M}/stale?organisationId=${org}`)).json());
    expect(after.data.items).toEqual([]);
  });
});
