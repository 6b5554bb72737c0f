import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import * as schema from './schema/index.js';
import { lockDataDir } from './data-dir-lock.js';

export type Schema = typeof schema;
/** One Drizzle type for both drivers; modules only ever see this. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;
export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Drizzle handle, which engine it is, and how to close it. */
export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** The embedded engine, when kind is 'pglite' (used for dumps and test clones). */
  pglite?: PGlite;
  /** The connection pool, when kind is 'postgres'. */
  pool?: pg.Pool;
  /** One round trip to the database; rejects when it does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** An already created PGlite instance (tests clone a migrated one). */
  pglite?: PGlite;
  poolSize?: number;
}

// Timestamps come back as ISO strings in UTC and bigint counts as numbers we can reason about.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Opens PostgreSQL when a URL is given, else the embedded PGlite database in dataDir. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // Fail fast with a clear error when the server is unreachable.
    const client = await pool.connect();
    client.release();
    const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
    return { db, kind: 'postgres', pool, ping: async () => void (await pool.query('select 1')), close: () => pool.end() };
  }
  let pglite = opts.pglite;
  let unlock = () => {};
  if (!pglite) {
    const dir = opts.dataDir ?? './data';
    mkdirSync(dir, { recursive: true });
    // One process per data folder: a second one would silently overwrite the first one's writes.
    unlock = lockDataDir(dir);
    try {
      pglite = await PGlite.create(dir, { extensions: PGLITE_EXTENSIONS });
    } catch (err) {
      unlock();
      throw err;
    }
  }
  const db = drizzlePglite({ client: pglite, schema, casing: 'snake_case' }) as unknown as Db;
  const instance = pglite;
  return {
    db,
    kind: 'pglite',
    pglite: instance,
    ping: async () => void (await instance.query('select 1')),
    close: async () => {
      try {
        if (!instance.closed) await instance.close();
      } finally {
        unlock();
      }
    },
  };
}
