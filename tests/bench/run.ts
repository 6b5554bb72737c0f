/**
 * `npm run bench`: performance against the budgets of issue 6 (docs/performance.md).
 *
 * Starts the real app in a child process (server.ts) on a throwaway database — with DATABASE_URL a
 * fresh PostgreSQL database on that server, created here and dropped at the end; else PGlite in a
 * temporary folder — with demo data and generated data at scale, then loads it from this process
 * with autocannon on 127.0.0.1:
 *  - reads at 10 connections: the bare framework's floor (a constant Fastify route in the same
 *    process as the app), /api/health, /api/auth/me, the admin lists and the audit trail;
 *  - writes at 64 clients (PostgreSQL only): the same transaction without an audit row, with one,
 *    and with the old global audit lock, once straight on the database with pgbench (there also
 *    with the row inserted into a table with only a primary key: the floor of any audited write)
 *    and once over HTTP; the real PATCH /api/admin/organisations/:id; how long until the sealer has chained
 *    every row written; and writers' rate and latency while one audited transaction stays open.
 * With BENCH_PARTS=learning (PostgreSQL): 1,000 professionals register at once for 200 places
 * (learning-bench.ts); with BENCH_PARTS=lists (PostgreSQL) the lists of the newer modules over
 * generated data (modules-bench.ts). Prints one table and exits 1 when a budget in budgets.json is missed. Not part of `npm test`.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Db } from '../../src/server/db/client.js';
import * as schema from '../../src/server/db/schema/index.js';
import { recordAudit } from '../../src/server/platform/audit/audit.js';
import { identityAdminRepo } from '../../src/server/modules/identity/identity.repo.js';
import { adminUrl, databaseUrlFor } from '../helpers/pg-url.js';
import type { ServerReady } from './server.js';
import { BENCH_PARTS, execFileAsync, fmt, interleaved, load, login, pgbench, positive, stats, SECONDS, type LoadOptions, type Measured, type Session } from './measure.js';
import { DIRECTORY_CONNECTIONS, directoryBench, type DirectoryBudgets } from './directory-bench.js';
import { learningBench } from './learning-bench.js';
import { listsBench } from './modules-bench.js';
import { OLD_AUDIT_LOCK, WRITE_MODES, type WriteMode } from './write-shape.js';

/**
 * The table of the honest floor of an audited write: the same row, defaults and primary key as
 * audit_event, without its secondary indexes, check and triggers. Every audited write must run one
 * INSERT of its row; what the audit design adds on top of that is what the p95 budget judges.
 */
const BARE_AUDIT_TABLE = 'bench_audit_floor';

const HOLD_SECONDS = positive('BENCH_HOLD_SECONDS', 3);
const READ_CONNECTIONS = 10;
const WRITE_CONNECTIONS = 64;

interface Budgets extends DirectoryBudgets {
  authMeVsHealth: number;
  listP95Ms: number;
  auditedVsOldLock: number;
  auditedVsBareInsert: number;
  issueMinTxPerSecond: number;
  auditedP95VsBareInsert: number;
  slowTransactionMinThroughputShare: number;
  sealedWithinSeconds: number;
}
const budgets = JSON.parse(readFileSync(join(import.meta.dirname, 'budgets.json'), 'utf8')) as Budgets;

// ---- the database and the server process ------------------------------------------------------

const baseUrl = process.env.DATABASE_URL;
const dbName = `sp_bench_${Date.now().toString(36)}_${process.pid}`;
const dbUrl = baseUrl ? databaseUrlFor(baseUrl, dbName) : undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'samenplan-bench-'));
if (baseUrl) await adminQuery(`create database "${dbName}"`);

async function adminQuery(text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl(baseUrl!) });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

const env: Record<string, string> = {
  ...(process.env as Record<string, string>),
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  SAMENPLAN_DATA_DIR: dataDir,
  // The bench measures the app, not the rate limiter: 0 switches each limit off.
  RATE_LIMIT_IP_MAX: '0',
  RATE_LIMIT_ANONYMOUS_MAX: '0',
  RATE_LIMIT_SESSION_MAX: '0',
};
if (dbUrl) env.DATABASE_URL = dbUrl;
else delete env.DATABASE_URL;


