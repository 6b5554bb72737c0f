import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, pgTable, text, time, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { auditedColumns, idColumn } from './columns.js';
import { organisation, person } from './identity.js';
import { sector } from './reference.js';
import { EXCHANGE_REQUEST_STATUSES, OFFER_STATUSES } from '../../../shared/schemas/exchange.js';
import { EVENT_KINDS, EVENT_STATUSES, GUEST_ROLES, REGISTRATION_STATUSES, SEAT_STATUSES, SESSION_KINDS } from '../../../shared/schemas/learning.js';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Learning together (product.md module 6): an event — network day, training, intervision, fair,
 * webinar — organised by an organisation or a body (free text), with its audience, day and hours,
 * place or online link, fee per participant, total cost and funder, registration window and status.
 */
export const learningEvent = pgTable(
  'learning_event',
  {
    id: idColumn(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    organiserOrganisationId: uuid('organiser_organisation_id').references(() => organisation.id),
    organiserName: text('organiser_name').notNull().default(''),
    audienceRoles: text('audience_roles').array().notNull().default(sql`'{}'::text[]`),
    audienceSectors: text('audience_sectors').array().notNull().default(sql`'{}'::text[]`),
    date: date('date').notNull(),
    startsAt: time('starts_at').notNull(),
    endsAt: time('ends_at').notNull(),
    place: text('place').notNull().default(''),
    onlineUrl: text('online_url'),
    feeCents: integer('fee_cents').notNull().default(0),
    totalCostCents: integer('total_cost_cents').notNull().default(0),
    funder: text('funder').notNull().default(''),
    registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }).notNull(),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: EVENT_STATUSES }).notNull().default('draft'),
    /** The organiser opened the public form: parents and young people register without a login. */
    publicRegistration: boolean('public_registration').notNull().default(false),
    createdBy: uuid('created_by').references(() => person.id),
    ...auditedColumns(),
  },
  (t) => [
    check('learning_event_kind_valid', sql`${t.kind} in (${inList(EVENT_KINDS)})`),
    check('learning_event_status_valid', sql`${t.status} in (${inList(EVENT_STATUSES)})`),
    check('learning_event_hours_valid', sql`${t.endsAt} > ${t.startsAt}`),
    check('learning_event_window_valid', sql`${t.registrationClosesAt} > ${t.registrationOpensAt}`),
    check('learning_event_amounts_valid', sql`${t.feeCents} >= 0 and ${t.totalCostCents} >= 0`),
    check('learning_event_organiser_present', sql`${t.organiserOrganisationId} is not null or ${t.organiserName} <> ''`),
    // The list pages by day.
    index('learning_event_date_idx').on(t.date, t.id),
    index('learning_event_organiser_idx').on(t.organiserOrganisationId),
  ],
);

