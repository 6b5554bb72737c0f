import { and, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginThrottle } from '../../db/schema/index.js';

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

/** Seconds until the longest lock among these keys ends, or 0 when none is locked. */
export async function lockedFor(db: DbOrTx, keys: string[], now: Date): Promise<number> {
  const rows = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, keys), gt(loginThrottle.lockedUntil, now)));
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts one failure for key; locks it once the limit is reached within the window. */
export async function recordFailure(db: DbOrTx, key: string, limit: ThrottleLimit, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - limit.windowMs);
  const lockedUntil = new Date(now.getTime() + limit.lockMs);
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStart} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} < ${windowStart} then ${now} else ${loginThrottle.windowStart} end`,
      },
    });
  await db
    .update(loginThrottle)
    .set({ lockedUntil, failures: 0, windowStart: now })
    .where(and(eq(loginThrottle.key, key), sql`${loginThrottle.failures} >= ${limit.maxFailures}`));
}

/** Forgets the failures of key after a success (a running lock stays). */
export async function clearFailures(db: DbOrTx, key: string, now: Date): Promise<void> {
  await db
    .delete(loginThrottle)
    .where(and(eq(loginThrottle.key, key), or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, now))));
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
  const windowStart = new Date(now.getTime() - limit.windowMs);
  const lockUntil = new Date(now.getTime() + limit.lockMs);
  const t = loginThrottle;
  const locked = sql`(${t.lockedUntil} is not null and ${t.lockedUntil} > ${now})`;
  const fresh = sql`(${t.windowStart} < ${windowStart} or (${t.lockedUntil} is not null and ${t.lockedUntil} <= ${now}))`;
  const [row] = await db
    .insert(t)
    .values({ key, failures: 1, windowStart: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${locked} then ${t.failures} when ${fresh} then 1 else ${t.failures} + 1 end`,
        windowStart: sql`case when ${locked} then ${t.windowStart} when ${fresh} then ${now}::timestamptz else ${t.windowStart} end`,
        lockedUntil: sql`case when ${locked} then ${t.lockedUntil}
          when not ${fresh} and ${t.failures} + 1 > ${limit.maxFailures} then ${lockUntil}::timestamptz
          else null end`,
      },
    })
    .returning({ lockedUntil: t.lockedUntil });
  const until = row?.lockedUntil?.getTime() ?? 0;
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
  await db
    .update(loginThrottle)
    .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
    .where(and(eq(loginThrottle.key, key), or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, now))));
}
