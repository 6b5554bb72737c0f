import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/server/db/client.js';
import { prepareDatabase } from '../../src/server/db/migrate.js';
import { loadConfig } from '../../src/server/config.js';
import { recordAudit } from '../../src/server/platform/audit/audit.js';
import { createAuditSealer } from '../../src/server/platform/audit/sealer.js';
import { systemClock } from '../../src/server/platform/clock.js';
import { cliEnv, runCli } from '../helpers/cli.js';
import { adminUrl } from '../helpers/pg-url.js';

/** Opens the CLI's database from the test (the CLI is not running, so PGlite's single process is free). */
async function openCliDatabase(env: Record<string, string>) {
  return openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.SAMENPLAN_DATA_DIR });
}

describe('samenplan user create and audit verify', { timeout: 600_000 }, () => {
  it('creates a first admin with an enrolment link; audit verify passes, and fails at the row changed by hand', async () => {
    const env = await cliEnv();
    expect((await runCli(['demo'], env)).code).toBe(0);
    const created = await runCli(['user', 'create', '--email', 'Eerste@Example.be', '--name', 'Eerste Beheerder', '--role', 'platform_admin'], env);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/\/inschrijven#[A-Za-z0-9_-]{40,}/);
    const duplicate = await runCli(['user', 'create', '--email', 'eerste@example.be', '--name', 'Nog Iemand'], env);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('exists already');
    const invalid = await runCli(['user', 'create', '--email', 'geen-adres', '--name', 'X Y', '--role', 'baas'], env);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('--email');

    const unsealed = await runCli(['audit', 'verify'], env);
    expect(unsealed.code).toBe(0);
    expect(unsealed.stdout).toMatch(/intact: 0 rows verified; [1-9]\d* not sealed yet/);
    const sealed = await runCli(['audit', 'seal'], env);
    expect(sealed.code).toBe(0);
    expect(sealed.stdout).toMatch(/Sealed [1-9]\d* rows/);
    const ok = await runCli(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/intact: [1-9]\d* rows verified; none waiting/);

    const db = await openCliDatabase(env);
    let seq: number;
    try {
      const rows = await db.db.execute<{ seq: number }>(sql`select seq from audit_event order by seq desc limit 1`);
      seq = Number((rows as unknown as { rows: { seq: number }[] }).rows[0]?.seq);
      await db.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_event disable trigger user`);
        await tx.execute(sql`update audit_event set action = 'person.delete' where seq = ${seq}`);
        await tx.execute(sql`alter table audit_event enable trigger user`);
      });
    } finally {
      await db.close();
    }
    const broken = await runCli(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`seq=${seq}`);
    expect(broken.stderr).toContain('altered');
  });
});

describe('samenplan audit verify --checkpoints', { timeout: 600_000 }, () => {
  it('detects the newest rows being cut off and an older copy of the database being restored', async () => {
    const work = mkdtempSync(join(tmpdir(), 'samenplan-checkpoints-'));
    const checkpointFile = join(work, 'checkpoints.jsonl');
    // The data dir holds the key file (and, on PGlite, the database); the checkpoint log is kept elsewhere.
    const dataDir = join(work, 'data');
    const env = await cliEnv({ SAMENPLAN_DATA_DIR: dataDir, AUDIT_CHECKPOINT_FILE: checkpointFile });
    const config = loadConfig(env);
    const isPg = Boolean(env.DATABASE_URL);

    /** Appends n events and seals them with a checkpoint, in this process (the CLI is not running). */
    async function appendAndCheckpoint(n: number) {
      const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
      try {
        await prepareDatabase(database);
        for (let i = 0; i < n; i++) {
          await database.db.transaction((tx) => recordAudit(tx, { action: 'test.checkpoint', resourceType: 'test', resourceId: String(i), outcome: 'success' }));
        }
        const sealer = createAuditSealer({ db: database.db, config: { dataDir, ...config.audit }, clock: systemClock, log: { error: () => undefined } });
        return (await sealer.run({ checkpoint: true })).checkpoint;
      } finally {
        await database.close();
      }
    }
    async function admin<T>(fn: (c: pg.Client, name: string) => Promise<T>): Promise<T> {
      const client = new pg.Client({ connectionString: adminUrl(env.DATABASE_URL!) });
      await client.connect();
      try {
        return await fn(client, new URL(env.DATABASE_URL!).pathname.slice(1));
      } finally {
        await client.end();
      }
    }
    const snapshot = async () => {
      if (isPg) await admin((c, name) => c.query(`create database "${name}_old" template "${name}"`));
      else cpSync(dataDir, join(work, 'old'), { recursive: true });
    };
    const restoreSnapshot = async () => {
      if (isPg) {
        await admin(async (c, name) => {
          await c.query(`drop database "${name}" with (force)`);
          await c.query(`alter database "${name}_old" rename to "${name}"`);
        });
      } else {
        rmSync(dataDir, { recursive: true, force: true });
        cpSync(join(work, 'old'), dataDir, { recursive: true });
      }
    };

    try {
      expect((await appendAndCheckpoint(3))?.position).toBeGreaterThanOrEqual(3);
      await snapshot();
      const newest = await appendAndCheckpoint(2);
      expect(readFileSync(checkpointFile, 'utf8').trim().split('\n')).toHaveLength(2);

      const ok = await runCli(['audit', 'verify', '--checkpoints', checkpointFile], env);
      expect(ok.stderr).toBe('');
      expect(ok.stdout).toContain('Checkpoints intact: 2 signed checkpoints');

      // Cut off the newest rows, as someone with owner rights could.
      const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
      try {
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`alter table audit_seal disable trigger user`);
          await tx.execute(sql`alter table audit_event disable trigger user`);
          await tx.execute(sql`delete from audit_event where seq in (select event_seq from audit_seal where position > ${newest!.position - 2})`);
          await tx.execute(sql`delete from audit_seal where position > ${newest!.position - 2}`);
          await tx.execute(sql`alter table audit_event enable trigger user`);
          await tx.execute(sql`alter table audit_seal enable trigger user`);
        });
      } finally {
        await database.close();
      }
      const cut = await runCli(['audit', 'verify', '--checkpoints', checkpointFile], env);
      expect(cut.code).toBe(1);
      // The chain alone still looks whole; only the checkpoint shows what is gone.
      expect(cut.stdout).toContain('Audit trail intact');
      expect(cut.stderr).toContain(`line 2 (position ${newest!.position})`);
      expect(cut.stderr).toContain('cut off or an older copy of the database was restored');

      // Restore the older copy and carry on writing: the chain reaches the position again, with another hash.
      await restoreSnapshot();
      await appendAndCheckpoint(2);
      const restored = await runCli(['audit', 'verify', '--checkpoints', checkpointFile], env);
      expect(restored.code).toBe(1);
      expect(restored.stderr).toContain(`line 2 (position ${newest!.position})`);
      expect(restored.stderr).toContain('the chain was rewritten');
    } finally {
      if (isPg) await admin((c, name) => c.query(`drop database if exists "${name}_old" with (force)`)).catch(() => undefined);
      rmSync(work, { recursive: true, force: true });
    }
  });
});
