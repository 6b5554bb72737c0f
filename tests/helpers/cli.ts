import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase } from './database.js';
import { baseCliEnv } from './cli-env.js';

export const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'src/cli/samenplan.ts');

export { TEST_RATE_LIMITS, baseCliEnv } from './cli-env.js';

/** Environment for a CLI process with a database of its own (a PGlite dir, or a fresh PostgreSQL database). */
export async function cliEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const base = baseCliEnv();
  if (process.env.DATABASE_URL) {
    const db = await freshDatabase();
    await db.close();
    if (!db.url) throw new Error('fresh PostgreSQL database without url');
    return { ...base, DATABASE_URL: db.url, ...extra };
  }
  return { ...base, SAMENPLAN_DATA_DIR: mkdtempSync(join(tmpdir(), 'samenplan-cli-')), ...extra };
}

/** Runs the CLI from source and collects its output. */
export function runCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `samenplan serve` and resolves once it listens, with its base URL. */
export function startCli(
  args: string[],
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ child: ChildProcess; baseUrl: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listens on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, baseUrl: m[1], output: () => out });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

/** Resolves with the exit code once the child has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}
