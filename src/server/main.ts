import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp, secretBoxFor } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { prepareDatabase } from './db/migrate.js';
import { isDemoLoaded, loadDemoData } from './db/demo/index.js';

export interface StartOptions {
  /** Load the demo data set when this database has never had it (npm start). */
  demoIfEmpty?: boolean;
  /** Called when this start loaded the demo data (so the CLI can say how to log in). */
  onDemoLoaded?: () => void;
}

/**
 * Reads `.env` from the working directory into process.env when the file exists. Variables already
 * set in the real environment win, so `PORT=4000 npm start` overrides a PORT in `.env`.
 * Returns the file read, if any.
 */
export function loadEnvFileIfPresent(dir: string = process.cwd()): string | undefined {
  const file = resolve(dir, '.env');
  if (!existsSync(file)) return undefined;
  process.loadEnvFile(file);
  return file;
}

/** Opens the database the config names (PGlite in the data dir, or PostgreSQL). */
export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

/** config → database (migrated) → app → listen; closes everything on SIGTERM/SIGINT. */
export async function startServer(config: Config, opts: StartOptions = {}): Promise<FastifyInstance> {
  const database = await openConfiguredDatabase(config);
  let app: FastifyInstance | undefined;
  try {
    await prepareDatabase(database);
    const secrets = secretBoxFor(config);
    if (opts.demoIfEmpty && config.env !== 'production' && !(await isDemoLoaded(database.db))) {
      await loadDemoData(database.db, config.env, secrets);
      opts.onDemoLoaded?.();
    }
    app = await buildApp({ config, database, secrets });
    await app.listen({ port: config.port, host: config.host });
    // Background work (the audit sealer, mail, imports) starts once the app serves.
    await app.deps.jobs.start();
  } catch (err) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw err;
  }

  const server = app;
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'shutting down');
    // A hung request must not keep the process alive forever.
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    void server
      .close()
      .then(() => database.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        server.log.error({ err }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return server;
}
