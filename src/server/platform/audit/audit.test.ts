import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { auditEvent, organisation } from '../../db/schema/index.js';
import { recordAudit, verifyAuditChain } from './audit.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const db = () => ctx.database.db;

async function appendEvents(n: number) {
  for (let i = 0; i < n; i++) {
    await db().transaction((tx) =>
      recordAudit(tx, { action: 'test.event', resourceType: 'test', resourceId: String(i), outcome: 'success', details: { i, b: 'x', a: [1] } }),
    );
  }
  return db().select().from(auditEvent).orderBy(asc(auditEvent.seq));
}

/** Runs a statement with the append-only triggers switched off, as only a database owner could. */
async function asOwnerBypassingTriggers(statement: ReturnType<typeof sql>) {
  await db().transaction(async (tx) => {
    await tx.execute(sql`alter table audit_event disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_event enable trigger user`);
  });
}

describe('audit trail', () => {
  it('chains every row to the one before it and verifies', async () => {
    const rows = await appendEvents(5);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(db())).toEqual({ ok: true, checked: rows.length });
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await appendEvents(1);
    for (const statement of [sql`update audit_event set reason = 'x'`, sql`delete from audit_event`, sql`truncate audit_event`]) {
      const error = await db().execute(statement).then(() => null, (e: unknown) => e as Error & { cause?: Error });
      expect(String(error?.cause?.message ?? error?.message)).toMatch(/append-only/);
    }
  });

  it('rolls back the change when the audit write fails, and the audit row when the change fails', async () => {
    const before = (await db().select().from(organisation)).length;
    const auditBefore = (await db().select().from(auditEvent)).length;
    await expect(
      db().transaction(async (tx) => {
        await tx.insert(organisation).values({ name: 'Mag niet blijven bestaan' });
        await recordAudit(tx, { action: 'x', resourceType: 'organisation', outcome: 'bogus' as 'success' });
      }),
    ).rejects.toThrow();
    expect((await db().select().from(organisation)).length).toBe(before);
    await expect(
      db().transaction(async (tx) => {
        await recordAudit(tx, { action: 'organisation.create', resourceType: 'organisation', outcome: 'success' });
        await tx.insert(organisation).values({ name: null as unknown as string });
      }),
    ).rejects.toThrow();
    expect((await db().select().from(auditEvent)).length).toBe(auditBefore);
  });

  it('names the exact row whose content was altered', async () => {
    const rows = await appendEvents(4);
    const target = rows[rows.length - 3]!;
    await asOwnerBypassingTriggers(sql`update audit_event set outcome = 'denied' where seq = ${target.seq}`);
    const result = await verifyAuditChain(db());
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toEqual({ seq: target.seq, id: target.id, problem: 'content_altered' });
    await asOwnerBypassingTriggers(sql`update audit_event set outcome = ${target.outcome} where seq = ${target.seq}`);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('names the row after a removed one', async () => {
    const rows = await appendEvents(4);
    const removed = rows[rows.length - 3]!;
    const next = rows[rows.length - 2]!;
    await asOwnerBypassingTriggers(sql`delete from audit_event where seq = ${removed.seq}`);
    const result = await verifyAuditChain(db());
    expect(result.firstBroken).toEqual({ seq: next.seq, id: next.id, problem: 'chain_broken' });
  });
});

describe('grants for the app role', () => {
  it('lets samenplan_app append to audit_event but never update or delete, even without the triggers', async () => {
    const roles = await db().execute(sql`select 1 from pg_roles where rolname = 'samenplan_app'`);
    const exists = ((roles as unknown as { rows: unknown[] }).rows ?? roles).length > 0;
    expect(exists).toBe(true);
    await db().transaction(async (tx) => {
      await tx.execute(sql`set local role samenplan_app`);
      await recordAudit(tx, { action: 'test.as_app_role', resourceType: 'test', outcome: 'success' });
    });
    for (const statement of [sql`update audit_event set reason = 'x'`, sql`delete from audit_event`]) {
      const error = await db()
        .transaction(async (tx) => {
          await tx.execute(sql`alter table audit_event disable trigger user`);
          await tx.execute(sql`set local role samenplan_app`);
          await tx.execute(statement);
        })
        .then(() => null, (e: unknown) => e as Error & { cause?: Error });
      expect(String(error?.cause?.message ?? error?.message)).toMatch(/permission denied/);
    }
  });
});
