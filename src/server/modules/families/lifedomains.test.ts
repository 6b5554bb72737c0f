import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited } from '../../../../tests/helpers/audit.js';
import { careFamily, type CareFamily } from '../../../../tests/helpers/care.js';
import { testRegion } from '../../../../tests/helpers/families.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { familyRequest, lifeDomain, platformRole } from '../../db/schema/index.js';
import { brusselsDate } from '../../platform/clock.js';
import { makeUser } from '../../../../tests/helpers/factories.js';
import { ZLifeDomainAdminListResponse, ZLifeDomainAdminResponse } from '../../../shared/schemas/families/lifedomains.js';
import { ZLifeDomainListResponse, ZRequestResponse } from '../../../shared/schemas/families/requests.js';
import { ZPlanResponse } from '../../../shared/schemas/families/plan.js';

let ctx: TestContext;
let admin: LoggedIn;
let coordinator: LoggedIn;
let f: CareFamily;
let n = 0;
const API = '/api/admin/life-domains';
const send = (who: LoggedIn, method: 'PUT' | 'PATCH', url: string, payload: unknown) => who.client.request({ method, url, payload: payload as Record<string, unknown> });
const code = () => `test_domein_${++n}_${randomUUID().slice(0, 6)}`;
const list = async () => ZLifeDomainAdminListResponse.parse((await admin.client.get(API)).json()).data;
const row = async (c: string) => (await ctx.database.db.select().from(lifeDomain).where(eq(lifeDomain.code, c)))[0];

async function create(c = code(), names = { nameNl: 'Testdomein', nameEn: 'Test domain' }) {
  const res = await admin.client.post(API, { code: c, ...names });
  expect(res.statusCode, res.body).toBe(201);
  return ZLifeDomainAdminResponse.parse(res.json()).data;
}

const requestBody = (lifeDomains: string[]) => ({
  receivedOn: brusselsDate(ctx.clock.now()),
  channel: 'self',
  familyName: 'Gezin Levensdomein',
  question: 'We zoeken hulp voor onze dochter.',
  lifeDomains,
  urgency: 'normal',
  municipalityNis: '31005',
});

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await loginAs(ctx, 'platform-admin');
  const regionId = await testRegion(ctx.database.db);
  const u = await makeUser(ctx.database.db);
  await ctx.database.db.insert(platformRole).values({ personId: u.person.id, role: 'network_coordinator', regionId });
  coordinator = await loginAs(ctx, 'network-coordinator', { user: u });
  f = await careFamily(ctx, { regionId });
});
afterAll(() => ctx.close());

