import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { auditedColumns, idColumn } from './columns.js';
import { region, sector } from './reference.js';
import { organisation, person } from './identity.js';
import {
  ACTION_STATUSES,
  AGENDA_ITEM_KINDS,
  ATTENDANCE_STATUSES,
  BODY_KINDS,
  BODY_ROLES,
  BUDGET_CENTS_MAX,
  INDICATOR_SOURCES,
  MEETING_STATUSES,
  MINUTES_STATUSES,
  PLAN_ACTION_STATUSES,
  PLAN_YEAR_MAX,
  PLAN_YEAR_MIN,
} from '../../../shared/schemas/governance.js';

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

/**
 * A meeting of a body on a day, with its place or online link, its status and the status of its
 * minutes. `version` is bumped on every change of the meeting, its agenda and its attendance, so
 * concurrent reorders of the agenda are refused (409) instead of mixed.
 */
export const governanceMeeting = pgTable(
  'governance_meeting',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => governanceBody.id),
    meetingDate: date('meeting_date').notNull(),
    startTime: text('start_time'),
    endTime: text('end_time'),
    place: text('place').notNull().default(''),
    onlineUrl: text('online_url'),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('planned'),
    minutesStatus: text('minutes_status', { enum: MINUTES_STATUSES }).notNull().default('draft'),
    minutesApprovedAtMeetingId: uuid('minutes_approved_at_meeting_id').references((): AnyPgColumn => governanceMeeting.id),
    minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
    minutesApprovedBy: uuid('minutes_approved_by').references(() => person.id),
    ...auditedColumns(),
  },
  (t) => [
    check('governance_meeting_status_valid', sql`${t.status} in (${inList(MEETING_STATUSES)})`),
    check('governance_meeting_minutes_status_valid', sql`${t.minutesStatus} in (${inList(MINUTES_STATUSES)})`),
    check('governance_meeting_times_valid', sql`${t.startTime} is null or ${t.endTime} is null or ${t.endTime} > ${t.startTime}`),
    // The meetings of a body, paged by date.
    index('governance_meeting_body_date_idx').on(t.bodyId, t.meetingDate, t.id),
  ],
);

/** One item of a meeting's agenda, at a position, with the three parts of its minutes. */
export const governanceAgendaItem = pgTable(
  'governance_agenda_item',
  {
    id: idColumn(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => governanceMeeting.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    presenterText: text('presenter_text'),
    presenterPersonId: uuid('presenter_person_id').references(() => person.id),
    kind: text('kind', { enum: AGENDA_ITEM_KINDS }).notNull(),
    minutesExplanation: text('minutes_explanation').notNull().default(''),
    minutesDiscussion: text('minutes_discussion').notNull().default(''),
    minutesDecision: text('minutes_decision').notNull().default(''),
    /** The item of an earlier meeting of the same body this one was carried over from (kept when that item is removed: null). */
    carriedFromItemId: uuid('carried_from_item_id').references((): AnyPgColumn => governanceAgendaItem.id, { onDelete: 'set null' }),
    ...auditedColumns(),
  },
  (t) => [
    check('governance_agenda_item_kind_valid', sql`${t.kind} in (${inList(AGENDA_ITEM_KINDS)})`),
    index('governance_agenda_item_meeting_idx').on(t.meetingId, t.position),
    index('governance_agenda_item_carried_from_idx').on(t.carriedFromItemId),
  ],
);

/** Who attended a meeting: a member (person) with a status, or a guest (name and organisation). */
export const governanceAttendance = pgTable(
  'governance_attendance',
  {
    id: idColumn(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => governanceMeeting.id),
    personId: uuid('person_id').references(() => person.id),
    status: text('status', { enum: ATTENDANCE_STATUSES }),
    guestName: text('guest_name'),
    guestOrganisation: text('guest_organisation'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('governance_attendance_status_valid', sql`${t.status} is null or ${t.status} in (${inList(ATTENDANCE_STATUSES)})`),
    check('governance_attendance_member_or_guest', sql`(${t.personId} is not null and ${t.status} is not null and ${t.guestName} is null) or (${t.personId} is null and ${t.guestName} is not null)`),
    uniqueIndex('governance_attendance_person_key').on(t.meetingId, t.personId),
    index('governance_attendance_meeting_idx').on(t.meetingId),
  ],
);

/** A correction of approved minutes of an agenda item: never changed, listed with author and time. */
export const governanceAmendment = pgTable(
  'governance_amendment',
  {
    id: idColumn(),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => governanceAgendaItem.id),
    text: text('text').notNull(),
    authorPersonId: uuid('author_person_id').references(() => person.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('governance_amendment_item_idx').on(t.agendaItemId, t.createdAt)],
);

/**
 * An action decided at an agenda item: an owner (person and/or organisation), a due date or a
 * target meeting, and a status. Open actions of a body come back in its next meetings.
 */
export const governanceAction = pgTable(
  'governance_action',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => governanceBody.id),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => governanceMeeting.id),
    agendaItemId: uuid('agenda_item_id')
      .notNull()
      .references(() => governanceAgendaItem.id),
    description: text('description').notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => person.id),
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisation.id),
    dueOn: date('due_on'),
    targetMeetingId: uuid('target_meeting_id').references(() => governanceMeeting.id),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
    ...auditedColumns(),
  },
  (t) => [
    check('governance_action_status_valid', sql`${t.status} in (${inList(ACTION_STATUSES)})`),
    index('governance_action_body_status_idx').on(t.bodyId, t.status),
    index('governance_action_item_idx').on(t.agendaItemId),
    // "My actions": by owner.
    index('governance_action_owner_idx').on(t.ownerPersonId, t.status),
  ],
);

