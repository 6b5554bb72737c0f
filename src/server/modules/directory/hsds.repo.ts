import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  contactPoint,
  location,
  municipality,
  organisation,
  organisationMunicipality,
  organisationSector,
  region,
  sector,
  service,
  serviceLocation,
  zinplek,
} from '../../db/schema/index.js';
import type { OrgBundle, ServiceBundle } from './hsds.map.js';
import type { OrgPlan, Reference, ServicePlan } from './hsds.import.js';

const chunks = <T>(rows: T[], size = 500): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

/** `excluded.<column>` for every column an upsert sets from the new row. */
function excludedSet(table: Parameters<typeof getTableColumns>[0], keys: string[]) {
  const columns: Record<string, { name: string }> = getTableColumns(table);
  return Object.fromEntries(
    keys.map((k) => {
      const column = columns[k];
      if (!column) throw new Error(`no column ${k}`);
      return [k, sql.raw(`excluded.${column.name}`)];
    }),
  );
}

/** What the public HSDS export shows: listed organisations that are not archived. */
const published = sql`${organisation.listed} and ${organisation.status} = 'active'`;

/** The rows of a raw `execute` (the same shape on PGlite and node-postgres). */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** SQL of the HSDS export: pages of published records in id order, and their nested records in batches. */
export const hsdsRepo = {
  async countOrganisations(db: DbOrTx): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organisation).where(published);
    return row?.n ?? 0;
  },

  async organisationIds(db: DbOrTx, limit: number, offset: number, onlyId?: string): Promise<string[]> {
    const rows = await db
      .select({ id: organisation.id })
      .from(organisation)
      .where(onlyId ? and(published, eq(organisation.id, onlyId)) : published)
      .orderBy(asc(organisation.id))
      .limit(limit)
      .offset(offset);
    return rows.map((r) => r.id);
  },

  /** The organisations with their sectors, municipalities, region, locations and contact points, in the order of `ids`. */
  async organisationBundles(db: DbOrTx, ids: string[]): Promise<OrgBundle[]> {
    if (ids.length === 0) return [];
    const [orgs, sectors, municipalities, locations, contacts] = await Promise.all([
      db
        .select({ org: organisation, regionCode: region.code })
        .from(organisation)
        .leftJoin(region, eq(region.id, organisation.regionId))
        .where(inArray(organisation.id, ids)),
      db
        .select({ organisationId: organisationSector.organisationId, code: sector.code, name: sector.nameNl })
        .from(organisationSector)
        .innerJoin(sector, eq(sector.id, organisationSector.sectorId))
        .where(inArray(organisationSector.organisationId, ids))
        .orderBy(asc(sector.code)),
      db
        .select({ organisationId: organisationMunicipality.organisationId, nisCode: municipality.nisCode, name: municipality.nameNl })
        .from(organisationMunicipality)
        .innerJoin(municipality, eq(municipality.nisCode, organisationMunicipality.nisCode))
        .where(inArray(organisationMunicipality.organisationId, ids))
        .orderBy(asc(municipality.nisCode)),
      this.locationsOf(db, inArray(location.organisationId, ids)),
      db.select().from(contactPoint).where(inArray(contactPoint.organisationId, ids)).orderBy(asc(contactPoint.id)),
    ]);
    const byId = new Map(orgs.map((o) => [o.org.id, o]));
    const sectorsOf = groupBy(sectors, (r) => r.organisationId);
    const municipalitiesOf = groupBy(municipalities, (r) => r.organisationId);
    const locationsOf = groupBy(locations, (r) => r.organisationId);
    const contactsOf = groupBy(contacts, (r) => r.organisationId);
    return ids.flatMap((id) => {
      const o = byId.get(id);
      if (!o) return [];
      return [
        {
          org: o.org,
          regionCode: o.regionCode,
          sectors: (sectorsOf.get(id) ?? []).map(({ code, name }) => ({ code, name })),
          municipalities: (municipalitiesOf.get(id) ?? []).map(({ nisCode, name }) => ({ nisCode, name })),
          locations: locationsOf.get(id) ?? [],
          contacts: contactsOf.get(id) ?? [],
        },
      ];
    });
  },

  locationsOf(db: DbOrTx, where: SQL) {
    return db
      .select({ ...getTableColumns(location), province: municipality.province })
      .from(location)
      .leftJoin(municipality, eq(municipality.nisCode, location.nisCode))
      .where(where)
      .orderBy(asc(location.id));
  },

  /** Services and zinplekken (HSDS services both) of published organisations, as one id-ordered list. */
  serviceUnion(filter: { organisationId?: string; modifiedAfter?: Date; id?: string }) {
    const conds = (t: typeof service | typeof zinplek) =>
      [
        sql`o.listed and o.status = 'active'`,
        filter.organisationId ? sql`${t.organisationId} = ${filter.organisationId}` : undefined,
        filter.modifiedAfter ? sql`${t.updatedAt} > ${filter.modifiedAfter.toISOString()}` : undefined,
        filter.id ? sql`${t.id} = ${filter.id}` : undefined,
      ].filter((c): c is SQL => c !== undefined);
    const where = (t: typeof service | typeof zinplek) => sql.join(conds(t), sql` and `);
    return sql`(select ${service.id} as id, 'service' as kind from ${service} join ${organisation} o on o.id = ${service.organisationId} where ${where(service)}
      union all
      select ${zinplek.id} as id, 'zinplek' as kind from ${zinplek} join ${organisation} o on o.id = ${zinplek.organisationId} where ${where(zinplek)})`;
  },

  async countServices(db: DbOrTx, filter: { organisationId?: string; modifiedAfter?: Date }): Promise<number> {
    const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${this.serviceUnion(filter)} u`));
    return Number(rows[0]?.n ?? 0);
  },

  async serviceKeys(
    db: DbOrTx,
    filter: { organisationId?: string; modifiedAfter?: Date; id?: string },
    limit: number,
    offset: number,
  ): Promise<{ id: string; kind: 'service' | 'zinplek' }[]> {
    const rows = rowsOf<{ id: string; kind: 'service' | 'zinplek' }>(
      await db.execute(sql`select id, kind from ${this.serviceUnion(filter)} u order by id limit ${limit} offset ${offset}`),
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind }));
  },

  /** Services and zinplekken with their locations and contacts, in the order of `keys`. */
  async serviceBundles(db: DbOrTx, keys: { id: string; kind: 'service' | 'zinplek' }[]): Promise<ServiceBundle[]> {
    const serviceIds = keys.filter((k) => k.kind === 'service').map((k) => k.id);
    const zinplekIds = keys.filter((k) => k.kind === 'zinplek').map((k) => k.id);
    const [services, zinplekken, links, contacts] = await Promise.all([
      serviceIds.length ? db.select().from(service).where(inArray(service.id, serviceIds)) : [],
      zinplekIds.length ? db.select().from(zinplek).where(inArray(zinplek.id, zinplekIds)) : [],
      serviceIds.length
        ? db
            .select({ serviceId: serviceLocation.serviceId, locationId: serviceLocation.locationId })
            .from(serviceLocation)
            .where(inArray(serviceLocation.serviceId, serviceIds))
            .orderBy(asc(serviceLocation.locationId))
        : [],
      serviceIds.length ? db.select().from(contactPoint).where(inArray(contactPoint.serviceId, serviceIds)).orderBy(asc(contactPoint.id)) : [],
    ]);
    const servicesById = new Map(services.map((s) => [s.id, s]));
    const zinplekkenById = new Map(zinplekken.map((z) => [z.id, z]));
    const linksOf = groupBy(links, (l) => l.serviceId);
    const contactsOf = groupBy(contacts, (c) => c.serviceId);
    return keys.flatMap((k): ServiceBundle[] => {
      if (k.kind === 'zinplek') {
        const row = zinplekkenById.get(k.id);
        return row ? [{ kind: 'zinplek', row }] : [];
      }
      const row = servicesById.get(k.id);
      return row
        ? [{ kind: 'service', row, locationIds: (linksOf.get(k.id) ?? []).map((l) => l.locationId), contacts: contactsOf.get(k.id) ?? [] }]
        : [];
    });
  },

  /** (service, location) links of published organisations, services and zinplekken alike, for /service_at_locations. */
  serviceAtLocationUnion(filter: { serviceId?: string; organisationId?: string }) {
    const extra = (serviceCol: SQL, orgCol: SQL) =>
      sql.join(
        [
          sql`o.listed and o.status = 'active'`,
          filter.serviceId ? sql`${serviceCol} = ${filter.serviceId}` : undefined,
          filter.organisationId ? sql`${orgCol} = ${filter.organisationId}` : undefined,
        ].filter((c): c is SQL => c !== undefined),
        sql` and `,
      );
    return sql`(select sl.service_id, sl.location_id from ${serviceLocation} sl join ${service} s on s.id = sl.service_id join ${organisation} o on o.id = s.organisation_id
        where ${extra(sql`sl.service_id`, sql`s.organisation_id`)}
      union all
      select z.id as service_id, z.location_id from ${zinplek} z join ${organisation} o on o.id = z.organisation_id
        where z.location_id is not null and ${extra(sql`z.id`, sql`z.organisation_id`)})`;
  },

  async countServiceAtLocations(db: DbOrTx, filter: { serviceId?: string; organisationId?: string }): Promise<number> {
    const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${this.serviceAtLocationUnion(filter)} u`));
    return Number(rows[0]?.n ?? 0);
  },

  async serviceAtLocations(db: DbOrTx, filter: { serviceId?: string; organisationId?: string }, limit: number, offset: number) {
    const rows = rowsOf<{ service_id: string; location_id: string }>(
      await db.execute(sql`select service_id, location_id from ${this.serviceAtLocationUnion(filter)} u order by service_id, location_id limit ${limit} offset ${offset}`),
    );
    return rows.map((r) => ({ serviceId: r.service_id, locationId: r.location_id }));
  },

  // --- what an import reads and writes --------------------------------------------------------

  /** Sector codes → ids, the known NIS codes, region codes → ids. */
  async referenceCodes(db: DbOrTx): Promise<Reference> {
    const [sectors, municipalities, regions] = await Promise.all([
      db.select({ id: sector.id, code: sector.code }).from(sector),
      db.select({ nisCode: municipality.nisCode }).from(municipality),
      db.select({ id: region.id, code: region.code }).from(region),
    ]);
    return {
      sectors: new Map(sectors.map((s) => [s.code, s.id])),
      municipalities: new Set(municipalities.map((m) => m.nisCode)),
      regions: new Map(regions.map((r) => [r.code, r.id])),
    };
  },

  organisationNames(db: DbOrTx) {
    return db.select({ id: organisation.id, name: organisation.name }).from(organisation);
  },

  /** Which organisation owns each of these ids that exists already. */
  async ownersOf(db: DbOrTx, kind: 'location' | 'service' | 'zinplek' | 'contact', ids: string[]): Promise<Map<string, string>> {
    const table = { location, service, zinplek, contact: contactPoint }[kind];
    const owners = new Map<string, string>();
    for (const part of chunks(ids, 1000)) {
      const rows = await db.select({ id: table.id, organisationId: table.organisationId }).from(table).where(inArray(table.id, part));
      for (const r of rows) owners.set(r.id, r.organisationId);
    }
    return owners;
  },

  /** Writes checked records: upsert by id (a changed record's version goes up); sectors, municipalities and service locations replaced. */
  async writeImport(tx: DbOrTx, orgs: OrgPlan[], services: ServicePlan[]): Promise<void> {
    const orgKeys = ['name', 'description', 'email', 'website', 'phone', 'regionId', 'directAccess', 'broadEntryPoint', 'mandated', 'listed', 'status', 'confirmedAt', 'updatedAt'];
    for (const part of chunks(orgs.map((p) => p.org))) {
      await tx.insert(organisation).values(part).onConflictDoUpdate({ target: organisation.id, set: { ...excludedSet(organisation, orgKeys), version: sql`${organisation.version} + 1` } });
    }
    for (const part of chunks(orgs.map((p) => p.org.id), 1000)) {
      await tx.delete(organisationSector).where(inArray(organisationSector.organisationId, part));
      await tx.delete(organisationMunicipality).where(inArray(organisationMunicipality.organisationId, part));
    }
    for (const part of chunks(orgs.flatMap((p) => p.sectorIds.map((sectorId) => ({ organisationId: p.org.id, sectorId }))))) await tx.insert(organisationSector).values(part);
    for (const part of chunks(orgs.flatMap((p) => p.nisCodes.map((nisCode) => ({ organisationId: p.org.id, nisCode }))))) await tx.insert(organisationMunicipality).values(part);
    const locationKeys = ['name', 'description', 'street', 'postalCode', 'city', 'nisCode', 'latitude', 'longitude', 'confirmedAt'];
    for (const part of chunks(orgs.flatMap((p) => p.locations))) {
      await tx.insert(location).values(part).onConflictDoUpdate({ target: location.id, set: { ...excludedSet(location, locationKeys), version: sql`${location.version} + 1`, updatedAt: sql`now()` } });
    }
    const serviceRows = services.flatMap((p) => (p.kind === 'service' ? [p.row] : []));
    const serviceKeys = ['name', 'description', 'eligibility', 'minAge', 'maxAge', 'languages', 'howToApply', 'cost', 'url', 'email', 'phone', 'directAccess', 'status', 'capacity', 'waitingDays', 'waitingConfirmedOn', 'confirmedAt', 'updatedAt'];
    for (const part of chunks(serviceRows)) {
      await tx.insert(service).values(part).onConflictDoUpdate({ target: service.id, set: { ...excludedSet(service, serviceKeys), version: sql`${service.version} + 1` } });
    }
    // A contact listed under its organisation and again under its service is written once.
    const contacts = new Map<string, (typeof orgs)[number]['contacts'][number]>();
    for (const c of orgs.flatMap((p) => p.contacts)) contacts.set(c.id, c);
    for (const p of services) if (p.kind === 'service') for (const c of p.contacts) if (!contacts.has(c.id)) contacts.set(c.id, c);
    const contactKeys = ['serviceId', 'function', 'title', 'email', 'phone', 'confirmedAt'];
    for (const part of chunks([...contacts.values()])) {
      await tx.insert(contactPoint).values(part).onConflictDoUpdate({ target: contactPoint.id, set: { ...excludedSet(contactPoint, contactKeys), version: sql`${contactPoint.version} + 1`, updatedAt: sql`now()` } });
    }
    for (const part of chunks(serviceRows.map((r) => r.id), 1000)) await tx.delete(serviceLocation).where(inArray(serviceLocation.serviceId, part));
    for (const part of chunks(services.flatMap((p) => (p.kind === 'service' ? p.locationIds.map((locationId) => ({ serviceId: p.row.id, locationId })) : [])))) {
      await tx.insert(serviceLocation).values(part);
    }
    const zinplekKeys = ['locationId', 'name', 'activities', 'forWhom', 'minAge', 'maxAge', 'registration', 'places', 'confirmedAt', 'updatedAt'];
    for (const part of chunks(services.flatMap((p) => (p.kind === 'zinplek' ? [p.row] : [])))) {
      await tx.insert(zinplek).values(part).onConflictDoUpdate({ target: zinplek.id, set: { ...excludedSet(zinplek, zinplekKeys), version: sql`${zinplek.version} + 1` } });
    }
  },

  /** Locations by id, with the province of their municipality. */
  locationsById(db: DbOrTx, ids: string[]) {
    return this.locationsOf(db, inArray(location.id, ids));
  },
};
