import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginThrottle } from '../../db/schema/index.js';

/** SQL for the throttle counters (`login_throttle`); the rules and limits are in throttle.ts. */
export const throttleRepo = {
  /**
   * Counts one attempt on key and decides in one statement (the row lock of the upsert serialises
   * concurrent attempts); returns the key's lock, if any, after this attempt.
   */
  async takeAttempt(
    db: DbOrTx,
    input: { key: string; maxFailures: number; now: Date; windowStart: Date; lockUntil: Date },
  ): Promise<Date | null> {
    const { key, maxFailures, now, windowStart, lockUntil } = input;
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
            when not ${fresh} and ${t.failures} + 1 > ${maxFailures} then ${lockUntil}::timestamptz
            else null end`,
        },
      })
      .returning({ lockedUntil: t.lockedUntil });
    return row?.lockedUntil ?? null;
  },

  /** One failure less on key, unless it is locked. */
  async forgive(db: DbOrTx, key: string, now: Date): Promise<void> {
    await db
      .update(loginThrottle)
      .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
      .where(and(eq(loginThrottle.key, key), or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, now))));
  },

  /** Removes key's counter, unless it is locked. */
  async clear(db: DbOrTx, key: string, now: Date): Promise<void> {
    await db
      .delete(loginThrottle)
      .where(and(eq(loginThrottle.key, key), or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, now))));
  },
};
