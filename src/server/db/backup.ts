import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../paths.js';
import type { Database } from './client.js';
import { prepareDatabase } from './migrate.js';
import * as referenceSchema from './schema/reference.js';
import { lifeDomain } from './schema/families.js';

/*
 * A portable, logical backup: every table of the app's schema (found in the catalog, so tables
 * added by later modules are included without code changes), every value in PostgreSQL's own text
 * form (which its input functions read back exactly: jsonb, arrays, timestamptz, bytea, bigint…),
 * taken in one read-only REPEATABLE READ transaction. A PGlite backup restores into PostgreSQL and
 * back. The file is gzip-compressed JSON lines:
 *   {header}                       format, version, migration level, tables with columns and row counts, sequences
 *   {"table":"name"}               then one JSON array of text-or-null per row
 *   …
 *   {"end":true,"sha256":"…"}      digest of every line before it
 */

export const BACKUP_FORMAT = 'samenplan-backup';
export const BACKUP_VERSION = 1;
const FETCH_ROWS = 1000;
const INSERT_BATCH_ROWS = 1000;
const INSERT_BATCH_CHARS = 4_000_000;

/** A refused or failed backup or restore; the message is one line for the operator. */
export class BackupError extends Error {}

interface ColumnInfo {
  name: string;
  type: string;
}
interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  rows: number;
  /** Tables whose rows this table's foreign keys point at (itself included when self-referencing). */
  references: string[];
}
interface SequenceInfo {
  name: string;
  value: string;
  isCalled: boolean;
}
interface MigrationLevel {
  count: number;
  lastWhen: number;
  lastTag: string;
}
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  appVersion: string;
  engine: Database['kind'];
  migrations: MigrationLevel;
  tables: TableInfo[];
  sequences: SequenceInfo[];
}

/** One connection inside one transaction, on either engine. */
interface Conn {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/** Runs fn in one transaction on one connection; `begin` is the statement that opens it. */
async function inTransaction<T>(database: Database, begin: string, fn: (conn: Conn) => Promise<T>): Promise<T> {
  if (database.kind === 'pglite') {
    const pglite = database.pglite;
    if (!pglite) throw new Error('pglite database without instance');
    return pglite.transaction(async (tx) => {
      // PGlite's transaction already said BEGIN; SET TRANSACTION gives it the same characteristics.
      const characteristics = begin.replace(/^begin\s*/i, '').trim();
      if (characteristics) await tx.query(`set transaction ${characteristics}`);
      return fn({ query: async (text, params) => ({ rows: (await tx.query(text, params)).rows as never[] }) });
    });
  }
  const pool = database.pool;
  if (!pool) throw new Error('postgres database without pool');
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await fn({ query: async (text, params) => ({ rows: (await client.query(text, params)).rows as never[] }) });
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Settings that make the text form of every value unambiguous and exact. */
async function setTextFormats(conn: Conn): Promise<void> {
  for (const stmt of [
    "set local timezone = 'UTC'",
    "set local datestyle = 'ISO, YMD'",
    "set local intervalstyle = 'postgres'",
    'set local extra_float_digits = 3',
    "set local bytea_output = 'hex'",
  ]) {
    await conn.query(stmt);
  }
}

/** The committed migrations, with the tag of each (the journal names them). */
function localMigrations(): (MigrationMeta & { tag: string })[] {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  const tags = new Map(journal.entries.map((e) => [e.when, e.tag]));
  return readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).map((m) => ({ ...m, tag: tags.get(m.folderMillis) ?? '?' }));
}

/** The tables of the app's schema (partitions are read through their parent), with columns and foreign keys. */
async function catalogTables(conn: Conn): Promise<Omit<TableInfo, 'rows'>[]> {
  const tables = await conn.query<{ oid: number; name: string }>(
    `select c.oid::int as oid, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
  );
  const result: Omit<TableInfo, 'rows'>[] = [];
  for (const t of tables.rows) {
    // Generated columns are computed again on insert; they are neither dumped nor restored.
    const columns = await conn.query<ColumnInfo>(
      `select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
        where attrelid = $1 and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
      [t.oid],
    );
    const refs = await conn.query<{ name: string }>(
      `select distinct r.relname as name from pg_constraint k join pg_class r on r.oid = k.confrelid
        where k.contype = 'f' and k.conrelid = $1`,
      [t.oid],
    );
    result.push({ name: t.name, columns: columns.rows, references: refs.rows.map((r) => r.name) });
  }
  return result;
}