/**
 * A regional plan for one year, kept by a body of the region (typically the IROJ): its region is
 * the body's. One plan per body and year.
 */
export const governancePlan = pgTable(
  'governance_plan',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => governanceBody.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ...auditedColumns(),
  },
  (t) => [
    check('governance_plan_year_valid', sql`${t.year} between ${sql.raw(String(PLAN_YEAR_MIN))} and ${sql.raw(String(PLAN_YEAR_MAX))}`),
    // One plan per body and year; the list pages by year.
    uniqueIndex('governance_plan_body_year_key').on(t.bodyId, t.year),
  ],
);

/**
 * An action of a regional plan: who is responsible, its budget (euro cents) and conditions, and
 * its current status (the history is governance_plan_status_change). Numbered 1, 2, … per plan.
 */
export const governancePlanAction = pgTable(
  'governance_plan_action',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => governancePlan.id),
    number: integer('number').notNull(),
    description: text('description').notNull(),
    responsiblePersonId: uuid('responsible_person_id').references(() => person.id),
    responsibleOrganisationId: uuid('responsible_organisation_id').references(() => organisation.id),
    responsibleText: text('responsible_text').notNull().default(''),
    budgetCents: bigint('budget_cents', { mode: 'number' }).notNull().default(0),
    conditions: text('conditions').notNull().default(''),
    status: text('status', { enum: PLAN_ACTION_STATUSES }).notNull().default('agreed_in_principle'),
    movedToYear: integer('moved_to_year'),
    /** The action of an earlier year's plan this one continues (moved to this plan's year). */
    movedFromActionId: uuid('moved_from_action_id').references((): AnyPgColumn => governancePlanAction.id),
    ...auditedColumns(),
  },
  (t) => [
    check('governance_plan_action_status_valid', sql`${t.status} in (${inList(PLAN_ACTION_STATUSES)})`),
    check('governance_plan_action_budget_valid', sql`${t.budgetCents} between 0 and ${sql.raw(String(BUDGET_CENTS_MAX))}`),
    check('governance_plan_action_moved_valid', sql`(${t.status} = 'moved') = (${t.movedToYear} is not null)`),
    // The actions of a plan, paged by number (optionally of one status).
    uniqueIndex('governance_plan_action_number_key').on(t.planId, t.number),
    index('governance_plan_action_status_idx').on(t.planId, t.status, t.number),
    // A moved action continues once, in one later plan.
    uniqueIndex('governance_plan_action_moved_from_key').on(t.movedFromActionId),
  ],
);

