/**
 * `npm run bench`: performance against the budgets of issue 6 (docs/performance.md).
 *
 * Starts the real app in a child process (server.ts) on a throwaway database — with DATABASE_URL a
 * fresh PostgreSQL database on that server, created here and dropped at the end; else PGlite in a
 * temporary folder — with demo data and generated data at scale, then loads it from this process
 * with autocannon on 127.0.0.1:
 *  - reads at 10 connections: the bare framework's floor (a constant Fastify route in the same
 *    process as the app), /api/health, /api/auth/me, the admin lists and the audit trail;
 *  - writes at 64 connections (PostgreSQL only): the same transaction without an audit row, with
 *    one, and with the old global audit lock; the real PATCH /api/admin/organisations/:id; how long
 *    until the sealer has chained every row written; and writers' latency while one audited
 *    transaction stays open for a few seconds.
 * Prints one table and exits 1 when a budget in budgets.json is missed. Not part of `npm test`.
 */
import autocannon from 'autocannon';
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
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/db/demo/people.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';
import { adminUrl, databaseUrlFor } from '../helpers/pg-url.js';
import type { ServerReady, WriteMode } from './server.js';

const SECONDS = positive('BENCH_SECONDS', 3);
const ROUNDS = Math.round(positive('BENCH_ROUNDS', 3));
const HOLD_SECONDS = positive('BENCH_HOLD_SECONDS', 3);
const READ_CONNECTIONS = 10;
const WRITE_CONNECTIONS = 64;

interface Budgets {
  authMeVsHealth: number;
  listP95Ms: number;
  auditedVsOldLock: number;
  issueMinTxPerSecond: number;
  auditedP95VsUnaudited: number;
  slowTransactionMinThroughputShare: number;
  sealedWithinSeconds: number;
}
const budgets = JSON.parse(readFileSync(join(import.meta.dirname, 'budgets.json'), 'utf8')) as Budgets;
/** Lines printed under the table: absolute figures that depend on the machine, for the record. */
const absolute: string[] = [];

function positive(name: string, fallback: number): number {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
}

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
  if (baseUrl) await adminQuery(`drop database if exists "${dbName}" with (force)`).catch((err: unknown) => console.error('could not drop', dbName, err));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exitCode = exitCode;

async function stopChild(): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ type: 'close' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

// ---- measuring ----------------------------------------------------------------------------------

interface Measured {
  connections: number;
  /** Seconds measured (warm-up excluded). */
  duration: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** [time the response arrived (performance.now()), latency ms] of every 2xx response. */
  samples: [number, number][];
  /** Responses other than 2xx, by status. */
  statuses: Record<string, number>;
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

function stats(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? NaN };
}

type LoadOptions = Pick<autocannon.Options, 'url' | 'method' | 'headers' | 'body' | 'requests'> & { connections: number; duration?: number; warmup?: boolean };

/** Loads one target for `duration` seconds (after a one-second warm-up, unless off) and keeps every latency. */
async function load(opts: LoadOptions): Promise<Measured> {
  const duration = opts.duration ?? SECONDS;
  const samples: [number, number][] = [];
  // autocannon's types lack `warmup` and the instance's promise side.
  const { warmup = true, ...rest } = opts;
  const options: autocannon.Options & { warmup?: { connections: number; duration: number } } = {
    ...rest,
    duration,
    ...(warmup ? { warmup: { connections: opts.connections, duration: 1 } } : {}),
  };
  const instance = autocannon(options) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) samples.push([performance.now(), ms]);
  });
  const result = await instance;
  const errors = result.errors + result.timeouts + result.non2xx;
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats as Record<string, { count: number }>).filter(([code]) => !code.startsWith('2')).map(([code, { count }]) => [code, count]),
  );
  if (result.errors + result.timeouts > 0) statuses['no answer'] = result.errors + result.timeouts;
  return { connections: opts.connections, duration, rps: samples.length / duration, errors, samples, statuses, ...stats(samples.map(([, ms]) => ms)) };
}

/**
 * Loads the targets in turn, ROUNDS times over, and merges each target's rounds: targets that are
 * compared with each other then see the same mix of a shared machine's busy and quiet moments.
 */
async function interleaved(targets: LoadOptions[]): Promise<Measured[]> {
  const runs: Measured[][] = targets.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, target] of targets.entries()) runs[i]!.push(await load(target));
  }
  return runs.map((parts) => {
    const samples = parts.flatMap((p) => p.samples);
    const duration = parts.reduce((sum, p) => sum + p.duration, 0);
    const statuses: Record<string, number> = {};
    for (const p of parts) for (const [code, n] of Object.entries(p.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
    return {
      connections: parts[0]!.connections,
      duration,
      rps: samples.length / duration,
      errors: parts.reduce((sum, p) => sum + p.errors, 0),
      samples,
      statuses,
      ...stats(samples.map(([, ms]) => ms)),
    };
  });
}

// ---- the run ------------------------------------------------------------------------------------

interface Row {
  name: string;
  m?: Measured;
  /** Free text instead of measurements (sealing, the slow transaction). */
  note?: string;
  budget: string;
  ok: boolean | null;
}

async function bench(ready: ServerReady): Promise<number> {
  const rows: Row[] = [];
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
    ['GET /api/audit (newest 50)', '/api/audit'],
    ['GET /api/audit?action=person.disable', '/api/audit?action=person.disable'],
  ];
  for (const [name, path] of lists) {
    const m = await load({ url: appUrl + path, headers: auth, connections: READ_CONNECTIONS });
    rows.push({ name, m, budget: `p95 ≤ ${budgets.listP95Ms} ms`, ok: m.errors === 0 && m.p95 <= budgets.listP95Ms });
  }

  if (ready.kind === 'postgres' && dbUrl) await writeBench(ready, session, rows);
  else rows.push({ name: 'audited writes', note: 'skipped: PostgreSQL only (set DATABASE_URL)', budget: '', ok: null });

  printTable(ready, floor, rows);
  for (const line of absolute) console.log(line);
  const failed = rows.filter((r) => r.ok === false).length;
  console.log(failed === 0 ? '\nAll budgets met.' : `\n${failed} budget(s) missed.`);
  return failed === 0 ? 0 : 1;
}

