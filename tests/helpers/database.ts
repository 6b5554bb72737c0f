import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, PGLITE_EXTENSIONS, type Database } from '../../src/server/db/client.js';
import { adminUrl, databaseUrlFor } from './pg-url.js';

/**
 * A fresh, migrated database for one test file: a PGlite loaded from the run's snapshot, or a
 * PostgreSQL database copied from the run's template when DATABASE_URL is set.
 */
export async function freshDatabase(): Promise<Database & { url?: string }> {
  const template = inject('pgTemplate');
  const baseUrl = process.env.DATABASE_URL;
  if (!template || !baseUrl) {
    const snapshot = readFileSync(inject('pgliteSnapshot'));
    const pglite = await PGlite.create({ loadDataDir: new Blob([snapshot]), extensions: PGLITE_EXTENSIONS });
    return openDatabase({ pglite });
  }
  const name = `${template.replace('sp_tpl_', 'sp_test_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(baseUrl) });
  await admin.connect();
  try {
    // Concurrent copies of one template can collide; PostgreSQL says so and a retry succeeds.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${template}"`);
        break;
      } catch (err) {
        if (attempt >= 20 || !String(err).includes('being accessed by other users')) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = databaseUrlFor(baseUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  return { ...database, url };
}
