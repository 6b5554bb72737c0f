import type { DbOrTx } from '../../db/client.js';
import { throttleRepo } from './throttle.repo.js';

export interface ThrottleLimit {
  /** Failures allowed within the window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export const LIMITS = {
  /** One account from one address (unknown device): the usual lock. */
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  /** One account from an address that completed a login to it before: slowed down, not locked out. */
  knownDevice: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 60_000 },
  /** One account from all unknown addresses together (guessing spread over many addresses). */
  accountAnyIp: { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  /** Wrong current password when changing it (a stolen session cannot guess the password). */
  passwordChange: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  mfa: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  resetPerAccount: { maxFailures: 3, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
} satisfies Record<string, ThrottleLimit>;

/** Forgets the failures of key after a success (a running lock stays). */
export async function clearFailures(db: DbOrTx, key: string, now: Date): Promise<void> {
  await throttleRepo.clear(db, key, now);
}

/**
 * Takes one attempt for key, counting it and deciding in one statement (the row lock of the upsert
 * serialises concurrent attempts): returns 0 when the attempt may go ahead, else the seconds until
 * it may. The attempt counts as a failure until the caller proves otherwise with `forgive`
 * (success) or `release` (success that clears the key), so parallel requests cannot all slip
 * through before the first failure is written: of any number of parallel attempts at most
 * `maxFailures` are checked.
 */
export async function takeAttempt(db: DbOrTx, key: string, limit: ThrottleLimit, now: Date): Promise<number> {
  const lockedUntil = await throttleRepo.takeAttempt(db, {
    key,
    maxFailures: limit.maxFailures,
    now,
    windowStart: new Date(now.getTime() - limit.windowMs),
    lockUntil: new Date(now.getTime() + limit.lockMs),
  });
  const until = lockedUntil?.getTime() ?? 0;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Takes one attempt on each key in order; stops at the first that refuses, returning its wait. */
export async function takeAttempts(db: DbOrTx, keys: [string, ThrottleLimit][], now: Date): Promise<number> {
  for (const [key, limit] of keys) {
    const wait = await takeAttempt(db, key, limit, now);
    if (wait > 0) return wait;
  }
  return 0;
}

/** The attempt taken succeeded: it no longer counts (a running lock stays). */
export async function forgiveAttempt(db: DbOrTx, key: string, now: Date): Promise<void> {
  await throttleRepo.forgive(db, key, now);
}