/** One change of a plan action's status (the first row: its creation), with the decision that made it. */
export const governancePlanStatusChange = pgTable(
  'governance_plan_status_change',
  {
    id: idColumn(),
    /** The order of the changes (several may share a time). */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => governancePlanAction.id),
    fromStatus: text('from_status', { enum: PLAN_ACTION_STATUSES }),
    toStatus: text('to_status', { enum: PLAN_ACTION_STATUSES }).notNull(),
    movedToYear: integer('moved_to_year'),
    decisionItemId: uuid('decision_item_id').references(() => governanceAgendaItem.id),
    note: text('note').notNull().default(''),
    changedBy: uuid('changed_by').references(() => person.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('governance_plan_status_change_to_valid', sql`${t.toStatus} in (${inList(PLAN_ACTION_STATUSES)})`),
    index('governance_plan_status_change_action_idx').on(t.actionId, t.seq),
    index('governance_plan_status_change_decision_idx').on(t.decisionItemId),
  ],
);

/** An indicator of a regional plan: definition, unit, target, and where its measurements come from. */
export const governanceIndicator = pgTable(
  'governance_indicator',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => governancePlan.id),
    name: text('name').notNull(),
    definition: text('definition').notNull().default(''),
    unit: text('unit').notNull(),
    target: numeric('target', { precision: 20, scale: 4, mode: 'number' }),
    source: text('source', { enum: INDICATOR_SOURCES }).notNull().default('manual'),
    ...auditedColumns(),
  },
  (t) => [
    check('governance_indicator_source_valid', sql`${t.source} in (${inList(INDICATOR_SOURCES)})`),
    uniqueIndex('governance_indicator_plan_name_key').on(t.planId, sql`lower(${t.name})`),
  ],
);

/** A measurement of an indicator on a day (one per day): entered by hand or computed on request. */
export const governanceIndicatorMeasurement = pgTable(
  'governance_indicator_measurement',
  {
    id: idColumn(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => governanceIndicator.id),
    measuredOn: date('measured_on').notNull(),
    value: numeric('value', { precision: 20, scale: 4, mode: 'number' }).notNull(),
    source: text('source', { enum: ['manual', 'computed'] }).notNull(),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by').references(() => person.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('governance_indicator_measurement_source_valid', sql`${t.source} in ('manual', 'computed')`),
    uniqueIndex('governance_indicator_measurement_day_key').on(t.indicatorId, t.measuredOn),
  ],
);

/**
 * The private calendar feed of a body: only the SHA-256 of its token is kept; regenerating
 * replaces it, so the old URL stops working.
 */
export const governanceCalendarFeed = pgTable('governance_calendar_feed', {
  bodyId: uuid('body_id')
    .primaryKey()
    .references(() => governanceBody.id),
  tokenHash: text('token_hash').notNull().unique('governance_calendar_feed_token_key'),
  createdBy: uuid('created_by').references(() => person.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An explicit publication: a meeting's decisions or a regional plan (its approved and released
 * actions), readable by every logged-in professional of the network until it is withdrawn (the row
 * is deleted). Exactly one of meeting and plan; each at most once.
 */
export const governancePublication = pgTable(
  'governance_publication',
  {
    id: idColumn(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => governanceBody.id),
    meetingId: uuid('meeting_id').references(() => governanceMeeting.id),
    planId: uuid('plan_id').references(() => governancePlan.id),
    publishedBy: uuid('published_by').references(() => person.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('governance_publication_one_target', sql`(${t.meetingId} is null) <> (${t.planId} is null)`),
    uniqueIndex('governance_publication_meeting_key').on(t.meetingId),
    uniqueIndex('governance_publication_plan_key').on(t.planId),
    // The list of what is published, newest first.
    index('governance_publication_published_idx').on(t.publishedAt, t.id),
  ],
);
