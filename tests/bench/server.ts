/**
 * The bench's server process (forked by run.ts, so the load generator does not share its event
 * loop): the real app with demo data and generated data at scale, a bare Fastify "floor" route,
 * and writes of the app's own shape (update an organisation with its version, in a transaction)
 * with and without an audit row — and with the audit design this platform had before (a global
 * advisory lock held to commit), for the before/after comparison. Only ever on 127.0.0.1.
 */
import Fastify from 'fastify';
import { asc, like } from 'drizzle-orm';
import { buildApp, secretBoxFor } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { prepareDatabase } from '../../src/server/db/migrate.js';
import { loadDemoData } from '../../src/server/db/demo/index.js';
import { organisation } from '../../src/server/db/schema/index.js';
import { sealAudit } from '../../src/server/platform/audit/audit.js';
import { seedBenchData } from './seed.js';
import { seedDirectory } from './directory-seed.js';
import { BENCH_PARTS } from './measure.js';
import { WRITE_MODES, writeOrganisation, type WriteMode } from './write-shape.js';

/** What the server tells run.ts once it listens. */
export interface ServerReady {
  type: 'ready';
  appUrl: string;
  floorUrl: string;
  writeUrl: string;
  kind: 'pglite' | 'postgres';
  seed: { organisations: number; people: number; auditRows: number; ms: number };
  /** The generated directory (issue 8), when the bench measures it: sizes and time. */
  directory: { organisations: number; services: number; ms: number } | null;
  /** Sealing the seeded backlog before the run: rows and time. */
  backlog: { rows: number; ms: number };
  /** Organisations reserved for run.ts: the HTTP PATCH writers and the slow transaction. */
  reserved: { id: string; version: number }[];
  /** The other generated organisations, which the bench writes change: their numbers in the names. */
  poolNumbers: [number, number];
}

const RESERVED = 201;

const size = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number`);
  return n;
};

const config = loadConfig(process.env);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await prepareDatabase(database);
const secrets = secretBoxFor(config);
await loadDemoData(database.db, 'test', secrets);
const { db } = database;

// Only the directory measured (BENCH_PARTS=directory): the generated people and audit trail are
// kept small, they are what the other parts read.
const core = BENCH_PARTS.has('core');
// The learning part logs in 1,000 of the generated professionals; the lists part seats 1,000 in bodies.
const minPeople = BENCH_PARTS.has('learning') || BENCH_PARTS.has('lists') ? 1000 : 10;
const seed = await seedBenchData(db, {
  organisations: Math.max(size('BENCH_ORGANISATIONS', 500), RESERVED + 100),
  people: size('BENCH_PEOPLE', core ? 5000 : minPeople),
  auditRows: size('BENCH_AUDIT_ROWS', core ? 200_000 : 10),
});
let directory: ServerReady['directory'] = null;
if (BENCH_PARTS.has('directory')) {
  const sizes = { organisations: size('BENCH_DIRECTORY_ORGANISATIONS', 10_000), services: size('BENCH_DIRECTORY_SERVICES', 30_000) };
  directory = { ...sizes, ms: Math.round(await seedDirectory(db, sizes)) };
}

// The seeded backlog is sealed before anything is measured (that time is reported: it is how
// fast one sealer catches up after an outage); afterwards the app's own sealer job runs.
const sealStarted = performance.now();
let backlogRows = 0;
for (;;) {
  const r = await sealAudit(db, { wait: true, maxRows: 50_000 });
  backlogRows += r.sealed;
  if (r.sealed === 0) break;
}
const backlog = { rows: backlogRows, ms: Math.round(performance.now() - sealStarted) };

const orgs = await db
  .select({ id: organisation.id, version: organisation.version })
  .from(organisation)
  .where(like(organisation.name, 'Bench organisatie %'))
  .orderBy(asc(organisation.name));
const reserved = orgs.slice(0, RESERVED);
const pool = orgs.slice(RESERVED);
let next = 0;

const app = await buildApp({ config, database, secrets });
const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
await app.deps.jobs.start();

// The floor: the bare framework with one constant route, no plugins, no logger.
const floor = Fastify();
floor.get('/floor', async () => ({ status: 'ok' }));
const floorUrl = await floor.listen({ host: '127.0.0.1', port: 0 });

// Writes of the app's shape (write-shape.ts) on the app's own connection pool. Each request takes
// the next organisation round-robin, so concurrent requests do not queue on one row.
const writes = Fastify();
let inFlight = 0;
writes.get('/in-flight', async () => ({ inFlight }));
writes.post<{ Params: { mode: WriteMode } }>('/write/:mode', async (request, reply) => {
  const mode = request.params.mode;
  if (!WRITE_MODES.includes(mode)) return reply.code(404).send();
  inFlight++;
  try {
    return { data: await writeOrganisation(db, pool[next++ % pool.length]!.id, mode, request.ip) };
  } finally {
    inFlight--;
  }
});
const writeUrl = await writes.listen({ host: '127.0.0.1', port: 0 });

const ready: ServerReady = { type: 'ready', appUrl, floorUrl, writeUrl, kind: database.kind, seed, directory, backlog, reserved, poolNumbers: [RESERVED + 1, orgs.length] };
process.send?.(ready);

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'close') return;
  void (async () => {
    await writes.close();
    await floor.close();
    await app.close();
    await database.close();
    process.exit(0);
  })();
});