/** A session of an event in a room (the plenary or a parallel room) with a time slot and capacity; `taken` counts confirmed places. */
export const learningSession = pgTable(
  'learning_session',
  {
    id: idColumn(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => learningEvent.id),
    title: text('title').notNull(),
    room: text('room').notNull(),
    kind: text('kind', { enum: SESSION_KINDS }).notNull(),
    startsAt: time('starts_at').notNull(),
    endsAt: time('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    taken: integer('taken').notNull().default(0),
    ...auditedColumns(),
  },
  (t) => [
    check('learning_session_kind_valid', sql`${t.kind} in (${inList(SESSION_KINDS)})`),
    check('learning_session_hours_valid', sql`${t.endsAt} > ${t.startsAt}`),
    // The last line of defence against overbooking: the service takes a place with a conditional update.
    check('learning_session_capacity_valid', sql`${t.capacity} >= 1 and ${t.taken} >= 0 and ${t.taken} <= ${t.capacity}`),
    index('learning_session_event_idx').on(t.eventId, t.startsAt),
  ],
);

/** A person's registration for an event (one active registration per person and event). */
export const learningRegistration = pgTable(
  'learning_registration',
  {
    id: idColumn(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => learningEvent.id),
    /** The professional who registered; null for a parent or young person of the public form (guest fields). */
    personId: uuid('person_id').references(() => person.id),
    guestName: text('guest_name'),
    guestEmail: text('guest_email'),
    guestRole: text('guest_role', { enum: GUEST_ROLES }),
    /** SHA-256 of the cancellation link's token in the confirmation mail (public registrations only). */
    cancelTokenHash: text('cancel_token_hash'),
    /** The organisation the person came for (their first membership when registering). */
    organisationId: uuid('organisation_id').references(() => organisation.id),
    status: text('status', { enum: REGISTRATION_STATUSES }).notNull().default('registered'),
    present: boolean('present'),
    attendanceAt: timestamp('attendance_at', { withTimezone: true }),
    ...auditedColumns(),
  },
  (t) => [
    check('learning_registration_status_valid', sql`${t.status} in (${inList(REGISTRATION_STATUSES)})`),
    check('learning_registration_guest_role_valid', sql`${t.guestRole} is null or ${t.guestRole} in (${inList(GUEST_ROLES)})`),
    check('learning_registration_who', sql`${t.personId} is not null or (${t.guestName} is not null and ${t.guestEmail} is not null and ${t.guestRole} is not null)`),
    uniqueIndex('learning_registration_active_key').on(t.eventId, t.personId).where(sql`${t.status} = 'registered'`),
    uniqueIndex('learning_registration_guest_active_key').on(t.eventId, sql`lower(${t.guestEmail})`).where(sql`${t.status} = 'registered' and ${t.guestEmail} is not null`),
    uniqueIndex('learning_registration_cancel_token_key').on(t.cancelTokenHash),
    index('learning_registration_event_idx').on(t.eventId, t.createdAt),
    index('learning_registration_person_idx').on(t.personId),
  ],
);

/** A registration's place in one session: confirmed, or waiting in order (`seq`), or cancelled. */
export const learningSeat = pgTable(
  'learning_seat',
  {
    id: idColumn(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => learningRegistration.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => learningSession.id),
    status: text('status', { enum: SEAT_STATUSES }).notNull(),
    /** Order of arrival: the waiting list is promoted by it. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('learning_seat_status_valid', sql`${t.status} in (${inList(SEAT_STATUSES)})`),
    uniqueIndex('learning_seat_registration_session_key').on(t.registrationId, t.sessionId),
    index('learning_seat_session_idx').on(t.sessionId, t.status, t.seq),
  ],
);

/**
 * A registration through the public form, waiting for the person to confirm it by the link in the
 * mail (single use, 48 hours; only the token's SHA-256 is kept). Confirming creates the
 * registration and takes the places; until then nothing is reserved.
 */
export const learningPublicRequest = pgTable(
  'learning_public_request',
  {
    id: idColumn(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => learningEvent.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: GUEST_ROLES }).notNull(),
    sessionIds: uuid('session_ids').array().notNull().default(sql`'{}'::uuid[]`),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    registrationId: uuid('registration_id').references(() => learningRegistration.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('learning_public_request_role_valid', sql`${t.role} in (${inList(GUEST_ROLES)})`),
    uniqueIndex('learning_public_request_token_key').on(t.tokenHash),
    index('learning_public_request_event_idx').on(t.eventId, t.createdAt),
  ],
);

// --- exchange learning ("wisselleren") ---------------------------------------------------------

/** A host offer: an organisation lets visitors of another sector spend a day with one of its teams. */
export const learningExchangeOffer = pgTable(
  'learning_exchange_offer',
  {
    id: idColumn(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    /** One of the organisation's sectors (code). */
    sectorCode: text('sector_code')
      .notNull()
      .references(() => sector.code),
    team: text('team').notNull(),
    description: text('description').notNull(),
    dates: date('dates').array().notNull(),
    visitorsPerDay: integer('visitors_per_day').notNull(),
    status: text('status', { enum: OFFER_STATUSES }).notNull().default('published'),
    createdBy: uuid('created_by').references(() => person.id),
    ...auditedColumns(),
  },
  (t) => [
    check('learning_exchange_offer_status_valid', sql`${t.status} in (${inList(OFFER_STATUSES)})`),
    check('learning_exchange_offer_visitors_valid', sql`${t.visitorsPerDay} >= 1`),
    index('learning_exchange_offer_list_idx').on(t.status, t.sectorCode),
    index('learning_exchange_offer_org_idx').on(t.organisationId),
  ],
);

/** A professional's request for a day of an offer, its status, and both sides' reflections after the visit. */
export const learningExchangeRequest = pgTable(
  'learning_exchange_request',
  {
    id: idColumn(),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => learningExchangeOffer.id),
    hostOrganisationId: uuid('host_organisation_id')
      .notNull()
      .references(() => organisation.id),
    /** The offer's sector when the request was made (the matrix counts by it). */
    hostSectorCode: text('host_sector_code').notNull(),
    visitorPersonId: uuid('visitor_person_id')
      .notNull()
      .references(() => person.id),
    visitorOrganisationId: uuid('visitor_organisation_id')
      .notNull()
      .references(() => organisation.id),
    /** The first sector of the visitor's organisation when asking (null: the organisation has none). */
    visitorSectorCode: text('visitor_sector_code'),
    day: date('day').notNull(),
    proposedDay: date('proposed_day'),
    motivation: text('motivation').notNull(),
    status: text('status', { enum: EXCHANGE_REQUEST_STATUSES }).notNull().default('requested'),
    visitorReflection: text('visitor_reflection'),
    hostReflection: text('host_reflection'),
    hostReflectionBy: uuid('host_reflection_by').references(() => person.id),
    ...auditedColumns(),
  },
  (t) => [
    check('learning_exchange_request_status_valid', sql`${t.status} in (${inList(EXCHANGE_REQUEST_STATUSES)})`),
    check('learning_exchange_request_proposal', sql`${t.status} <> 'proposed' or ${t.proposedDay} is not null`),
    index('learning_exchange_request_day_idx').on(t.offerId, t.day, t.status),
    index('learning_exchange_request_visitor_idx').on(t.visitorPersonId, t.createdAt),
    index('learning_exchange_request_host_idx').on(t.hostOrganisationId, t.createdAt),
    index('learning_exchange_request_matrix_idx').on(t.status, t.day),
  ],
);
