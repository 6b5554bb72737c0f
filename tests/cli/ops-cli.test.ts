import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exited, freePort, ROOT, runCli, startCli } from '../helpers/cli.js';

/** An environment on an embedded (PGlite) data folder of its own, whatever DATABASE_URL the suite has. */
function embeddedEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    SAMENPLAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'samenplan-ops-')),
    ...extra,
  };
}

/** Runs the CLI from source in another working directory (where a .env may lie). */
function runCliIn(cwd: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, join(ROOT, 'src/cli/samenplan.ts'), ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The lock concerns the embedded database only; its tests need no second run on PostgreSQL.
describe.skipIf(process.env.DATABASE_URL)('one process per embedded data folder', { timeout: 300_000 }, () => {
  it('a second server or CLI command on the same data folder refuses, naming the running one; after it stops the folder is free', async () => {
    const env = embeddedEnv({ PORT: String(await freePort()) });
    const first = await startCli(['serve'], env);
    const pid = first.child.pid;
    try {
      const lock = JSON.parse(readFileSync(join(env.SAMENPLAN_DATA_DIR ?? '', 'samenplan.lock'), 'utf8')) as { pid: number; command: string };
      expect(lock.pid).toBe(pid);
      expect(lock.command).toContain('serve');

      const migrate = await runCli(['migrate'], env);
      expect(migrate.code).toBe(1);
      const lines = migrate.stderr.trim().split('\n').filter((l) => !l.includes('npm warn'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`in use by process ${pid}`);
      expect(lines[0]).toContain('serve');

      const second = await startCli(['serve'], { ...env, PORT: String(await freePort()) }).then(
        (s) => {
          s.child.kill('SIGKILL');
          return 'started';
        },
        (err: unknown) => String(err),
      );
      expect(second).toContain('exited with 1');
      expect(second).toContain(`in use by process ${pid}`);

      // The first server still works.
      expect((await fetch(`${first.baseUrl}/api/health`)).status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await exited(first.child)).toBe(0);
    expect(existsSync(join(env.SAMENPLAN_DATA_DIR ?? '', 'samenplan.lock'))).toBe(false);
    expect((await runCli(['migrate'], env)).code).toBe(0);
  });

  it('takes over the lock a dead process left behind', async () => {
    const env = embeddedEnv();
    const dead = spawnSync(process.execPath, ['-e', 'process.pid'], {}).pid;
    writeFileSync(
      join(env.SAMENPLAN_DATA_DIR ?? '', 'samenplan.lock'),
      JSON.stringify({ pid: dead, host: (await import('node:os')).hostname(), command: 'samenplan.ts serve', startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const migrate = await runCli(['migrate'], env);
    expect(migrate.stderr).not.toContain('in use');
    expect(migrate.code).toBe(0);
    expect(existsSync(join(env.SAMENPLAN_DATA_DIR ?? '', 'samenplan.lock'))).toBe(false);
  });
});

describe('.env', { timeout: 120_000 }, () => {
  it('is read from the working directory, and variables of the real environment win', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'samenplan-dotenv-'));
    writeFileSync(join(cwd, '.env'), '# settings\nLOG_LEVEL=loud\nPORT="4321"\n');
    const { LOG_LEVEL: _level, ...withoutLevel } = embeddedEnv();
    void _level;
    // The file's invalid LOG_LEVEL is read and reported like any other configuration error …
    const fromFile = await runCliIn(cwd, ['migrate'], withoutLevel);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toContain('Invalid configuration: LOG_LEVEL="loud"');
    // … and a LOG_LEVEL in the real environment wins over the file.
    const real = await runCliIn(cwd, ['migrate'], { ...withoutLevel, LOG_LEVEL: 'warn' });
    expect(real.stderr).not.toContain('Invalid configuration');
    expect(real.code).toBe(0);
  });
});