async function stopChild(): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ type: 'close' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

// ---- measuring ----------------------------------------------------------------------------------

/** pgbench's modes: the bench writes, and the unaudited write plus the bare insert of its row. */
type PgbenchMode = WriteMode | 'bare-insert';
const PGBENCH_MODES: readonly PgbenchMode[] = ['plain', 'bare-insert', ...WRITE_MODES.filter((m) => m !== 'plain')];

/**
 * The bench write (write-shape.ts) as a pgbench script, on organisation number :k. The locking
 * SELECT keeps the organisation's id (\gset), so the audit row is written with it, as
 * recordAudit does, without looking the organisation up again.
 */
function pgbenchScript(mode: PgbenchMode): string {
  const org = `lower(name) = lower('Bench organisatie ' || lpad(:k::text, 5, '0'))`;
  const insertInto = (table: string) =>
    `INSERT INTO ${table} (occurred_at, actor_label, action, resource_type, resource_id, organisation_id, outcome, details) ` +
    `VALUES (now(), 'bench', 'organisation.update', 'organisation', :org_id, :org_id::uuid, 'success', '{"fields":["name"]}');`;
  return [
    '\\set k random(:first, :last)',
    'BEGIN;',
    `SELECT id, status, version, quote_literal(id) AS org_id FROM organisation WHERE ${org} FOR UPDATE \\gset`,
    `UPDATE organisation SET updated_at = now(), version = version + 1 WHERE ${org};`,
    ...(mode === 'old-lock' ? [`SELECT pg_advisory_xact_lock(${OLD_AUDIT_LOCK});`, 'SELECT seq FROM audit_event ORDER BY seq DESC LIMIT 1;'] : []),
    ...(mode === 'plain' ? [] : [insertInto(mode === 'bare-insert' ? BARE_AUDIT_TABLE : 'audit_event')]),
    `SELECT o.id, o.name, o.status, o.version, r.name FROM organisation o LEFT JOIN region r ON r.id = o.region_id WHERE lower(o.name) = lower('Bench organisatie ' || lpad(:k::text, 5, '0'));`,
    'END;',
    '',
  ].join('\n');
}

// ---- the run ------------------------------------------------------------------------------------

interface Row {
  name: string;
  m?: Measured;
  /** Free text instead of measurements (sealing, the slow transaction). */
  note?: string;
  /** Not over HTTP (pgbench): a ratio to the HTTP floor would mean nothing. */
  noFloor?: boolean;
  budget: string;
  ok: boolean | null;
}

async function bench(ready: ServerReady): Promise<number> {
  const rows: Row[] = [];
  let floor: Measured | undefined;
  if (BENCH_PARTS.has('core')) floor = await core(ready, rows);
  if (BENCH_PARTS.has('directory')) {
    if (ready.kind === 'postgres' && dbUrl) {
      const directory = await directoryBench(ready, dbUrl, budgets);
      floor ??= directory.floor;
      rows.push(...directory.rows);
    } else {
      rows.push({ name: 'public directory', note: 'skipped: PostgreSQL only (set DATABASE_URL)', budget: '', ok: null });
    }
  }
  if (BENCH_PARTS.has('learning')) {
    if (ready.kind === 'postgres' && dbUrl) rows.push(...(await learningBench(ready.appUrl, dbUrl)));
    else rows.push({ name: 'learning registrations', note: 'skipped: PostgreSQL only (set DATABASE_URL)', budget: '', ok: null });
  }
  if (BENCH_PARTS.has('lists')) {
    if (ready.kind === 'postgres' && dbUrl) rows.push(...(await listsBench(ready.appUrl, dbUrl, budgets.listP95Ms)));
    else rows.push({ name: 'module lists', note: 'skipped: PostgreSQL only (set DATABASE_URL)', budget: '', ok: null });
  }
  floor ??= await load({ url: `${ready.floorUrl}/floor`, connections: READ_CONNECTIONS });

  printTable(ready, floor, rows);
  const failed = rows.filter((r) => r.ok === false).length;
  console.log(failed === 0 ? '\nAll budgets met.' : `\n${failed} budget(s) missed.`);
  return failed === 0 ? 0 : 1;
}

