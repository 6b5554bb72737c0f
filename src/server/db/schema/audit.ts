import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;

/**
 * Append-only, hash-chained record of everything that happened (security.md §17–18).
 * Updates, deletes and truncates are refused by triggers (migration 0004).
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid('id').notNull().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    actorAccountId: uuid('actor_account_id'),
    actorPersonId: uuid('actor_person_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    familyId: uuid('family_id'),
    organisationId: uuid('organisation_id'),
    ip: text('ip'),
    outcome: text('outcome', { enum: AUDIT_OUTCOMES }).notNull(),
    reason: text('reason'),
    details: jsonb('details'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    check('audit_event_outcome_valid', sql`${t.outcome} in ('success', 'denied', 'failed')`),
    index('audit_event_occurred_idx').on(t.occurredAt),
    index('audit_event_actor_idx').on(t.actorAccountId, t.seq),
    index('audit_event_family_idx').on(t.familyId, t.seq),
    index('audit_event_resource_idx').on(t.resourceType, t.resourceId),
  ],
);
