import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { loadReferenceData } from '../../src/server/db/reference-data.js';
import { municipalityShapes } from '../../src/server/db/demo/geo.js';
import { rowsOf } from './seed.js';
import { seedDirectory } from './directory-seed.js';

/** The directory generator of `npm run bench:data`, small, on this run's database. */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await loadReferenceData(ctx.database.db);
  await seedDirectory(ctx.database.db, { organisations: 700, services: 2100 });
});
afterAll(() => ctx.close());

const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await ctx.database.db.execute(query));

describe('bench directory generator', () => {
  it('makes the organisations and services asked for, each organisation with a sector, a location, served municipalities and a contact point', async () => {
    const [c] = await q<{ o: number; s: number; l: number; sector: number; served: number; contact: number }>(sql`
      select (select count(*)::int from organisation) as o, (select count(*)::int from service) as s, (select count(*)::int from location) as l,
             (select count(distinct organisation_id)::int from organisation_sector) as sector,
             (select count(distinct organisation_id)::int from organisation_municipality) as served,
             (select count(distinct organisation_id)::int from contact_point) as contact`);
    expect(c).toEqual({ o: 700, s: 2100, l: 700 + Math.ceil(700 / 3), sector: 700, served: 700, contact: 700 });
    // Names are Dutch, unique, and spread over the municipalities.
    const names = await q<{ name: string }>(sql`select name from organisation order by name`);
    expect(new Set(names.map((n) => n.name.toLowerCase())).size).toBe(700);
    expect(names.filter((n) => /\d/.test(n.name) || n.name.split(' ').length < 3)).toEqual([]);
    expect(names.filter((n) => /^CAW /.test(n.name)).length).toBeGreaterThan(20);
    const [spread] = await q<{ n: number }>(sql`select count(distinct nis_code)::int as n from location`);
    expect(spread!.n).toBeGreaterThan(290);
  });

  it('every service is offered at a location of its own organisation, with ages, languages and a waiting time confirmed on a date', async () => {
    const [bad] = await q<{ n: number }>(sql`
      select count(*)::int as n from service s
      where not exists (select 1 from service_location sl join location l on l.id = sl.location_id where sl.service_id = s.id and l.organisation_id = s.organisation_id)
         or s.min_age > s.max_age or not ('nl' = any(s.languages))
         or (s.waiting_days is null) <> (s.waiting_confirmed_on is null)`);
    expect(bad!.n).toBe(0);
    const [stale] = await q<{ n: number }>(sql`select count(*)::int as n from service where confirmed_at < now() - interval '6 months'`);
    expect(stale!.n).toBeGreaterThan(0);
  });

  it('every location lies inside its municipality', async () => {
    const rows = await q<{ nis_code: string; latitude: number; longitude: number }>(sql`select nis_code, latitude, longitude from location`);
    const shapes = municipalityShapes();
    const outside = rows.filter((r) => !shapes.get(r.nis_code)!.contains(r.latitude, r.longitude));
    expect(outside).toEqual([]);
  });
});
