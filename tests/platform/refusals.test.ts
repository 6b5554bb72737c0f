import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { makeOrganisation, makeUser } from '../helpers/factories.js';
import { Client } from '../helpers/session.js';
import { loginUser } from '../helpers/login.js';
import { auditEvent } from '../../src/server/db/schema/index.js';
import { loadReferenceData } from '../../src/server/db/reference-data.js';
import { ZErrorResponse } from '../../src/shared/schemas/common.js';
import { mapDatabaseError } from '../../src/server/platform/errors.js';
import { decodeCursor, encodeCursor, containsPattern, boundLimit } from '../../src/server/db/paging.js';

let ctx: TestContext;
let ownOrg: string;
let otherOrg: string;
let n = 0;
const nextIp = () => `192.0.2.${++n}`;
type User = Awaited<ReturnType<typeof makeUser>>;
let platformAdmin: User;
let orgAdmin: User;
let professional: User;

const as = (user: User, ip = nextIp()) => loginUser(ctx, user, ip);
/** Every audit row written for requests from this address. */
const rowsFrom = (ip: string) => ctx.database.db.select().from(auditEvent).where(eq(auditEvent.ip, ip));
const deniedFrom = (ip: string) =>
  ctx.database.db.select().from(auditEvent).where(and(eq(auditEvent.ip, ip), eq(auditEvent.action, 'request.denied')));

beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  await loadReferenceData(db);
  ownOrg = (await makeOrganisation(db)).id;
  otherOrg = (await makeOrganisation(db)).id;
  platformAdmin = await makeUser(db, { platformRoles: ['platform_admin'] });
  orgAdmin = await makeUser(db, { organisationId: ownOrg, orgRoles: ['org_admin'] });
  professional = await makeUser(db, { organisationId: ownOrg, orgRoles: ['professional'] });
});
afterAll(() => ctx.close());

describe('the route gate runs before the body is read', () => {
  it('an anonymous POST with a malformed body is 401, not 400, and audited once', async () => {
    const ip = nextIp();
    const res = await ctx.app.inject({
      method: 'POST', url: '/api/admin/organisations', remoteAddress: ip,
      headers: { 'content-type': 'application/json' }, payload: '{"name": ',
    });
    expect(res.statusCode).toBe(401);
    expect(ZErrorResponse.parse(res.json()).error.code).toBe('unauthenticated');
    const rows = await rowsFrom(ip);
    expect(rows).toEqual([
      expect.objectContaining({ action: 'request.denied', outcome: 'denied', reason: 'unauthenticated', resourceType: 'route', resourceId: 'POST /api/admin/organisations' }),
    ]);
  });
  it('an anonymous POST with a well-formed body of the wrong shape is 401 and shows no field', async () => {
    const ip = nextIp();
    const res = await ctx.app.inject({ method: 'POST', url: '/api/admin/people', remoteAddress: ip, payload: { nonsense: 1 } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.details).toBeUndefined();
    expect(await deniedFrom(ip)).toHaveLength(1);
  });
  it('an anonymous POST with a wrong content type is 401, not 415', async () => {
    const ip = nextIp();
    const res = await ctx.app.inject({ method: 'POST', url: '/api/admin/organisations', remoteAddress: ip, headers: { 'content-type': 'text/csv' }, payload: 'a,b' });
    expect(res.statusCode).toBe(401);
  });
  it('a logged-in caller who may use the route still gets 400 with field paths in one format', async () => {
    const c = await as(platformAdmin);
    const res = await c.post('/api/admin/organisations', { name: 'x', sectorCodes: 'geen-lijst' });
    expect(res.statusCode).toBe(400);
    const paths = ZErrorResponse.parse(res.json()).error.details!.map((d) => d.path).sort();
    expect(paths).toEqual(['body.name', 'body.sectorCodes']);
  });
});

describe('refusals are audited in one place, exactly once', () => {
  it('403 from the route gate: one row naming the route', async () => {
    const ip = nextIp();
    const c = await as(professional, ip);
    expect((await c.get('/api/admin/organisations')).statusCode).toBe(403);
    expect(await deniedFrom(ip)).toEqual([expect.objectContaining({ reason: 'forbidden', actorPersonId: professional.person.id, resourceId: 'GET /api/admin/organisations' })]);
  });
  it('404 for another organisation’s record: one row', async () => {
    const ip = nextIp();
    const c = await as(orgAdmin, ip);
    expect((await c.get(`/api/admin/organisations/${otherOrg}`)).statusCode).toBe(404);
    const patch = await c.request({ method: 'PATCH', url: `/api/admin/organisations/${otherOrg}`, payload: { version: 1, name: 'Overgenomen' } });
    expect(patch.statusCode).toBe(404);
    const rows = await deniedFrom(ip);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.reason === 'not_found' && r.outcome === 'denied')).toBe(true);
  });
  it('a refusal its own code audited (a wrong second-factor code) writes no second row', async () => {
    const ip = nextIp();
    const c = new Client(ctx.app, ip);
    await c.post('/api/auth/login', { email: professional.email, password: professional.password });
    expect((await c.post('/api/auth/mfa', { code: '000000' })).statusCode).toBe(401);
    const rows = await rowsFrom(ip);
    expect(rows.filter((r) => r.outcome !== 'success').map((r) => r.action)).toEqual(['auth.mfa']);
  });
  it('public routes are not audited as refusals', async () => {
    const ip = nextIp();
    const res = await ctx.app.inject({ method: 'GET', url: '/api/nothing-here', remoteAddress: ip });
    expect(res.statusCode).toBe(404);
    expect(await rowsFrom(ip)).toEqual([]);
  });
  it('success writes no refusal row', async () => {
    const ip = nextIp();
    const c = await as(orgAdmin, ip);
    expect((await c.get(`/api/admin/organisations/${ownOrg}`)).statusCode).toBe(200);
    expect(await deniedFrom(ip)).toEqual([]);
  });
});

