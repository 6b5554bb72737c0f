import { asc, eq, sql } from 'drizzle-orm';
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
      .select(summaryColumns)
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

  listSectors(db: DbOrTx) {
    return db
      .select({ id: sector.id, code: sector.code, nameNl: sector.nameNl, nameEn: sector.nameEn })
      .from(sector)
      .orderBy(asc(sector.position), asc(sector.nameNl));
  },
};
