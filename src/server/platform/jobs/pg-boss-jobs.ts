import PgBoss from 'pg-boss';
import type { JobHandler, Jobs, JobsOptions, SendOptions } from './jobs.js';
import { createJobRegistry } from './registry.js';

/** Jobs on PostgreSQL with pg-boss (its own schema `pgboss` and a small pool of its own). */
export function createPgBossJobs(opts: JobsOptions & { databaseUrl: string }): Jobs {
  const { log } = opts;
  const boss = new PgBoss({
    connectionString: opts.databaseUrl,
    max: 3,
    schema: 'pgboss',
    // Maintenance expires jobs of dead processes (they are retried) and archives finished ones.
    maintenanceIntervalSeconds: 30,
    schedule: false,
  });
  boss.on('error', (err) => log.error({ err }, 'pg-boss error'));
  const registry = createJobRegistry(log);
  const { handlers } = registry;
  const timers: NodeJS.Timeout[] = [];
  const ensured = new Set<string>();
  let startedBoss: Promise<unknown> | undefined;
  let working = false;

  async function ready(queue: string): Promise<void> {
    startedBoss ??= boss.start();
    await startedBoss;
    if (ensured.has(queue)) return;
    // "stately": at most one queued and one active job per singleton key, as the table runner.
    await boss.createQueue(queue, { name: queue, policy: 'stately' });
    ensured.add(queue);
  }

  async function runOne(queue: string, handler: JobHandler<object>, job: PgBoss.Job<object>): Promise<void> {
    try {
      await handler({ id: job.id, queue, data: job.data ?? {} });
      await boss.complete(queue, job.id);
    } catch (err) {
      log.warn({ err, queue, jobId: job.id }, 'job failed');
      await boss.fail(queue, job.id, { message: err instanceof Error ? err.message : String(err) });
    }
  }

  async function send<T extends object>(queue: string, data: T, o: SendOptions = {}): Promise<string | null> {
    await ready(queue);
    return boss.send(queue, data, {
      ...(o.singletonKey !== undefined ? { singletonKey: o.singletonKey } : {}),
      ...(o.startAfter !== undefined ? { startAfter: o.startAfter } : {}),
      retryLimit: o.retryLimit ?? 2,
      retryDelay: o.retryDelaySeconds ?? 5,
      retryBackoff: true,
      expireInSeconds: o.expireSeconds ?? 900,
    });
  }

  return {
    engine: 'pg-boss',
    send,
    work: registry.work,
    every: registry.every,
    async start() {
      if (working) return;
      working = true;
      for (const [queue, handler] of handlers) {
        await ready(queue);
        await boss.work<object>(queue, { pollingIntervalSeconds: opts.pollSeconds ?? 1, batchSize: 1 }, async ([job]) => {
          if (job) await runOne(queue, handler, job);
        });
      }
      timers.push(...registry.startRecurring(send));
    },
    async stop() {
      working = false;
      for (const t of timers.splice(0)) clearInterval(t);
      if (startedBoss) {
        await startedBoss.catch(() => undefined);
        await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
        startedBoss = undefined;
        ensured.clear();
      }
    },
    async runDue(queue) {
      let ran = 0;
      startedBoss ??= boss.start();
      await startedBoss;
      // Maintenance turns running jobs past their expiry (their process died) into retries.
      await boss.maintain();
      for (const [name, handler] of handlers) {
        if (queue !== undefined && queue !== name) continue;
        await ready(name);
        for (;;) {
          const [job] = await boss.fetch<object>(name, { batchSize: 1 });
          if (!job) break;
          await runOne(name, handler, job);
          ran++;
        }
      }
      return ran;
    },
  };
}
