import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { account, family, familyMember } from '../schema/index.js';

/** The demo portal logins (README): Roos Decoster (14) and her mother Elise, of the family with an active plan. */
export const DEMO_PORTAL_LOGINS = [
  { email: 'jongere@samenplan.demo', member: 'Roos Decoster' },
  { email: 'ouder@samenplan.demo', member: 'Elise Decoster' },
] as const;

/**
 * Links the demo family members to a family login (idempotent: an existing login or link is kept).
 * They log in with a code by e-mail, like any family member (docs/portal.md).
 */
export async function loadDemoPortal(tx: DbOrTx, now = new Date()): Promise<void> {
  const [decoster] = await tx.select({ id: family.id }).from(family).where(eq(family.pseudonym, 'G-DEMO-DC'));
  if (!decoster) return;
  for (const login of DEMO_PORTAL_LOGINS) {
    const [member] = await tx
      .select({ id: familyMember.id, accountId: familyMember.accountId })
      .from(familyMember)
      .where(and(eq(familyMember.familyId, decoster.id), eq(familyMember.name, login.member), isNull(familyMember.endedAt)));
    if (!member || member.accountId) continue;
    const [existing] = await tx.select({ id: account.id }).from(account).where(sql`lower(${account.email}) = ${login.email}`);
    const accountId =
      existing?.id ??
      (await tx.insert(account).values({ email: login.email, kind: 'family', createdAt: now, updatedAt: now }).returning({ id: account.id }))[0]?.id;
    if (!accountId) throw new Error(`demo portal account ${login.email} not created`);
    await tx.update(familyMember).set({ accountId, updatedAt: now, version: sql`${familyMember.version} + 1` }).where(eq(familyMember.id, member.id));
  }
}