async function writeBench(ready: ServerReady, session: Session, rows: Row[]): Promise<void> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Db;
  try {
    const target = (mode: WriteMode): LoadOptions => ({ url: `${ready.writeUrl}/write/${mode}`, method: 'POST', connections: WRITE_CONNECTIONS });
    const write = (mode: WriteMode, duration?: number) => load({ ...target(mode), ...(duration ? { duration } : {}) });
    const before = await maxSeq(client);
    const [plain, audited, old] = (await interleaved([target('plain'), target('audited'), target('old-lock')])) as [Measured, Measured, Measured];
    const sealedAfter = await waitSealed(client, before);
    rows.push({ name: 'write, no audit row (same shape)', m: plain, budget: 'no errors', ok: plain.errors === 0 });
    const minRps = budgets.auditedVsOldLock * old.rps;
    const maxP95 = plain.p95 * budgets.auditedP95VsUnaudited;
    rows.push({
      name: 'write + audit row (sealer)',
      m: audited,
      budget: `≥ ${budgets.auditedVsOldLock}× old lock = ${minRps.toFixed(0)}/s, p95 ≤ ${budgets.auditedP95VsUnaudited}× unaudited = ${fmt(maxP95)} ms`,
      ok: audited.errors === 0 && audited.rps >= minRps && audited.p95 <= maxP95,
    });
    rows.push({
      name: '  … their audit rows sealed',
      note: sealedAfter === null ? 'not sealed within 60 s' : `${sealedAfter.rows} rows, ${(sealedAfter.ms / 1000).toFixed(1)} s after the load ended`,
      budget: `≤ ${budgets.sealedWithinSeconds} s`,
      ok: sealedAfter !== null && sealedAfter.ms <= budgets.sealedWithinSeconds * 1000,
    });
    rows.push({ name: 'write + audit row, old global lock', m: old, budget: 'before, emulated (for comparison)', ok: null });
    absolute.push(
      `audited writes: ${audited.rps.toFixed(0)}/s against the issue's absolute ${budgets.issueMinTxPerSecond}/s (4 × 88 tx/s, measured on a quiet machine): ` +
        (audited.rps >= budgets.issueMinTxPerSecond ? 'met' : 'not met in this run'),
    );

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
    rows.push({
      name: '  … its audit rows sealed',
      note: patchSealed === null ? 'not sealed within 60 s' : `${patchSealed.rows} rows, ${(patchSealed.ms / 1000).toFixed(1)} s after the load ended`,
      budget: `≤ ${budgets.sealedWithinSeconds} s`,
      ok: patchSealed !== null && patchSealed.ms <= budgets.sealedWithinSeconds * 1000,
    });

    // One audited transaction stays open for HOLD_SECONDS while 64 writers keep going.
    for (const mode of ['audited', 'old-lock'] as const) {
      const r = await slowTransaction(db, mode, slowOrg, write);
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
  write: (mode: WriteMode, duration?: number) => Promise<Measured>,
) {
  const running = write(mode, HOLD_SECONDS + 2);
  await sleep(1000 + 1000); // the warm-up second, then one second of normal load
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

interface Session {
  cookie: string;
  csrfToken: string;
}

/** Logs the demo platform admin in with password and TOTP. */
async function login(base: string): Promise<Session> {
  const cookies = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'beheer@samenplan.demo', password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`bench login failed: ${res.status} ${await res.text()}`);
  const { data } = (await res.json()) as { data: { csrfToken: string } };
  const mfa = await fetch(`${base}/api/auth/mfa`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies(res), 'x-csrf-token': data.csrfToken },
    body: JSON.stringify({ code: totpCode(DEMO_TOTP_SECRET, new Date()) }),
  });
  if (mfa.status !== 200) throw new Error(`bench second factor failed: ${mfa.status} ${await mfa.text()}`);
  const after = (await mfa.json()) as { data?: { csrfToken?: string } };
  return { cookie: cookies(mfa) || cookies(res), csrfToken: after.data?.csrfToken ?? data.csrfToken };
}

// ---- the table ----------------------------------------------------------------------------------

function fmt(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}

function printTable(ready: ServerReady, floor: Measured, rows: Row[]): void {
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  console.log(
    `\nSamenplan bench, ${date} UTC, ${ready.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${SECONDS} s per target, ` +
      `reads at ${READ_CONNECTIONS} connections, writes at ${WRITE_CONNECTIONS}`,
  );
  console.log(
    `data: ${ready.seed.organisations} generated organisations, ${ready.seed.people} people, ${ready.seed.auditRows} audit rows ` +
      `(seeded in ${(ready.seed.ms / 1000).toFixed(1)} s; the sealer chained the ${ready.backlog.rows}-row backlog in ${(ready.backlog.ms / 1000).toFixed(1)} s)\n`,
  );
  const header = ['endpoint', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'floor ×', 'result', 'budget'];
  const body = rows.map((r) => [
    r.name,
    r.m ? r.m.rps.toFixed(0) : '',
    r.m ? fmt(r.m.p50) : '',
    r.m ? fmt(r.m.p95) : '',
    r.m ? fmt(r.m.p99) : '',
    r.m ? (floor.rps / r.m.rps).toFixed(1) : '',
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
