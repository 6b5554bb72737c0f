/**
 * Measuring for the bench runners (run.ts, families-bench.ts): autocannon loads with every
 * latency kept, interleaved rounds, pgbench runs of a script, logging in with the demo secrets.
 */
import autocannon from 'autocannon';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/server/db/demo/people.js';
import { totpCode } from '../../src/server/platform/auth/totp.js';

export function positive(name: string, fallback: number): number {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
}


export const SECONDS = positive('BENCH_SECONDS', 3);
export const ROUNDS = Math.round(positive('BENCH_ROUNDS', 3));
/**
 * What `npm run bench` measures (BENCH_PARTS, comma-separated): `core` (issue 6: the floor, health,
 * auth/me, admin lists, the audited writes), `directory` (issue 8: the public search, facets,
 * map and HSDS export at 32 clients beside their SQL floors) and `learning` (issue 10: 1,000
 * registrations at once for 200 places, learning-bench.ts) and `lists` (the lists of learning,
 * consultation and engagement declarations over generated data, modules-bench.ts). All by default.
 */
export const BENCH_PARTS = new Set((process.env.BENCH_PARTS ?? 'core,directory,learning,lists').split(',').map((p) => p.trim()));
export const execFileAsync = promisify(execFile);

export interface Measured {
  connections: number;
  /** Seconds measured (warm-up excluded). */
  duration: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  /** [time the response arrived (performance.now()), latency ms] of every 2xx response. */
  samples: [number, number][];
  /** Responses other than 2xx, by status. */
  statuses: Record<string, number>;
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function stats(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? NaN };
}

export type LoadOptions = Pick<autocannon.Options, 'url' | 'method' | 'headers' | 'body' | 'requests'> & {
  connections: number;
  duration?: number;
  warmup?: boolean;
  /** Resolves once the server has answered everything sent to it. */
  drain?: () => Promise<void>;
};

/** Loads one target for `duration` seconds (after a one-second warm-up, unless off) and keeps every latency. */
export async function load(opts: LoadOptions): Promise<Measured> {
  const duration = opts.duration ?? SECONDS;
  const { warmup = true, drain, ...rest } = opts;
  // autocannon's types lack the instance's promise side.
  const run = (seconds: number) => autocannon({ ...rest, duration: seconds }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  if (warmup) {
    await run(1);
    // Requests the warm-up left in flight would otherwise be served during the measured run.
    await drain?.();
  }
  const samples: [number, number][] = [];
  const instance = run(duration);
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) samples.push([performance.now(), ms]);
  });
  const result = await instance;
  await drain?.();
  const errors = result.errors + result.timeouts + result.non2xx;
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats as Record<string, { count: number }>).filter(([code]) => !code.startsWith('2')).map(([code, { count }]) => [code, count]),
  );
  if (result.errors + result.timeouts > 0) statuses['no answer'] = result.errors + result.timeouts;
  return { connections: opts.connections, duration, rps: samples.length / duration, errors, samples, statuses, ...stats(samples.map(([, ms]) => ms)) };
}

/**
 * Loads the targets in turn, ROUNDS times over, and merges each target's rounds: targets that are
 * compared with each other then see the same mix of a shared machine's busy and quiet moments.
 */
export async function interleaved(targets: (LoadOptions | (() => Promise<Measured>))[]): Promise<Measured[]> {
  const runs: Measured[][] = targets.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, target] of targets.entries()) runs[i]!.push(await (typeof target === 'function' ? target() : load(target)));
  }
  return runs.map((parts) => {
    const samples = parts.flatMap((p) => p.samples);
    const duration = parts.reduce((sum, p) => sum + p.duration, 0);
    const statuses: Record<string, number> = {};
    for (const p of parts) for (const [code, n] of Object.entries(p.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
    return {
      connections: parts[0]!.connections,
      duration,
      rps: samples.length / duration,
      errors: parts.reduce((sum, p) => sum + p.errors, 0),
      samples,
      statuses,
      ...stats(samples.map(([, ms]) => ms)),
    };
  });
}

/**
 * pgbench (PostgreSQL's own load tool, in C) runs a script (with `:name` variables from `defines`)
 * from `connections` clients with a connection each, for `duration` seconds after a one-second
 * warm-up: the database measured without this machine's CPU going to the app's HTTP and JSON work
 * in between. Every transaction's time comes from pgbench's log.
 */
export async function pgbench(url: string, scriptText: string, defines: Record<string, string | number>, connections: number, duration = SECONDS): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'samenplan-pgbench-'));
  try {
    const script = join(dir, 'script.sql');
    writeFileSync(script, scriptText);
    const run = (seconds: number, log: boolean) =>
      execFileAsync(
        'pgbench',
        ['-n', '-c', String(connections), '-j', '2', '-T', String(seconds), '-f', script, ...Object.entries(defines).flatMap(([k, v]) => ['-D', `${k}=${v}`]),
          ...(log ? ['-l', '--log-prefix', join(dir, 'log')] : []), url],
        { maxBuffer: 16 * 1024 * 1024 },
      ).catch((err: unknown) => err as { stdout?: string; stderr?: string });
    await run(1, false);
    const seconds = Math.max(1, Math.round(duration));
    const out = await run(seconds, true);
    const samples: [number, number][] = [];
    let errors = 0;
    for (const file of readdirSync(dir).filter((f) => f.startsWith('log'))) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
        // client transaction time_us script epoch_s epoch_us
        const [, , time, , epoch, epochUs] = line.split(' ');
        if (!time) continue;
        if (!/^\d+$/.test(time)) {
          errors++;
          continue;
        }
        samples.push([Number(epoch) * 1000 + Number(epochUs) / 1000, Number(time) / 1000]);
      }
    }
    const aborted = /aborted/i.test(`${out.stdout ?? ''}${out.stderr ?? ''}`) ? 1 : 0;
    const statuses: Record<string, number> = {};
    if (errors) statuses.failed = errors;
    if (aborted) statuses['pgbench: clients aborted'] = 1;
    return { connections, duration: seconds, rps: samples.length / seconds, errors: errors + aborted, samples, statuses, ...stats(samples.map(([, ms]) => ms)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Session {
  cookie: string;
  csrfToken: string;
}

/** Logs a demo account in (the platform admin unless named) with password and TOTP. */
export async function login(base: string, email = 'beheer@samenplan.demo'): Promise<Session> {
  const cookies = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`bench login failed: ${res.status} ${await res.text()}`);
  const { data } = (await res.json()) as { data: { csrfToken: string } };
  const mfa = await fetch(`${base}/api/auth/mfa`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookies(res), 'x-csrf-token': data.csrfToken },
    body: JSON.stringify({ code: totpCode(DEMO_TOTP_SECRET, new Date()) }),
  });
  if (mfa.status !== 200) throw new Error(`bench second factor failed: ${mfa.status} ${await mfa.text()}`);
  const after = (await mfa.json()) as { data?: { csrfToken?: string } };
  return { cookie: cookies(mfa) || cookies(res), csrfToken: after.data?.csrfToken ?? data.csrfToken };
}

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return n >= 100 ? n.toFixed(0) : n.toFixed(1);
}

