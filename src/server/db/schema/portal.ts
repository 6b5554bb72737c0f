import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from './columns.js';
import { account, person } from './identity.js';
import { family, familyMember } from './families.js';

/**
 * The family portal (docs/portal.md): family members and confidants log in with a one-time code
 * or magic link by e-mail; a youth of 12+ may designate a confidant and object to access by a
 * named professional. Family members link to their login through `family_member.account_id`.
 */

/** A one-time login: a 6-digit code and a link token, both stored hashed, single use, short-lived. */
export const portalLoginCode = pgTable(
  'portal_login_code',
  {
    id: idColumn(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    linkHash: text('link_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** Wrong codes tried against this one; at the limit it is spent. */
    failures: integer('failures').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('portal_login_code_link_key').on(t.linkHash), index('portal_login_code_account_idx').on(t.accountId, t.createdAt)],
);

/** A confidant (vertrouwenspersoon) a youth of 12+ designated: an adult not involved in the care, with their own login. */
export const portalConfidant = pgTable(
  'portal_confidant',
  {
    id: idColumn(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    youthMemberId: uuid('youth_member_id')
      .notNull()
      .references(() => familyMember.id),
    name: text('name').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('portal_confidant_account_open_key').on(t.accountId).where(sql`${t.endedAt} is null`),
    index('portal_confidant_youth_idx').on(t.youthMemberId),
  ],
);

/** A youth's objection to access by a named professional: that person's consents no longer open the file. */
export const portalObjection = pgTable(
  'portal_objection',
  {
    id: idColumn(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => familyMember.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('portal_objection_open_key').on(t.familyId, t.memberId, t.personId).where(sql`${t.withdrawnAt} is null`),
    index('portal_objection_family_person_idx').on(t.familyId, t.personId).where(sql`${t.withdrawnAt} is null`),
  ],
);

/** When a portal login last opened their plan ("what changed since my last visit"). */
export const portalVisit = pgTable(
  'portal_visit',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => account.id, { onDelete: 'cascade' }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** The plan version seen then. */
    planVersion: integer('plan_version').notNull().default(0),
  },
  (t) => [check('portal_visit_version', sql`${t.planVersion} >= 0`)],
);
