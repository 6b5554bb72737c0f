/**
 * The bench's server process (forked by run.ts, so the load generator does not share its event
 * loop): the real app with demo data and generated data at scale, a bare Fastify "floor" route,
 * and writes of the app's own shape (update an organisation with its version, in a transaction)
 * with and without an audit row — and with the audit design this platform had before (a global
 * advisory lock held to commit), for the before/after comparison. Only ever on 127.0.0.1.
 */
import Fastify from 'fastify';
import { createHash } from 'node:crypto';
import { asc, desc, like, sql } from 'drizzle-orm';
import { buildApp, secretBoxFor } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { prepareDatabase } from '../../src/server/db/migrate.js';
import { loadDemoData } from '../../src/server/db/demo/index.js';
import { auditEvent, organisation } from '../../src/server/db/schema/index.js';
import { recordAudit, sealAudit } from '../../src/server/platform/audit/audit.js';
import { identityAdminRepo } from '../../src/server/modules/identity/identity.repo.js';
import { seedBenchData } from './seed.js';

export type WriteMode = 'plain' | 'audited' | 'old-lock';

/** What the server tells run.ts once it listens. */
export interface ServerReady {
  type: 'ready';
  appUrl: string;
  floorUrl: string;
  writeUrl: string;
  kind: 'pglite' | 'postgres';
  seed: { organisations: number; people: number; auditRows: number; ms: number };
  /** Sealing the seeded backlog before the run: rows and time. */
  backlog: { rows: number; ms: number };
  /** Organisations reserved for run.ts: the HTTP PATCH writers and the slow transaction. */
  reserved: { id: string; version: number }[];
}

/** The advisory lock key the old recordAudit took (7_330_2026), emulated for the comparison only. */
const OLD_AUDIT_LOCK = 7_330_2026;
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

const seed = await seedBenchData(db, {
  organisations: Math.max(size('BENCH_ORGANISATIONS', 500), RESERVED + 100),
  people: size('BENCH_PEOPLE', 5000),
  auditRows: size('BENCH_AUDIT_ROWS', 200_000),
});

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

// Writes of the app's shape on the app's own connection pool, the steps of the identity service's
// updateOrganisation: read the organisation, one transaction that changes it (version checked)
// and appends the audit row, read it again. Each request takes the next organisation
// round-robin, so concurrent requests never queue on one row.
const writes = Fastify();
writes.post<{ Params: { mode: WriteMode } }>('/write/:mode', async (request, reply) => {
  const mode = request.params.mode;
  if (mode !== 'plain' && mode !== 'audited' && mode !== 'old-lock') return reply.code(404).send();
  const org = pool[next++ % pool.length]!;
  const now = new Date();
  if ((await identityAdminRepo.listOrganisations(db, [org.id])).length !== 1) throw new Error('bench: organisation missing');
  await db.transaction(async (tx) => {
    if (!(await identityAdminRepo.updateOrganisation(tx, org.id, org.version, {}, now))) throw new Error('bench: version conflict');
    if (mode === 'old-lock') {
      // What recordAudit did before the sealer: one global lock to commit, then read the last
      // row to chain onto (the hash itself is computed here and thrown away).
      await tx.execute(sql`select pg_advisory_xact_lock(${OLD_AUDIT_LOCK})`);
      const [last] = await tx.select({ seq: auditEvent.seq }).from(auditEvent).orderBy(desc(auditEvent.seq)).limit(1);
      createHash('sha256').update(String(last?.seq ?? 0)).digest('hex');
    }
    if (mode !== 'plain') {
      await recordAudit(tx, {
        actorLabel: 'bench', ip: request.ip, action: 'organisation.update', resourceType: 'organisation', resourceId: org.id,
        organisationId: org.id, outcome: 'success', details: { fields: ['name'] },
      });
    }
  });
  org.version++;
  const [after] = await identityAdminRepo.listOrganisations(db, [org.id]);
  return { data: after };
});
const writeUrl = await writes.listen({ host: '127.0.0.1', port: 0 });

const ready: ServerReady = { type: 'ready', appUrl, floorUrl, writeUrl, kind: database.kind, seed, backlog, reserved };
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
