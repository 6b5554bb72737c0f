import type { FastifyBaseLogger } from 'fastify';
import type { JobHandler, Jobs } from './jobs.js';

/**
 * What both engines keep of `work` and `every`: the handler of each queue and the recurring jobs,
 * and how the recurring ones are queued once the engine starts.
 */
export function createJobRegistry(log: FastifyBaseLogger) {
  const handlers = new Map<string, JobHandler<object>>();
  const recurring: { queue: string; seconds: number; data: object }[] = [];
  const work: Jobs['work'] = (queue, handler) => {
    handlers.set(queue, handler as JobHandler<object>);
  };
  const every: Jobs['every'] = (queue, seconds, data = {}) => {
    recurring.push({ queue, seconds, data });
  };

  /** Queues each recurring job now and every `seconds` after (one queued at a time); returns the timers, unref'd. */
  function startRecurring(send: Jobs['send']): NodeJS.Timeout[] {
    return recurring.map((r) => {
      const enqueue = () =>
        send(r.queue, r.data, { singletonKey: `every:${r.queue}`, retryLimit: 0 }).catch((err: unknown) => log.error({ err, queue: r.queue }, 'could not queue recurring job'));
      void enqueue();
      const timer = setInterval(() => void enqueue(), r.seconds * 1000);
      timer.unref();
      return timer;
    });
  }

  return { handlers, work, every, startRecurring };
}
