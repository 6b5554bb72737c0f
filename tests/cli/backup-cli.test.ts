import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/server/db/client.js';
import { cliEnv, runCli } from '../helpers/cli.js';

type Env = Record<string, string>;

/** Every table of the app's schema with all its rows in text form, sorted: equal maps mean equal content. */
async function contentsOf(env: Env): Promise<Map<string, string[]>> {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.SAMENPLAN_DATA_DIR });
  try {
    const rowsOf = async <R>(query: string) =>
      ((await database.db.execute(sql.raw(query))) as unknown as { rows: R[] }).rows;
    await database.db.execute(sql.raw(`set timezone = 'UTC'`));
    const tables = await rowsOf<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
    );
    const result = new Map<string, string[]>();
    for (const { name } of tables) {
      const rows = await rowsOf<{ row: string }>(`select t::text as row from "${name}" t order by 1`);
      result.set(name, rows.map((r) => r.row));
    }
    return result;
  } finally {
    await database.close();
  }
}

const counts = (contents: Map<string, string[]>) => Object.fromEntries([...contents].map(([name, rows]) => [name, rows.length]));

describe('samenplan backup and restore', { timeout: 400_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'samenplan-backup-'));

  it('round trip into an empty database: every table has the same rows, audit verify passes, new rows continue after the restored ones', async () => {
    const source = await cliEnv();
    expect((await runCli(['demo'], source)).code).toBe(0);
    const created = await runCli(['user', 'create', '--email', 'bewaar@example.be', '--name', 'Bewaar Ik', '--role', 'platform_admin'], source);
    expect(created.code).toBe(0);
    // Sealed rows (and their seals) travel with the backup.
    expect((await runCli(['audit', 'seal'], source)).code).toBe(0);
    const file = join(dir, 'round-trip.samenplan.gz');
    const backup = await runCli(['backup', file], source);
    expect(backup.stderr).not.toMatch(/samenplan:/);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/Backup written to .*: \d+ rows in \d+ tables, migration level \d+/);

    const target = await cliEnv();
    const restore = await runCli(['restore', file], target);
    expect(restore.stderr).not.toMatch(/samenplan:/);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain('Restored');

    const before = await contentsOf(source);
    const after = await contentsOf(target);
    expect(counts(after)).toEqual(counts(before));
    expect(counts(before).audit_event).toBeGreaterThan(0);
    expect(after).toEqual(before);

    const verify = await runCli(['audit', 'verify'], target);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain(`intact: ${counts(before).audit_event} rows verified; none waiting to be sealed`);

    // The audit sequence (and every other) continues after the restored rows.
    // (user create appends audit rows: it would collide with a restored seq if the sequence had not been set.)
    expect((await runCli(['user', 'create', '--email', 'later@example.be', '--name', 'Na Herstel'], target)).code).toBe(0);

    // A database that holds data is refused and left as it was.
    const refused = await runCli(['restore', file], target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not empty');
    expect(refused.stderr).toContain('--force');
    const untouched = await contentsOf(target);
    expect(untouched.get('person')).toContainEqual(expect.stringContaining('later@example.be'));
    expect(counts(untouched).audit_event).toBeGreaterThan(counts(before).audit_event ?? 0);

    // --force replaces everything, the audit trail included, with the backup.
    const forced = await runCli(['restore', file, '--force'], target);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('deleted the existing data');
    expect(await contentsOf(target)).toEqual(before);
  });

  it('refuses a truncated, altered, foreign or missing file with a clear message and changes nothing', async () => {
    const source = await cliEnv();
    expect((await runCli(['user', 'create', '--email', 'een@example.be', '--name', 'Een Persoon'], source)).code).toBe(0);
    const good = join(dir, 'good.samenplan.gz');
    expect((await runCli(['backup', good], source)).code).toBe(0);
    const bytes = readFileSync(good);

    const truncated = join(dir, 'truncated.gz');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const lines = gunzipSync(bytes).toString('utf8').split('\n');
    const altered = join(dir, 'altered.gz');
    writeFileSync(altered, gzipSync(lines.map((l) => l.replace('een@example.be', 'twee@example.be')).join('\n')));
    const cut = join(dir, 'cut.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, -3).join('\n') + '\n'));
    const foreign = join(dir, 'foreign.txt');
    writeFileSync(foreign, 'dit is geen backup\n');

    const target = await cliEnv();
    const before = await contentsOf(target);
    for (const [file, why] of [
      [truncated, /not a complete Samenplan backup \(it is truncated\)/],
      [altered, /not a complete Samenplan backup \(its checksum does not match/],
      [cut, /not a complete Samenplan backup/],
      [foreign, /not a complete Samenplan backup/],
      [join(dir, 'missing.gz'), /does not exist/],
    ] as const) {
      const res = await runCli(['restore', file], target);
      expect(res.code, file).toBe(1);
      const errLines = res.stderr.trim().split('\n').filter((l) => !l.includes('npm warn'));
      expect(errLines, file).toHaveLength(1);
      expect(errLines[0], file).toMatch(why);
    }
    expect(await contentsOf(target)).toEqual(before);
  });

  it.runIf(process.env.DATABASE_URL)('a PGlite backup restores into PostgreSQL, and back', async () => {
    const pgliteEnv = (name: string): Env => ({
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      SAMENPLAN_DATA_DIR: join(dir, name),
    });
    const embedded = pgliteEnv('embedded');
    expect((await runCli(['demo'], embedded)).code).toBe(0);
    expect((await runCli(['user', 'create', '--email', 'mee@example.be', '--name', 'Mee Verhuisd'], embedded)).code).toBe(0);
    const file = join(dir, 'from-pglite.gz');
    expect((await runCli(['backup', file], embedded)).code).toBe(0);

    const postgres = await cliEnv();
    const restored = await runCli(['restore', file, '--force'], postgres);
    expect(restored.stderr).not.toMatch(/samenplan:/);
    expect(restored.code).toBe(0);
    const expected = await contentsOf(embedded);
    expect(await contentsOf(postgres)).toEqual(expected);
    expect((await runCli(['audit', 'verify'], postgres)).code).toBe(0);

    const back = join(dir, 'from-postgres.gz');
    expect((await runCli(['backup', back], postgres)).code).toBe(0);
    const embeddedAgain = pgliteEnv('embedded-again');
    expect((await runCli(['restore', back], embeddedAgain)).code).toBe(0);
    expect(await contentsOf(embeddedAgain)).toEqual(expected);
    expect((await runCli(['audit', 'verify'], embeddedAgain)).code).toBe(0);
  });
});
