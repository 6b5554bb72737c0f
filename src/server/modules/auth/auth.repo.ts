import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { account, recoveryCode, session } from '../../db/schema/index.js';

/** SQL for accounts, their second factor and recovery codes. */
export const authRepo = {
  async findByEmail(db: DbOrTx, email: string) {
    const [row] = await db.select().from(account).where(sql`lower(${account.email}) = ${email.toLowerCase()}`);
    return row;
  },

  async findById(db: DbOrTx, id: string) {
    const [row] = await db.select().from(account).where(eq(account.id, id));
    return row;
  },

  setPendingMfaSecret(db: DbOrTx, id: string, secret: string, now: Date) {
    return db.update(account).set({ mfaSecret: secret, updatedAt: now }).where(and(eq(account.id, id), isNull(account.mfaEnabledAt)));
  },

  /** A new (sealed) secret waiting to be confirmed on a new phone; the current one keeps working. */
  setReplacementMfaSecret(db: DbOrTx, id: string, sealed: string, now: Date) {
    return db.update(account).set({ mfaPendingSecret: sealed, updatedAt: now }).where(eq(account.id, id));
  },

  /**
   * The waiting secret becomes the second factor, only if it is still the one that was checked
   * (a second setup meanwhile wins); true when it was moved.
   */
  async confirmReplacementMfaSecret(db: DbOrTx, id: string, pending: string, sealed: string, step: number, now: Date): Promise<boolean> {
    const rows = await db
      .update(account)
      .set({ mfaSecret: sealed, mfaPendingSecret: null, mfaLastStep: step, mfaEnabledAt: now, updatedAt: now, version: sql`${account.version} + 1` })
      .where(and(eq(account.id, id), eq(account.mfaPendingSecret, pending)))
      .returning({ id: account.id });
    return rows.length > 0;
  },

  enableMfa(db: DbOrTx, id: string, step: number, now: Date) {
    return db
      .update(account)
      .set({ mfaEnabledAt: now, mfaLastStep: step, updatedAt: now, version: sql`${account.version} + 1` })
      .where(eq(account.id, id));
  },

  /**
   * Records a TOTP step as used, only if it is newer than the last one: the conditional update makes
   * two concurrent uses of one code impossible. True when this call won.
   */
  async claimTotpStep(db: DbOrTx, id: string, step: number): Promise<boolean> {
    const rows = await db
      .update(account)
      .set({ mfaLastStep: step })
      .where(and(eq(account.id, id), sql`coalesce(${account.mfaLastStep}, -1) < ${step}`))
      .returning({ id: account.id });
    return rows.length > 0;
  },

  async replaceRecoveryCodes(db: DbOrTx, accountId: string, hashes: string[]) {
    await db.delete(recoveryCode).where(eq(recoveryCode.accountId, accountId));
    await db.insert(recoveryCode).values(hashes.map((codeHash) => ({ accountId, codeHash })));
  },

  /** Marks a matching unused recovery code as used; true when there was one. */
  async useRecoveryCode(db: DbOrTx, accountId: string, codeHash: string, now: Date): Promise<boolean> {
    const rows = await db
      .update(recoveryCode)
      .set({ usedAt: now })
      .where(and(eq(recoveryCode.accountId, accountId), eq(recoveryCode.codeHash, codeHash), isNull(recoveryCode.usedAt)))
      .returning({ id: recoveryCode.id });
    return rows.length > 0;
  },

  /** Whether this address completed a login (both factors) to the account since `since`: a known-good device. */
  async isKnownDevice(db: DbOrTx, accountId: string, ip: string, since: Date): Promise<boolean> {
    const rows = await db
      .select({ id: session.id })
      .from(session)
      .where(and(eq(session.accountId, accountId), eq(session.ip, ip), eq(session.level, 'full'), gt(session.createdAt, since)))
      .limit(1);
    return rows.length > 0;
  },

  setPassword(db: DbOrTx, id: string, passwordHash: string, now: Date) {
    return db
      .update(account)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now, version: sql`${account.version} + 1` })
      .where(eq(account.id, id));
  },
};
