import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.js';
import { municipality, region, regionMunicipality, sector } from './schema/index.js';
import { REFERENCE_DIR } from '../paths.js';

const POPULATION_YEAR = 2020;
const FLANDERS_REGION_NIS = '02000';

/** The Flemish provinces by the leading digits of a municipality's NIS code. */
const PROVINCES: { code: string; name: string; prefixes: string[] }[] = [
  { code: 'antwerpen', name: 'Antwerpen', prefixes: ['1'] },
  { code: 'vlaams-brabant', name: 'Vlaams-Brabant', prefixes: ['23', '24'] },
  { code: 'west-vlaanderen', name: 'West-Vlaanderen', prefixes: ['3'] },
  { code: 'oost-vlaanderen', name: 'Oost-Vlaanderen', prefixes: ['4'] },
  { code: 'limburg', name: 'Limburg', prefixes: ['7'] },
];

/** The sectors of an intersectoral youth-care network (product.md). */
export const SECTORS: { code: string; nameNl: string; nameEn: string }[] = [
  { code: 'ggz', nameNl: 'Geestelijke gezondheidszorg (GGZ)', nameEn: 'Mental health care (GGZ)' },
  { code: 'jeugdhulp', nameNl: 'Jeugdhulp (Opgroeien)', nameEn: 'Youth care (Opgroeien)' },
  { code: 'vaph', nameNl: 'Personen met een handicap (VAPH)', nameEn: 'Disability care (VAPH)' },
  { code: 'caw', nameNl: 'Centrum Algemeen Welzijnswerk (CAW)', nameEn: 'General welfare centre (CAW)' },
  { code: 'clb', nameNl: 'Centrum voor Leerlingenbegeleiding (CLB)', nameEn: 'Pupil guidance centre (CLB)' },
  { code: 'kind-en-gezin', nameNl: 'Kind en Gezin', nameEn: 'Kind en Gezin (child and family)' },
  { code: 'huis-van-het-kind', nameNl: 'Huis van het Kind', nameEn: 'Huis van het Kind (family centre)' },
  { code: 'lokaal-bestuur', nameNl: 'Lokaal bestuur', nameEn: 'Local government' },
  { code: 'onderwijs', nameNl: 'Onderwijs', nameEn: 'Education' },
  { code: 'justitie', nameNl: 'Justitie', nameEn: 'Justice' },
  { code: 'andere', nameNl: 'Andere', nameEn: 'Other' },
];

interface TopoMunicipality {
  properties: {
    nis: string;
    name_nl: string;
    name_fr?: string;
    arr_nis: string;
    arr_nl: string;
    reg_nis: string;
    population: number;
  };
}

/** The 299 Flemish municipalities from the shipped TopoJSON (Statbel, 1 January 2020). */
export function flemishMunicipalities() {
  const topo = JSON.parse(readFileSync(join(REFERENCE_DIR, 'belgium-municipalities.topo.json'), 'utf8')) as {
    objects: { municipalities: { geometries: TopoMunicipality[] } };
  };
  return topo.objects.municipalities.geometries
    .map((g) => g.properties)
    .filter((p) => p.reg_nis === FLANDERS_REGION_NIS)
    .map((p) => {
      const province = PROVINCES.find((pr) => pr.prefixes.some((prefix) => p.nis.startsWith(prefix)));
      if (!province) throw new Error(`No Flemish province for NIS ${p.nis}`);
      return {
        nisCode: p.nis,
        nameNl: p.name_nl,
        nameFr: p.name_fr && p.name_fr !== p.name_nl ? p.name_fr : null,
        arrondissementNis: p.arr_nis,
        arrondissementNl: p.arr_nl.replace(/^Arrondissement /, ''),
        province: province.name,
        population: p.population,
        populationYear: POPULATION_YEAR,
      };
    });
}

/**
 * Loads the reference data every installation needs (municipalities, provinces as regions, sectors).
 * Idempotent: municipalities follow the shipped data; regions and sectors keep local edits.
 */
export async function loadReferenceData(db: DbOrTx): Promise<void> {
  const rows = flemishMunicipalities();
  await db
    .insert(municipality)
    .values(rows)
    .onConflictDoUpdate({
      target: municipality.nisCode,
      set: {
        nameNl: sql`excluded.name_nl`,
        nameFr: sql`excluded.name_fr`,
        arrondissementNis: sql`excluded.arrondissement_nis`,
        arrondissementNl: sql`excluded.arrondissement_nl`,
        province: sql`excluded.province`,
        population: sql`excluded.population`,
        populationYear: sql`excluded.population_year`,
      },
    });

  for (const p of PROVINCES) {
    await upsertRegion(
      db,
      { code: p.code, name: p.name, kind: 'province' },
      rows.filter((m) => m.province === p.name).map((m) => m.nisCode),
    );
  }

  await db
    .insert(sector)
    .values(SECTORS.map((s, position) => ({ ...s, position })))
    .onConflictDoNothing({ target: sector.code });
}

/** Creates a region if its code is new and links the given municipalities to it (never unlinks). */
export async function upsertRegion(
  db: DbOrTx,
  values: { code: string; name: string; kind: 'network' | 'province' },
  nisCodes: string[],
): Promise<string> {
  await db.insert(region).values(values).onConflictDoNothing({ target: region.code });
  const [row] = await db.select({ id: region.id }).from(region).where(sql`${region.code} = ${values.code}`);
  if (!row) throw new Error(`region ${values.code} missing after insert`);
  if (nisCodes.length > 0) {
    await db
      .insert(regionMunicipality)
      .values(nisCodes.map((nisCode) => ({ regionId: row.id, nisCode })))
      .onConflictDoNothing();
  }
  return row.id;
}
