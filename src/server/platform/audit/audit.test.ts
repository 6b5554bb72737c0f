import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../../tests/helpers/app.js';
import { auditEvent, auditSeal, organisation } from '../../db/schema/index.js';
import { recordAudit, sealAudit, verifyAuditChain } from './audit.js';

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
  await sealAudit(db());
  return db().select().from(auditSeal).orderBy(asc(auditSeal.position));
}

async function counts() {
  const [events] = await db().select({ n: count() }).from(auditEvent);
  const [seals] = await db().select({ n: count() }).from(auditSeal);
  return { events: Number(events?.n), seals: Number(seals?.n) };
}

/** Runs a statement with the append-only triggers switched off, as only a database owner could. */
async function asOwnerBypassingTriggers(statement: ReturnType<typeof sql>) {
  await db().transaction(async (tx) => {
    await tx.execute(sql`alter table audit_event disable trigger user`);
    await tx.execute(sql`alter table audit_seal disable trigger user`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_seal enable trigger user`);
    await tx.execute(sql`alter table audit_event enable trigger user`);
  });
}

describe('audit trail', () => {
  it('writes without a hash; the sealer chains every committed row once, in order, and verify checks it', async () => {
    await db().transaction((tx) => recordAudit(tx, { action: 'test.first', resourceType: 'test', outcome: 'success' }));
    const before = await verifyAuditChain(db());
    expect(before.ok).toBe(true);
    expect(before.unsealed).toBeGreaterThan(0);

    const seals = await appendEvents(5);
    for (let i = 1; i < seals.length; i++) {
      expect(seals[i]!.prevHash).toBe(seals[i - 1]!.hash);
      expect(seals[i]!.position).toBe(seals[i - 1]!.position + 1);
    }
    const { events } = await counts();
    expect(seals.length).toBe(events);
    expect(await verifyAuditChain(db())).toEqual({ ok: true, checked: events, unsealed: 0, head: { position: events, hash: seals.at(-1)!.hash } });
    // A pass with nothing new changes nothing.
    expect((await sealAudit(db())).sealed).toBe(0);
    expect((await counts()).seals).toBe(events);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the events and on the chain in the database itself', async () => {
    await appendEvents(1);
    for (const table of ['audit_event', 'audit_seal']) {
      for (const statement of [`update ${table} set ${table === 'audit_event' ? 'reason' : 'hash'} = 'x'`, `delete from ${table}`, `truncate ${table}`]) {
        const error = await db().execute(sql.raw(statement)).then(() => null, (e: unknown) => e as Error & { cause?: Error });
        expect(String(error?.cause?.message ?? error?.message)).toMatch(/append-only/);
      }
    }
  });

  it('rolls back the change when the audit write fails, and the audit row when the change fails', async () => {
    const before = (await db().select().from(organisation)).length;
    const auditBefore = (await counts()).events;
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
    expect((await counts()).events).toBe(auditBefore);
  });

  it('names the exact row whose content was altered', async () => {
    const seals = await appendEvents(4);
    const target = seals[seals.length - 3]!;
    const [event] = await db().select().from(auditEvent).where(sql`seq = ${target.eventSeq}`);
    await asOwnerBypassingTriggers(sql`update audit_event set outcome = 'denied' where seq = ${target.eventSeq}`);
    const result = await verifyAuditChain(db());
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toEqual({ position: target.position, seq: target.eventSeq, id: event!.id, problem: 'content_altered' });
    await asOwnerBypassingTriggers(sql`update audit_event set outcome = ${event!.outcome} where seq = ${target.eventSeq}`);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });

  it('names the place of a removed event, and the place after a removed link', async () => {
    const seals = await appendEvents(4);
    const removed = seals[seals.length - 3]!;
    await asOwnerBypassingTriggers(sql`delete from audit_event where seq = ${removed.eventSeq}`);
    expect((await verifyAuditChain(db())).firstBroken).toMatchObject({ position: removed.position, seq: removed.eventSeq, id: null, problem: 'event_missing' });

    // A link removed before it: verify now stops at the place after the gap.
    const link = seals[seals.length - 4]!;
    await asOwnerBypassingTriggers(sql`delete from audit_seal where position = ${link.position}`);
    expect((await verifyAuditChain(db())).firstBroken).toMatchObject({ position: link.position + 1, problem: 'chain_broken' });
  });
});

describe('sealing concurrent writers', () => {
  it('seals every row of many concurrent writers exactly once, in one chain, while sealers run alongside', async () => {
    const fresh = await createTestApp();
    try {
      const d = fresh.database.db;
      const writers = Array.from({ length: 40 }, (_, i) =>
        d.transaction(async (tx) => {
          await recordAudit(tx, { action: 'test.concurrent', resourceType: 'test', resourceId: String(i), outcome: 'success' });
          if (i % 3 === 0) await tx.execute(sql`select pg_sleep(0.02)`);
          await recordAudit(tx, { action: 'test.concurrent.second', resourceType: 'test', resourceId: String(i), outcome: 'success' });
        }),
      );
      const sealers = Array.from({ length: 6 }, () => sealAudit(d));
      await Promise.all([...writers, ...sealers]);
      await sealAudit(d);
      const result = await verifyAuditChain(d);
      const [events] = await d.select({ n: count() }).from(auditEvent);
      expect(result).toMatchObject({ ok: true, unsealed: 0, checked: Number(events?.n) });
      const dup = await d.execute(sql`select event_seq from audit_seal group by event_seq having count(*) > 1`);
      expect(((dup as unknown as { rows?: unknown[] }).rows ?? (dup as unknown as unknown[])).length).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('seals a row that commits after later rows were sealed (PostgreSQL)', async () => {
    const fresh = await createTestApp();
    try {
      const d = fresh.database.db;
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let inserted!: () => void;
      const insertedP = new Promise<void>((r) => (inserted = r));
      // A slow transaction takes the lower seq and commits last.
      const slow = d.transaction(async (tx) => {
        await recordAudit(tx, { action: 'test.slow', resourceType: 'test', outcome: 'success' });
        inserted();
        await gate;
      });
      await insertedP;
      await d.transaction((tx) => recordAudit(tx, { action: 'test.fast', resourceType: 'test', outcome: 'success' }));
      await sealAudit(d);
      const mid = await verifyAuditChain(d);
      expect(mid.ok).toBe(true);
      expect(mid.unsealed).toBe(0); // the slow row is not committed, so not visible yet
      release();
      await slow;
      expect((await verifyAuditChain(d)).unsealed).toBe(1);
      const pass = await sealAudit(d);
      expect(pass.sealed).toBe(1);
      const seals = await d.select().from(auditSeal).orderBy(asc(auditSeal.position));
      const last = seals.at(-1)!;
      const prev = seals.at(-2)!;
      expect(last.eventSeq).toBeLessThan(prev.eventSeq);
      expect(await verifyAuditChain(d)).toMatchObject({ ok: true, unsealed: 0 });
    } finally {
      await fresh.close();
    }
  });

  it('finds unsealed rows through the index on the writing transaction, not by reading the table', async () => {
    const plan = await db().transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute(sql`explain select seq from audit_event e where e.tx >= '1'::xid8
        and not exists (select 1 from audit_seal s where s.event_seq = e.seq) order by seq limit 1000`);
    });
    const text = JSON.stringify(plan);
    expect(text).toMatch(/audit_event_tx_idx|audit_event_pkey/);
    expect(text).toMatch(/audit_seal_event_key/);
  });
});

describe('grants for the app role', () => {
  it('lets samenplan_app append to audit_event and seal, but never update or delete either, even without the triggers', async () => {
    const roles = await db().execute(sql`select 1 from pg_roles where rolname = 'samenplan_app'`);
    const exists = ((roles as unknown as { rows: unknown[] }).rows ?? roles).length > 0;
    expect(exists).toBe(true);
    await db().transaction(async (tx) => {
      await tx.execute(sql`set local role samenplan_app`);
      await recordAudit(tx, { action: 'test.as_app_role', resourceType: 'test', outcome: 'success' });
    });
    for (const table of ['audit_event', 'audit_seal']) {
      for (const statement of [`update ${table} set ${table === 'audit_event' ? 'reason' : 'hash'} = 'x'`, `delete from ${table}`]) {
        const error = await db()
          .transaction(async (tx) => {
            await tx.execute(sql.raw(`alter table ${table} disable trigger user`));
            await tx.execute(sql`set local role samenplan_app`);
            await tx.execute(sql.raw(statement));
          })
          .then(() => null, (e: unknown) => e as Error & { cause?: Error });
        expect(String(error?.cause?.message ?? error?.message)).toMatch(/permission denied/);
      }
    }
  });
});
