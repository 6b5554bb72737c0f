import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { auditedColumns, idColumn } from './columns.js';
import { region, sector } from './reference.js';
import { organisation, person } from './identity.js';
import { BODY_KINDS, BODY_ROLES } from '../../../shared/schemas/governance.js';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Consultation and governance (product.md module 4): a body of a 1G1P network or a province —
 * IROJ, steering group, bureau, working group, … — with its members over time.
 */
export const governanceBody = pgTable(
  'governance_body',
  {
    id: idColumn(),
    name: text('name').notNull(),
    kind: text('kind', { enum: BODY_KINDS }).notNull(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    description: text('description').notNull().default(''),
    ...auditedColumns(),
  },
  (t) => [
    check('governance_body_kind_valid', sql`${t.kind} in (${inList(BODY_KINDS)})`),
    // One name per region; the list pages by name.
    uniqueIndex('governance_body_region_name_key').on(t.regionId, sql`lower(${t.name})`),
    index('governance_body_name_sort_idx').on(sql`lower(${t.name})`, t.id),
  ],
);

/**
 * A person's seat in a body from `joined_on` up to and including `left_on` (null: open-ended),
 * representing an organisation and sector, with one role. A successor's membership points at the
 * one it continues (`successor_of`).
 */
export const governanceMembership = pgTable(
  'governance_membership',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => governanceBody.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    sectorId: uuid('sector_id').references(() => sector.id),
    role: text('role', { enum: BODY_ROLES }).notNull(),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    successorOf: uuid('successor_of').references((): AnyPgColumn => governanceMembership.id),
    ...auditedColumns(),
  },
  (t) => [
    check('governance_membership_role_valid', sql`${t.role} in (${inList(BODY_ROLES)})`),
    check('governance_membership_dates_valid', sql`${t.leftOn} is null or ${t.leftOn} >= ${t.joinedOn}`),
    // At most one open-ended membership of a person in a body (the service also refuses overlaps).
    uniqueIndex('governance_membership_open_key').on(t.bodyId, t.personId).where(sql`${t.leftOn} is null`),
    index('governance_membership_body_idx').on(t.bodyId, t.joinedOn),
    // "The bodies I am a member of": by person.
    index('governance_membership_person_idx').on(t.personId, t.bodyId),
    uniqueIndex('governance_membership_successor_key').on(t.successorOf),
  ],
);
