import { and, eq, isNotNull, not, sql, like } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { account } from '../../db/schema/index.js';
import { isSealed, SecretKeyError, sealedKeyId, sealedPrefix, type SecretBox } from './secret-box.js';

/** The purpose (authenticated data) of each sealed column. */
export const SECRET_PURPOSE = {
  mfaSecret: 'account.mfa_secret',
  mfaPendingSecret: 'account.mfa_pending_secret',
} as const;

type SealedColumn = keyof typeof SECRET_PURPOSE;
const COLUMNS: SealedColumn[] = ['mfaSecret', 'mfaPendingSecret'];

export interface SealReport {
  /** Plain values found and sealed. */
  sealed: number;
  /** Values under an old key sealed again under the current one. */
  resealed: number;
}

/**
 * Brings every stored secret under the box: plain values (from before sealing existed) are always
 * sealed; with `rotate`, values under an old key are opened and sealed again under the current key,
 * after which the old key is no longer needed. Values under a key the box does not hold stop it with
 * a SecretKeyError naming the key, so a wrong key is found at start-up, not at someone's login.
 */
export async function sealStoredSecrets(db: DbOrTx, box: SecretBox, opts: { rotate: boolean }): Promise<SealReport> {
  const report: SealReport = { sealed: 0, resealed: 0 };
  const unknown = new Map<string, number>();
  for (const name of COLUMNS) {
    const column = account[name];
    const purpose = SECRET_PURPOSE[name];
    const rows = await db
      .select({ id: account.id, value: column })
      .from(account)
      .where(and(isNotNull(column), not(like(column, `${sealedPrefix(box.keyId)}%`))));
    for (const row of rows) {
      const value = row.value;
      if (value === null) continue;
      let next: string;
      if (!isSealed(value)) {
        next = box.seal(value, purpose);
        report.sealed++;
      } else {
        const id = sealedKeyId(value) ?? '?';
        if (!box.keyIds.includes(id)) {
          unknown.set(id, (unknown.get(id) ?? 0) + 1);
          continue;
        }
        if (!opts.rotate) continue;
        next = box.seal(box.open(value, purpose), purpose);
        report.resealed++;
      }
      // Only if nobody changed it meanwhile (an enrolment at the same moment keeps its own value).
      await db
        .update(account)
        .set({ [name]: next })
        .where(and(eq(account.id, row.id), sql`${column} = ${value}`));
    }
  }
  if (unknown.size > 0) {
    const list = [...unknown].map(([id, n]) => `${n} under key ${id}`).join(', ');
    throw new SecretKeyError(
      `Stored secrets are sealed with a key that is not configured (${list}; current key ${box.keyId}): ` +
        'set SAMENPLAN_SECRET_KEY to the key used before, or list it in SAMENPLAN_SECRET_KEYS_OLD',
    );
  }
  return report;
}
