import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { contactPoint, location, municipality, organisation, organisationMunicipality, service, serviceLocation, wait, zinplek } from '../../db/schema/index.js';
import { afterCursor, decodeCursor, toPage } from '../../db/paging.js';

/** SQL of directory management: the entries of one organisation, their confirmation and the stale list. */

export type EntryTable = typeof location | typeof service | typeof contactPoint | typeof zinplek;

export type LocationRow = typeof location.$inferSelect;
export type ServiceRow = typeof service.$inferSelect & { locations: { id: string; name: string }[] };
export type ContactPointRow = typeof contactPoint.$inferSelect;
export type ZinplekRow = typeof zinplek.$inferSelect;

export type LocationValues = Partial<Omit<typeof location.$inferInsert, 'id' | 'organisationId' | 'createdAt' | 'updatedAt' | 'version'>>;
export type ServiceValues = Partial<Omit<typeof service.$inferInsert, 'id' | 'organisationId' | 'createdAt' | 'updatedAt' | 'version'>>;
export type ContactPointValues = Partial<Omit<typeof contactPoint.$inferInsert, 'id' | 'organisationId' | 'createdAt' | 'updatedAt' | 'version'>>;
export type ZinplekValues = Partial<Omit<typeof zinplek.$inferInsert, 'id' | 'organisationId' | 'createdAt' | 'updatedAt' | 'version'>>;

interface PageInput {
  organisationId: string;
  scope: SQL;
  cursor: string | undefined;
  limit: number;
}

/** A page of one table's entries of an organisation, by name (lower case) and id. */
async function pageOf<R extends { id: string }>(
  query: (where: SQL | undefined, sortKey: SQL) => Promise<(R & { sortKey: string })[]>,
  sortKey: SQL,
  idColumn: SQL | unknown,
  input: PageInput,
  own: SQL,
) {
  const rows = await query(and(own, input.scope, afterCursor(sortKey, idColumn, input.cursor)), sortKey);
  const page = toPage(rows, input.limit, (r) => ({ key: r.sortKey, id: r.id }));
  return { items: page.items.map(({ sortKey: _omit, ...r }) => r as unknown as R), nextCursor: page.nextCursor };
}