/** Issue 6: the floor, health, auth/me and the admin lists at 10 connections; the audited writes. Returns the floor. */
async function core(ready: ServerReady, rows: Row[]): Promise<Measured> {
  const { appUrl } = ready;
  const session = await login(appUrl);
  const auth = { cookie: session.cookie };

  const [floor, health, me] = (await interleaved([
    { url: `${ready.floorUrl}/floor`, connections: READ_CONNECTIONS },
    { url: `${appUrl}/api/health`, connections: READ_CONNECTIONS },
    { url: `${appUrl}/api/auth/me`, headers: auth, connections: READ_CONNECTIONS },
  ])) as [Measured, Measured, Measured];
  rows.push({ name: 'floor: bare Fastify, constant', m: floor, budget: '', ok: null });
  rows.push({ name: 'GET /api/health', m: health, budget: 'no errors', ok: health.errors === 0 });
  rows.push({
    name: 'GET /api/auth/me (full session)',
    m: me,
    budget: `≥ health/${budgets.authMeVsHealth} = ${Math.round(health.rps / budgets.authMeVsHealth)}/s`,
    ok: me.errors === 0 && me.rps >= health.rps / budgets.authMeVsHealth,
  });
  const lists: [string, string][] = [
    ['GET /api/admin/organisations', '/api/admin/organisations'],
    ['GET /api/admin/people', '/api/admin/people'],
    ['GET /api/admin/people?q=janssens', '/api/admin/people?q=janssens'],
    ['GET /api/audit (newest 50)', '/api/audit'],
    ['GET /api/audit?action=person.disable', '/api/audit?action=person.disable'],
  ];
  for (const [name, path] of lists) {
    const m = await load({ url: appUrl + path, headers: auth, connections: READ_CONNECTIONS });
    rows.push({ name, m, budget: `p95 ≤ ${budgets.listP95Ms} ms`, ok: m.errors === 0 && m.p95 <= budgets.listP95Ms });
  }

  if (ready.kind === 'postgres' && dbUrl) await writeBench(ready, session, rows);
  else rows.push({ name: 'audited writes', note: 'skipped: PostgreSQL only (set DATABASE_URL)', budget: '', ok: null });

  return floor;
}

