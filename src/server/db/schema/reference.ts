import { check, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { auditedColumns, idColumn } from './columns.js';

/** A Belgian municipality, keyed by its NIS code; loaded from the shipped reference data. */
export const municipality = pgTable(
  'municipality',
  {
    nisCode: text('nis_code').primaryKey(),
    nameNl: text('name_nl').notNull(),
    nameFr: text('name_fr'),
    arrondissementNis: text('arrondissement_nis').notNull(),
    arrondissementNl: text('arrondissement_nl').notNull(),
    province: text('province').notNull(),
    population: integer('population').notNull(),
    populationYear: integer('population_year').notNull(),
  },
  (t) => [
    check('municipality_nis_code_format', sql`${t.nisCode} ~ '^[0-9]{5}$'`),
    check('municipality_population_nonnegative', sql`${t.population} >= 0`),
    index('municipality_arrondissement_idx').on(t.arrondissementNis),
  ],
);

/** A 1G1P network (kind 'network') or a province (kind 'province', for provincial bodies). */
export const region = pgTable(
  'region',
  {
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['network', 'province'] }).notNull(),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('region_code_key').on(t.code),
    check('region_kind_valid', sql`${t.kind} in ('network', 'province')`),
  ],
);

/** Which municipalities a region covers; population totals are computed from these. */
export const regionMunicipality = pgTable(
  'region_municipality',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id, { onDelete: 'cascade' }),
    nisCode: text('nis_code')
      .notNull()
      .references(() => municipality.nisCode),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.nisCode] }), index('region_municipality_nis_idx').on(t.nisCode)],
);

/** A sector of the network (GGZ, youth care, VAPH, CAW, CLB, …). */
export const sector = pgTable(
  'sector',
  {
    id: idColumn(),
    code: text('code').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    position: integer('position').notNull().default(0),
    ...auditedColumns(),
  },
  (t) => [uniqueIndex('sector_code_key').on(t.code)],
);
