import type { TestProject } from 'vitest/node';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { adminUrl, databaseUrlFor } from '../helpers/pg-url.js';
import { baseCliEnv } from '../helpers/cli-env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
    /** The demo database every e2e server starts from a copy of: a PGlite data dir, or a PostgreSQL database name. */
    e2eDemo: string;
  }
}

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Prefix of the PostgreSQL databases of one e2e run (the demo template and each server's copy). */
export function e2eDatabasePrefix(demo: string): string {
  return `${demo}_copy_`;
}

/**
 * e2e needs Debian's Chromium and a built web app. Without Chromium the e2e tests are skipped with
 * a message, except under CI=true, where a missing Chromium fails the run.
 *
 * The demo data is loaded once per run (`samenplan demo`, the same loader as `serve --demo-if-empty`)
 * into a database that each e2e server then starts from a copy of — a copied PGlite data directory
 * (with its keys), or `create database … template` on PostgreSQL — instead of every test file
 * migrating and loading the demo again.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const chromium = process.env.CHROMIUM_PATH ?? CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!chromium || !existsSync(chromium)) {
    const why = 'e2e skipped: Chromium not found at /usr/bin/chromium (install it with `apt-get install chromium`).';
    if (process.env.CI === 'true') throw new Error(`${why} CI=true requires it.`);
    console.warn(`\n⚠ ${why}\n`);
    project.provide('chromiumPath', '');
    project.provide('e2eDemo', '');
    return undefined;
  }
  const root = join(import.meta.dirname, '../..');
  execFileSync(process.execPath, [join(root, 'scripts/build-if-needed.mjs'), '--web'], { cwd: root, stdio: 'inherit' });
  project.provide('chromiumPath', chromium);

  const loadDemo = (extra: Record<string, string>) =>
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/samenplan.ts'), 'demo'], {
      cwd: root,
      env: { ...baseCliEnv(), ...extra },
      stdio: ['ignore', 'ignore', 'inherit'],
    });

  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'samenplan-e2e-demo-'));
    loadDemo({ SAMENPLAN_DATA_DIR: dir });
    project.provide('e2eDemo', dir);
    return async () => rmSync(dir, { recursive: true, force: true });
  }

  const demo = `sp_e2e_${Date.now().toString(36)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl(baseUrl) });
  await admin.connect();
  await admin.query(`create database "${demo}"`).finally(() => admin.end());
  loadDemo({ DATABASE_URL: databaseUrlFor(baseUrl, demo) });
  project.provide('e2eDemo', demo);
  return async () => {
    const admin = new pg.Client({ connectionString: adminUrl(baseUrl) });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname = $1 or datname like $2`, [
        demo,
        `${e2eDatabasePrefix(demo)}%`,
      ]);
      for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    } finally {
      await admin.end();
    }
  };
}