async function writeBench(ready: ServerReady, session: Session, rows: Row[]): Promise<void> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  try {
    const drain = async () => {
      for (let i = 0; i < 300; i++) {
        const { inFlight } = (await (await fetch(`${ready.writeUrl}/in-flight`)).json()) as { inFlight: number };
        if (inFlight === 0) return;
        await sleep(100);
      }
    };
    const target = (mode: WriteMode): LoadOptions => ({ url: `${ready.writeUrl}/write/${mode}`, method: 'POST', connections: WRITE_CONNECTIONS, drain });
    // The audit design on the database alone: 64 clients with a connection each (pgbench).
    if (await execFileAsync('pgbench', ['--version']).then(() => true, () => false)) await databaseWrites(ready, client, rows);
    else rows.push({ name: 'tx on PostgreSQL (pgbench)', note: 'skipped: pgbench is not installed (Debian: postgresql-client)', budget: '', ok: null });

    // The same write through HTTP on the app's process and connection pool (10), as the app runs it.
    const before = await maxSeq(client);
    const [plain, audited, old] = (await interleaved([target('plain'), target('audited'), target('old-lock')])) as [Measured, Measured, Measured];
    const sealedAfter = await waitSealed(client, before);
    rows.push({ name: 'HTTP write, no audit row', m: plain, budget: 'no errors', ok: plain.errors === 0 });
    rows.push({
      name: 'HTTP write + audit row (sealer)',
      m: audited,
      budget: `no errors (${(audited.rps / Math.max(old.rps, 0.001)).toFixed(1)}× old lock's rate, p95 ${(audited.p95 / plain.p95).toFixed(2)}× unaudited)`,
      ok: audited.errors === 0,
    });
    rows.push(sealedRow('  … their audit rows sealed', sealedAfter));
    rows.push({ name: 'HTTP write + audit row, old global lock', m: old, budget: 'before, emulated (for comparison)', ok: null });

    // The real endpoint, round-robin over organisations of its own; each answer carries the
    // organisation's new version for the next change to it. No warm-up, so no answer is lost.
    const slowOrg = ready.reserved[ready.reserved.length - 1]!;
    const patchOrgs = ready.reserved.slice(0, -1);
    const versions = new Map(patchOrgs.map((o) => [o.id, o.version]));
    let nextOrg = 0;
    const patchBefore = await maxSeq(client);
    const patch = await load({
      url: ready.appUrl,
      connections: WRITE_CONNECTIONS,
      warmup: false,
      requests: [
        {
          method: 'PATCH',
          setupRequest: (req) => {
            const id = patchOrgs[nextOrg++ % patchOrgs.length]!.id;
            return {
              ...req,
              path: `/api/admin/organisations/${id}`,
              headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
              body: JSON.stringify({ version: versions.get(id) }),
            };
          },
          onResponse: (status, body) => {
            const org = status === 200 ? organisationOf(body) : undefined;
            if (org) versions.set(org.id, org.version);
          },
        },
      ],
    });
    const patchSealed = await waitSealed(client, patchBefore);
    rows.push({ name: 'PATCH /api/admin/organisations/:id', m: patch, budget: 'no errors', ok: patch.errors === 0 });
    rows.push(sealedRow('  … its audit rows sealed', patchSealed));

    // One audited transaction stays open for HOLD_SECONDS while 64 writers keep going.
    for (const mode of ['audited', 'old-lock'] as const) {
      const r = await slowTransaction(db, mode, slowOrg, target);
      const share = budgets.slowTransactionMinThroughputShare;
      rows.push({
        name: `one tx open ${HOLD_SECONDS} s, others${mode === 'audited' ? '' : ' (old lock)'}`,
        note:
          `meanwhile ${r.rps.toFixed(0)} writes/s (${r.outsideRps.toFixed(0)}/s before and after); ` +
          `writes started meanwhile p95 ${fmt(r.started.p95)} ms, max ${fmt(r.started.max)} ms` +
          (r.errors ? `; errors: ${JSON.stringify(r.statuses)}` : ''),
        budget: mode === 'audited' ? `≥ ${share} of the rate before and after, max < ${HOLD_SECONDS * 1000} ms` : 'before, emulated (for comparison)',
        ok: mode === 'audited' ? r.errors === 0 && r.rps >= share * r.outsideRps && r.started.max < HOLD_SECONDS * 1000 : null,
      });
    }
  } finally {
    await client.end();
  }
}

/** Runs audited writers and, one second in, holds one audited transaction open for HOLD_SECONDS. */
async function slowTransaction(
  db: Db,
  mode: 'audited' | 'old-lock',
  org: { id: string; version: number },
  target: (mode: WriteMode) => LoadOptions,
) {
  await load({ ...target(mode), duration: 1, warmup: false });
  const running = load({ ...target(mode), duration: HOLD_SECONDS + 2, warmup: false });
  await sleep(1000); // one second of normal load first
  let holdStart = 0;
  await db.transaction(async (tx) => {
    if (!(await identityAdminRepo.updateOrganisation(tx, org.id, org.version, {}, new Date()))) throw new Error('bench: slow org version conflict');
    if (mode === 'old-lock') await tx.execute(sql`select pg_advisory_xact_lock(${7_330_2026})`);
    await recordAudit(tx, { actorLabel: 'bench slow transaction', action: 'organisation.update', resourceType: 'organisation', resourceId: org.id, organisationId: org.id, outcome: 'success' });
    holdStart = performance.now();
    await sleep(HOLD_SECONDS * 1000);
  });
  const holdEnd = performance.now();
  org.version++;
  const m = await running;
  // Writes answered while the slow transaction held its row and its audit row, against the
  // writes answered outside that window; and how long the writes started meanwhile took.
  const inside = m.samples.filter(([t]) => t >= holdStart && t <= holdEnd).length;
  const outsideRps = (m.samples.length - inside) / Math.max(1, m.duration - (holdEnd - holdStart) / 1000);
  const started = m.samples.filter(([t, ms]) => t - ms >= holdStart && t - ms <= holdEnd);
  return {
    errors: m.errors,
    statuses: m.statuses,
    rps: inside / ((holdEnd - holdStart) / 1000),
    outsideRps,
    started: { n: started.length, ...stats(started.map(([, ms]) => ms)) },
  };
}

