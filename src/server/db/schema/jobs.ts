import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const JOB_STATES = ['created', 'active', 'completed', 'failed'] as const;

/**
 * Background jobs on the embedded database (PGlite), where pg-boss cannot run. On PostgreSQL the
 * app uses pg-boss and its own schema instead; this table then stays empty.
 */
export const job = pgTable(
  'job',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    queue: text('queue').notNull(),
    data: jsonb('data'),
    state: text('state', { enum: JOB_STATES }).notNull().default('created'),
    singletonKey: text('singleton_key'),
    startAfter: timestamp('start_after', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    retryLimit: integer('retry_limit').notNull().default(2),
    retryCount: integer('retry_count').notNull().default(0),
    retryDelaySeconds: integer('retry_delay_seconds').notNull().default(5),
    expireSeconds: integer('expire_seconds').notNull().default(900),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }),
    completedAt: timestamp('completed_at', { withTimezone: true, precision: 3 }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastError: text('last_error'),
  },
  (t) => [
    check('job_state_valid', sql`${t.state} in ('created', 'active', 'completed', 'failed')`),
    // Per singleton key at most one queued and one running job (pg-boss's "stately" policy); the
    // database, not the caller, enforces it.
    uniqueIndex('job_singleton_key')
      .on(t.queue, t.state, t.singletonKey)
      .where(sql`${t.singletonKey} is not null and ${t.state} in ('created', 'active')`),
    index('job_due_idx').on(t.queue, t.startAfter).where(sql`${t.state} = 'created'`),
    index('job_active_idx').on(t.startedAt).where(sql`${t.state} = 'active'`),
  ],
);
