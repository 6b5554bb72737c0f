import { sql } from 'drizzle-orm';
import { bigint, check, customType, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;

/** PostgreSQL's 64-bit transaction id (never wraps around); read as a decimal string. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * Append-only record of everything that happened (security.md §17–18). The request's transaction
 * only inserts here, without a lock; the sealer links committed rows into the hash chain in
 * `audit_seal`. Updates, deletes and truncates are refused by triggers and grants.
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
    /**
     * The writing transaction's id. The sealer only has to look at rows of transactions that were
     * still running at its previous pass (`tx >= watermark`), which an index finds at any table size.
     */
    tx: xid8('tx').notNull().default(sql`pg_current_xact_id()`),
  },
  (t) => [
    check('audit_event_outcome_valid', sql`${t.outcome} in ('success', 'denied', 'failed')`),
    index('audit_event_occurred_idx').on(t.occurredAt),
    index('audit_event_actor_idx').on(t.actorAccountId, t.seq),
    // Only rows about a family: most rows (logins, administration, refusals) have none, and a
    // query by family (family_id = …) never looks for them.
    index('audit_event_family_idx').on(t.familyId, t.seq).where(sql`${t.familyId} is not null`),
    index('audit_event_resource_idx').on(t.resourceType, t.resourceId),
    index('audit_event_tx_idx').on(t.tx),
  ],
);

/**
 * The hash chain over audit_event, in the order the sealer saw rows commit: position n holds
 * SHA-256(event content, n, hash of position n-1). Append-only like audit_event.
 */
export const auditSeal = pgTable(
  'audit_seal',
  {
    position: bigint('position', { mode: 'number' }).primaryKey(),
    eventSeq: bigint('event_seq', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    sealedAt: timestamp('sealed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Every transaction older than this had finished when the batch was sealed: the next pass starts here. */
    watermark: xid8('watermark').notNull(),
  },
  (t) => [uniqueIndex('audit_seal_event_key').on(t.eventSeq)],
);