describe('database errors are mapped in one place', () => {
  it('renaming an organisation to an existing name is 409 duplicate naming the field, not 500', async () => {
    const c = await as(platformAdmin);
    const taken = (await c.get(`/api/admin/organisations/${otherOrg}`)).json().data;
    const own = (await c.get(`/api/admin/organisations/${ownOrg}`)).json().data;
    const res = await c.request({ method: 'PATCH', url: `/api/admin/organisations/${ownOrg}`, payload: { version: own.version, name: taken.name.toUpperCase() } });
    expect(res.statusCode).toBe(409);
    const error = ZErrorResponse.parse(res.json()).error;
    expect(error.code).toBe('duplicate');
    expect(error.details).toEqual([{ path: 'body.name', message: 'duplicate' }]);
    expect((await c.get(`/api/admin/organisations/${ownOrg}`)).json().data.name).toBe(own.name);
  });
  it('a stale version is 409 version_conflict, in English when asked', async () => {
    const c = await as(platformAdmin);
    const own = (await c.get(`/api/admin/organisations/${ownOrg}`)).json().data;
    expect((await c.request({ method: 'PATCH', url: `/api/admin/organisations/${ownOrg}`, payload: { version: own.version, name: `${own.name} b` } })).statusCode).toBe(200);
    const stale = await c.request({
      method: 'PATCH', url: `/api/admin/organisations/${ownOrg}`, payload: { version: own.version, name: `${own.name} c` }, headers: { 'accept-language': 'en' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', message: expect.stringMatching(/changed this in the meantime/) });
  });
  it('maps foreign keys and values a column cannot hold; leaves other errors alone', () => {
    const wrap = (cause: object) => Object.assign(new Error('Failed query'), { cause });
    expect(mapDatabaseError(wrap({ code: '23503', detail: 'Key (id)=(x) is still referenced from table "membership".' }))).toMatchObject({ status: 409, code: 'in_use' });
    expect(mapDatabaseError(wrap({ code: '23503', detail: 'Key (region_id)=(x) is not present in table "region".' }))).toMatchObject({ status: 422, code: 'invalid_reference' });
    expect(mapDatabaseError(wrap({ code: '23505', constraint: 'person_email_key', table: 'person' }))).toMatchObject({ code: 'duplicate', details: [{ path: 'body.email' }] });
    expect(mapDatabaseError(wrap({ code: '22003' }))).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(mapDatabaseError(wrap({ code: '40P01' }))).toBeUndefined();
    expect(mapDatabaseError(new Error('plain'))).toBeUndefined();
  });
});

describe('keyset cursor helper', () => {
  it('round-trips and refuses forged cursors with 400 on query.cursor', () => {
    const k = { key: 'één', id: '6f1d2c1e-8a3b-4c5d-9e7f-0a1b2c3d4e5f' };
    expect(decodeCursor(encodeCursor(k))).toEqual(k);
    for (const bad of ['nope', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["a","not-a-uuid"]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ status: 400, details: [{ path: 'query.cursor', message: 'Unknown cursor' }] }));
    }
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
    expect([boundLimit(0), boundLimit(1000), boundLimit(undefined)]).toEqual([1, 100, 50]);
  });
});
