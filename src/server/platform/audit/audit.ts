import { createHash } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.js';
import type { AUDIT_OUTCOMES, auditEvent, auditSeal } from '../../db/schema/index.js';
import { auditChainRepo } from './audit.repo.js';

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

/** JSON with object keys sorted, so the database's jsonb key order cannot change a hash. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type EventRow = typeof auditEvent.$inferSelect;

/** SHA-256 over an event's content, its place in the chain and the hash of the place before it. */
export function sealHash(position: number, event: Omit<EventRow, 'tx'>, prevHash: string): string {
  const content = canonicalJson([
    position,
    event.seq,
    event.id,
    event.occurredAt.toISOString(),
    event.actorAccountId,
    event.actorPersonId,
    event.actorLabel,
    event.action,
    event.resourceType,
    event.resourceId,
    event.familyId,
    event.organisationId,
    event.ip,
    event.outcome,
    event.reason,
    event.details ?? null,
    prevHash,
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
 * row, and if this write fails, the change fails with it. It only inserts: no lock, no hash, so
 * audited writes never wait for each other. The sealer chains the row once it has committed.
 */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await auditChainRepo.insertEvent(tx, {
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
  });
}

/** Records an event in a transaction of its own: for refusals and failures, whose own work rolled back. */
export async function recordAuditAlone(db: Db, entry: AuditEntry): Promise<void> {
  await db.transaction((tx) => recordAudit(tx, entry));
}

export interface ChainHead {
  position: number;
  hash: string;
}

export interface SealResult {
  /** Rows linked into the chain by this pass. */
  sealed: number;
  /** The end of the chain after this pass (null while nothing is sealed). */
  head: ChainHead | null;
  /** Another sealer held the chain; nothing was done (only when not waiting). */
  busy: boolean;
}

export interface SealOptions {
  /** Wait for another sealer to finish instead of returning busy (CLI). */
  wait?: boolean;
  batchSize?: number;
  /** Rows per pass at most, so one transaction stays short after a long outage. */
  maxRows?: number;
}

/**
 * Links committed, unsealed audit rows into the hash chain, in one transaction.
 *
 * Which rows can be unsealed? Each row carries its writer's transaction id (`tx`). Every pass
 * stores the oldest transaction still running when it began (the snapshot's xmin) as the
 * watermark: all rows of older transactions were committed (or rolled back) and visible to that
 * pass, so they are sealed. The next pass only looks at `tx >= watermark`, found by an index, and
 * skips the few of those that are sealed already. A row that commits late has a tx above the
 * watermark, so it is sealed by a later pass: no row stays unsealed and no pass reads the table.
 */
export async function sealAudit(db: Db, opts: SealOptions = {}): Promise<SealResult> {
  const batchSize = opts.batchSize ?? 1000;
  const maxRows = opts.maxRows ?? 50_000;
  return db.transaction(async (tx) => {
    // The lock comes first so that, under READ COMMITTED, every later statement sees the seals
    // of the sealer that held it before us.
    if (opts.wait) await auditChainRepo.lockSealer(tx);
    else if (!(await auditChainRepo.tryLockSealer(tx))) return { sealed: 0, head: null, busy: true };
    const xmin = await auditChainRepo.snapshotXmin(tx);
    const last = await auditChainRepo.lastSeal(tx);
    const from = last?.watermark ?? '0';
    let position = last?.position ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    let complete = false;
    let afterSeq = 0;
    const pending: (typeof auditSeal.$inferInsert)[] = [];
    while (pending.length < maxRows) {
      const limit = Math.min(batchSize, maxRows - pending.length);
      const rows = await auditChainRepo.unsealed(tx, { fromTx: from, afterSeq, limit });
      for (const row of rows) {
        position++;
        const hash = sealHash(position, row, prevHash);
        pending.push({ position, eventSeq: row.seq, prevHash, hash, watermark: from });
        prevHash = hash;
        afterSeq = row.seq;
      }
      if (rows.length < limit) {
        complete = true;
        break;
      }
    }
    // Only a pass that saw every candidate may move the watermark on; the next pass reads it from
    // the last row of the chain.
    const watermark = complete && BigInt(xmin) > BigInt(from) ? xmin : from;
    for (let i = 0; i < pending.length; i += batchSize) {
      await auditChainRepo.insertSeals(tx, pending.slice(i, i + batchSize).map((p) => ({ ...p, watermark })));
    }
    const sealed = pending.length;
    return { sealed, head: position > 0 ? { position, hash: prevHash } : null, busy: false };
  });
}

export interface AuditVerification {
  ok: boolean;
  /** Sealed rows checked. */
  checked: number;
  /** Audit rows not linked into the chain yet (the sealer links them within seconds). */
  unsealed: number;
  head: ChainHead | null;
  /** The first place in the chain that does not fit, and the audit row it holds. */
  firstBroken?: {
    position: number;
    seq: number;
    id: string | null;
    problem: 'content_altered' | 'chain_broken' | 'event_missing';
  };
}

/** Walks the whole chain in order; stops at the first place that does not fit. */
export async function verifyAuditChain(db: DbOrTx, batchSize = 2000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastPosition = 0;
  let checked = 0;
  const unsealed = () => auditChainRepo.countUnsealed(db);
  for (;;) {
    const rows = await auditChainRepo.sealsWithEvents(db, lastPosition, batchSize);
    if (rows.length === 0) {
      return { ok: true, checked, unsealed: await unsealed(), head: lastPosition > 0 ? { position: lastPosition, hash: prevHash } : null };
    }
    for (const { seal, event } of rows) {
      const broken = (problem: NonNullable<AuditVerification['firstBroken']>['problem']): AuditVerification => ({
        ok: false,
        checked,
        unsealed: -1,
        head: null,
        firstBroken: { position: seal.position, seq: seal.eventSeq, id: event?.id ?? null, problem },
      });
      if (seal.position !== lastPosition + 1 || seal.prevHash !== prevHash) return withUnsealed(broken('chain_broken'));
      if (!event) return withUnsealed(broken('event_missing'));
      if (sealHash(seal.position, event, seal.prevHash) !== seal.hash) return withUnsealed(broken('content_altered'));
      prevHash = seal.hash;
      lastPosition = seal.position;
      checked++;
    }
  }
  async function withUnsealed(result: AuditVerification): Promise<AuditVerification> {
    return { ...result, unsealed: await unsealed() };
  }
}

/** The chain's place `position`, if it exists (checkpoints are compared against it). */
export function sealAt(db: DbOrTx, position: number): Promise<ChainHead | null> {
  return auditChainRepo.sealAt(db, position);
}

/** The end of the chain, or null when nothing is sealed yet. */
export function chainHead(db: DbOrTx): Promise<ChainHead | null> {
  return auditChainRepo.head(db);
}
