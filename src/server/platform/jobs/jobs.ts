import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.js';
import type { Clock } from '../clock.js';
import { createPgBossJobs } from './pg-boss-jobs.js';
import { createTableJobs } from './table-jobs.js';

export interface SendOptions {
  /** At most one queued and one running job per key in a queue; a second send returns null. */
  singletonKey?: string;
  /** Not before this moment. */
  startAfter?: Date;
  /** Retries after the first attempt fails (default 2). */
  retryLimit?: number;
  /** Seconds before the first retry; doubles with each further retry (default 5). */
  retryDelaySeconds?: number;
  /** A running job not finished after this many seconds counts as failed (its process died). */
  expireSeconds?: number;
}

export interface Job<T> {
  id: string;
  queue: string;
  data: T;
}

export type JobHandler<T> = (job: Job<T>) => Promise<void>;

/**
 * Background jobs, one interface on both databases: pg-boss on PostgreSQL, a small runner on the
 * `job` table on the embedded database. Handlers must be idempotent: a job may run again after
 * a crash.
 */
export interface Jobs {
  readonly engine: 'pg-boss' | 'table';
  send<T extends object>(queue: string, data: T, opts?: SendOptions): Promise<string | null>;
  /** Registers the handler of a queue; workers poll once start() ran. */
  work<T extends object>(queue: string, handler: JobHandler<T>): void;
  /** Queues `queue` every `seconds` (one queued at a time, across processes) once started. */
  every(queue: string, seconds: number, data?: object): void;
  start(): Promise<void>;
  /** Stops polling and timers and waits for running handlers. */
  stop(): Promise<void>;
  /**
   * Runs every job that is due now in the registered queues (or one), one after the other, and
   * returns how many ran: for tests and the CLI, which need a deterministic result.
   */
  runDue(queue?: string): Promise<number>;
}

export interface JobsOptions {
  database: Database;
  clock: Clock;
  log: FastifyBaseLogger;
  /** PostgreSQL URL; pg-boss opens its own small pool. */
  databaseUrl?: string | undefined;
  pollSeconds?: number;
}

/** pg-boss on PostgreSQL, the table runner on PGlite. */
export function createJobs(opts: JobsOptions): Jobs {
  if (opts.database.kind === 'postgres' && opts.databaseUrl) return createPgBossJobs({ ...opts, databaseUrl: opts.databaseUrl });
  return createTableJobs(opts);
}

/** Exponential backoff: base, 2×base, 4×base …, at most an hour. */
export function backoffSeconds(base: number, retryCount: number): number {
  return Math.min(3600, base * 2 ** retryCount);
}
