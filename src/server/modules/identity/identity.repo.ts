import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { account, authToken, membership, organisation, person, platformRole } from '../../db/schema/index.js';
import type { OrgRole, PlatformRole } from '../../../shared/permissions.js';

/** SQL for organisations, people, their memberships, roles and accounts. */
export const identityRepo = {
  async findPersonByEmail(db: DbOrTx, email: string) {
    const [row] = await db.select().from(person).where(sql`lower(${person.email}) = ${email.toLowerCase()}`);
    return row;
  },

  async insertPerson(db: DbOrTx, values: { name: string; email: string; phone?: string | null }) {
    const [row] = await db.insert(person).values(values).returning();
    if (!row) throw new Error('person insert returned nothing');
    return row;
  },

  async insertAccount(db: DbOrTx, values: { email: string; personId: string; passwordHash?: string | null; mfaSecret?: string | null; mfaEnabledAt?: Date | null }) {
    const [row] = await db.insert(account).values(values).returning();
    if (!row) throw new Error('account insert returned nothing');
    return row;
  },

  async findOrganisationByName(db: DbOrTx, name: string) {
    const [row] = await db.select().from(organisation).where(sql`lower(${organisation.name}) = ${name.toLowerCase()}`);
    return row;
  },

  async upsertOrganisation(db: DbOrTx, values: { name: string; regionId?: string | null }) {
    await db.insert(organisation).values(values).onConflictDoNothing();
    const found = await identityRepo.findOrganisationByName(db, values.name);
    if (!found) throw new Error(`organisation ${values.name} missing after insert`);
    return found;
  },

  addMembership(db: DbOrTx, values: { personId: string; organisationId: string; roles: OrgRole[]; functions?: string[] }) {
    return db
      .insert(membership)
      .values(values)
      .onConflictDoUpdate({ target: [membership.personId, membership.organisationId], set: { roles: values.roles } });
  },

  addPlatformRole(db: DbOrTx, values: { personId: string; role: PlatformRole; regionId?: string | null }) {
    return db.insert(platformRole).values(values).onConflictDoNothing();
  },

  insertAuthToken(db: DbOrTx, values: { tokenHash: string; accountId: string; purpose: 'password_reset' | 'enrolment'; expiresAt: Date }) {
    return db.insert(authToken).values(values);
  },

  /** Marks an unused, unexpired token of this purpose as used and returns its account; once only. */
  async consumeAuthToken(db: DbOrTx, tokenHash: string, purpose: 'password_reset' | 'enrolment', now: Date) {
    const [row] = await db
      .update(authToken)
      .set({ usedAt: now })
      .where(and(eq(authToken.tokenHash, tokenHash), eq(authToken.purpose, purpose), isNull(authToken.usedAt), gt(authToken.expiresAt, now)))
      .returning({ accountId: authToken.accountId });
    return row?.accountId;
  },
};
