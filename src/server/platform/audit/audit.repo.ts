import { and, asc, count, desc, eq, gt, notExists, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditEvent, auditSeal } from '../../db/schema/index.js';

/**
 * The columns of an audit row that readers see (all but `details` and the writer's `tx`): the
 * sealer hashes them (with `details`), the audit viewer lists them (with names it joins).
 */
export const auditEventColumns = {
  seq: auditEvent.seq,
  id: auditEvent.id,
  occurredAt: auditEvent.occurredAt,
  actorAccountId: auditEvent.actorAccountId,
  actorPersonId: auditEvent.actorPersonId,
  actorLabel: auditEvent.actorLabel,
  action: auditEvent.action,
  resourceType: auditEvent.resourceType,
  resourceId: auditEvent.resourceId,
  familyId: auditEvent.familyId,
  organisationId: auditEvent.organisationId,
  ip: auditEvent.ip,
  outcome: auditEvent.outcome,
  reason: auditEvent.reason,
};

/** Only sealers take this lock (writers never do): one sealer at a time extends the chain. */
const SEALER_LOCK = 7_330_2027;

/** Rows of a raw query on either driver (node-postgres returns { rows }, PGlite too, drizzle-pglite an array). */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** SQL for the audit trail's writers and its hash chain (audit.ts). */
export const auditChainRepo = {
  async insertEvent(db: DbOrTx, values: typeof auditEvent.$inferInsert): Promise<void> {
    await db.insert(auditEvent).values(values);
  },

  /** Takes the sealer lock for this transaction, waiting for another sealer to finish. */
  async lockSealer(tx: DbOrTx): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEALER_LOCK})`);
  },

  /** Takes the sealer lock for this transaction if no other sealer holds it. */
  async tryLockSealer(tx: DbOrTx): Promise<boolean> {
    const got = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(${SEALER_LOCK}) as locked`);
    return rowsOf<{ locked: boolean }>(got)[0]?.locked === true;
  },

  /** The oldest transaction id still running when this transaction's snapshot was taken. */
  async snapshotXmin(tx: DbOrTx): Promise<string> {
    const snap = await tx.execute<{ xmin: string }>(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`);
    return String(rowsOf<{ xmin: string }>(snap)[0]?.xmin ?? '0');
  },

  /** The last place of the chain with the watermark its pass stored. */
  async lastSeal(tx: DbOrTx) {
    const [last] = await tx
      .select({ position: auditSeal.position, hash: auditSeal.hash, watermark: sql<string>`${auditSeal.watermark}::text` })
      .from(auditSeal)
      .orderBy(desc(auditSeal.position))
      .limit(1);
    return last;
  },

  /** Unsealed rows of transactions from `fromTx` on, after `afterSeq`, in seq order. */
  unsealed(tx: DbOrTx, input: { fromTx: string; afterSeq: number; limit: number }) {
    return tx
      .select({ ...auditEventColumns, details: auditEvent.details })
      .from(auditEvent)
      .where(
        and(
          sql`${auditEvent.tx} >= ${input.fromTx}::xid8`,
          gt(auditEvent.seq, input.afterSeq),
          notExists(tx.select({ one: sql`1` }).from(auditSeal).where(eq(auditSeal.eventSeq, auditEvent.seq))),
        ),
      )
      .orderBy(asc(auditEvent.seq))
      .limit(input.limit);
  },

  async insertSeals(tx: DbOrTx, rows: (typeof auditSeal.$inferInsert)[]): Promise<void> {
    await tx.insert(auditSeal).values(rows);
  },

  /** How many audit rows are not linked into the chain. */
  async countUnsealed(db: DbOrTx): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(auditEvent)
      .where(notExists(db.select({ one: sql`1` }).from(auditSeal).where(eq(auditSeal.eventSeq, auditEvent.seq))));
    return Number(row?.n ?? 0);
  },

  /** Places of the chain after `afterPosition`, each with the audit row it holds (if any). */
  sealsWithEvents(db: DbOrTx, afterPosition: number, limit: number) {
    return db
      .select({ seal: auditSeal, event: auditEvent })
      .from(auditSeal)
      .leftJoin(auditEvent, eq(auditEvent.seq, auditSeal.eventSeq))
      .where(gt(auditSeal.position, afterPosition))
      .orderBy(asc(auditSeal.position))
      .limit(limit);
  },

  async sealAt(db: DbOrTx, position: number) {
    const [row] = await db.select({ position: auditSeal.position, hash: auditSeal.hash }).from(auditSeal).where(eq(auditSeal.position, position));
    return row ?? null;
  },

  async head(db: DbOrTx) {
    const [row] = await db.select({ position: auditSeal.position, hash: auditSeal.hash }).from(auditSeal).orderBy(desc(auditSeal.position)).limit(1);
    return row ?? null;
  },
};
