import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { AUDIT_OUTCOMES } from '../../db/schema/index.js';
import { auditEvent } from '../../db/schema/index.js';

export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** What happened, by whom, to what; written in the same transaction as the change it describes. */
export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  familyId?: string | null;
  organisationId?: string | null;
  actorAccountId?: string | null;
  actorPersonId?: string | null;
  /** Who, when there is no account (e.g. the e-mail typed at a failed login, the CLI). */
  actorLabel?: string | null;
  ip?: string | null;
  outcome: AuditOutcome;
  reason?: string | null;
  /** Small, non-sensitive metadata: never passwords, tokens or case content. */
  details?: Record<string, unknown> | null;
}

export const GENESIS_HASH = '0'.repeat(64);
// Serializes writers so the chain is one line: every row points at the row before it.
const AUDIT_CHAIN_LOCK = 7_330_2026;

/** JSON with object keys sorted, so the database's jsonb key order cannot change a hash. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface HashedFields {
  id: string;
  occurredAt: Date;
  actorAccountId: string | null;
  actorPersonId: string | null;
  actorLabel: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  familyId: string | null;
  organisationId: string | null;
  ip: string | null;
  outcome: string;
  reason: string | null;
  details: unknown;
  prevHash: string;
}

/** SHA-256 over a row's content and the previous row's hash. */
export function auditHash(row: HashedFields): string {
  const content = canonicalJson([
    row.id,
    row.occurredAt.toISOString(),
    row.actorAccountId,
    row.actorPersonId,
    row.actorLabel,
    row.action,
    row.resourceType,
    row.resourceId,
    row.familyId,
    row.organisationId,
    row.ip,
    row.outcome,
    row.reason,
    row.details ?? null,
    row.prevHash,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

/** Escapes newlines and control characters so a value cannot forge log or audit lines. */
function clean(value: string | null | undefined, max = 500): string | null {
  if (value === null || value === undefined) return null;
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).slice(0, max);
}

/**
 * Appends an audit row inside the caller's transaction; if the transaction rolls back, so does the
 * row, and if this write fails, the change fails with it.
 */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEvent.hash }).from(auditEvent).orderBy(desc(auditEvent.seq)).limit(1);
  const row: HashedFields = {
    id: crypto.randomUUID(),
    occurredAt: new Date(),
    actorAccountId: entry.actorAccountId ?? null,
    actorPersonId: entry.actorPersonId ?? null,
    actorLabel: clean(entry.actorLabel, 320),
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: clean(entry.resourceId, 200),
    familyId: entry.familyId ?? null,
    organisationId: entry.organisationId ?? null,
    ip: clean(entry.ip, 64),
    outcome: entry.outcome,
    reason: clean(entry.reason, 1000),
    details: entry.details ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditEvent).values({ ...row, outcome: entry.outcome, hash: auditHash(row) });
}

/** Records an event in a transaction of its own: for refusals and failures, whose own work rolled back. */
export async function recordAuditAlone(db: Db, entry: AuditEntry): Promise<void> {
  await db.transaction((tx) => recordAudit(tx, entry));
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first row that was altered, or whose predecessor was removed or reordered. */
  firstBroken?: { seq: number; id: string; problem: 'content_altered' | 'chain_broken' };
}

/** Walks the whole chain in order; stops at the first row that does not fit. */
export async function verifyAuditChain(db: DbOrTx, batchSize = 2000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvent)
      .where(gt(auditEvent.seq, lastSeq))
      .orderBy(asc(auditEvent.seq))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return { ok: false, checked, firstBroken: { seq: row.seq, id: row.id, problem: 'chain_broken' } };
      }
      if (auditHash(row) !== row.hash) {
        return { ok: false, checked, firstBroken: { seq: row.seq, id: row.id, problem: 'content_altered' } };
      }
      prevHash = row.hash;
      lastSeq = row.seq;
      checked++;
    }
  }
}
