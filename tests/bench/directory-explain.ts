/**
 * EXPLAIN ANALYZE of what each public directory endpoint of the bench runs (directory-bench.ts), on a
 * kept database with the generated directory — made on first use (migrations, demo data, 10,000
 * organisations / 30,000 services). For finding why a target misses its budget:
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/samenplan_bench_dir npx tsx tests/bench/directory-explain.ts [name filter]
 *
 * The database must exist (createdb samenplan_bench_dir); it is never dropped.
 */
import pg from 'pg';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { prepareDatabase } from '../../src/server/db/migrate.js';
import { loadDemoData } from '../../src/server/db/demo/index.js';
import { secretBoxFor } from '../../src/server/app.js';
import { seedDirectory } from './directory-seed.js';
import { captureStatements, DIRECTORY_TARGETS } from './directory-bench.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL database kept for this (e.g. …/samenplan_bench_dir)');
const filter = process.argv[2] ?? '';

const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
try {
  await prepareDatabase(database);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from service');
    if ((rows[0]?.n ?? 0) < 1000) {
      await loadDemoData(database.db, 'test', secretBoxFor(loadConfig({ ...process.env, NODE_ENV: 'test' })));
      await seedDirectory(database.db, { organisations: 10_000, services: 30_000 }, (step, ms) => console.log(`  ${step} ${(ms / 1000).toFixed(1)} s`));
      await client.query('vacuum analyze');
    }
    for (const target of DIRECTORY_TARGETS.filter((t) => t.name.includes(filter))) {
      console.log(`\n===== ${target.name}`);
      for (const statement of await captureStatements(url, target)) {
        const started = performance.now();
        const plan = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${statement}`);
        console.log(`--- ${statement.slice(0, 160)}… (${(performance.now() - started).toFixed(1)} ms)`);
        console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
    }
  } finally {
    await client.end();
  }
} finally {
  await database.close();
}
