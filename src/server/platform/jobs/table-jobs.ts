import { backoffSeconds, type JobHandler, type Jobs, type JobsOptions, type SendOptions } from './jobs.js';
import { tableJobsRepo, type JobRow } from './table-jobs.repo.js';
import { createJobRegistry } from './registry.js';

/**
 * Jobs on the `job` table, for the embedded database (one process, one connection). Claiming a job
 * commits before its handler runs, so a crash leaves it `active`; once its expiry has passed, the
 * next runner takes it up again as a failed attempt.
 */
export function createTableJobs(opts: JobsOptions): Jobs {
  const { db } = opts.database;
  const { clock, log } = opts;
  const registry = createJobRegistry(log);
  const { handlers } = registry;
  const timers: NodeJS.Timeout[] = [];
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let started = false;

  /** Attempt failed: queue it again after the backoff, or give up once the retries are used. */
  async function failed(row: JobRow, message: string): Promise<void> {
    const now = clock.now();
    if (row.retryCount < row.retryLimit) {
      const startAfter = new Date(now.getTime() + backoffSeconds(row.retryDelaySeconds, row.retryCount) * 1000);
      try {
        await tableJobsRepo.requeue(db, row, startAfter, message.slice(0, 2000));
        return;
      } catch {
        // Another job with the same singleton key is queued already: it does the work.
      }
    }
    await tableJobsRepo.markFailed(db, row.id, now, message.slice(0, 2000));
  }

  /** Running jobs whose process died (expiry passed) count as failed attempts. */
  async function expire(queue: string): Promise<void> {
    const now = clock.now();
    const stale = await tableJobsRepo.expired(db, queue, now);
    for (const row of stale) await failed(row, 'expired: not finished in time (the process stopped?)');
  }

  async function claim(queue: string): Promise<JobRow | null> {
    const now = clock.now();
    const candidate = await tableJobsRepo.nextDue(db, queue, now);
    if (!candidate) return null;
    return tableJobsRepo.markActive(db, candidate.id, now);
  }

  async function runQueue(queue: string, handler: JobHandler<object>): Promise<number> {
    await expire(queue);
    let ran = 0;
    for (;;) {
      const row = await claim(queue);
      if (!row) return ran;
      ran++;
      try {
        await handler({ id: row.id, queue, data: (row.data ?? {}) as object });
        await tableJobsRepo.markCompleted(db, row.id, clock.now());
      } catch (err) {
        log.warn({ err, queue, jobId: row.id, attempt: row.retryCount + 1 }, 'job failed');
        await failed(row, err instanceof Error ? err.message : String(err));
      }
    }
  }

  async function runDue(queue?: string): Promise<number> {
    let ran = 0;
    for (const [name, handler] of handlers) {
      if (queue === undefined || queue === name) ran += await runQueue(name, handler);
    }
    return ran;
  }

  async function send<T extends object>(queue: string, data: T, o: SendOptions = {}): Promise<string | null> {
    return tableJobsRepo.insert(db, {
      queue,
      data,
      singletonKey: o.singletonKey ?? null,
      startAfter: o.startAfter ?? clock.now(),
      ...(o.retryLimit !== undefined ? { retryLimit: o.retryLimit } : {}),
      ...(o.retryDelaySeconds !== undefined ? { retryDelaySeconds: o.retryDelaySeconds } : {}),
      ...(o.expireSeconds !== undefined ? { expireSeconds: o.expireSeconds } : {}),
    });
  }

  /** One polling round at a time; a round still busy makes the next tick skip. */
  function tick(fn: () => Promise<unknown>): void {
    if (busy || !started) return;
    busy = true;
    running = fn()
      .catch((err: unknown) => log.error({ err }, 'job runner round failed'))
      .finally(() => (busy = false));
  }

  return {
    engine: 'table',
    send,
    work: registry.work,
    every: registry.every,
    async start() {
      if (started) return;
      started = true;
      const pollMs = (opts.pollSeconds ?? 1) * 1000;
      timers.push(setInterval(() => tick(() => runDue()), pollMs));
      timers.push(...registry.startRecurring(send));
      // Finished jobs are kept a day for inspection, then removed.
      timers.push(
        setInterval(() => tick(() => tableJobsRepo.deleteFinished(db, new Date(clock.now().getTime() - 86_400_000))), 600_000),
      );
      for (const t of timers) t.unref();
    },
    async stop() {
      started = false;
      for (const t of timers.splice(0)) clearInterval(t);
      await running;
    },
    runDue,
  };
}
