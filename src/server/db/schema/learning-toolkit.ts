import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { auditedColumns, idColumn } from './columns.js';
import { organisation, person } from './identity.js';
import type { TCheckAnswer, TToolkitTexts } from '../../../shared/schemas/learning-toolkit.js';

/**
 * The collaboration toolkit (issue 10): the versioned texts of the barometer, phase model and
 * checklist; partnerships of two or more organisations; rounds of self-assessment that keep the
 * content version they were made with; one assessment per partner organisation per round.
 */

/** One version of the toolkit's texts; an edit inserts the next version, old ones never change. */
export const learningToolkitContent = pgTable(
  'learning_toolkit_content',
  {
    id: idColumn(),
    version: integer('version').notNull().unique('learning_toolkit_content_version_key'),
    texts: jsonb('texts').$type<TToolkitTexts>().notNull(),
    createdBy: uuid('created_by').references(() => person.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('learning_toolkit_content_version_valid', sql`${t.version} >= 1`)],
);

/** Two or more organisations that work together (e.g. a mental-health service and a youth-care facility). */
export const learningPartnership = pgTable(
  'learning_partnership',
  {
    id: idColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdBy: uuid('created_by').references(() => person.id),
    ...auditedColumns(),
  },
  (t) => [index('learning_partnership_name_idx').on(sql`lower(${t.name})`, t.id)],
);

export const learningPartnershipMember = pgTable(
  'learning_partnership_member',
  {
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => learningPartnership.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.organisationId] }), index('learning_partnership_member_org_idx').on(t.organisationId)],
);

/** A round of self-assessment on a day, with the content version it uses. */
export const learningPartnershipRound = pgTable(
  'learning_partnership_round',
  {
    id: idColumn(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => learningPartnership.id),
    date: date('date').notNull(),
    contentVersion: integer('content_version')
      .notNull()
      .references(() => learningToolkitContent.version),
    createdBy: uuid('created_by').references(() => person.id),
    ...auditedColumns(),
  },
  (t) => [index('learning_partnership_round_partnership_idx').on(t.partnershipId, t.date)],
);

export type TStoredScore = { criterion: string; score: number; note: string };
export type TStoredCheck = { item: string; answer: TCheckAnswer; note: string };

/** One partner organisation's view in a round. */
export const learningPartnershipAssessment = pgTable(
  'learning_partnership_assessment',
  {
    id: idColumn(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => learningPartnershipRound.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    scores: jsonb('scores').$type<TStoredScore[]>().notNull(),
    phase: text('phase').notNull(),
    checklist: jsonb('checklist').$type<TStoredCheck[]>().notNull(),
    filledBy: uuid('filled_by').references(() => person.id),
    ...auditedColumns(),
  },
  (t) => [uniqueIndex('learning_partnership_assessment_organisation_key').on(t.roundId, t.organisationId)],
);
