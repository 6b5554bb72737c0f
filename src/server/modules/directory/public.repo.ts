import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { DIRECTORY_TOTAL_CAP } from '../../../shared/schemas/directory/public.js';

/**
 * SQL of the public directory (sociale kaart, no login). Only LISTED, ACTIVE organisations and their
 * active services and zinplekken are ever read here.
 *
 * Search uses the custom migration 0014_directory_search.sql: the text search configuration
 * `samenplan_dutch` (accent folding + Dutch stemming), the search documents
 * `directory_service_document(…)` / `directory_zinplek_document(…)` (GIN-indexed, names weighted A)
 * and `directory_fold(name)` (trigram GIN index, for typos). The expressions below must stay
 * exactly the indexed ones, or the planner falls back to scanning every row.
 */

const CFG = sql.raw(`'public.samenplan_dutch'::regconfig`);
/** Marks around matched words in ts_headline output; control characters never occur in stored text (zText refuses them). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';
const HEADLINE_NAME = `HighlightAll=true, StartSel=${MARK_START}, StopSel=${MARK_END}`;
const HEADLINE_SNIPPET = `MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … ", StartSel=${MARK_START}, StopSel=${MARK_END}`;

/**
 * What q asks, in one of two modes. 'words': full text on the stored search documents (the name
 * weighted A, so `nameTsquery` — the same terms restricted to weight A — says "the name matches").
 * 'typo': nothing matched the words, so names similar to q (pg_trgm word_similarity) are the hits.
 */
export type SearchText =
  | { mode: 'words'; tsquery: string | null; nameTsquery: string | null }
  | { mode: 'typo'; words: string };

export interface SearchFilters {
  text: SearchText | null;
  sector?: string | undefined;
  region?: string | undefined;
  municipality?: string | undefined;
  age?: number | undefined;
  directAccess?: boolean | undefined;
  zinplek?: boolean | undefined;
  staleBefore: Date;
}

export interface SearchAfter {
  score: number;
  sortName: string;
  id: string;
}

export interface HitRow {
  kind: 'service' | 'zinplek';
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  minAge: number | null;
  maxAge: number | null;
  directAccess: boolean;
  waitingDays: number | null;
  waitingConfirmedOn: string | null;
  confirmedAt: string;
  stale: boolean;
  score: number;
  sortName: string;
  nameHeadline: string;
  snippetHeadline: string;
  /** Its organisation's sectors (by position, name), and the municipalities where it is offered (by name). */
  sectors: { code: string; nameNl: string; nameEn: string }[];
  municipalities: { nisCode: string; nameNl: string }[];
}

/**
 * Words are searched in tiers, each one ordered by (lower(name), id) — the sort index of service and
 * zinplek — and given a constant score: the name matches, then the other matches. A broad word
 * ("gezinnen" matches most services) then reads the first page by walking the name index instead of
 * ranking every match. Without words there is one tier. (The typo fallback keeps its similarity score:
 * its hits are few.)
 */
export type Tier = 'name' | 'other' | 'all';
export const TIER_SCORE: Record<Tier, number> = { name: 2000000, other: 1000000, all: 0 };
/** The total is counted up to this many hits; beyond, the answer says "more than". */
export const TOTAL_CAP = DIRECTORY_TOTAL_CAP;

/** One tier's page: each kind after the cursor's (lower(name), id) when the cursor is in this tier, by the sort index. */
interface TierBound {
  after: { sortName: string; id: string } | null;
  limit: number;
  /**
   * Walk the sort index, testing each row (cheap when most rows match: a broad word), or read the
   * matches through the text index and sort them (when they are few: `offset 0` keeps the planner
   * from walking the whole sort index for a handful of hits). The planner's estimate of a word's
   * hits is often far off, so the capped count decides.
   */
  walk: boolean;
}