/** The bench write at 64 clients straight on PostgreSQL: no audit row, audit row, old lock. */
async function databaseWrites(ready: ServerReady, client: pg.Client, rows: Row[]): Promise<void> {
  const txBefore = await maxSeq(client);
  await client.query(`create table if not exists ${BARE_AUDIT_TABLE} (like audit_event including defaults including identity, primary key (seq))`);
  const [txPlain, txBare, txAudited, txOld] = (await interleaved(
    PGBENCH_MODES.map((mode) => () => pgbench(dbUrl!, pgbenchScript(mode), { first: ready.poolNumbers[0], last: ready.poolNumbers[1] }, WRITE_CONNECTIONS)),
  )) as [Measured, Measured, Measured, Measured];
  const txSealed = await waitSealed(client, txBefore);
  // 4× the old lock, unless that is more than any audit design could reach: the write plus the
  // INSERT of its row (the bare insert) is the ceiling, so on a machine where the old lock hurts
  // less, "within auditedVsBareInsert of that rate" shows the same thing — the audit row no longer
  // serialises the writers.
  const relativeTx = Math.min(budgets.auditedVsOldLock * txOld.rps, budgets.auditedVsBareInsert * txBare.rps);
  const minTx = Math.max(relativeTx, budgets.issueMinTxPerSecond);
  const maxTxP95 = txBare.p95 * budgets.auditedP95VsBareInsert;
  rows.push({ name: 'tx on PostgreSQL, no audit row', m: txPlain, noFloor: true, budget: 'no errors', ok: txPlain.errors === 0 });
  rows.push({
    name: 'tx on PostgreSQL + bare insert (floor)',
    m: txBare,
    noFloor: true,
    budget: `no errors (the same row into a table with only a primary key; p95 ${(txBare.p95 / txPlain.p95).toFixed(2)}× unaudited)`,
    ok: txBare.errors === 0,
  });
  rows.push({
    name: 'tx on PostgreSQL + audit row (sealer)',
    m: txAudited,
    noFloor: true,
    budget:
      `≥ min(${budgets.auditedVsOldLock}× old lock, ${budgets.auditedVsBareInsert}× bare insert) and ≥ ${budgets.issueMinTxPerSecond}/s: ${minTx.toFixed(0)}/s ` +
      `(${(txAudited.rps / txOld.rps).toFixed(1)}× old lock, ${(txAudited.rps / txBare.rps).toFixed(2)}× bare insert); ` +
      `p95 ≤ ${budgets.auditedP95VsBareInsert}× bare insert = ${fmt(maxTxP95)} ms (${(txAudited.p95 / txPlain.p95).toFixed(2)}× unaudited)`,
    ok: txAudited.errors === 0 && txAudited.rps >= minTx && txAudited.p95 <= maxTxP95,
  });
  rows.push(sealedRow('  … their audit rows sealed', txSealed));
  rows.push({ name: 'tx on PostgreSQL, old global lock', m: txOld, noFloor: true, budget: 'before, emulated (for comparison)', ok: null });
}

function sealedRow(name: string, sealed: { rows: number; ms: number } | null): Row {
  return {
    name,
    note: sealed === null ? 'not sealed within 60 s' : `${sealed.rows} rows, ${(sealed.ms / 1000).toFixed(1)} s after the load ended`,
    budget: `≤ ${budgets.sealedWithinSeconds} s`,
    ok: sealed !== null && sealed.ms <= budgets.sealedWithinSeconds * 1000,
  };
}

async function maxSeq(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ seq: string | null }>('select max(seq)::text as seq from audit_event');
  return Number(rows[0]?.seq ?? 0);
}

