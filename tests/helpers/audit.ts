import { desc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../src/server/db/client.js';
import { auditEvent } from '../../src/server/db/schema/index.js';

export type AuditRow = typeof auditEvent.$inferSelect;
type AuditMatch = Partial<{ [K in keyof AuditRow]: unknown }>;

/**
 * Asserts that the audit trail holds a row with this action matching every given field (nested
 * `details` match partially; asymmetric matchers like expect.any(String) work), and returns the
 * newest such row. `count` asserts how many rows match exactly.
 *
 *   await expectAudited(db, 'person.disable', { resourceId: person.id, outcome: 'success', actorAccountId: admin.account.id });
 */
export async function expectAudited(db: Db, action: string, match: AuditMatch = {}, opts: { count?: number } = {}): Promise<AuditRow> {
  const rows = await db.select().from(auditEvent).where(eq(auditEvent.action, action)).orderBy(desc(auditEvent.seq));
  const hits = rows.filter((row) => matches(row, match));
  if (hits.length === 0) {
    // Fails with a readable diff of what the trail does hold for this action.
    expect(rows, `no audit row '${action}' matching ${JSON.stringify(match)}`).toContainEqual(expect.objectContaining(match));
  }
  if (opts.count !== undefined) expect(hits, `audit rows '${action}' matching ${JSON.stringify(match)}`).toHaveLength(opts.count);
  return hits[0] as AuditRow;
}

/** Asserts that no audit row with this action matches the given fields. */
export async function expectNotAudited(db: Db, action: string, match: AuditMatch = {}): Promise<void> {
  const rows = await db.select().from(auditEvent).where(eq(auditEvent.action, action));
  expect(rows.filter((row) => matches(row, match)), `unexpected audit rows '${action}'`).toEqual([]);
}

function matches(row: AuditRow, match: AuditMatch): boolean {
  try {
    expect(row).toMatchObject(match);
    return true;
  } catch {
    return false;
  }
}