function tiersOf(text: SearchText | null): Tier[] | null {
  if (!text) return ['all'];
  if (text.mode === 'typo') return null;
  return text.nameTsquery ? ['name', 'other'] : ['all'];
}

async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

function wordsQuery(text: SearchText | null): SQL | null {
  return text?.mode === 'words' && text.tsquery ? sql`to_tsquery(${CFG}, ${text.tsquery})` : null;
}

/**
 * The hits of both kinds with their score. With a `tier` (words, or no words): the tier's hits and
 * its constant score (TIER_SCORE), and with a `bound` each kind already paged by (lower(name), id).
 * Without one: in 'typo' mode by similarity (in 'words' mode name matches, then ts_rank — kept for
 * reading every hit; the page never ranks that way any more); the cursor and limit are the caller's.
 * Filters are uncorrelated `in (…)` lists, so each is computed once.
 */
function hitsQuery(f: SearchFilters, tier: Tier | null = null, bound: TierBound | null = null): SQL {
  const text = f.text;
  const q = wordsQuery(text);
  const nameQ = text?.mode === 'words' && text.nameTsquery ? sql`to_tsquery(${CFG}, ${text.nameTsquery})` : null;
  // Listed, active organisation: a per-row look-up by the organisation's primary key (a scalar subquery
  // is never turned into a join), not a hash join that reads all organisations for every search.
  const listed = (alias: string) =>
    sql.raw(`(select o.listed and o.status = 'active' from organisation o where o.id = ${alias}.organisation_id)`);

  // With a sector, its listed organisations are one list (a few hundred), checked once; otherwise each row's own organisation.
  const bySector = (alias: string) =>
    f.sector
      ? sql`and ${sql.raw(alias)}.organisation_id in (select os.organisation_id from organisation_sector os join sector se on se.id = os.sector_id
          join organisation o on o.id = os.organisation_id where se.code = ${f.sector} and o.listed and o.status = 'active')`
      : sql`and ${listed(alias)}`;
  const byAge = (alias: string) =>
    f.age !== undefined
      ? sql`and (${sql.raw(alias)}.min_age is null or ${sql.raw(alias)}.min_age <= ${f.age}) and (${sql.raw(alias)}.max_age is null or ${sql.raw(alias)}.max_age >= ${f.age})`
      : sql``;
  // Where it is offered: the municipality of one of its locations.
  const placeParts: SQL[] = [];
  if (f.municipality) placeParts.push(sql`l.nis_code = ${f.municipality}`);
  if (f.region) placeParts.push(sql`l.nis_code in (select rm.nis_code from region_municipality rm join region r on r.id = rm.region_id where r.code = ${f.region})`);
  const place = placeParts.length ? sql.join(placeParts, sql` and `) : null;

  const match = (alias: string) => {
    const a = sql.raw(alias);
    if (!text) return sql``;
    if (text.mode === 'typo') return sql`and public.directory_fold(${text.words}) <% ${a}.search_name`;
    if (!q) return sql`and false`;
    // The name alone (its own GIN index, migration 0022): the same as the weight-A terms of the document.
    if (tier === 'name') return sql`and to_tsvector(${CFG}, ${a}.name) @@ ${q}`;
    if (tier === 'other') return nameQ ? sql`and ${a}.search_document @@ ${q} and not (${a}.search_document @@ ${nameQ})` : sql`and ${a}.search_document @@ ${q}`;
    return sql`and ${a}.search_document @@ ${q}`;
  };
  const score = (alias: string) => {
    const a = sql.raw(alias);
    if (tier) return sql`${TIER_SCORE[tier]}::int`;
    if (!text) return sql`0`;
    if (text.mode === 'typo') return sql`(1000000 + round(word_similarity(public.directory_fold(${text.words}), ${a}.search_name) * 100000))::int`;
    if (!q) return sql`0`;
    const nameMatch = nameQ ? sql`case when ${a}.search_document @@ ${nameQ} then 2000000 else 0 end` : sql`0`;
    return sql`(${nameMatch} + least(999999, round(ts_rank(${a}.search_document, ${q}) * 100000))::int)`;
  };

  const bounded = (alias: string) => {
    if (!bound) return sql``;
    const a = sql.raw(alias);
    const after = bound.after ? sql`and (lower(${a}.name), ${a}.id) > (${bound.after.sortName}::text, ${bound.after.id}::uuid)` : sql``;
    return bound.walk ? sql`${after} order by lower(${a}.name), ${a}.id limit ${bound.limit}` : after;
  };
  const sorted = (branch: SQL) => (bound && !bound.walk ? sql`select * from (${branch} offset 0) b order by b.sort_name, b.id limit ${bound.limit}` : branch);

  const services =
    f.zinplek === true
      ? null
      : sql`
    select 'service' as kind, s.id, s.name, s.organisation_id, s.min_age, s.max_age, s.direct_access,
           s.waiting_days, s.waiting_confirmed_on::text as waiting_confirmed_on, s.confirmed_at, s.description as body,
           ${score('s')} as score, lower(s.name) as sort_name
    from service s
    where s.status = 'active'
      ${match('s')} ${bySector('s')} ${byAge('s')}
      ${f.directAccess !== undefined ? sql`and s.direct_access = ${f.directAccess}` : sql``}
      ${place ? sql`and s.id in (select sl.service_id from service_location sl join location l on l.id = sl.location_id where ${place})` : sql``}
      ${bounded('s')}`;
  const zinplekken =
    f.zinplek === false || f.directAccess === true
      ? null
      : sql`
    select 'zinplek' as kind, z.id, z.name, z.organisation_id, z.min_age, z.max_age, false as direct_access,
           null::int as waiting_days, null::text as waiting_confirmed_on, z.confirmed_at, z.activities as body,
           ${score('z')} as score, lower(z.name) as sort_name
    from zinplek z
    where true
      ${match('z')} ${bySector('z')} ${byAge('z')}
      ${place ? sql`and z.location_id in (select l.id from location l where ${place})` : sql``}
      ${bounded('z')}`;
  const parts = [services, zinplekken].filter((p): p is SQL => p !== null).map((p) => (bound ? sql`(${sorted(p)})` : p));
  if (parts.length === 0) return sql`select null::text as kind, null::uuid as id, null::text as name, null::uuid as organisation_id, null::int as min_age, null::int as max_age, false as direct_access, null::int as waiting_days, null::text as waiting_confirmed_on, null::timestamptz as confirmed_at, null::text as body, 0 as score, null::text as sort_name where false`;
  return sql.join(parts, sql` union all `);
}

