import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { loadReferenceData } from '../../db/reference-data.js';
import { location, organisation, service, serviceLocation } from '../../db/schema/index.js';
import { ZDirectoryMapResponse } from '../../../shared/schemas/directory/public.js';
import { simplifyLine } from './map.geo.js';

let ctx: TestContext;
const ids = {} as Record<'listed' | 'unlisted' | 'inactive' | 'brugge' | 'gent' | 'unlocated' | 'hidden' | 'gone', string>;

async function org(name: string, values: Partial<typeof organisation.$inferInsert> = {}) {
  const [row] = await ctx.database.db.insert(organisation).values({ name, ...values }).returning();
  return row!.id;
}

async function place(organisationId: string, name: string, nisCode: string, postalCode: string, coordinates: [number, number] | null) {
  const [row] = await ctx.database.db
    .insert(location)
    .values({ organisationId, name, street: 'Markt 1', postalCode, city: name, nisCode, latitude: coordinates?.[0] ?? null, longitude: coordinates?.[1] ?? null })
    .returning();
  return row!.id;
}

async function offer(organisationId: string, name: string, locationId: string, status: 'active' | 'inactive' = 'active') {
  const [row] = await ctx.database.db.insert(service).values({ organisationId, name, description: 'Hulp.', status }).returning();
  await ctx.database.db.insert(serviceLocation).values({ serviceId: row!.id, locationId });
}

beforeAll(async () => {
  ctx = await createTestApp();
  await loadReferenceData(ctx.database.db);
  ids.listed = await org('Huis der Gezinnen');
  ids.brugge = await place(ids.listed, 'Huis Brugge', '31005', '8000', [51.2093, 3.2247]);
  ids.gent = await place(ids.listed, 'Huis Gent', '44021', '9000', [51.0543, 3.7174]);
  ids.unlocated = await place(ids.listed, 'Huis zonder adrespunt', '31005', '8000', null);
  await offer(ids.listed, 'Opvoedingsondersteuning', ids.brugge);
  await offer(ids.listed, 'Crèche', ids.brugge);
  await offer(ids.listed, 'Gestopte dienst', ids.brugge, 'inactive');
  ids.unlisted = await org('Niet gepubliceerd', { listed: false });
  ids.hidden = await place(ids.unlisted, 'Verborgen plek', '31005', '8000', [51.2, 3.22]);
  ids.inactive = await org('Gearchiveerde organisatie', { status: 'archived' });
  ids.gone = await place(ids.inactive, 'Oude plek', '31005', '8000', [51.21, 3.23]);
});

afterAll(async () => {
  await ctx.close();
});

async function map(query = '') {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/directory/map${query}` });
  return res;
}

describe('GET /api/directory/map', () => {
  it('gives the region outlined and only its located places of listed, active organisations, without login', async () => {
    const res = await map('?region=west-vlaanderen');
    expect(res.statusCode).toBe(200);
    const { data } = ZDirectoryMapResponse.parse(res.json());
    expect(data.region?.code).toBe('west-vlaanderen');
    expect(data.region?.nisCodes).toContain('31005');
    expect(data.points.map((p) => p.locationId)).toEqual([ids.brugge]);
    expect(data.points[0]).toMatchObject({ name: 'Huis Brugge', latitude: 51.2093, longitude: 3.2247, nisCode: '31005', organisation: { id: ids.listed, name: 'Huis der Gezinnen' }, serviceCount: 2 });
    expect(data.truncated).toBe(false);

    // Flanders' municipalities, the region's marked; nothing of Wallonia.
    const brugge = data.municipalities.find((m) => m.nisCode === '31005');
    expect(brugge?.inRegion).toBe(true);
    expect(brugge?.nameNl).toBe('Brugge');
    expect(data.municipalities.find((m) => m.nisCode === '44021')?.inRegion).toBe(false);
    expect(data.municipalities.some((m) => m.nisCode === '92094')).toBe(false); // Namur
    expect(data.municipalities.length).toBeGreaterThan(280);
    expect(data.municipalities.filter((m) => m.inRegion).length).toBe(data.region!.nisCodes.length);
    // Outlines are closed rings of [lon, lat] within Belgium, kept small.
    for (const ring of brugge!.polygons.flat()) {
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const [lon, lat] of ring) {
        expect(lon).toBeGreaterThan(2.5);
        expect(lon).toBeLessThan(6.5);
        expect(lat).toBeGreaterThan(49.4);
        expect(lat).toBeLessThan(51.6);
      }
    }
    expect(res.body.length).toBeLessThan(250_000);

    // The region's outer border only: every point of it lies on a marked municipality's outline, and
    // Brugge's border with Damme (both in the region) is not part of it.
    const outlinePoints = data.region!.outline.flat().map(([lon, lat]) => `${lon},${lat}`);
    expect(outlinePoints.length).toBeGreaterThan(20);
    const marked = new Set(data.municipalities.filter((m) => m.inRegion).flatMap((m) => m.polygons.flat().flat().map(([lon, lat]) => `${lon},${lat}`)));
    expect(outlinePoints.every((p) => marked.has(p))).toBe(true);
    const damme = new Set(data.municipalities.find((m) => m.nisCode === '31006')!.polygons.flat().flat().map(([lon, lat]) => `${lon},${lat}`));
    const bruggePoints = brugge!.polygons.flat().flat().map(([lon, lat]) => `${lon},${lat}`);
    const shared = bruggePoints.filter((p) => damme.has(p));
    expect(shared.length).toBeGreaterThan(2);
    // Points strictly inside the shared border (not its ends) are not on the outline.
    expect(shared.filter((p) => !outlinePoints.includes(p)).length).toBeGreaterThan(0);
  });

  it('gives every located place without a region, and no region to outline', async () => {
    const res = await map();
    expect(res.statusCode).toBe(200);
    const { data } = ZDirectoryMapResponse.parse(res.json());
    expect(data.region).toBeNull();
    expect(new Set(data.points.map((p) => p.locationId))).toEqual(new Set([ids.brugge, ids.gent]));
    expect(data.points.find((p) => p.locationId === ids.gent)?.serviceCount).toBe(0);
    expect(data.municipalities.every((m) => !m.inRegion)).toBe(true);
  });

  it('gives the same answer again (outlines cached), for another region', async () => {
    const anonymous = await map('?region=oost-vlaanderen');
    const again = await map('?region=oost-vlaanderen');
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toBe(again.body);
    expect(ZDirectoryMapResponse.parse(anonymous.json()).data.points.map((p) => p.locationId)).toEqual([ids.gent]);
  });

  it('refuses an unknown region (404, in Dutch) and bad input (400)', async () => {
    const unknown = await map('?region=atlantis');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: 'not_found', message: 'Deze regio bestaat niet.' } });
    for (const bad of ['?region=', '?region=%00', `?region=${'x'.repeat(65)}`]) {
      expect((await map(bad)).statusCode, bad).toBe(400);
    }
  });
});

describe('simplifyLine', () => {
  it('keeps both ends and drops points close to the line, but not far ones', () => {
    const line: [number, number][] = [[3, 51], [3.1, 51.00001], [3.2, 51], [3.3, 51.1], [3.4, 51]];
    expect(simplifyLine(line)).toEqual([[3, 51], [3.2, 51], [3.3, 51.1], [3.4, 51]]);
    expect(simplifyLine([[3, 51], [3.1, 51]])).toEqual([[3, 51], [3.1, 51]]);
  });
});