/** Tables in an order where every table comes after the tables it references (self-references aside). */
function insertOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: TableInfo[] = [];
  const visit = (t: TableInfo) => {
    if (done.has(t.name) || visiting.has(t.name)) return; // a cycle between tables is broken here; restore then fails in its transaction
    visiting.add(t.name);
    for (const ref of t.references) {
      const target = byName.get(ref);
      if (target && ref !== t.name) visit(target);
    }
    visiting.delete(t.name);
    done.add(t.name);
    order.push(t);
  };
  for (const t of tables) visit(t);
  return order;
}

async function migrationLevel(conn: Conn): Promise<MigrationLevel | undefined> {
  const exists = await conn.query<{ present: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!exists.rows[0]?.present) return undefined;
  const rows = await conn.query<{ count: number; last: string | null }>(
    `select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  const row = rows.rows[0];
  if (!row || row.count === 0 || row.last === null) return undefined;
  const lastWhen = Number(row.last);
  return { count: row.count, lastWhen, lastTag: localMigrations().find((m) => m.folderMillis === lastWhen)?.tag ?? 'unknown' };
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  migrations: MigrationLevel;
}

/**
 * Writes a consistent backup of the whole database to file (via a temporary file renamed into
 * place, so a failed backup never leaves a file that looks complete).
 */
export async function writeBackup(database: Database, file: string, appVersion: string): Promise<BackupSummary> {
  const tmp = `${file}.partial-${process.pid}`;
  const gzip = createGzip();
  const out = createWriteStream(tmp, { mode: 0o600 });
  const piped = pipeline(gzip, out);
  const digest = createHash('sha256');
  const writeLine = async (value: unknown) => {
    const line = JSON.stringify(value) + '\n';
    digest.update(line);
    if (!gzip.write(line)) await once(gzip, 'drain');
  };
  try {
    const summary = await inTransaction(database, 'begin isolation level repeatable read, read only', async (conn) => {
      await setTextFormats(conn);
      const level = await migrationLevel(conn);
      if (!level) throw new BackupError('This database was never migrated: there is nothing to back up.');
      const tables: TableInfo[] = [];
      for (const t of await catalogTables(conn)) {
        const count = await conn.query<{ n: string }>(`select count(*)::text as n from ${ident(t.name)}`);
        tables.push({ ...t, rows: Number(count.rows[0]?.n ?? 0) });
      }
      const sequences: SequenceInfo[] = [];
      const seqNames = await conn.query<{ name: string }>(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
      );
      for (const { name } of seqNames.rows) {
        const v = await conn.query<{ value: string; is_called: boolean }>(`select last_value::text as value, is_called from ${ident(name)}`);
        const row = v.rows[0];
        if (row) sequences.push({ name, value: row.value, isCalled: row.is_called });
      }
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        appVersion,
        engine: database.kind,
        migrations: level,
        tables: insertOrder(tables),
        sequences,
      };
      await writeLine(header);
      let total = 0;
      for (const t of header.tables) {
        await writeLine({ table: t.name });
        if (t.columns.length === 0) continue;
        const select = t.columns.map((c, i) => `${ident(c.name)}::text as c${i}`).join(', ');
        await conn.query(`declare backup_cursor no scroll cursor for select ${select} from ${ident(t.name)}`);
        for (;;) {
          const batch = await conn.query<Record<string, string | null>>(`fetch forward ${FETCH_ROWS} from backup_cursor`);
          for (const row of batch.rows) await writeLine(t.columns.map((_, i) => row[`c${i}`] ?? null));
          total += batch.rows.length;
          if (batch.rows.length < FETCH_ROWS) break;
        }
        await conn.query('close backup_cursor');
      }
      return { file, tables: header.tables.length, rows: total, migrations: level };
    });
    gzip.end(JSON.stringify({ end: true, sha256: digest.digest('hex') }) + '\n');
    await piped;
    renameSync(tmp, file);
    return summary;
  } catch (err) {
    gzip.destroy();
    await piped.catch(() => undefined);
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Reads a backup file line by line, checking its structure; calls onRow for every row. */
async function readBackup(
  file: string,
  onTable: (table: TableInfo) => Promise<void>,
  onRow: (table: TableInfo, row: (string | null)[]) => Promise<void>,
): Promise<BackupHeader> {
  const corrupt = (why: string) =>
    new BackupError(`${file} is not a complete Samenplan backup (${why}); nothing was restored.`);
  const input = createReadStream(file);
  const gunzip = createGunzip();
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  // Errors of the file or the decompression surface through the line iterator.
  let streamError: Error | undefined;
  const fail = (err: Error) => {
    streamError = err;
    lines.close();
  };
  input.on('error', fail);
  gunzip.on('error', fail);
  const digest = createHash('sha256');
  let header: BackupHeader | undefined;
  let current: TableInfo | undefined;
  let currentRows = 0;
  const seen = new Set<string>();
  let ended = false;
  // Errors of reading or decompressing the file, in the operator's words.
  const streamFailure = (err: Error) => {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return new BackupError(`${file} does not exist.`);
    if (code === 'EISDIR' || code === 'EACCES') return new BackupError(`${file} cannot be read (${code}).`);
    if (code === 'Z_BUF_ERROR' || /unexpected end/i.test(err.message)) return corrupt('it is truncated');
    if (code === 'Z_DATA_ERROR' || /incorrect header|invalid/i.test(err.message)) return corrupt('it is not gzip-compressed or is damaged');
    return corrupt(err.message);
  };
  const finishTable = () => {
    if (current && currentRows !== current.rows) throw corrupt(`table ${current.name} has ${currentRows} rows, its header says ${current.rows}`);
  };
  try {
    for await (const line of lines) {
      if (ended) throw corrupt('data after the end marker');
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw corrupt(header ? 'a line is not valid JSON' : 'it does not start with a backup header');
      }
      if (!header) {
        const h = value as Partial<BackupHeader>;
        if (h.format !== BACKUP_FORMAT) throw corrupt('it does not start with a backup header');
        if (h.version !== BACKUP_VERSION) throw new BackupError(`${file} has backup format version ${h.version}; this Samenplan reads version ${BACKUP_VERSION}.`);
        header = h as BackupHeader;
        digest.update(line + '\n');
        continue;
      }
      if (Array.isArray(value)) {
        if (!current) throw corrupt('a row before any table');
        if (value.length !== current.columns.length || !value.every((v) => v === null || typeof v === 'string')) {
          throw corrupt(`a row of ${current.name} does not match its columns`);
        }
        currentRows++;
        digest.update(line + '\n');
        await onRow(current, value as (string | null)[]);
        continue;
      }
      const marker = value as { table?: unknown; end?: unknown; sha256?: unknown };
      if (typeof marker.table === 'string') {
        finishTable();
        current = header.tables.find((t) => t.name === marker.table);
        if (!current || seen.has(current.name)) throw corrupt(`unexpected table ${marker.table}`);
        seen.add(current.name);
        currentRows = 0;
        digest.update(line + '\n');
        await onTable(current);
        continue;
      }
      if (marker.end === true) {
        finishTable();
        if (seen.size !== header.tables.length) throw corrupt('tables are missing');
        if (marker.sha256 !== digest.digest('hex')) throw corrupt('its checksum does not match its content');
        ended = true;
        continue;
      }
      throw corrupt('a line is neither a row, a table nor the end marker');
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw streamFailure(err instanceof Error ? err : new Error(String(err)));
  } finally {
    input.destroy();
  }
  if (streamError) throw streamFailure(streamError);
  if (!header) throw corrupt('it is empty');
  if (!ended) throw corrupt('it is truncated: the end marker is missing');
  return header;
}

/** Reads and checks the whole file without touching any database. */
export async function checkBackup(file: string): Promise<BackupHeader> {
  return readBackup(file, async () => undefined, async () => undefined);
}

/** Tables holding data that `samenplan migrate` itself loads (reference data): they do not make a database non-empty. */
const REFERENCE_TABLES: ReadonlySet<string> = new Set([
  ...(Object.values(referenceSchema) as unknown[]).filter((v): v is PgTable => is(v, PgTable)).map((t) => getTableName(t)),
  // Filled with defaults by migration 0010_families (and editable afterwards).
  getTableName(lifeDomain),
]);

/** The app tables that hold rows beyond reference data. */
async function tablesWithData(conn: Conn): Promise<string[]> {
  const tables = await conn.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
  );
  const filled: string[] = [];
  for (const { name } of tables.rows) {
    if (REFERENCE_TABLES.has(name)) continue;
    const r = await conn.query<{ any: boolean }>(`select exists (select 1 from ${ident(name)}) as any`);
    if (r.rows[0]?.any) filled.push(name);
  }
  return filled;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  /** Tables that held data and were replaced (only with force). */
  replaced: string[];
  migrations: MigrationLevel;
}

/**
 * Restores a backup into an empty database (or, with force, replaces everything in it), in one
 * transaction: the file is checked completely first, then the schema is dropped and migrated to
 * the backup's level, the rows inserted in foreign-key order and the sequences set; after commit
 * the migrations newer than the backup run. A bad file or a refusal changes nothing.
 */
export async function restoreBackup(database: Database, file: string, opts: { force: boolean }): Promise<RestoreSummary> {
  const header = await checkBackup(file);
  const migrations = localMigrations();
  const level = header.migrations;
  const known = migrations[level.count - 1];
  if (!known || known.folderMillis !== level.lastWhen) {
    throw new BackupError(
      `${file} was made at migration level ${level.count} (${level.lastTag}), which this version of Samenplan does not have; restore it with the version that made it, or a newer one.`,
    );
  }

  const summary = await inTransaction(database, 'begin', async (conn) => {
    const filled = await tablesWithData(conn);
    if (filled.length > 0 && !opts.force) {
      throw new BackupError(
        `The database is not empty (data in ${filled.length} tables: ${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}). ` +
          'Restore into an empty database, or add --force to DELETE EVERYTHING in it, the audit trail included, and replace it with the backup.',
      );
    }
    // A clean slate: the app's schema and the migration record go, then the backup's level is built again.
    await conn.query('drop schema if exists drizzle cascade');
    await conn.query('drop schema if exists public cascade');
    await conn.query('create schema public');
    await conn.query('grant usage on schema public to public');
    await conn.query('create schema drizzle');
    await conn.query('create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)');
    for (const m of migrations.slice(0, level.count)) {
      for (const stmt of m.sql) if (stmt.trim()) await conn.query(stmt);
      await conn.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [m.hash, m.folderMillis]);
    }
    await setTextFormats(conn);

    // Every table of the backup must exist with the same columns at this level.
    const present = new Map((await catalogTables(conn)).map((t) => [t.name, t]));
    for (const t of header.tables) {
      const here = present.get(t.name);
      const same = here && here.columns.length === t.columns.length && here.columns.every((c, i) => c.name === t.columns[i]?.name && c.type === t.columns[i]?.type);
      if (!same) throw new BackupError(`Table ${t.name} of the backup does not match the schema at its migration level (made outside the migrations?); nothing was restored.`);
    }

    let rows = 0;
    let batch: string[] = [];
    let batchChars = 0;
    const flush = async (t: TableInfo) => {
      if (batch.length === 0) return;
      const casts = t.columns.map((c, i) => `(r->>${i})::${c.type}`).join(', ');
      await conn.query(
        `insert into ${ident(t.name)} (${t.columns.map((c) => ident(c.name)).join(', ')}) overriding system value
         select ${casts} from jsonb_array_elements($1::text::jsonb) as r`,
        [`[${batch.join(',')}]`],
      );
      rows += batch.length;
      batch = [];
      batchChars = 0;
    };
    let table: TableInfo | undefined;
    await readBackup(
      file,
      async (next) => {
        if (table) await flush(table);
        table = next;
        // Rows a migration itself inserted (e.g. the default life domains) give way to the backup's:
        // the backup holds the table as it was, edits included.
        const seeded = await conn.query<{ any: boolean }>(`select exists (select 1 from ${ident(next.name)}) as any`);
        if (seeded.rows[0]?.any) await conn.query(`delete from ${ident(next.name)}`);
      },
      async (t, row) => {
        const json = JSON.stringify(row);
        batch.push(json);
        batchChars += json.length;
        // A self-referencing table goes in one statement: foreign keys are checked at its end, so row order does not matter.
        const selfReferencing = t.references.includes(t.name);
        if (!selfReferencing && (batch.length >= INSERT_BATCH_ROWS || batchChars >= INSERT_BATCH_CHARS)) await flush(t);
      },
    );
    if (table) await flush(table);

    for (const s of header.sequences) {
      await conn.query(`select setval($1::regclass, $2::bigint, $3)`, [ident(s.name), s.value, s.isCalled]);
    }
    return { tables: header.tables.length, rows, replaced: filled, migrations: level };
  });
  // Migrations newer than the backup, and reference data this version adds.
  await prepareDatabase(database);
  return summary;
}
