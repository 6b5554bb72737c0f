import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { careFamily, type CareFamily } from '../../../../tests/helpers/care.js';
import type { LoggedIn } from '../../../../tests/helpers/login.js';
import { service, wait } from '../../db/schema/index.js';
import { makeOrganisation } from '../../../../tests/helpers/factories.js';
import { ZWaitListResponse, ZWaitResponse } from '../../../shared/schemas/families/care.js';

let ctx: TestContext;
let f: CareFamily;
let contact: LoggedIn;
let orgB: LoggedIn;

beforeAll(async () => {
  ctx = await createTestApp();
  f = await careFamily(ctx);
  contact = await f.as.contact();
  orgB = await f.as.orgB();
});
afterAll(() => ctx.close());

const waitsUrl = () => `/api/families/${f.familyId}/waits`;
const patch = (who: LoggedIn, url: string, payload: unknown) => who.client.request({ method: 'PATCH', url, payload: payload as Record<string, unknown> });

describe('waits and bridging help', () => {
  it('the contact person records a wait with bridging help; the team reads it; both audited', async () => {
    const created = await contact.client.post(waitsUrl(), { serviceText: 'Thuisbegeleiding (contextbegeleiding)', sinceOn: '2026-06-01', expectedStartOn: '2026-12-01' });
    expect(created.statusCode).toBe(201);
    const w = ZWaitResponse.parse(created.json()).data;
    expect(w).toMatchObject({ status: 'waiting', endedOn: null, bridging: [], version: 1 });
    expect(w.daysWaiting).toBeGreaterThan(0);
    await expectAudited(ctx.database.db, 'wait.create', { familyId: f.familyId, resourceId: w.id, outcome: 'success' });

    const bridged = await contact.client.post(`${waitsUrl()}/${w.id}/bridging`, { provider: 'Oma Rita', what: 'Haalt de kinderen op na school', fromOn: '2026-06-15' });
    expect(bridged.statusCode).toBe(201);
    expect(ZWaitResponse.parse(bridged.json()).data.bridging).toEqual([expect.objectContaining({ provider: 'Oma Rita', untilOn: null, version: 1 })]);

    const list = await orgB.client.get(waitsUrl());
    expect(list.statusCode).toBe(200);
    const body = ZWaitListResponse.parse(list.json());
    expect(body.data.items.map((i) => i.id)).toContain(w.id);
    expect(body.abilities.manage).toBe(false); // read_plan only
    await expectAudited(ctx.database.db, 'wait.list', { familyId: f.familyId, actorPersonId: f.users.orgB.person.id });
  });

  it('updates with the version it read: status refused sets the end date; a stale version is 409 and changes nothing', async () => {
    const w = ZWaitResponse.parse((await contact.client.post(waitsUrl(), { serviceText: 'Kinderpsychiater', sinceOn: '2026-05-01' })).json()).data;
    const refused = await patch(contact, `${waitsUrl()}/${w.id}`, { version: 1, status: 'refused', endedOn: '2026-07-01' });
    expect(refused.statusCode).toBe(200);
    expect(ZWaitResponse.parse(refused.json()).data).toMatchObject({ status: 'refused', endedOn: '2026-07-01', version: 2 });
    const stale = await patch(contact, `${waitsUrl()}/${w.id}`, { version: 1, serviceText: 'Overschreven' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const [row] = await ctx.database.db.select().from(wait).where(eq(wait.id, w.id));
    expect(row).toMatchObject({ serviceText: 'Kinderpsychiater', version: 2 });
    await expectAudited(ctx.database.db, 'wait.update', { resourceId: w.id, details: expect.objectContaining({ status: 'refused' }) });
    // Waiting again clears the end date.
    const again = await patch(contact, `${waitsUrl()}/${w.id}`, { version: 2, status: 'waiting' });
    expect(ZWaitResponse.parse(again.json()).data).toMatchObject({ status: 'waiting', endedOn: null });
  });

  it('dates out of order are a 400 naming the field, and nothing is stored', async () => {
    const before = (await ctx.database.db.select().from(wait).where(eq(wait.familyId, f.familyId))).length;
    const bad = await contact.client.post(waitsUrl(), { serviceText: 'Logopedie', sinceOn: '2026-06-01', expectedStartOn: '2026-05-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: 'body.expectedStartOn' })]);
    expect((await ctx.database.db.select().from(wait).where(eq(wait.familyId, f.familyId))).length).toBe(before);

    const w = ZWaitResponse.parse((await contact.client.post(waitsUrl(), { serviceText: 'Logopedie', sinceOn: '2026-06-01' })).json()).data;
    // Only the new "since" is sent: checked against the stored expected start.
    await patch(contact, `${waitsUrl()}/${w.id}`, { version: 1, expectedStartOn: '2026-08-01' });
    const moved = await patch(contact, `${waitsUrl()}/${w.id}`, { version: 2, sinceOn: '2026-09-01' });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.details).toEqual([expect.objectContaining({ path: 'body.expectedStartOn' })]);
    const help = await contact.client.post(`${waitsUrl()}/${w.id}/bridging`, { provider: 'Buurvrouw', what: 'Opvang', fromOn: '2026-07-01', untilOn: '2026-06-01' });
    expect(help.statusCode).toBe(400);
    expect(help.json().error.details).toEqual([expect.objectContaining({ path: 'body.untilOn' })]);
    const unknownOrg = await contact.client.post(waitsUrl(), { serviceText: 'Logopedie', sinceOn: '2026-06-01', organisationId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownOrg.statusCode).toBe(422);
  });

  it('bridging help is changed with its version', async () => {
    const w = ZWaitResponse.parse((await contact.client.post(waitsUrl(), { serviceText: 'Dagcentrum', sinceOn: '2026-04-01' })).json()).data;
    const h = ZWaitResponse.parse((await contact.client.post(`${waitsUrl()}/${w.id}/bridging`, { provider: 'CAW', what: 'Gesprekken', fromOn: '2026-04-10' })).json()).data.bridging[0]!;
    const url = `${waitsUrl()}/${w.id}/bridging/${h.id}`;
    const ok = await patch(contact, url, { version: 1, untilOn: '2026-05-10' });
    expect(ok.statusCode).toBe(200);
    expect(ZWaitResponse.parse(ok.json()).data.bridging[0]).toMatchObject({ untilOn: '2026-05-10', version: 2 });
    expect((await patch(contact, url, { version: 1, what: 'Iets anders' })).statusCode).toBe(409);
    expect((await patch(contact, url, { version: 2, untilOn: '2026-04-01' })).statusCode).toBe(400);
    await expectAudited(ctx.database.db, 'bridging.update', { resourceId: h.id });
  });

  it('refusals: no consent any more, not on the team, a coordinator → 404; read-only scope → 403; another family’s wait → 404', async () => {
    for (const who of [await f.as.withdrawn(), await f.as.outsider(), await f.as.coordinator(), await f.as.platformAdmin()]) {
      expect((await who.client.get(waitsUrl())).statusCode).toBe(404);
      expect((await who.client.post(waitsUrl(), { serviceText: 'Stiekem', sinceOn: '2026-06-01' })).statusCode).toBe(404);
    }
    expect((await orgB.client.post(waitsUrl(), { serviceText: 'Alleen lezen', sinceOn: '2026-06-01' })).statusCode).toBe(403);

    const other = await careFamily(ctx, { regionId: f.regionId });
    const otherContact = await other.as.contact();
    const theirs = ZWaitResponse.parse((await otherContact.client.post(`/api/families/${other.familyId}/waits`, { serviceText: 'Elders', sinceOn: '2026-06-01' })).json()).data;
    expect((await patch(contact, `${waitsUrl()}/${theirs.id}`, { version: 1, status: 'cancelled' })).statusCode).toBe(404);
    expect((await contact.client.post(`${waitsUrl()}/${theirs.id}/bridging`, { provider: 'Iemand', what: 'Hulp', fromOn: '2026-06-01' })).statusCode).toBe(404);
  });

  it('a wait can point at a directory service: named after it, its organisation filled in, its waiting time shown and kept current', async () => {
    const db = ctx.database.db;
    const provider = await makeOrganisation(db);
    const [svc] = await db
      .insert(service)
      .values({ organisationId: provider.id, name: 'Contextbegeleiding voor gezinnen', waitingDays: 84, waitingConfirmedOn: '2026-05-20' })
      .returning();
    const created = await contact.client.post(waitsUrl(), { serviceId: svc!.id, sinceOn: '2026-06-01' });
    expect(created.statusCode).toBe(201);
    const w = ZWaitResponse.parse(created.json()).data;
    expect(w).toMatchObject({
      serviceText: 'Contextbegeleiding voor gezinnen',
      organisationId: provider.id,
      service: { id: svc!.id, name: 'Contextbegeleiding voor gezinnen', organisationName: provider.name, active: true, waitingDays: 84, waitingConfirmedOn: '2026-05-20' },
    });
    // The organisation updates its waiting time in the directory: the family file shows the new one.
    await db.update(service).set({ waitingDays: 30, waitingConfirmedOn: '2026-06-15', status: 'inactive' }).where(eq(service.id, svc!.id));
    const listed = ZWaitListResponse.parse((await contact.client.get(waitsUrl())).json()).data.items.find((x) => x.id === w.id)!;
    expect(listed.service).toMatchObject({ waitingDays: 30, waitingConfirmedOn: '2026-06-15', active: false });
    // A free-text wait has no service; the link can be added later, and removed again.
    const free = ZWaitResponse.parse((await contact.client.post(waitsUrl(), { serviceText: 'Kinderpsychiater', sinceOn: '2026-06-01' })).json()).data;
    expect(free.service).toBeNull();
    const linked = await patch(contact, `${waitsUrl()}/${free.id}`, { version: free.version, serviceId: svc!.id });
    expect(linked.statusCode).toBe(200);
    expect(ZWaitResponse.parse(linked.json()).data).toMatchObject({ serviceText: 'Kinderpsychiater', service: { id: svc!.id }, organisationId: provider.id });
    const unlinked = await patch(contact, `${waitsUrl()}/${free.id}`, { version: free.version + 1, serviceId: null });
    expect(ZWaitResponse.parse(unlinked.json()).data.service).toBeNull();
  });

  it('an unknown directory service or neither a text nor a service is a 400 naming the field, and nothing is stored', async () => {
    const before = (await ctx.database.db.select().from(wait).where(eq(wait.familyId, f.familyId))).length;
    const unknown = await contact.client.request({ method: 'POST', url: waitsUrl(), payload: { serviceId: '00000000-0000-4000-8000-000000000000', sinceOn: '2026-06-01' }, headers: { 'accept-language': 'nl' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([expect.objectContaining({ path: 'body.serviceId', message: 'Deze dienst staat niet (meer) in de sociale kaart.' })]);
    const neither = await contact.client.post(waitsUrl(), { sinceOn: '2026-06-01' });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.details).toEqual([expect.objectContaining({ path: 'body.serviceText' })]);
    expect((await ctx.database.db.select().from(wait).where(eq(wait.familyId, f.familyId))).length).toBe(before);
  });
});
