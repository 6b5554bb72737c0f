import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { job } from '../../db/schema/index.js';

export type JobRow = typeof job.$inferSelect;

/** SQL for the `job` table of the embedded job runner (table-jobs.ts). */
export const tableJobsRepo = {
  async insert(
    db: DbOrTx,
    values: {
      queue: string;
      data: object;
      singletonKey: string | null;
      startAfter: Date;
      retryLimit?: number;
      retryDelaySeconds?: number;
      expireSeconds?: number;
    },
  ): Promise<string | null> {
    // A singleton key already queued or running: the unique index refuses the row, nothing is queued.
    const [row] = await db.insert(job).values(values).onConflictDoNothing().returning({ id: job.id });
    return row?.id ?? null;
  },

  /** The oldest due job of queue that no running job with the same singleton key holds back. */
  async nextDue(db: DbOrTx, queue: string, now: Date): Promise<JobRow | undefined> {
    const [row] = await db
      .select()
      .from(job)
      .where(
        and(
          eq(job.queue, queue),
          eq(job.state, 'created'),
          lte(job.startAfter, now),
          // A singleton with the same key already running waits for it to finish.
          sql`not exists (select 1 from ${job} a where a.queue = ${job.queue} and a.state = 'active' and a.singleton_key = ${job.singletonKey})`,
        ),
      )
      .orderBy(asc(job.startAfter), asc(job.createdAt))
      .limit(1);
    return row;
  },

  /** Marks a queued job running; null when another runner took it first. */
  async markActive(db: DbOrTx, id: string, now: Date): Promise<JobRow | null> {
    const [row] = await db
      .update(job)
      .set({ state: 'active', startedAt: now })
      .where(and(eq(job.id, id), eq(job.state, 'created')))
      .returning();
    return row ?? null;
  },

  /** Running jobs of queue past their expiry (their process died). */
  expired(db: DbOrTx, queue: string, now: Date): Promise<JobRow[]> {
    return db
      .select()
      .from(job)
      .where(and(eq(job.queue, queue), eq(job.state, 'active'), sql`${job.startedAt} + make_interval(secs => ${job.expireSeconds}) < ${now}`));
  },

  /** A running job queued again for a retry. */
  async requeue(db: DbOrTx, row: JobRow, startAfter: Date, error: string): Promise<void> {
    await db
      .update(job)
      .set({ state: 'created', retryCount: row.retryCount + 1, startAfter, startedAt: null, lastError: error })
      .where(and(eq(job.id, row.id), eq(job.state, 'active')));
  },

  /** A running job that gave up. */
  async markFailed(db: DbOrTx, id: string, at: Date, error: string): Promise<void> {
    await db
      .update(job)
      .set({ state: 'failed', completedAt: at, lastError: error })
      .where(and(eq(job.id, id), eq(job.state, 'active')));
  },

  async markCompleted(db: DbOrTx, id: string, at: Date): Promise<void> {
    await db.update(job).set({ state: 'completed', completedAt: at }).where(eq(job.id, id));
  },

  /** Removes finished jobs completed before `before`. */
  async deleteFinished(db: DbOrTx, before: Date): Promise<void> {
    await db.delete(job).where(and(sql`${job.state} in ('completed', 'failed')`, lte(job.completedAt, before)));
  },
};
