/**
 * The family bench's server process (forked by families-bench.ts): the real app, with its jobs
 * (so the audit rows of every read are sealed as in production), on the data set of
 * `npm run bench:data`, and the bare Fastify floor. Only ever on 127.0.0.1.
 */
import Fastify from 'fastify';
import { buildApp, secretBoxFor } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/client.js';
import { runMigrations } from '../../src/server/db/migrate.js';

export interface FamilyServerReady {
  type: 'ready';
  appUrl: string;
  floorUrl: string;
}

const config = loadConfig(process.env);
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
// Migrations that landed after the data set was made (new indexes) apply here.
await runMigrations(database);
const app = await buildApp({ config, database, secrets: secretBoxFor(config) });
const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
await app.deps.jobs.start();

const floor = Fastify();
floor.get('/floor', async () => ({ status: 'ok' }));
const floorUrl = await floor.listen({ host: '127.0.0.1', port: 0 });

const ready: FamilyServerReady = { type: 'ready', appUrl, floorUrl };
process.send?.(ready);

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'close') return;
  void (async () => {
    await floor.close();
    await app.close();
    await database.close();
    process.exit(0);
  })();
});