export const manageRepo = {
  // --- Organisations ------------------------------------------------------------------------

  async lockOrganisation(db: DbOrTx, id: string) {
    const [row] = await db
      .select({ id: organisation.id, organisationId: organisation.id, version: organisation.version })
      .from(organisation)
      .where(eq(organisation.id, id))
      .for('update');
    return row;
  },

  async organisationFacts(db: DbOrTx, id: string) {
    const [row] = await db.select({ id: organisation.id, organisationId: organisation.id }).from(organisation).where(eq(organisation.id, id));
    return row;
  },

  async organisation(db: DbOrTx, id: string) {
    const [row] = await db
      .select({
        id: organisation.id,
        name: organisation.name,
        description: organisation.description,
        website: organisation.website,
        email: organisation.email,
        phone: organisation.phone,
        directAccess: organisation.directAccess,
        broadEntryPoint: organisation.broadEntryPoint,
        mandated: organisation.mandated,
        listed: organisation.listed,
        confirmedAt: organisation.confirmedAt,
        version: organisation.version,
      })
      .from(organisation)
      .where(eq(organisation.id, id));
    if (!row) return undefined;
    const municipalities = await db
      .select({ nisCode: municipality.nisCode, nameNl: municipality.nameNl })
      .from(organisationMunicipality)
      .innerJoin(municipality, eq(municipality.nisCode, organisationMunicipality.nisCode))
      .where(eq(organisationMunicipality.organisationId, id))
      .orderBy(asc(municipality.nameNl));
    return { ...row, municipalities };
  },

  async updateOrganisation(
    db: DbOrTx,
    id: string,
    version: number,
    values: Partial<Pick<typeof organisation.$inferInsert, 'description' | 'website' | 'email' | 'phone' | 'directAccess' | 'broadEntryPoint' | 'mandated' | 'listed'>>,
    now: Date,
  ): Promise<boolean> {
    const rows = await db
      .update(organisation)
      .set({ ...values, confirmedAt: now, updatedAt: now, version: sql`${organisation.version} + 1` })
      .where(and(eq(organisation.id, id), eq(organisation.version, version)))
      .returning({ id: organisation.id });
    return rows.length === 1;
  },

  /** The NIS codes of these that exist. */
  async knownMunicipalities(db: DbOrTx, nisCodes: string[]): Promise<string[]> {
    if (!nisCodes.length) return [];
    const rows = await db.select({ nisCode: municipality.nisCode }).from(municipality).where(inArray(municipality.nisCode, nisCodes));
    return rows.map((r) => r.nisCode);
  },

  async replaceMunicipalities(db: DbOrTx, organisationId: string, nisCodes: string[]) {
    await db.delete(organisationMunicipality).where(eq(organisationMunicipality.organisationId, organisationId));
    if (nisCodes.length) await db.insert(organisationMunicipality).values(nisCodes.map((nisCode) => ({ organisationId, nisCode })));
  },

  /** Confirms the organisation and every entry of it; the number of rows of each kind. */
  async confirmAll(db: DbOrTx, organisationId: string, now: Date) {
    const count = async (table: EntryTable) =>
      (await db.update(table).set({ confirmedAt: now, updatedAt: now }).where(eq(table.organisationId, organisationId)).returning({ id: table.id })).length;
    const org = await db.update(organisation).set({ confirmedAt: now, updatedAt: now }).where(eq(organisation.id, organisationId)).returning({ id: organisation.id });
    return {
      organisation: org.length,
      locations: await count(location),
      services: await count(service),
      contactPoints: await count(contactPoint),
      zinplekken: await count(zinplek),
    };
  },

  async confirmOrganisation(db: DbOrTx, organisationId: string, now: Date) {
    await db.update(organisation).set({ confirmedAt: now, updatedAt: now }).where(eq(organisation.id, organisationId));
  },

  // --- Any entry ----------------------------------------------------------------------------

  /** An entry's owner and version, locked for the change. */
  async lockEntry(db: DbOrTx, table: EntryTable, id: string) {
    const [row] = await db
      .select({ id: table.id, organisationId: table.organisationId, version: table.version })
      .from(table)
      .where(eq(table.id, id))
      .for('update');
    return row;
  },

  async entryFacts(db: DbOrTx, table: EntryTable, id: string) {
    const [row] = await db.select({ id: table.id, organisationId: table.organisationId }).from(table).where(eq(table.id, id));
    return row;
  },

  async confirmEntry(db: DbOrTx, table: EntryTable, id: string, now: Date) {
    await db.update(table).set({ confirmedAt: now, updatedAt: now }).where(eq(table.id, id));
  },

  async deleteEntry(db: DbOrTx, table: EntryTable, id: string) {
    await db.delete(table).where(eq(table.id, id));
  },

  /** The ids of these entries that belong to the organisation. */
  async ownIds(db: DbOrTx, table: typeof location | typeof service, organisationId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await db.select({ id: table.id }).from(table).where(and(eq(table.organisationId, organisationId), inArray(table.id, ids)));
    return rows.map((r) => r.id);
  },

  // --- Locations ----------------------------------------------------------------------------

  async location(db: DbOrTx, id: string): Promise<LocationRow | undefined> {
    const [row] = await db.select().from(location).where(eq(location.id, id));
    return row;
  },

  pageLocations(db: DbOrTx, input: PageInput) {
    return pageOf<LocationRow>(
      (where, sortKey) => db.select({ ...getTableColumns(location), sortKey: sql<string>`${sortKey}` }).from(location).where(where).orderBy(asc(sortKey), asc(location.id)).limit(input.limit + 1),
      sql`lower(${location.name})`,
      location.id,
      input,
      eq(location.organisationId, input.organisationId),
    );
  },

  async insertLocation(db: DbOrTx, organisationId: string, values: LocationValues & Pick<typeof location.$inferInsert, 'name' | 'street' | 'postalCode' | 'city'>, now: Date) {
    const [row] = await db.insert(location).values({ ...values, organisationId, confirmedAt: now, createdAt: now, updatedAt: now }).returning({ id: location.id });
    if (!row) throw new Error('location not inserted');
    return row.id;
  },

  async updateLocation(db: DbOrTx, id: string, version: number, values: LocationValues, now: Date): Promise<boolean> {
    const rows = await db
      .update(location)
      .set({ ...values, confirmedAt: now, updatedAt: now, version: sql`${location.version} + 1` })
      .where(and(eq(location.id, id), eq(location.version, version)))
      .returning({ id: location.id });
    return rows.length === 1;
  },

  /** Whether a service or zinplek still uses the location. */
  async locationInUse(db: DbOrTx, id: string): Promise<{ services: number; zinplekken: number }> {
    const [s] = await db.select({ n: sql<number>`count(*)::int` }).from(serviceLocation).where(eq(serviceLocation.locationId, id));
    const [z] = await db.select({ n: sql<number>`count(*)::int` }).from(zinplek).where(eq(zinplek.locationId, id));
    return { services: s?.n ?? 0, zinplekken: z?.n ?? 0 };
  },

  // --- Services -----------------------------------------------------------------------------

  async serviceLocations(db: DbOrTx, serviceIds: string[]) {
    if (!serviceIds.length) return [];
    return db
      .select({ serviceId: serviceLocation.serviceId, id: location.id, name: location.name })
      .from(serviceLocation)
      .innerJoin(location, eq(location.id, serviceLocation.locationId))
      .where(inArray(serviceLocation.serviceId, serviceIds))
      .orderBy(asc(sql`lower(${location.name})`), asc(location.id));
  },

  async service(db: DbOrTx, id: string): Promise<ServiceRow | undefined> {
    const [row] = await db.select().from(service).where(eq(service.id, id));
    if (!row) return undefined;
    const locations = await manageRepo.serviceLocations(db, [id]);
    return { ...row, locations: locations.map(({ id: lid, name }) => ({ id: lid, name })) };
  },

  async pageServices(db: DbOrTx, input: PageInput) {
    const page = await pageOf<typeof service.$inferSelect>(
      (where, sortKey) => db.select({ ...getTableColumns(service), sortKey: sql<string>`${sortKey}` }).from(service).where(where).orderBy(asc(sortKey), asc(service.id)).limit(input.limit + 1),
      sql`lower(${service.name})`,
      service.id,
      input,
      eq(service.organisationId, input.organisationId),
    );
    const locations = await manageRepo.serviceLocations(db, page.items.map((s) => s.id));
    return {
      items: page.items.map((s): ServiceRow => ({ ...s, locations: locations.filter((l) => l.serviceId === s.id).map(({ id, name }) => ({ id, name })) })),
      nextCursor: page.nextCursor,
    };
  },

  async insertService(db: DbOrTx, organisationId: string, values: ServiceValues & Pick<typeof service.$inferInsert, 'name'>, now: Date) {
    const [row] = await db.insert(service).values({ ...values, organisationId, confirmedAt: now, createdAt: now, updatedAt: now }).returning({ id: service.id });
    if (!row) throw new Error('service not inserted');
    return row.id;
  },

  async updateService(db: DbOrTx, id: string, version: number, values: ServiceValues, now: Date): Promise<boolean> {
    const rows = await db
      .update(service)
      .set({ ...values, confirmedAt: now, updatedAt: now, version: sql`${service.version} + 1` })
      .where(and(eq(service.id, id), eq(service.version, version)))
      .returning({ id: service.id });
    return rows.length === 1;
  },

  async replaceServiceLocations(db: DbOrTx, serviceId: string, locationIds: string[]) {
    await db.delete(serviceLocation).where(eq(serviceLocation.serviceId, serviceId));
    if (locationIds.length) await db.insert(serviceLocation).values(locationIds.map((locationId) => ({ serviceId, locationId })));
  },

  /** How many waits of families point at the service (they keep it from being deleted). */
  async serviceWaits(db: DbOrTx, id: string): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(wait).where(eq(wait.serviceId, id));
    return row?.n ?? 0;
  },

  // --- Contact points -----------------------------------------------------------------------

  async contactPoint(db: DbOrTx, id: string): Promise<ContactPointRow | undefined> {
    const [row] = await db.select().from(contactPoint).where(eq(contactPoint.id, id));
    return row;
  },

  pageContactPoints(db: DbOrTx, input: PageInput) {
    return pageOf<ContactPointRow>(
      (where, sortKey) =>
        db.select({ ...getTableColumns(contactPoint), sortKey: sql<string>`${sortKey}` }).from(contactPoint).where(where).orderBy(asc(sortKey), asc(contactPoint.id)).limit(input.limit + 1),
      sql`lower(${contactPoint.title})`,
      contactPoint.id,
      input,
      eq(contactPoint.organisationId, input.organisationId),
    );
  },

  async insertContactPoint(db: DbOrTx, organisationId: string, values: ContactPointValues & Pick<typeof contactPoint.$inferInsert, 'title' | 'function'>, now: Date) {
    const [row] = await db.insert(contactPoint).values({ ...values, organisationId, confirmedAt: now, createdAt: now, updatedAt: now }).returning({ id: contactPoint.id });
    if (!row) throw new Error('contact point not inserted');
    return row.id;
  },

  async updateContactPoint(db: DbOrTx, id: string, version: number, values: ContactPointValues, now: Date): Promise<boolean> {
    const rows = await db
      .update(contactPoint)
      .set({ ...values, confirmedAt: now, updatedAt: now, version: sql`${contactPoint.version} + 1` })
      .where(and(eq(contactPoint.id, id), eq(contactPoint.version, version)))
      .returning({ id: contactPoint.id });
    return rows.length === 1;
  },

  // --- Zinplekken ---------------------------------------------------------------------------

  async zinplek(db: DbOrTx, id: string): Promise<ZinplekRow | undefined> {
    const [row] = await db.select().from(zinplek).where(eq(zinplek.id, id));
    return row;
  },

  pageZinplekken(db: DbOrTx, input: PageInput) {
    return pageOf<ZinplekRow>(
      (where, sortKey) => db.select({ ...getTableColumns(zinplek), sortKey: sql<string>`${sortKey}` }).from(zinplek).where(where).orderBy(asc(sortKey), asc(zinplek.id)).limit(input.limit + 1),
      sql`lower(${zinplek.name})`,
      zinplek.id,
      input,
      eq(zinplek.organisationId, input.organisationId),
    );
  },

  async insertZinplek(db: DbOrTx, organisationId: string, values: ZinplekValues & Pick<typeof zinplek.$inferInsert, 'name'>, now: Date) {
    const [row] = await db.insert(zinplek).values({ ...values, organisationId, confirmedAt: now, createdAt: now, updatedAt: now }).returning({ id: zinplek.id });
    if (!row) throw new Error('zinplek not inserted');
    return row.id;
  },

  async updateZinplek(db: DbOrTx, id: string, version: number, values: ZinplekValues, now: Date): Promise<boolean> {
    const rows = await db
      .update(zinplek)
      .set({ ...values, confirmedAt: now, updatedAt: now, version: sql`${zinplek.version} + 1` })
      .where(and(eq(zinplek.id, id), eq(zinplek.version, version)))
      .returning({ id: zinplek.id });
    return rows.length === 1;
  },

  // --- Stale entries ------------------------------------------------------------------------

  /**
   * Entries (the organisation itself included) confirmed before `staleBefore`, oldest first, keyset
   * paged by (confirmed_at, id). `orgIds` null means every organisation. Archived organisations are left out.
   */
  async pageStale(db: DbOrTx, input: { staleBefore: Date; orgIds: string[] | null; organisationId: string | undefined; cursor: string | undefined; limit: number }) {
    const after = input.cursor ? decodeCursor(input.cursor) : null;
    const scope = input.orgIds === null ? sql`true` : input.orgIds.length ? sql`e.organisation_id in (${sql.join(input.orgIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`;
    const only = input.organisationId ? sql`e.organisation_id = ${input.organisationId}::uuid` : sql`true`;
    const afterCond = after ? sql`(e.confirmed_at, e.id) > (${after.key}::timestamptz, ${after.id}::uuid)` : sql`true`;
    const result = await db.execute(sql`
      select e.kind, e.id, e.name, e.organisation_id as "organisationId", o.name as "organisationName",
             e.confirmed_at::text as "sortKey",
             to_char(e.confirmed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "confirmedAt"
      from (
        select 'organisation' as kind, id, name, id as organisation_id, confirmed_at from ${organisation}
        union all select 'location', id, name, organisation_id, confirmed_at from ${location}
        union all select 'service', id, name, organisation_id, confirmed_at from ${service}
        union all select 'contact_point', id, title, organisation_id, confirmed_at from ${contactPoint}
        union all select 'zinplek', id, name, organisation_id, confirmed_at from ${zinplek}
      ) e
      join ${organisation} o on o.id = e.organisation_id
      where o.status = 'active' and e.confirmed_at < ${input.staleBefore.toISOString()}::timestamptz and ${scope} and ${only} and ${afterCond}
      order by e.confirmed_at, e.id
      limit ${input.limit + 1}`);
    // node-postgres and PGlite answer { rows }; other drivers the rows themselves.
    const rows = (Array.isArray(result) ? result : (result as unknown as { rows: StaleRow[] }).rows) as StaleRow[];
    return toPage(rows, input.limit, (r) => ({ key: r.sortKey, id: r.id }));
  },
};

export interface StaleRow {
  kind: 'organisation' | 'location' | 'service' | 'contact_point' | 'zinplek';
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  sortKey: string;
  confirmedAt: string;
}
