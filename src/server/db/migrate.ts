import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { MIGRATIONS_DIR } from '../paths.js';
import type { Database } from './client.js';
import { loadReferenceData } from './reference-data.js';

// Any fixed 64-bit number: instances starting together take turns migrating.
const MIGRATION_LOCK_KEY = 4_711_2026;

/** Applies the committed migrations that have not run yet; safe to call from several instances at once. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  const pool = database.pool;
  if (!pool) throw new Error('postgres database without pool');
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}

/** Brings a database up to date: schema migrations, then the reference data every installation needs. */
export async function prepareDatabase(database: Database): Promise<void> {
  await runMigrations(database);
  await database.db.transaction(async (tx) => loadReferenceData(tx));
}