describe('the life-domain list (platform admin)', () => {
  it('lists every domain with the defaults first, inactive ones too, and whether it is in use', async () => {
    const all = await list();
    expect(all.map((d) => d.code)).toEqual(expect.arrayContaining(['school', 'parenting', 'mental_wellbeing']));
    expect(all.every((d) => d.inUse === false)).toBe(true);
    await coordinator.client.post('/api/requests', requestBody(['school']));
    expect((await list()).find((d) => d.code === 'school')?.inUse).toBe(true);
  });

  it('creates a domain at the end of the list, audited; a taken code is 409, a bad code or name 400 — nothing changed', async () => {
    const before = await list();
    const c = code();
    const made = await create(c, { nameNl: 'Vrije tijd en sport', nameEn: 'Leisure and sport' });
    expect(made).toMatchObject({ code: c, nameNl: 'Vrije tijd en sport', nameEn: 'Leisure and sport', active: true, inUse: false });
    expect(made.position).toBeGreaterThan(Math.max(...before.map((d) => d.position)));
    await expectAudited(ctx.database.db, 'life_domain.create', { resourceType: 'life_domain', resourceId: c, actorPersonId: admin.user!.person.id });

    const dup = await admin.client.post(API, { code: c, nameNl: 'Nog eens', nameEn: 'Again' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('duplicate');
    for (const bad of [
      { code: 'School', nameNl: 'Hoofdletter', nameEn: 'Capital' },
      { code: '1school', nameNl: 'Cijfer eerst', nameEn: 'Digit first' },
      { code: 'a', nameNl: 'Te kort', nameEn: 'Too short' },
      { code: 'x'.repeat(41), nameNl: 'Te lang', nameEn: 'Too long' },
      { code: 'school; drop', nameNl: 'Spatie', nameEn: 'Space' },
      { code: code(), nameNl: 'Regel\u0000einde', nameEn: 'NUL' },
      { code: code(), nameNl: 'x'.repeat(101), nameEn: 'Too long a name' },
      { code: code(), nameNl: 'Zonder Engels' },
      { code: code(), nameNl: 'Met extra', nameEn: 'With extra', active: false },
    ]) {
      const res = await admin.client.post(API, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await list()).length).toBe(before.length + 1);
  });

  it('renames in Dutch and English; an unknown code is 404, an empty change 400', async () => {
    const c = (await create()).code;
    const res = await send(admin, 'PATCH', `${API}/${c}`, { nameNl: 'Wonen en buurt', nameEn: 'Housing and neighbourhood' });
    expect(res.statusCode, res.body).toBe(200);
    expect(ZLifeDomainAdminResponse.parse(res.json()).data).toMatchObject({ nameNl: 'Wonen en buurt', nameEn: 'Housing and neighbourhood', active: true });
    await expectAudited(ctx.database.db, 'life_domain.update', { resourceId: c, details: { fields: ['nameNl', 'nameEn'] } });
    expect((await send(admin, 'PATCH', `${API}/${c}`, { nameEn: 'Only English' })).statusCode).toBe(200);
    expect(await row(c)).toMatchObject({ nameNl: 'Wonen en buurt', nameEn: 'Only English' });
    expect((await send(admin, 'PATCH', `${API}/bestaat_niet`, { nameNl: 'Niets' })).statusCode).toBe(404);
    expect((await send(admin, 'PATCH', `${API}/${c}`, {})).statusCode).toBe(400);
    expect((await send(admin, 'PATCH', `${API}/${c}`, { code: 'andere_code' })).statusCode).toBe(400);
    expect((await send(admin, 'PATCH', `${API}/${c}`, { nameNl: '' })).statusCode).toBe(400);
    expect(await row(c)).toMatchObject({ nameNl: 'Wonen en buurt', nameEn: 'Only English' });
  });

  it('an inactive domain is refused for a new request (400) and a new goal (422), still named on old ones, and may come back', async () => {
    const c = (await create(code(), { nameNl: 'Mobiliteit', nameEn: 'Mobility' })).code;
    const old = ZRequestResponse.parse((await coordinator.client.post('/api/requests', requestBody([c, 'school']))).json()).data;
    const goalKey = randomUUID();
    const saved = await send(await f.as.contact(), 'PUT', `/api/families/${f.familyId}/plan`, {
      basedOn: 0, summary: 'Eerste plan', content: { goals: [{ key: goalKey, domain: c, text: 'Zelf met de bus naar school', priority: 1 }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const off = await send(admin, 'PATCH', `${API}/${c}`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(ZLifeDomainAdminResponse.parse(off.json()).data).toMatchObject({ active: false, inUse: true });
    await expectAudited(ctx.database.db, 'life_domain.update', { resourceId: c, details: { fields: ['active'], active: false } });
    // Inactive ones come last in the list everyone reads, marked inactive, so old requests can name them.
    const shared = ZLifeDomainListResponse.parse((await coordinator.client.get('/api/families/life-domains')).json()).data;
    expect(shared.find((d) => d.code === c)).toMatchObject({ active: false, nameNl: 'Mobiliteit' });
    expect(shared.findIndex((d) => d.code === c)).toBeGreaterThan(shared.findIndex((d) => d.code === 'school'));

    const count = async () => (await ctx.database.db.select().from(familyRequest)).length;
    const before = await count();
    const refused = await coordinator.client.post('/api/requests', requestBody(['school', c]));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([expect.objectContaining({ path: 'body.lifeDomains', message: expect.stringContaining('no longer in use') })]);
    expect(await count()).toBe(before);
    // The old request still carries it.
    expect(ZRequestResponse.parse((await coordinator.client.get(`/api/requests/${old.id}`)).json()).data.lifeDomains).toEqual(expect.arrayContaining([c]));

    // The plan: the goal kept as it was may keep it; a new goal may not.
    const contact = await f.as.contact();
    const current = ZPlanResponse.parse((await contact.client.get(`/api/families/${f.familyId}/plan`)).json()).data;
    const basedOn = current.current.number;
    const keep = await send(contact, 'PUT', `/api/families/${f.familyId}/plan`, {
      basedOn, summary: 'Verhaal aangevuld', content: { story: 'We wonen ver van school.', goals: [{ key: goalKey, domain: c, text: 'Zelf met de bus naar school', priority: 1 }] },
    });
    expect(keep.statusCode, keep.body).toBe(200);
    const newGoal = await send(contact, 'PUT', `/api/families/${f.familyId}/plan`, {
      basedOn: basedOn + 1, summary: 'Nieuw doel', content: { goals: [{ key: goalKey, domain: c, text: 'Zelf met de bus naar school', priority: 1 }, { key: randomUUID(), domain: c, text: 'Een fiets', priority: 2 }] },
    });
    // The plan answers a reference it cannot use (owner, domain) with 422 invalid_reference, naming the field.
    expect(newGoal.statusCode).toBe(422);
    expect(newGoal.json().error.details).toEqual([expect.objectContaining({ path: 'body.content.goals.1.domain' })]);
    expect(ZPlanResponse.parse((await contact.client.get(`/api/families/${f.familyId}/plan`)).json()).data.current.number).toBe(basedOn + 1);

    // Back in use: a new request may choose it again.
    expect((await send(admin, 'PATCH', `${API}/${c}`, { active: true })).statusCode).toBe(200);
    expect((await coordinator.client.post('/api/requests', requestBody([c]))).statusCode).toBe(201);
  });

  it('orders the whole list; a list with a code missing, twice or unknown is 400 and changes nothing', async () => {
    const codes = (await list()).map((d) => d.code);
    const reversed = [...codes].reverse();
    const res = await send(admin, 'PUT', `${API}/order`, { codes: reversed });
    expect(res.statusCode, res.body).toBe(200);
    const after = await ctx.database.db.select().from(lifeDomain);
    const pos = new Map(after.map((d) => [d.code, d.position]));
    expect(reversed.map((c) => pos.get(c))).toEqual(reversed.map((_, i) => i + 1));
    await expectAudited(ctx.database.db, 'life_domain.reorder', { resourceType: 'life_domain' });

    for (const bad of [reversed.slice(1), [...reversed, reversed[0]!], [...reversed.slice(1), 'bestaat_niet'], []]) {
      const r = await send(admin, 'PUT', `${API}/order`, { codes: bad });
      expect(r.statusCode).toBe(400);
    }
    const unchanged = await ctx.database.db.select().from(lifeDomain);
    expect(new Map(unchanged.map((d) => [d.code, d.position]))).toEqual(pos);
  });

  it('deletes a domain nothing uses; one in use is 409 in_use and stays', async () => {
    const unused = (await create()).code;
    const del = await admin.client.delete(`${API}/${unused}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(ZLifeDomainAdminListResponse.parse(del.json()).data.map((d) => d.code)).not.toContain(unused);
    expect(await row(unused)).toBeUndefined();
    await expectAudited(ctx.database.db, 'life_domain.delete', { resourceId: unused });
    expect((await admin.client.delete(`${API}/${unused}`)).statusCode).toBe(404);

    const used = await admin.client.delete(`${API}/school`);
    expect(used.statusCode).toBe(409);
    expect(used.json().error.code).toBe('in_use');
    expect(await row('school')).toBeDefined();

    // A domain only a plan version names (no request) is in use too.
    const planOnly = (await create()).code;
    const contact = await f.as.contact();
    const current = ZPlanResponse.parse((await contact.client.get(`/api/families/${f.familyId}/plan`)).json()).data;
    const saved = await send(contact, 'PUT', `/api/families/${f.familyId}/plan`, {
      basedOn: current.current.number, summary: 'Nog een doel', content: { goals: [{ key: randomUUID(), domain: planOnly, text: 'Een doel', priority: 1 }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await admin.client.delete(`${API}/${planOnly}`)).statusCode).toBe(409);
    expect(await row(planOnly)).toBeDefined();
  });

  it('refuses everyone but platform admins: professionals and coordinators 403, anonymous 401 — nothing changed', async () => {
    const c = (await create()).code;
    const anonymous = await loginAs(ctx, 'anonymous');
    for (const [who, status] of [[coordinator, 403], [await f.as.contact(), 403], [await loginAs(ctx, 'org-admin'), 403], [anonymous, 401]] as const) {
      expect((await who.client.get(API)).statusCode).toBe(status);
      expect((await who.client.post(API, { code: code(), nameNl: 'Niet van mij', nameEn: 'Not mine' })).statusCode).toBe(status);
      expect((await send(who, 'PATCH', `${API}/${c}`, { active: false })).statusCode).toBe(status);
      expect((await send(who, 'PUT', `${API}/order`, { codes: [c] })).statusCode).toBe(status);
      expect((await who.client.delete(`${API}/${c}`)).statusCode).toBe(status);
    }
    expect(await row(c)).toMatchObject({ active: true, nameNl: 'Testdomein' });
  });
});
