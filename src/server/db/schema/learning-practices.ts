import { sql } from 'drizzle-orm';
import { check, customType, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auditedColumns, idColumn } from './columns.js';
import { organisation, person } from './identity.js';
import { PRACTICE_STATUSES, type TPracticeContact } from '../../../shared/schemas/learning-practices.js';

/**
 * The good practices library (issue 10, after seed 000): described collaborations between
 * organisations of different sectors — summary, goals, added value, bottlenecks, contacts, sectors
 * and the organisations involved. A professional proposes one (draft, seen by their organisation and
 * the network coordinators); a coordinator publishes it to every network partner or withdraws it.
 * Attachments live in the platform's `attachment` table (resource type `learning_practice`).
 */

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** A full-text search document (generated; never written by the application). */
const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

export const learningPractice = pgTable(
  'learning_practice',
  {
    id: idColumn(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    goals: text('goals').notNull().default(''),
    addedValue: text('added_value').notNull().default(''),
    bottlenecks: text('bottlenecks').notNull().default(''),
    contacts: jsonb('contacts').$type<TPracticeContact[]>().notNull().default([]),
    /** Sector codes (checked against `sector` by the service). */
    sectorCodes: text('sector_codes').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull().default('draft'),
    /** The organisation that proposed it (its people may see and change the draft); null for a coordinator without one. */
    authorOrganisationId: uuid('author_organisation_id').references(() => organisation.id),
    createdBy: uuid('created_by').references(() => person.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => person.id),
    /**
     * The search document (Dutch stemming, accents folded: migration 0014), stored so a search
     * never runs `to_tsvector` per row: with it computed on the fly, the planner walked
     * `learning_practice_title_idx` for the first page and stemmed thousands of rows to find a
     * rare word (docs/performance.md, 2026-12-03). practices.repo.ts searches only this column.
     */
    searchDocument: tsvector('search_document').generatedAlwaysAs(
      sql`to_tsvector('public.samenplan_dutch'::regconfig, title || ' ' || summary || ' ' || goals || ' ' || added_value || ' ' || bottlenecks)`,
    ),
    ...auditedColumns(),
  },
  (t) => [
    check('learning_practice_status_valid', sql`${t.status} in (${inList(PRACTICE_STATUSES)})`),
    index('learning_practice_title_idx').on(sql`lower(${t.title})`, t.id),
    index('learning_practice_author_idx').on(t.authorOrganisationId),
    index('learning_practice_sector_idx').using('gin', t.sectorCodes),
    index('learning_practice_search_idx').using('gin', t.searchDocument),
  ],
);

/** The organisations involved in a practice. */
export const learningPracticeOrganisation = pgTable(
  'learning_practice_organisation',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => learningPractice.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.organisationId] }), index('learning_practice_organisation_org_idx').on(t.organisationId)],
);
