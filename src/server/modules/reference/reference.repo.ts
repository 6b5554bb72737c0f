import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { municipality, region, regionMunicipality, sector } from '../../db/schema/index.js';

const summaryColumns = {
  id: region.id,
  code: region.code,
  name: region.name,
  kind: region.kind,
  municipalityCount: sql<number>`count(${municipality.nisCode})::int`,
  population: sql<number>`coalesce(sum(${municipality.population}), 0)::int`,
};

/** SQL for regions, municipalities and sectors (public reference data). */
export const referenceRepo = {
  /** All regions with municipality count and population computed from their municipalities. */
  listRegions(db: DbOrTx) {
    return db
      .select(summaryColumns)
      .from(region)
      .leftJoin(regionMunicipality, eq(regionMunicipality.regionId, region.id))
      .leftJoin(municipality, eq(municipality.nisCode, regionMunicipality.nisCode))
      .groupBy(region.id)
      .orderBy(sql`case ${region.kind} when 'network' then 0 else 1 end`, asc(region.name));
  },

  async findRegionByCode(db: DbOrTx, code: string) {
    const rows = await db
      .select({ ...summaryColumns, version: region.version })
      .from(region)
      .leftJoin(regionMunicipality, eq(regionMunicipality.regionId, region.id))
      .leftJoin(municipality, eq(municipality.nisCode, regionMunicipality.nisCode))
      .where(eq(region.code, code))
      .groupBy(region.id);
    return rows[0];
  },

  municipalitiesOfRegion(db: DbOrTx, regionId: string) {
    return db
      .select({
        nisCode: municipality.nisCode,
        nameNl: municipality.nameNl,
        nameFr: municipality.nameFr,
        arrondissementNis: municipality.arrondissementNis,
        arrondissementNl: municipality.arrondissementNl,
        province: municipality.province,
        population: municipality.population,
        populationYear: municipality.populationYear,
      })
      .from(regionMunicipality)
      .innerJoin(municipality, eq(municipality.nisCode, regionMunicipality.nisCode))
      .where(eq(regionMunicipality.regionId, regionId))
      .orderBy(asc(municipality.nameNl));
  },

  /** A region's id, kind and version, locked for a change of its municipalities. */
  async lockRegion(db: DbOrTx, code: string) {
    const [row] = await db.select({ id: region.id, name: region.name, kind: region.kind, version: region.version }).from(region).where(eq(region.code, code)).for('update');
    return row;
  },

  /**
   * Locks one municipality: two changes that place the same municipality wait for each other, so
   * the "one 1G1P network per municipality" check cannot be raced (a row lock, not a global one).
   */
  async lockMunicipality(db: DbOrTx, nisCode: string) {
    const [row] = await db.select({ nisCode: municipality.nisCode, nameNl: municipality.nameNl }).from(municipality).where(eq(municipality.nisCode, nisCode)).for('update');
    return row;
  },

  async inRegion(db: DbOrTx, regionId: string, nisCode: string): Promise<boolean> {
    const [row] = await db
      .select({ nisCode: regionMunicipality.nisCode })
      .from(regionMunicipality)
      .where(and(eq(regionMunicipality.regionId, regionId), eq(regionMunicipality.nisCode, nisCode)));
    return row !== undefined;
  },

  /** The other 1G1P network that holds this municipality, if any. */
  async otherNetworkOf(db: DbOrTx, regionId: string, nisCode: string) {
    const [row] = await db
      .select({ id: region.id, name: region.name })
      .from(regionMunicipality)
      .innerJoin(region, eq(region.id, regionMunicipality.regionId))
      .where(and(eq(regionMunicipality.nisCode, nisCode), eq(region.kind, 'network'), ne(region.id, regionId)));
    return row;
  },

  async addMunicipality(db: DbOrTx, regionId: string, nisCode: string) {
    await db.insert(regionMunicipality).values({ regionId, nisCode });
  },

  async removeMunicipality(db: DbOrTx, regionId: string, nisCode: string) {
    await db.delete(regionMunicipality).where(and(eq(regionMunicipality.regionId, regionId), eq(regionMunicipality.nisCode, nisCode)));
  },

  /** Bumps the region's version when its municipality set changed; false when `version` is stale. */
  async touchRegion(db: DbOrTx, regionId: string, version: number, now: Date): Promise<boolean> {
    const rows = await db
      .update(region)
      .set({ updatedAt: now, version: sql`${region.version} + 1` })
      .where(and(eq(region.id, regionId), eq(region.version, version)))
      .returning({ id: region.id });
    return rows.length === 1;
  },

  listSectors(db: DbOrTx) {
    return db
      .select({ id: sector.id, code: sector.code, nameNl: sector.nameNl, nameEn: sector.nameEn })
      .from(sector)
      .orderBy(asc(sector.position), asc(sector.nameNl));
  },
};
