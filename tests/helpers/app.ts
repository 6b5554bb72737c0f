import type { FastifyInstance } from 'fastify';
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

/** The real app on a fresh database of its own; call close() in afterAll. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestContext> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', SAMENPLAN_SECRET_KEY: TEST_SECRET_KEY, ...TEST_RATE_LIMITS, ...env });
  const database = await freshDatabase();
  const clock = new TestClock();
  const app = await buildApp({ config, database, clock });
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
