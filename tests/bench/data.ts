/**
 * `npm run bench:data`: the Flanders-sized data set of issue 7 in a PostgreSQL database of its own
 * (`BENCH_DATABASE`, default `samenplan_bench`, on the server of DATABASE_URL; dropped and made
 * anew): migrations, the demo data, 5,000 professionals in 500 organisations (seed.ts), 100,000
 * families with everything around them (families-seed.ts), 1,000,000 audit rows in all, sealed; and
 * a directory of 10,000 organisations with 30,000 services (directory-seed.ts).
 * The family scenarios of the bench (families-bench.ts) run against it. Bench databases only:
 * every generated account shares the demo password and second factor, sealed with the tests' key.
 */
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { prepareDatabase } from '../../src/server/db/migrate.js';
import { loadDemoData } from '../../src/server/db/demo/index.js';
import { secretBoxFor } from '../../src/server/app.js';
import { sealAudit } from '../../src/server/platform/audit/audit.js';
import { adminUrl, databaseUrlFor } from '../helpers/pg-url.js';
import { TEST_SECRET_KEY } from '../helpers/secrets.js';
import { rowsOf, seedBenchData } from './seed.js';
import { seedFamilies } from './families-seed.js';
import { seedDirectory } from './directory-seed.js';

/** The environment the data set was made with; the family bench's server uses the same. */
export function benchDataEnv(): { url: string; name: string; env: Record<string, string> } {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('bench:data needs DATABASE_URL (a PostgreSQL server where the user may create databases)');
  const name = process.env.BENCH_DATABASE ?? 'samenplan_bench';
  if (!/^(samenplan_bench|sp_bench)[a-z0-9_]*$/.test(name)) throw new Error('BENCH_DATABASE must start with samenplan_bench or sp_bench (it is dropped and made anew)');
  const url = databaseUrlFor(base, name);
  return { url, name, env: { NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: url, SAMENPLAN_SECRET_KEY: TEST_SECRET_KEY } };
}

export const BENCH_COORDINATOR = 'bench.coordinator@bench.invalid';

const size = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number`);
  return n;
};

async function main(): Promise<void> {
  const { url, name, env } = benchDataEnv();
  const admin = new pg.Client({ connectionString: adminUrl(process.env.DATABASE_URL!) });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();

  const started = performance.now();
  const log = (step: string, ms: number) => console.log(`  ${step.padEnd(28)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
  const config = loadConfig(env);
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  try {
    const { db } = database;
    let t = performance.now();
    await prepareDatabase(database);
    await loadDemoData(db, 'test', secretBoxFor(config));
    log('migrations and demo data', performance.now() - t);
    const families = size('BENCH_FAMILIES', 100_000);
    const totalAudit = size('BENCH_AUDIT_ROWS', 1_000_000);
    const familyAudit = Math.round(totalAudit * 0.6);
    t = performance.now();
    const people = await seedBenchData(db, { organisations: size('BENCH_ORGANISATIONS', 500), people: size('BENCH_PEOPLE', 5000), auditRows: totalAudit - familyAudit });
    log(`${people.people} professionals, ${people.auditRows} audit rows`, performance.now() - t);
    await seedFamilies(db, { families, openRequests: size('BENCH_OPEN_REQUESTS', 6000), auditRows: familyAudit }, log);
    const directory = { organisations: size('BENCH_DIRECTORY_ORGANISATIONS', 10_000), services: size('BENCH_DIRECTORY_SERVICES', 30_000) };
    const directoryMs = await seedDirectory(db, directory, log);
    log(`directory: ${directory.organisations} organisations, ${directory.services} services`, directoryMs);

    // Logins for the scenarios: every generated account gets the demo password and second factor;
    // one coordinator of the first generated network.
    t = performance.now();
    await db.execute(sql`
      update account set password_hash = d.password_hash, mfa_secret = d.mfa_secret, mfa_enabled_at = now()
      from (select password_hash, mfa_secret from account where email = 'hulpverlener@samenplan.demo') d
      where account.email like 'bench.%@bench.invalid'`);
    await db.execute(sql`
      with p as (insert into person (name, email) values ('Bench Coördinator', ${BENCH_COORDINATOR}) returning id)
      , a as (insert into account (email, person_id, password_hash, mfa_secret, mfa_enabled_at)
              select ${BENCH_COORDINATOR}, p.id, d.password_hash, d.mfa_secret, now() from p,
                     (select password_hash, mfa_secret from account where email = 'hulpverlener@samenplan.demo') d)
      insert into platform_role (person_id, role, region_id)
      select p.id, 'network_coordinator', r.id from p, region r where r.code = 'bench-netwerk-01'`);
    log('bench logins', performance.now() - t);

    t = performance.now();
    let sealed = 0;
    for (;;) {
      const r = await sealAudit(db, { wait: true, maxRows: 50_000 });
      sealed += r.sealed;
      if (r.sealed === 0) break;
    }
    log(`sealed ${sealed} audit rows`, performance.now() - t);
    await db.execute(sql`vacuum analyze`);

    const counts = rowsOf<{ t: string; n: string; size: string }>(
      await db.execute(sql`
        select c.relname as t, c.reltuples::bigint as n, pg_size_pretty(pg_total_relation_size(c.oid)) as size
        from pg_class c join pg_namespace s on s.oid = c.relnamespace
        where s.nspname = 'public' and c.relkind = 'r' and c.reltuples > 1000 order by c.reltuples desc`),
    );
    console.log(`\n${name}: made in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    for (const c of counts) console.log(`  ${c.t.padEnd(24)} ${String(c.n).padStart(10)} rows ${c.size.padStart(10)}`);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
