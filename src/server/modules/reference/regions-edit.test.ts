import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { expectAudited, expectNotAudited } from '../../../../tests/helpers/audit.js';
import { loginAs, type LoggedIn } from '../../../../tests/helpers/login.js';
import { loadReferenceData, upsertRegion } from '../../db/reference-data.js';
import { region, regionMunicipality } from '../../db/schema/index.js';
import { ZRegionDetailResponse } from '../../../shared/schemas/reference.js';

let ctx: TestContext;
let platform: LoggedIn;
let coordinator: LoggedIn;
let orgAdmin: LoggedIn;
let anonymous: LoggedIn;
const db = () => ctx.database.db;

// NIS codes of the shipped reference data.
const BRUGGE = '31005';
const OOSTENDE = '35013';
const DAMME = '31006';

async function detail(code: string) {
  return ZRegionDetailResponse.parse((await anonymous.client.get(`/api/regions/${code}`)).json()).data;
}
const add = (who: LoggedIn, code: string, body: Record<string, unknown>) => who.client.post(`/api/regions/${code}/municipalities`, body);
const remove = (who: LoggedIn, code: string, nis: string, version: unknown) => who.client.delete(`/api/regions/${code}/municipalities/${nis}?version=${String(version)}`);

beforeAll(async () => {
  ctx = await createTestApp();
  await loadReferenceData(db());
  await upsertRegion(db(), { code: 'netwerk-noord', name: 'Netwerk Noord', kind: 'network' }, [BRUGGE]);
  await upsertRegion(db(), { code: 'netwerk-zuid', name: 'Netwerk Zuid', kind: 'network' }, []);
  platform = await loginAs(ctx, 'platform-admin');
  coordinator = await loginAs(ctx, 'network-coordinator');
  orgAdmin = await loginAs(ctx, 'org-admin');
  anonymous = await loginAs(ctx, 'anonymous');
});
afterAll(() => ctx.close());

describe("editing a region's municipalities", () => {
  it('the platform admin adds and removes a municipality; totals stay computed; version goes up; audited', async () => {
    const before = await detail('netwerk-noord');
    expect(before.municipalities.map((m) => m.nisCode)).toEqual([BRUGGE]);
    const brugge = before.population;

    const res = await add(platform, 'netwerk-noord', { nisCode: OOSTENDE, version: before.version });
    expect(res.statusCode, res.body).toBe(200);
    const after = ZRegionDetailResponse.parse(res.json()).data;
    const oostende = after.municipalities.find((m) => m.nisCode === OOSTENDE)!.population;
    expect(after).toMatchObject({ municipalityCount: 2, population: brugge + oostende, version: before.version + 1 });
    const [r] = await db().select({ id: region.id }).from(region).where(eq(region.code, 'netwerk-noord'));
    await expectAudited(db(), 'region.municipality.add', { resourceType: 'region', resourceId: r!.id, outcome: 'success', details: { nisCode: OOSTENDE }, actorPersonId: platform.user!.person.id });
    // The list of regions computes the same totals.
    const list = (await anonymous.client.get('/api/regions')).json().data as { code: string; population: number }[];
    expect(list.find((x) => x.code === 'netwerk-noord')?.population).toBe(brugge + oostende);

    const back = await remove(platform, 'netwerk-noord', OOSTENDE, after.version);
    expect(back.statusCode, back.body).toBe(200);
    expect(ZRegionDetailResponse.parse(back.json()).data).toMatchObject({ municipalityCount: 1, population: brugge, version: after.version + 1 });
    await expectAudited(db(), 'region.municipality.remove', { resourceId: r!.id, details: { nisCode: OOSTENDE } });
  });

  it('a municipality belongs to at most one 1G1P region (409 in Dutch); a province may overlap a network', async () => {
    const zuid = await detail('netwerk-zuid');
    const res = await add(platform, 'netwerk-zuid', { nisCode: BRUGGE, version: zuid.version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', message: expect.stringContaining('Brugge hoort al bij de regio Netwerk Noord.') });
    expect((await detail('netwerk-zuid')).version).toBe(zuid.version);

    const again = await add(platform, 'netwerk-noord', { nisCode: BRUGGE, version: (await detail('netwerk-noord')).version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'duplicate', message: 'Brugge hoort al bij deze regio.' });

    // Provinces overlap networks: West-Vlaanderen holds Brugge too. Removing and adding it back is fine.
    const wv = await detail('west-vlaanderen');
    expect(wv.municipalities.some((m) => m.nisCode === BRUGGE)).toBe(true);
    const out = ZRegionDetailResponse.parse((await remove(platform, 'west-vlaanderen', BRUGGE, wv.version)).json()).data;
    const inAgain = await add(platform, 'west-vlaanderen', { nisCode: BRUGGE, version: out.version });
    expect(inAgain.statusCode, inAgain.body).toBe(200);
  });

  it('refuses a stale version (409), unknown NIS codes and bad input (400), unknown regions and municipalities not in the region (404) — changing nothing', async () => {
    const noord = await detail('netwerk-noord');
    const stale = await add(platform, 'netwerk-noord', { nisCode: DAMME, version: noord.version - 1 || 99 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await remove(platform, 'netwerk-noord', BRUGGE, noord.version + 5)).statusCode).toBe(409);

    const unknown = await add(platform, 'netwerk-noord', { nisCode: '99999', version: noord.version });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ message: 'Onbekende NIS-code: 99999.', details: [{ path: 'body.nisCode' }] });
    for (const body of [{ nisCode: '3100', version: noord.version }, { nisCode: '31005\u0000', version: noord.version }, { nisCode: DAMME }, { nisCode: DAMME, version: 2 ** 40 }, { nisCode: DAMME, version: noord.version, regionId: 'x' }]) {
      expect((await add(platform, 'netwerk-noord', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    for (const v of ['abc', '1e3', '99999999999999999999', '0']) expect((await remove(platform, 'netwerk-noord', BRUGGE, v)).statusCode, v).toBe(400);
    expect((await add(platform, 'bestaat-niet', { nisCode: DAMME, version: 1 })).statusCode).toBe(404);
    const notIn = await remove(platform, 'netwerk-noord', DAMME, noord.version);
    expect(notIn.statusCode).toBe(404);
    expect(notIn.json().error.message).toBe('Deze gemeente hoort niet bij deze regio.');

    const after = await detail('netwerk-noord');
    expect(after).toEqual(noord);
    await expectNotAudited(db(), 'region.municipality.add', { details: { nisCode: DAMME } });
  });

  it('only platform admins: coordinators and organisation admins 403, anonymous 401', async () => {
    const noord = await detail('netwerk-noord');
    for (const who of [coordinator, orgAdmin]) {
      expect((await add(who, 'netwerk-noord', { nisCode: DAMME, version: noord.version })).statusCode).toBe(403);
      expect((await remove(who, 'netwerk-noord', BRUGGE, noord.version)).statusCode).toBe(403);
    }
    expect((await add(anonymous, 'netwerk-noord', { nisCode: DAMME, version: noord.version })).statusCode).toBe(401);
    const [noordRow] = await db().select({ id: region.id }).from(region).where(eq(region.code, 'netwerk-noord'));
    expect(await db().select().from(regionMunicipality).where(eq(regionMunicipality.regionId, noordRow!.id))).toEqual([{ regionId: noordRow!.id, nisCode: BRUGGE }]);
    expect(await detail('netwerk-noord')).toEqual(noord);
  });
});