export const directoryPublicRepo = {
  /**
   * One page after the cursor: limit + 1 rows, to know whether there is a next one. `many`: the
   * search has more than TOTAL_CAP hits (from `count`), so its broad tier walks the sort index.
   */
  async search(db: DbOrTx, f: SearchFilters, after: SearchAfter | null, limit: number, many = false): Promise<HitRow[]> {
    const q = wordsQuery(f.text);
    const nameHeadline = q ? sql`ts_headline(${CFG}, p.name, ${q}, ${HEADLINE_NAME})` : sql`p.name`;
    const snippet = q ? sql`ts_headline(${CFG}, p.body, ${q}, ${HEADLINE_SNIPPET})` : sql`left(p.body, 200)`;
    const tiers = tiersOf(f.text);
    let page: SQL;
    if (tiers) {
      // Each tier after the cursor: a tier above the cursor's score is done, the cursor's own tier goes on after its (name, id).
      const parts = tiers
        .filter((t) => !after || TIER_SCORE[t] <= after.score)
        .map(
          (t) => sql`(${hitsQuery(f, t, { after: after && TIER_SCORE[t] === after.score ? after : null, limit: limit + 1, walk: many && t !== 'name' })})`,
        );
      if (parts.length === 0) return [];
      page = sql`select c.* from (${sql.join(parts, sql` union all `)}) c order by c.score desc, c.sort_name, c.id limit ${limit + 1}`;
    } else {
      page = sql`select c.* from (${hitsQuery(f)}) c
        ${after ? sql`where (-c.score, c.sort_name, c.id) > (${-after.score}::int, ${after.sortName}::text, ${after.id}::uuid)` : sql``}
        order by c.score desc, c.sort_name, c.id
        limit ${limit + 1}`;
    }
    return rows<HitRow>(
      db,
      sql`
      select p.kind, p.id, p.name, p.organisation_id as "organisationId",
             (select o.name from organisation o where o.id = p.organisation_id) as "organisationName",
             p.min_age as "minAge", p.max_age as "maxAge", p.direct_access as "directAccess", p.waiting_days as "waitingDays",
             p.waiting_confirmed_on as "waitingConfirmedOn", ${iso('p.confirmed_at')} as "confirmedAt",
             p.confirmed_at < ${f.staleBefore.toISOString()}::timestamptz as stale,
             p.score::int as score, p.sort_name as "sortName",
             ${nameHeadline} as "nameHeadline", ${snippet} as "snippetHeadline",
             (select coalesce(json_agg(json_build_object('code', se.code, 'nameNl', se.name_nl, 'nameEn', se.name_en) order by se.position, se.name_nl), '[]')
                from organisation_sector os join sector se on se.id = os.sector_id where os.organisation_id = p.organisation_id) as sectors,
             (select coalesce(json_agg(json_build_object('nisCode', m.nis_code, 'nameNl', m.name_nl) order by m.name_nl, m.nis_code), '[]')
                from municipality m
               where m.nis_code in (select l.nis_code from service_location sl join location l on l.id = sl.location_id where p.kind = 'service' and sl.service_id = p.id
                                    union select l.nis_code from zinplek z join location l on l.id = z.location_id where p.kind = 'zinplek' and z.id = p.id)) as municipalities
      from (${page}) p
      order by p.score desc, p.sort_name, p.id`,
    );
  },

  /** How many hits, counted up to TOTAL_CAP + 1: `capped` when there are more than TOTAL_CAP. */
  async count(db: DbOrTx, f: SearchFilters): Promise<{ total: number; capped: boolean }> {
    const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from (${hitsQuery(f, 'all')}) h limit ${TOTAL_CAP + 1}) x`);
    const n = row?.n ?? 0;
    return n > TOTAL_CAP ? { total: TOTAL_CAP, capped: true } : { total: n, capped: false };
  },

  /** The sectors of these organisations. */
  sectorsOf(db: DbOrTx, organisationIds: string[]) {
    if (organisationIds.length === 0) return Promise.resolve([]);
    return rows<{ organisationId: string; code: string; nameNl: string; nameEn: string }>(
      db,
      sql`select os.organisation_id as "organisationId", se.code, se.name_nl as "nameNl", se.name_en as "nameEn"
          from organisation_sector os join sector se on se.id = os.sector_id
          where os.organisation_id in (${sql.join(organisationIds.map((id) => sql`${id}::uuid`), sql`, `)})
          order by se.position, se.name_nl`,
    );
  },

  // --- Detail pages ----------------------------------------------------------------------------

  async findService(db: DbOrTx, id: string, staleBefore: Date) {
    const [row] = await rows<{
      id: string; name: string; description: string; eligibility: string; minAge: number | null; maxAge: number | null;
      languages: string[]; howToApply: string; cost: string; url: string | null; email: string | null; phone: string | null;
      directAccess: boolean; capacity: number | null; waitingDays: number | null; waitingConfirmedOn: string | null;
      confirmedAt: string; stale: boolean; organisationId: string; organisationName: string;
    }>(
      db,
      sql`select s.id, s.name, s.description, s.eligibility, s.min_age as "minAge", s.max_age as "maxAge", s.languages,
                 s.how_to_apply as "howToApply", s.cost, s.url, s.email, s.phone, s.direct_access as "directAccess",
                 s.capacity, s.waiting_days as "waitingDays", s.waiting_confirmed_on::text as "waitingConfirmedOn",
                 ${iso('s.confirmed_at')} as "confirmedAt", s.confirmed_at < ${staleBefore.toISOString()}::timestamptz as stale,
                 o.id as "organisationId", o.name as "organisationName"
          from service s join organisation o on o.id = s.organisation_id
          where s.id = ${id}::uuid and s.status = 'active' and o.listed and o.status = 'active'`,
    );
    return row;
  },

  async findOrganisation(db: DbOrTx, id: string, staleBefore: Date) {
    const [row] = await rows<{
      id: string; name: string; description: string; website: string | null; email: string | null; phone: string | null;
      directAccess: boolean; broadEntryPoint: boolean; mandated: boolean; confirmedAt: string; stale: boolean;
    }>(
      db,
      sql`select o.id, o.name, o.description, o.website, o.email, o.phone, o.direct_access as "directAccess",
                 o.broad_entry_point as "broadEntryPoint", o.mandated, ${iso('o.confirmed_at')} as "confirmedAt",
                 o.confirmed_at < ${staleBefore.toISOString()}::timestamptz as stale
          from organisation o where o.id = ${id}::uuid and o.listed and o.status = 'active'`,
    );
    return row;
  },

  async findZinplek(db: DbOrTx, id: string, staleBefore: Date) {
    const [row] = await rows<{
      id: string; name: string; activities: string; forWhom: string; minAge: number | null; maxAge: number | null;
      registration: string; places: number | null; confirmedAt: string; stale: boolean;
      organisationId: string; organisationName: string; locationId: string | null;
    }>(
      db,
      sql`select z.id, z.name, z.activities, z.for_whom as "forWhom", z.min_age as "minAge", z.max_age as "maxAge",
                 z.registration, z.places, ${iso('z.confirmed_at')} as "confirmedAt",
                 z.confirmed_at < ${staleBefore.toISOString()}::timestamptz as stale,
                 o.id as "organisationId", o.name as "organisationName", z.location_id as "locationId"
          from zinplek z join organisation o on o.id = z.organisation_id
          where z.id = ${id}::uuid and o.listed and o.status = 'active'`,
    );
    return row;
  },

  /** Locations: of a service (through service_location), of an organisation, or one by id. */
  locations(db: DbOrTx, by: { serviceId: string } | { organisationId: string } | { locationId: string }) {
    const where =
      'serviceId' in by
        ? sql`l.id in (select sl.location_id from service_location sl where sl.service_id = ${by.serviceId}::uuid)`
        : 'organisationId' in by
          ? sql`l.organisation_id = ${by.organisationId}::uuid`
          : sql`l.id = ${by.locationId}::uuid`;
    return rows<{
      id: string; name: string; street: string; postalCode: string; city: string; nisCode: string | null; latitude: number | null; longitude: number | null;
    }>(
      db,
      sql`select l.id, l.name, l.street, l.postal_code as "postalCode", l.city, l.nis_code as "nisCode", l.latitude, l.longitude
          from location l where ${where} order by l.name, l.id`,
    );
  },

  /** Published contact points: of an organisation, or of a service (its own first, then the organisation-wide ones). */
  contactPoints(db: DbOrTx, by: { organisationId: string } | { serviceId: string; organisationId: string }) {
    const where =
      'serviceId' in by
        ? sql`c.organisation_id = ${by.organisationId}::uuid and (c.service_id = ${by.serviceId}::uuid or c.service_id is null)`
        : sql`c.organisation_id = ${by.organisationId}::uuid`;
    const first = 'serviceId' in by ? sql`(c.service_id is null),` : sql``;
    return rows<{ id: string; function: string; title: string; email: string | null; phone: string | null }>(
      db,
      sql`select c.id, c.function, c.title, c.email, c.phone from contact_point c where ${where} order by ${first} c.title, c.id`,
    );
  },

  municipalitiesServed(db: DbOrTx, organisationId: string) {
    return rows<{ nisCode: string; nameNl: string }>(
      db,
      sql`select m.nis_code as "nisCode", m.name_nl as "nameNl" from organisation_municipality om join municipality m on m.nis_code = om.nis_code
          where om.organisation_id = ${organisationId}::uuid order by m.name_nl`,
    );
  },

  servicesOf(db: DbOrTx, organisationId: string) {
    return rows<{ id: string; name: string; directAccess: boolean; waitingDays: number | null }>(
      db,
      sql`select s.id, s.name, s.direct_access as "directAccess", s.waiting_days as "waitingDays" from service s
          where s.organisation_id = ${organisationId}::uuid and s.status = 'active' order by lower(s.name), s.id`,
    );
  },

  zinplekkenOf(db: DbOrTx, organisationId: string) {
    return rows<{ id: string; name: string; forWhom: string }>(
      db,
      sql`select z.id, z.name, z.for_whom as "forWhom" from zinplek z where z.organisation_id = ${organisationId}::uuid order by lower(z.name), z.id`,
    );
  },

  // --- Facets ----------------------------------------------------------------------------------

  facetSectors(db: DbOrTx) {
    return rows<{ code: string; nameNl: string; nameEn: string }>(db, sql`select code, name_nl as "nameNl", name_en as "nameEn" from sector order by position, name_nl`);
  },

  facetRegions(db: DbOrTx) {
    return rows<{ code: string; name: string; kind: 'network' | 'province'; nisCodes: string[] | null }>(
      db,
      sql`select r.code, r.name, r.kind, array_remove(array_agg(rm.nis_code order by rm.nis_code), null) as "nisCodes"
          from region r left join region_municipality rm on rm.region_id = r.id
          group by r.id order by case r.kind when 'network' then 0 else 1 end, r.name`,
    );
  },

  facetMunicipalities(db: DbOrTx) {
    return rows<{ nisCode: string; nameNl: string }>(
      db,
      sql`select m.nis_code as "nisCode", m.name_nl as "nameNl" from municipality m
          where exists (select 1 from region_municipality rm where rm.nis_code = m.nis_code) order by m.name_nl, m.nis_code`,
    );
  },

  // --- Map -------------------------------------------------------------------------------------

  findRegion(db: DbOrTx, code: string) {
    return rows<{ code: string; name: string; nisCodes: string[] | null }>(
      db,
      sql`select r.code, r.name, array_remove(array_agg(rm.nis_code order by rm.nis_code), null) as "nisCodes"
          from region r left join region_municipality rm on rm.region_id = r.id where r.code = ${code} group by r.id`,
    );
  },

  /** Located places of listed, active organisations (in the region's municipalities), with how many active services each offers. */
  mapPoints(db: DbOrTx, region: string | undefined, limit: number) {
    const inRegion = region
      ? sql`and l.nis_code in (select rm.nis_code from region_municipality rm join region r on r.id = rm.region_id where r.code = ${region})`
      : sql``;
    return rows<{ locationId: string; name: string; latitude: number; longitude: number; nisCode: string | null; organisationId: string; organisationName: string; serviceCount: number }>(
      db,
      sql`select l.id as "locationId", l.name, l.latitude, l.longitude, l.nis_code as "nisCode",
                 o.id as "organisationId", o.name as "organisationName",
                 (select count(*)::int from service_location sl join service s on s.id = sl.service_id
                   where sl.location_id = l.id and s.status = 'active') as "serviceCount"
          from location l join organisation o on o.id = l.organisation_id
          where o.listed and o.status = 'active' and l.latitude is not null and l.longitude is not null ${inRegion}
          order by lower(o.name), lower(l.name), l.id
          limit ${limit}`,
    );
  },
};
