import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { account, oidcLink, oidcLoginState, person } from '../../db/schema/index.js';

/** SQL for started OpenID Connect logins and linked external identities. */
export const oidcRepo = {
  insertState(
    db: DbOrTx,
    input: { stateHash: string; nonce: string; codeVerifier: string; linkAccountId: string | null; returnTo: string | null; now: Date; expiresAt: Date },
  ) {
    return db.insert(oidcLoginState).values({
      stateHash: input.stateHash,
      nonce: input.nonce,
      codeVerifier: input.codeVerifier,
      linkAccountId: input.linkAccountId,
      returnTo: input.returnTo,
      createdAt: input.now,
      expiresAt: input.expiresAt,
    });
  },

  /**
   * Marks a started login as used, only if it is unused and not expired: the conditional update
   * makes a second use impossible, even concurrently. Returns the row when this call won.
   */
  async consumeState(db: DbOrTx, stateHash: string, now: Date) {
    const [row] = await db
      .update(oidcLoginState)
      .set({ usedAt: now })
      .where(and(eq(oidcLoginState.stateHash, stateHash), isNull(oidcLoginState.usedAt), gt(oidcLoginState.expiresAt, now)))
      .returning();
    return row;
  },

  /** The state row whatever its condition (to name why it was refused). */
  async findState(db: DbOrTx, stateHash: string) {
    const [row] = await db
      .select({ usedAt: oidcLoginState.usedAt, expiresAt: oidcLoginState.expiresAt })
      .from(oidcLoginState)
      .where(eq(oidcLoginState.stateHash, stateHash));
    return row;
  },

  /** Forgets started logins that expired before the cutoff. */
  deleteExpiredStates(db: DbOrTx, cutoff: Date) {
    return db.delete(oidcLoginState).where(lt(oidcLoginState.expiresAt, cutoff));
  },

  /** The account linked to an external identity, with what decides whether it may log in. */
  async findLinkedAccount(db: DbOrTx, issuer: string, subject: string) {
    const [row] = await db
      .select({
        accountId: account.id,
        accountStatus: account.status,
        email: account.email,
        mfaEnabledAt: account.mfaEnabledAt,
        personId: account.personId,
        personStatus: person.status,
      })
      .from(oidcLink)
      .innerJoin(account, eq(account.id, oidcLink.accountId))
      .leftJoin(person, eq(person.id, account.personId))
      .where(and(eq(oidcLink.issuer, issuer), eq(oidcLink.subject, subject)));
    return row;
  },

  /** Links an identity to an account unless it is linked already; true when this call linked it. */
  async insertLink(db: DbOrTx, input: { issuer: string; subject: string; accountId: string; now: Date }): Promise<boolean> {
    const rows = await db
      .insert(oidcLink)
      .values({ issuer: input.issuer, subject: input.subject, accountId: input.accountId, createdAt: input.now })
      .onConflictDoNothing()
      .returning({ accountId: oidcLink.accountId });
    return rows.length > 0;
  },

  async findLinkOwner(db: DbOrTx, issuer: string, subject: string) {
    const [row] = await db
      .select({ accountId: oidcLink.accountId })
      .from(oidcLink)
      .where(and(eq(oidcLink.issuer, issuer), eq(oidcLink.subject, subject)));
    return row?.accountId;
  },

  async accountWithPerson(db: DbOrTx, accountId: string) {
    const [row] = await db
      .select({ accountId: account.id, personId: account.personId, accountStatus: account.status, personStatus: person.status })
      .from(account)
      .leftJoin(person, eq(person.id, account.personId))
      .where(eq(account.id, accountId));
    return row;
  },
};
