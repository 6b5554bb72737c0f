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
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
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
