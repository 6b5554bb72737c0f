import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { loadReferenceData } from '../../db/reference-data.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  const db = ctx.database.db;
  await loadReferenceData(db);
  const t0 = Date.now();
  await db.execute(sql`insert into organisation (name, description) select 'Organisatie ' || g || ' ' || (array['Brugge','Gent','Kortrijk','Oostende'])[1 + g % 4], 'Hulp voor gezinnen en kinderen ' || g from generate_series(1, 10000) g`);
  await db.execute(sql`insert into organisation_sector (organisation_id, sector_id) select o.id, (select id from sector order by code offset (abs(hashtext(o.id::text)) % 5) limit 1) from organisation o`);
  await db.execute(sql`insert into location (organisation_id, name, street, postal_code, city, nis_code) select o.id, 'Plek', 'Markt 1', '8000', 'Brugge', (array['31005','44021','34022','35013'])[1 + abs(hashtext(o.id::text)) % 4] from organisation o`);
  await db.execute(sql`insert into service (organisation_id, name, description, min_age, max_age, direct_access)
    select o.id, (array['Opvoedingsondersteuning','Jeugdhulp','Crèche','Thuisbegeleiding','Gezinscoaching','Kinderopvang','Psychotherapie','Budgetbegeleiding','Huiswerkklas','Woonbegeleiding'])[1 + (g + abs(hashtext(o.id::text))) % 10] || ' ' || g || ' ' || left(o.name, 20),
      'Ondersteuning voor ' || (array['gezinnen','jongeren','ouders','kinderen','volwassenen'])[1 + g % 5] || ' in de regio met wachtlijst ' || g,
      (g % 3) * 6, (g % 3) * 6 + 12, g % 2 = 0
    from organisation o cross join generate_series(1, 3) g`);
  await db.execute(sql`insert into service_location (service_id, location_id) select s.id, l.id from service s join location l on l.organisation_id = s.organisation_id`);
  await db.execute(sql`analyze`);
  console.log('seeded in', Date.now() - t0, 'ms');
}, 600_000);
afterAll(() => ctx.close());

it('times searches', async () => {
  for (const q of ['q=gezinnen', 'q=jeugdhlp', 'q=creche', 'q=opvoed', 'q=', 'q=gezin&sector=ggz&age=10', 'q=jeugdhulp&region=west-vlaanderen', 'municipality=31005&directAccess=true', 'q=zzzqqq']) {
    const url = `/api/directory/search?${q}&limit=20`;
    await ctx.app.inject({ url });
    const t = Date.now();
    const res = await ctx.app.inject({ url });
    const body = res.json();
    const second = body.data?.nextCursor ? await ctx.app.inject({ url: `${url}&cursor=${body.data.nextCursor}` }) : null;
    console.log(q, res.statusCode, 'total', body.data?.total, 'first', body.data?.items?.[0]?.name, Date.now() - t, 'ms', second?.statusCode);
  }
  const plan = await ctx.database.db.execute(sql`explain analyze select s.id from service s join organisation o on o.id = s.organisation_id where s.status = 'active' and o.listed and (public.directory_service_document(s.name, s.description, s.eligibility) @@ to_tsquery('public.samenplan_dutch'::regconfig, '(jeugdhlp | jeugdhlp:*)') or public.directory_fold('jeugdhlp') <% public.directory_fold(s.name))`);
  console.log((plan as unknown as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r)[0]).join('\n'));
}, 600_000);
