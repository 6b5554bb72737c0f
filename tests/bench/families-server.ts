/**
 * The family bench's server process (forked by families-bench.ts): the real app, with its jobs
 * (so the audit rows of every read are sealed as in production), on the data set of
 * `npm run bench:data`, and the bare Fastify floor. Only ever on 127.0.0.1.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
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
const floor = Fastify();
floor.get('/floor', async () => ({ status: 'ok' }));

/**
 * What the app still has to do, and every answer it gave by route and status: the bench drains
 * between scenarios (nothing of one target is served during the next) and checks that every
 * family read it got a 2xx for wrote its audit row. A request is open from its arrival until the
 * app ends its response or its socket closes. When the load generator stops, it closes sockets
 * whose requests the app is still working on; Fastify then finishes the handler without sending
 * (counted as 'closed'), so the database pool is watched as well: the app is drained when no
 * request is open and no pooled connection is checked out or waited for.
 */
let open = 0;
const answered: Record<string, Record<string, number>> = {};
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
app.server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
  open++;
  let done = false;
  const finish = (status: string) => {
    if (done) return;
    done = true;
    open--;
    const byStatus = (answered[`${req.method} ${(req.url ?? '').split('?')[0]!.replace(UUID, ':id')}`] ??= {});
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  };
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]) => {
    finish(String(res.statusCode));
    return end(...args);
  }) as ServerResponse['end'];
  res.once('close', () => finish('closed'));
});
const pool = database.pool;
const poolBusy = () => (pool ? pool.totalCount - pool.idleCount + pool.waitingCount : 0);
// On the floor's server (which stays bare: no hooks), so asking does not count as app traffic.
floor.get('/in-flight', async () => ({ open, poolBusy: poolBusy(), answered }));
const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
await app.deps.jobs.start();
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
