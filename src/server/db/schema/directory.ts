import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { auditedColumns, idColumn } from './columns.js';
import { municipality, region } from './reference.js';
import { organisation } from './identity.js';
import { attachment } from './attachment.js';
import { CONTACT_FUNCTIONS, ENGAGEMENT_STATUSES, SERVICE_STATUSES } from '../../../shared/schemas/directory/enums.js';

/**
 * The network directory (sociale kaart, product.md module 3; data-model.md "Directory").
 *
 * It describes the one `organisation` table (its directory columns live there); everything here
 * belongs to an organisation, whose organisation admins keep it. Every entry carries `confirmed_at`:
 * when its owner last said it is current (flagged after STALE_AFTER_MONTHS). Open Referral HSDS 3
 * maps onto these tables: organisation → organization, location (+ address), service,
 * service_location → service_at_location, contact_point → contact (+ phone).
 */

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** The municipalities an organisation serves. */
export const organisationMunicipality = pgTable(
  'organisation_municipality',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    nisCode: text('nis_code')
      .notNull()
      .references(() => municipality.nisCode),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.nisCode] }), index('organisation_municipality_nis_idx').on(t.nisCode)],
);

/** A place where an organisation works, with its address and coordinates (WGS 84). */
export const location = pgTable(
  'location',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    nisCode: text('nis_code').references(() => municipality.nisCode),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
    ...auditedColumns(),
  },
  (t) => [
    index('location_organisation_idx').on(t.organisationId),
    index('location_nis_idx').on(t.nisCode),
    check('location_postal_code_format', sql`${t.postalCode} ~ '^[0-9]{4}$'`),
    check(
      'location_coordinates_valid',
      sql`(${t.latitude} is null) = (${t.longitude} is null) and (${t.latitude} is null or (${t.latitude} between -90 and 90 and ${t.longitude} between -180 and 180))`,
    ),
  ],
);

/** What an organisation offers: who it is for, how to apply, what it costs, how long one waits. */
export const service = pgTable(
  'service',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    eligibility: text('eligibility').notNull().default(''),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    languages: text('languages').array().notNull().default(sql`'{nl}'::text[]`),
    howToApply: text('how_to_apply').notNull().default(''),
    cost: text('cost').notNull().default(''),
    url: text('url'),
    email: text('email'),
    phone: text('phone'),
    /** Families can go there without a referral. */
    directAccess: boolean('direct_access').notNull().default(false),
    status: text('status', { enum: SERVICE_STATUSES }).notNull().default('active'),
    /** Places (e.g. families or youths at a time); null when not counted. */
    capacity: integer('capacity'),
    /** Current waiting time in days and the day it was last confirmed. */
    waitingDays: integer('waiting_days'),
    waitingConfirmedOn: date('waiting_confirmed_on'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
    ...auditedColumns(),
  },
  (t) => [
    index('service_organisation_idx').on(t.organisationId),
    index('service_confirmed_idx').on(t.confirmedAt),
    check('service_status_valid', sql`${t.status} in (${inList(SERVICE_STATUSES)})`),
    check('service_ages_valid', sql`(${t.minAge} is null or ${t.minAge} between 0 and 120) and (${t.maxAge} is null or ${t.maxAge} between 0 and 120) and (${t.minAge} is null or ${t.maxAge} is null or ${t.minAge} <= ${t.maxAge})`),
    check('service_capacity_valid', sql`${t.capacity} is null or ${t.capacity} >= 0`),
    check('service_waiting_valid', sql`${t.waitingDays} is null or ${t.waitingDays} >= 0`),
  ],
);

/** Where a service is offered. */
export const serviceLocation = pgTable(
  'service_location',
  {
    id: idColumn(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => service.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => location.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('service_location_key').on(t.serviceId, t.locationId), index('service_location_location_idx').on(t.locationId)],
);

/** A published function or desk of an organisation (intake, education ambassador, confidant point, …). */
export const contactPoint = pgTable(
  'contact_point',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    serviceId: uuid('service_id').references(() => service.id, { onDelete: 'set null' }),
    function: text('function', { enum: CONTACT_FUNCTIONS }).notNull(),
    /** The published name of the desk or role ("Onthaal", "Onderwijsambassadeur"), not a private person record. */
    title: text('title').notNull(),
    email: text('email'),
    phone: text('phone'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
    ...auditedColumns(),
  },
  (t) => [
    index('contact_point_organisation_idx').on(t.organisationId),
    index('contact_point_function_idx').on(t.function),
    check('contact_point_function_valid', sql`${t.function} in (${inList(CONTACT_FUNCTIONS)})`),
  ],
);

/** A zinplek: a place for youth (activities, for whom, registration via the central registration point). */
export const zinplek = pgTable(
  'zinplek',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    locationId: uuid('location_id').references(() => location.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    activities: text('activities').notNull().default(''),
    forWhom: text('for_whom').notNull().default(''),
    minAge: integer('min_age'),
    maxAge: integer('max_age'),
    /** How to register (through the region's central registration point). */
    registration: text('registration').notNull().default(''),
    places: integer('places'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
    ...auditedColumns(),
  },
  (t) => [
    index('zinplek_organisation_idx').on(t.organisationId),
    check('zinplek_ages_valid', sql`(${t.minAge} is null or ${t.minAge} between 0 and 120) and (${t.maxAge} is null or ${t.maxAge} between 0 and 120) and (${t.minAge} is null or ${t.maxAge} is null or ${t.minAge} <= ${t.maxAge})`),
    check('zinplek_places_valid', sql`${t.places} is null or ${t.places} >= 0`),
  ],
);

/** An organisation's engagement declaration (engagementsverklaring) for a region's 1G1P network. */
export const engagementDeclaration = pgTable(
  'engagement_declaration',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    status: text('status', { enum: ENGAGEMENT_STATUSES }).notNull(),
    /** When the signed declaration is expected (status 'expected'). */
    expectedBy: date('expected_by'),
    receivedOn: date('received_on'),
    note: text('note').notNull().default(''),
    /** The signed document. */
    attachmentId: uuid('attachment_id').references(() => attachment.id),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('engagement_declaration_org_region_key').on(t.organisationId, t.regionId),
    index('engagement_declaration_region_idx').on(t.regionId, t.status),
    check('engagement_declaration_status_valid', sql`${t.status} in (${inList(ENGAGEMENT_STATUSES)})`),
    check('engagement_declaration_received_has_date', sql`${t.status} <> 'received' or ${t.receivedOn} is not null`),
  ],
);