/** Waits until every audit row after `afterSeq` is sealed; null after 60 s. */
async function waitSealed(client: pg.Client, afterSeq: number): Promise<{ rows: number; ms: number } | null> {
  const started = performance.now();
  const { rows: total } = await client.query<{ n: string }>('select count(*)::text as n from audit_event where seq > $1', [afterSeq]);
  for (;;) {
    const { rows } = await client.query<{ n: string }>(
      'select count(*)::text as n from audit_event e where e.seq > $1 and not exists (select 1 from audit_seal s where s.event_seq = e.seq)',
      [afterSeq],
    );
    if (Number(rows[0]?.n) === 0) return { rows: Number(total[0]?.n ?? 0), ms: performance.now() - started };
    if (performance.now() - started > 60_000) return null;
    await sleep(100);
  }
}

/** The id and version in an organisation response (`{ data }`, or `{ data: { data, abilities } }`). */
function organisationOf(body: string): { id: string; version: number } | undefined {
  try {
    type Org = { id?: unknown; version?: unknown; data?: Org };
    const parsed = JSON.parse(body) as { data?: Org };
    const org = parsed.data?.data ?? parsed.data;
    return typeof org?.id === 'string' && typeof org.version === 'number' ? { id: org.id, version: org.version } : undefined;
  } catch {
    return undefined;
  }
}

// ---- logging in ---------------------------------------------------------------------------------

// ---- the table ----------------------------------------------------------------------------------

function printTable(ready: ServerReady, floor: Measured, rows: Row[]): void {
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  console.log(
    `\nSamenplan bench, ${date} UTC, ${ready.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${SECONDS} s per target, ` +
      `reads at ${READ_CONNECTIONS} connections, writes at ${WRITE_CONNECTIONS}, the public directory at ${DIRECTORY_CONNECTIONS}; parts: ${[...BENCH_PARTS].join(', ')}`,
  );
  console.log(
    `data: ${ready.seed.organisations} generated organisations, ${ready.seed.people} people, ${ready.seed.auditRows} audit rows ` +
      `(seeded in ${(ready.seed.ms / 1000).toFixed(1)} s; the sealer chained the ${ready.backlog.rows}-row backlog in ${(ready.backlog.ms / 1000).toFixed(1)} s)` +
      (ready.directory ? `; directory: ${ready.directory.organisations} organisations, ${ready.directory.services} services (seeded in ${(ready.directory.ms / 1000).toFixed(1)} s)` : '') +
      '\n',
  );
  const header = ['endpoint', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'floor ×', 'result', 'budget'];
  const body = rows.map((r) => [
    r.name,
    r.m ? r.m.rps.toFixed(0) : '',
    r.m ? fmt(r.m.p50) : '',
    r.m ? fmt(r.m.p95) : '',
    r.m ? fmt(r.m.p99) : '',
    r.m && !r.noFloor ? (floor.rps / r.m.rps).toFixed(1) : '',
    r.ok === null ? '' : r.ok ? 'pass' : 'FAIL',
    r.note ? `${r.note}${r.budget ? ` — ${r.budget}` : ''}` : `${r.budget}${r.m && r.m.errors ? ` (errors: ${JSON.stringify(r.m.statuses)})` : ''}`,
  ]);
  const last = header.length - 1;
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (i === last ? 0 : b[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === last ? c : i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w, i) => '-'.repeat(i === last ? 6 : w)).join('-|-'));
  for (const b of body) console.log(line(b));
}

// ---- main (last, so every constant above is initialised) -------------------------------------

const child = fork(join(import.meta.dirname, 'server.ts'), [], { execArgv: ['--import', 'tsx'], env, stdio: 'inherit' });
let exitCode = 1;
try {
  const ready = await new Promise<ServerReady>((resolve, reject) => {
    child.once('message', (m) => resolve(m as ServerReady));
    child.once('exit', (code) => reject(new Error(`bench server exited (${code}) before it was ready`)));
  });
  exitCode = await bench(ready);
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  await stopChild();
  // BENCH_KEEP_DB=1 keeps the generated database for EXPLAIN (its name is printed).
  if (baseUrl && process.env.BENCH_KEEP_DB === '1') console.log(`kept database ${dbName}`);
  else if (baseUrl) await adminQuery(`drop database if exists "${dbName}" with (force)`).catch((err: unknown) => console.error('could not drop', dbName, err));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exitCode = exitCode;
