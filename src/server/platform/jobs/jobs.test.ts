import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { freshDatabase } from '../../../../tests/helpers/database.js';
import { TestClock } from '../../../../tests/helpers/clock.js';
import type { Database } from '../../db/client.js';
import type { Jobs } from './jobs.js';
import { createPgBossJobs } from './pg-boss-jobs.js';
import { createTableJobs } from './table-jobs.js';

const log = pino({ level: 'silent' });
const engines = process.env.DATABASE_URL ? (['table', 'pg-boss'] as const) : (['table'] as const);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(engines)('background jobs on %s', (engine) => {
  let database: Database & { url?: string };
  const clock = new TestClock();
  const open: Jobs[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    for (const j of open) await j.stop();
    await database.close();
  });

  /** A new runner on the same database, as a new process would make. */
  function runner(): Jobs {
    const jobs =
      engine === 'table'
        ? createTableJobs({ database, clock, log })
        : createPgBossJobs({ database, clock, log, databaseUrl: database.url! });
    open.push(jobs);
    return jobs;
  }

  /** Lets time pass: the test clock for the table runner, real seconds for pg-boss. */
  async function pass(ms: number) {
    if (engine === 'table') clock.advance(ms);
    else await sleep(ms);
  }

  /** Runs due jobs until `done()` holds; pg-boss's retry times carry jitter, so wait for it, bounded. */
  async function runUntil(jobs: Jobs, queue: string, done: () => boolean, ms = 15_000) {
    const end = Date.now() + ms;
    while (!done()) {
      if (Date.now() > end) throw new Error(`${queue}: not done within ${ms} ms`);
      await jobs.runDue(queue);
      if (!done()) await pass(engine === 'table' ? 60_000 : 250);
    }
  }

  it('retries a failed job after a backoff, and gives up after the retry limit', async () => {
    const jobs = runner();
    const attempts: number[] = [];
    jobs.work<{ n: number }>('test-flaky', async ({ data }) => {
      attempts.push(data.n);
      if (attempts.length < 2) throw new Error('first attempt fails');
    });
    await jobs.send('test-flaky', { n: 7 }, { retryLimit: 3, retryDelaySeconds: 1 });
    expect(await jobs.runDue('test-flaky')).toBe(1);
    expect(attempts).toEqual([7]);
    // Not retried at once: the backoff has not passed.
    expect(await jobs.runDue('test-flaky')).toBe(0);
    await runUntil(jobs, 'test-flaky', () => attempts.length === 2);
    expect(attempts).toEqual([7, 7]);

    let hopeless = 0;
    jobs.work('test-hopeless', async () => {
      hopeless++;
      throw new Error('always fails');
    });
    await jobs.send('test-hopeless', {}, { retryLimit: 1, retryDelaySeconds: 1 });
    await runUntil(jobs, 'test-hopeless', () => hopeless === 2);
    await pass(engine === 'table' ? 3_600_000 : 3_000);
    expect(await jobs.runDue('test-hopeless')).toBe(0);
    expect(hopeless).toBe(2);
  });

  it('keeps one queued job per singleton key', async () => {
    const jobs = runner();
    const ran: string[] = [];
    jobs.work<{ v: string }>('test-single', async ({ data }) => void ran.push(data.v));
    const first = await jobs.send('test-single', { v: 'a' }, { singletonKey: 'k' });
    const second = await jobs.send('test-single', { v: 'b' }, { singletonKey: 'k' });
    const other = await jobs.send('test-single', { v: 'c' }, { singletonKey: 'other' });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(other).toEqual(expect.any(String));
    expect(await jobs.runDue('test-single')).toBe(2);
    expect(ran.sort()).toEqual(['a', 'c']);
    // Once it ran, the key is free again.
    expect(await jobs.send('test-single', { v: 'd' }, { singletonKey: 'k' })).toEqual(expect.any(String));
  });

  it('does not start a scheduled job before its time', async () => {
    const jobs = runner();
    let ran = 0;
    jobs.work('test-later', async () => void ran++);
    const now = engine === 'table' ? clock.now() : new Date();
    await jobs.send('test-later', {}, { startAfter: new Date(now.getTime() + 2_000) });
    expect(await jobs.runDue('test-later')).toBe(0);
    await pass(2_500);
    expect(await jobs.runDue('test-later')).toBe(1);
    expect(ran).toBe(1);
  });

  it('survives a restart: queued jobs run in the next process, and a job left running by a dead one is retried after its expiry', async () => {
    const before = runner();
    await before.send('test-restart', { step: 'queued' });
    await before.stop();

    // A process that claims a job and dies while running it.
    const dying = runner();
    let hang!: () => void;
    dying.work('test-crash', () => new Promise<void>((r) => (hang = r)));
    await dying.send('test-crash', { step: 'crash' }, { expireSeconds: 1, retryLimit: 2, retryDelaySeconds: 1 });
    const abandoned = dying.runDue('test-crash');
    await sleep(200);

    const after = runner();
    const seen: string[] = [];
    after.work<{ step: string }>('test-restart', async ({ data }) => void seen.push(data.step));
    after.work<{ step: string }>('test-crash', async ({ data }) => void seen.push(data.step));
    expect(await after.runDue('test-restart')).toBe(1);
    // Still within its expiry: the job counts as running.
    expect(await after.runDue('test-crash')).toBe(0);
    await pass(1_500);
    await runUntil(after, 'test-crash', () => seen.includes('crash'));
    expect(seen).toEqual(['queued', 'crash']);
    hang();
    await abandoned.catch(() => undefined);
  });

  it('queues a recurring job once per interval and works it in the background after start()', async () => {
    const jobs = runner();
    let ran = 0;
    jobs.work('test-every', async () => void ran++);
    jobs.every('test-every', 1);
    await jobs.start();
    const end = Date.now() + 15_000;
    while (ran < 2 && Date.now() < end) {
      await sleep(200);
      if (engine === 'table') clock.advance(1_000);
    }
    await jobs.stop();
    expect(ran).toBeGreaterThanOrEqual(2);
  });
});
