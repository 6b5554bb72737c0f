import type { FastifyInstance } from 'fastify';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { freshDatabase } from './database.js';
import { TestClock } from './clock.js';
import { TEST_RATE_LIMITS } from './cli.js';
import { TEST_SECRET_KEY } from './secrets.js';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  config: Config;
  clock: TestClock;
  close(): Promise<void>;
}

/**
 * The API tests never depend on whether `npm run build` ran: without this, a built web app in
 * dist/web (left by the e2e setup) adds a public route per file to the inventory, and the access
 * matrix fails on routes without a row. Tests of the web app's files build their own app with a webDir.
 */
const NO_WEB_APP = join(tmpdir(), 'samenplan-tests-without-web-app');

/** The real app on a fresh database of its own (without the built web app); call close() in afterAll. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', SAMENPLAN_SECRET_KEY: TEST_SECRET_KEY, ...TEST_RATE_LIMITS, ...env });
  const database = await freshDatabase();
  const clock = new TestClock();
  const app = await buildApp({ config, database, clock }, { webDir: NO_WEB_APP });
  await app.ready();
  return {
    app,
    database,
    config,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
