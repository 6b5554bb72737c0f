/**
 * Generated data of the shape product.md designs for, written with generate_series so that
 * thousands of people and 100k+ audit rows take seconds, not minutes. Bench databases only.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';

export interface SeedSizes {
  organisations: number;
  people: number;
  auditRows: number;
}

export interface SeedResult extends SeedSizes {
  ms: number;
}

/** Rows of a raw query on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * Organisations ("Bench organisatie 00001" …) with a sector each, people spread over them (one
 * professional membership and an account each), and audit rows over the past months with the
 * actions the app writes today. The audit rows are inserted unsealed, like the app's own.
 */
export async function seedBenchData(db: Db, sizes: SeedSizes): Promise<SeedResult> {
  const started = performance.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into organisation (name, region_id)
      select 'Bench organisatie ' || lpad(g::text, 5, '0'),
             (select id from region order by code offset (g % (select count(*) from region)) limit 1)
      from generate_series(1, ${sizes.organisations}::int) g`);
    await tx.execute(sql`
      insert into organisation_sector (organisation_id, sector_id)
      select o.id, (select id from sector order by code offset (abs(hashtext(o.name)) % (select count(*) from sector)) limit 1)
      from organisation o where o.name like 'Bench organisatie %'`);
    await tx.execute(sql`
      insert into person (name, email, phone)
      select (array['An','Bram','Chloé','Dries','Elif','Fien','Gilles','Hanne','Ilias','Jana'])[1 + g % 10] || ' ' ||
             (array['Peeters','Janssens','Maes','Jacobs','Mertens','Willems','Claes','Goossens','Wouters','De Smet'])[1 + (g / 10) % 10] ||
             ' ' || g,
             'bench.' || g || '@bench.invalid', '+32 470 ' || lpad(g::text, 6, '0')
      from generate_series(1, ${sizes.people}::int) g`);
    await tx.execute(sql`
      with o as (select id, row_number() over (order by name) - 1 as i from organisation where name like 'Bench organisatie %'),
           p as (select id, row_number() over (order by email) - 1 as i from person where email like 'bench.%@bench.invalid')
      insert into membership (person_id, organisation_id, roles)
      select p.id, o.id, case when p.i % 25 = 0 then array['org_admin','professional'] else array['professional'] end
      from p join o on o.i = p.i % ${sizes.organisations}::int`);
    await tx.execute(sql`
      insert into account (email, person_id)
      select email, id from person where email like 'bench.%@bench.invalid'`);
    await tx.execute(sql`
      with a as (select id, person_id, row_number() over (order by id) - 1 as i from account where email like 'bench.%@bench.invalid'),
           n as (select count(*) as c from a)
      insert into audit_event (occurred_at, actor_account_id, actor_person_id, action, resource_type, resource_id, organisation_id, ip, outcome, details)
      select now() - (${sizes.auditRows}::int - g) * interval '1 minute',
             a.id, a.person_id,
             (array['auth.login','auth.login','auth.mfa','organisation.update','person.create','person.disable','request.denied','auth.logout'])[1 + g % 8],
             (array['account','account','account','organisation','person','person','route','session'])[1 + g % 8],
             md5(g::text),
             null,
             '10.' || (g % 250) || '.' || (g / 250 % 250) || '.7',
             case when g % 8 = 6 then 'denied' when g % 97 = 0 then 'failed' else 'success' end,
             case when g % 8 = 3 then '{"fields":["name"]}'::jsonb else null end
      from generate_series(1, ${sizes.auditRows}::int) g
      join a on a.i = g % (select c from n)`);
  });
  await db.execute(sql`analyze`);
  return { ...sizes, ms: Math.round(performance.now() - started) };
}
