import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, PGLITE_EXTENSIONS } from '../../src/server/db/client.js';
import { prepareDatabase } from '../../src/server/db/migrate.js';
import { adminUrl, databaseUrlFor } from './pg-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

/**
 * Migrates one database per test run: a PGlite snapshot that each test file loads, or (with
 * DATABASE_URL) a PostgreSQL template database that each test file copies. Dropped at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'samenplan-test-'));
    const pglite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    const database = await openDatabase({ pglite });
    await prepareDatabase(database);
    const dump = await pglite.dumpDataDir('none');
    const file = join(dir, 'snapshot.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    project.provide('pgliteSnapshot', file);
    project.provide('pgTemplate', '');
    return async () => rmSync(dir, { recursive: true, force: true });
  }

  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const template = `sp_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl(baseUrl) });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  const database = await openDatabase({ databaseUrl: databaseUrlFor(baseUrl, template), poolSize: 2 });
  await prepareDatabase(database);
  await database.close();
  project.provide('pgliteSnapshot', '');
  project.provide('pgTemplate', template);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`sp_%${runId}%`],
    );
    for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  };
}
