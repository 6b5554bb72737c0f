import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/server/db/client.js';
import { cliEnv, runCli } from '../helpers/cli.js';

/** Opens the CLI's database from the test (the CLI is not running, so PGlite's single process is free). */
async function openCliDatabase(env: Record<string, string>) {
  return openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.SAMENPLAN_DATA_DIR });
}

describe('samenplan user create and audit verify', { timeout: 180_000 }, () => {
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

    const ok = await runCli(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/intact: \d+ rows/);

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
