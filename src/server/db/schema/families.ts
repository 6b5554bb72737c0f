import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { auditedColumns, idColumn } from './columns.js';
import { municipality, region } from './reference.js';
import { organisation, person } from './identity.js';
import { service } from './directory.js';
import {
  BLOCKED_RULES,
  COMMITMENT_STATUSES,
  CONSENT_KINDS,
  CONSENT_SCOPES,
  DISCLOSURES,
  FAMILY_STATUSES,
  MEMBER_ROLES,
  NOTE_VISIBILITIES,
  OVERRIDE_BASES,
  PLAN_ACTION_STATUSES,
  REQUEST_CHANNELS,
  REQUEST_OUTCOMES,
  REQUEST_STATUSES,
  REQUEST_URGENCIES,
  WAIT_STATUSES,
} from '../../../shared/schemas/families/enums.js';

/**
 * Families and the one plan (product.md module 1, data-model.md "Families").
 *
 * Access to a family's file = an open team membership × a current consent (or a valid override)
 * covering the scope; `families.policy.ts` turns that into the SQL every query of the module joins
 * through. The enumerations come from `src/shared/schemas/families/enums.ts`, shared with the web.
 */

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** The life domains a request or goal is about: a configurable list with Flemish defaults. */
export const lifeDomain = pgTable(
  'life_domain',
  {
    code: text('code').primaryKey(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
  },
  (t) => [check('life_domain_code_format', sql`${t.code} ~ '^[a-z][a-z0-9_]{1,39}$'`)],
);

/** A family known to the network: the one file its team works in. */
export const family = pgTable(
  'family',
  {
    id: idColumn(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    municipalityNis: text('municipality_nis')
      .notNull()
      .references(() => municipality.nisCode),
    /** How the team names the family (e.g. "Gezin Peeters"): family data, never in reports. */
    name: text('name').notNull(),
    /** Stable pseudonym for reports and case tables (e.g. "G-7K3Q9"): carries no identity. */
    pseudonym: text('pseudonym').notNull(),
    status: text('status', { enum: FAMILY_STATUSES }).notNull().default('open'),
    /** When the plan last changed (kept by the plan service; the blocked-trajectory rule reads it). */
    lastPlanChangeAt: timestamp('last_plan_change_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...auditedColumns(),
  },
  (t) => [
    uniqueIndex('family_pseudonym_key').on(t.pseudonym),
    index('family_region_idx').on(t.regionId, t.status),
    index('family_name_sort_idx').on(sql`lower(${t.name})`, t.id),
    check('family_status_valid', sql`${t.status} in (${inList(FAMILY_STATUSES)})`),
  ],
);

/** A question for direct-access youth care (aanmelding), answered within one month. */
export const familyRequest = pgTable(
  'request',
  {
    id: idColumn(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    municipalityNis: text('municipality_nis')
      .notNull()
      .references(() => municipality.nisCode),
    receivedOn: date('received_on').notNull(),
    /** The one-month norm: one calendar month after receipt (may be set earlier, never before receipt). */
    dueOn: date('due_on').notNull(),
    channel: text('channel', { enum: REQUEST_CHANNELS }).notNull(),
    /** Who referred (free text: the school, the GP, …). */
    referrer: text('referrer'),
    /** How the family is named at registration (e.g. "Gezin Peeters"); becomes the family's name. */
    familyName: text('family_name').notNull(),
    /** How to reach the applicant (phone, e-mail, address as told): free text. */
    contactInfo: text('contact_info'),
    /** The question in the family's own words. */
    question: text('question').notNull(),
    lifeDomains: text('life_domains').array().notNull().default(sql`'{}'::text[]`),
    urgency: text('urgency', { enum: REQUEST_URGENCIES }).notNull().default('normal'),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('received'),
    outcome: text('outcome', { enum: REQUEST_OUTCOMES }),
    /** The family the request belongs to once known (created when a contact person is assigned). */
    familyId: uuid('family_id').references(() => family.id),
    firstContactOn: date('first_contact_on'),
    answeredOn: date('answered_on'),
    registeredBy: uuid('registered_by').references(() => person.id),
    ...auditedColumns(),
  },
  (t) => [
    check('request_channel_valid', sql`${t.channel} in (${inList(REQUEST_CHANNELS)})`),
    check('request_urgency_valid', sql`${t.urgency} in (${inList(REQUEST_URGENCIES)})`),
    check('request_status_valid', sql`${t.status} in (${inList(REQUEST_STATUSES)})`),
    check('request_outcome_valid', sql`${t.outcome} is null or ${t.outcome} in (${inList(REQUEST_OUTCOMES)})`),
    check('request_outcome_when_answered', sql`(${t.status} = 'answered') = (${t.outcome} is not null)`),
    check('request_due_after_receipt', sql`${t.dueOn} >= ${t.receivedOn}`),
    check('request_first_contact_after_receipt', sql`${t.firstContactOn} is null or ${t.firstContactOn} >= ${t.receivedOn}`),
    check('request_answered_after_receipt', sql`${t.answeredOn} is null or ${t.answeredOn} >= ${t.receivedOn}`),
    // The coordinator's board: open requests of a region by due date.
    index('request_open_region_due_idx').on(t.regionId, t.dueOn, t.id).where(sql`${t.status} <> 'answered'`),
    // The board's page of a coordinator (regions or open contact person): open requests in due order, read
    // index-only (region and family are in it for the scope), so a page reads its 51 entries, not every open request.
    index('request_open_due_scope_idx').on(t.dueOn, t.id, t.regionId, t.familyId).where(sql`${t.status} <> 'answered'`),
    index('request_region_received_idx').on(t.regionId, t.receivedOn, t.id),
    index('request_family_idx').on(t.familyId),
  ],
);

/** Reminders of the one-month norm already sent (so a job that runs twice never mails twice). */
export const requestReminder = pgTable(
  'request_reminder',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => familyRequest.id),
    /** 7 or 2: how many days before the due date. */
    daysBefore: integer('days_before').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.daysBefore] })],
);

/** A member of the family: a child or youth (with birth date), a parent or carer, or another member. */
export const familyMember = pgTable(
  'family_member',
  {
    id: idColumn(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
    name: text('name').notNull(),
    birthDate: date('birth_date'),
    /** A portal login (family portal issue); the account table holds the credentials. */
    accountId: uuid('account_id'),
    /** Removed from the family (history stays). */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    ...auditedColumns(),
  },
  (t) => [
    check('family_member_role_valid', sql`${t.role} in (${inList(MEMBER_ROLES)})`),
    check('family_member_child_birth_date', sql`${t.role} <> 'child' or ${t.birthDate} is not null`),
    index('family_member_family_idx').on(t.familyId),
  ],
);

/** Someone of the family's informal network (grandmother, neighbour, coach) and the role they play. */
export const networkPerson = pgTable(
  'network_person',
  {
    id: idColumn(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    name: text('name').notNull(),
    relation: text('relation').notNull(),
    roleInPlan: text('role_in_plan'),
    contact: text('contact'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    ...auditedColumns(),
  },
  (t) => [index('network_person_family_idx').on(t.familyId)],
);

/** The family's contact person (aanspreekpunt): exactly one open assignment per family; handovers keep history. */
export const contactAssignment = pgTable(
  'contact_assignment',
  {
    id: idColumn(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    untilAt: timestamp('until_at', { withTimezone: true }),
    assignedBy: uuid('assigned_by').references(() => person.id),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('contact_assignment_one_open_key').on(t.familyId).where(sql`${t.untilAt} is null`),
    index('contact_assignment_person_open_idx').on(t.personId, t.familyId).where(sql`${t.untilAt} is null`),
    index('contact_assignment_family_idx').on(t.familyId, t.fromAt),
    check('contact_assignment_period', sql`${t.untilAt} is null or ${t.untilAt} >= ${t.fromAt}`),
  ],
);

/** A professional on a family's team (the contact person is on it too). */
export const teamMember = pgTable(
  'team_member',
  {
    id: idColumn(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    /** What they do for the family (free text, e.g. "context-begeleiding"). */
    role: text('role'),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    untilAt: timestamp('until_at', { withTimezone: true }),
    addedBy: uuid('added_by').references(() => person.id),
  },
  (t) => [
    uniqueIndex('team_member_one_open_key').on(t.familyId, t.personId).where(sql`${t.untilAt} is null`),
    // "My families": the open memberships of a person.
    index('team_member_person_open_idx').on(t.personId, t.familyId).where(sql`${t.untilAt} is null`),
    index('team_member_family_idx').on(t.familyId),
    check('team_member_period', sql`${t.untilAt} is null or ${t.untilAt} >= ${t.fromAt}`),
  ],
);

/**
 * A consent for the team to work with a family's data — or an override without consent (danger,
 * legal duty: written reason, fresh re-authentication, time-limited, later visible to the family).
 * Consent goes to an organisation (every team member of it) or to one person of it; an override
 * always to one person.
 */
export const consent = pgTable(
  'consent',
  {
    id: idColumn(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    kind: text('kind', { enum: CONSENT_KINDS }).notNull().default('consent'),
    /** Whose data (a family member); null for an override, which concerns the whole family. */
    subjectMemberId: uuid('subject_member_id').references(() => familyMember.id),
    /** Who gave it: the youth of 12 or older for themselves, a parent or carer for a younger child. */
    givenByMemberId: uuid('given_by_member_id').references(() => familyMember.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    /** Only this person of the organisation (null: every team member of the organisation). */
    personId: uuid('person_id').references(() => person.id),
    scopes: text('scopes').array().notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnByMemberId: uuid('withdrawn_by_member_id').references(() => familyMember.id),
    withdrawnByPersonId: uuid('withdrawn_by_person_id').references(() => person.id),
    overrideBasis: text('override_basis', { enum: OVERRIDE_BASES }),
    reason: text('reason'),
    recordedBy: uuid('recorded_by').references(() => person.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('consent_kind_valid', sql`${t.kind} in (${inList(CONSENT_KINDS)})`),
    check('consent_scopes_valid', sql`cardinality(${t.scopes}) > 0 and ${t.scopes} <@ array[${inList(CONSENT_SCOPES)}]::text[]`),
    check('consent_period', sql`${t.validUntil} is null or ${t.validUntil} > ${t.validFrom}`),
    check(
      'consent_override_complete',
      sql`${t.kind} = 'consent' or (${t.personId} is not null and ${t.overrideBasis} in (${inList(OVERRIDE_BASES)}) and ${t.reason} is not null and ${t.validUntil} is not null)`,
    ),
    check('consent_given_by_complete', sql`${t.kind} = 'override' or (${t.subjectMemberId} is not null and ${t.givenByMemberId} is not null)`),
    // The access gate: current consents of a family for an organisation.
    index('consent_family_org_idx').on(t.familyId, t.organisationId).where(sql`${t.withdrawnAt} is null`),
    index('consent_family_idx').on(t.familyId, t.createdAt),
  ],
);

/** The family's one plan: the current version number; the versions are the record of truth. */
export const plan = pgTable(
  'plan',
  {
    id: idColumn(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    /** The number of the newest version (0 before the first save). */
    currentVersion: integer('current_version').notNull().default(0),
    nextEvaluationOn: date('next_evaluation_on'),
    /** Whether the family agreed with the current version, and when. */
    familyAgreedVersion: integer('family_agreed_version'),
    familyAgreedAt: timestamp('family_agreed_at', { withTimezone: true }),
    ...auditedColumns(),
  },
  (t) => [uniqueIndex('plan_family_key').on(t.familyId), index('plan_next_evaluation_idx').on(t.nextEvaluationOn)],
);

/** An immutable version of a plan: who saved it, when, why, on which version it was based, and its content. */
export const planVersion = pgTable(
  'plan_version',
  {
    id: idColumn(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    number: integer('number').notNull(),
    basedOn: integer('based_on').notNull(),
    authorPersonId: uuid('author_person_id').references(() => person.id),
    /** A family member's contribution (family portal). */
    authorMemberId: uuid('author_member_id').references(() => familyMember.id),
    summary: text('summary').notNull(),
    /** The whole plan as the contract `PlanContent` (shared/schemas/families.ts) describes it. */
    content: jsonb('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_version_number_key').on(t.planId, t.number),
    // The plan's reads go by family (current version, version list): without it each was a scan of all versions.
    index('plan_version_family_number_idx').on(t.familyId, t.number),
    check('plan_version_based_on', sql`${t.basedOn} = ${t.number} - 1`),
  ],
);

/**
 * The actions of the current plan version, as rows (rebuilt on every save) so "my work" can find
 * what is due without reading JSON. The version's content stays the record of truth.
 */
export const planAction = pgTable(
  'plan_action',
  {
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    /** The action's stable key inside the plan content. */
    actionKey: uuid('action_key').notNull(),
    title: text('title').notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => person.id),
    ownerMemberId: uuid('owner_member_id').references(() => familyMember.id),
    ownerNetworkPersonId: uuid('owner_network_person_id').references(() => networkPerson.id),
    dueOn: date('due_on'),
    status: text('status', { enum: PLAN_ACTION_STATUSES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.familyId, t.actionKey] }),
    index('plan_action_owner_due_idx').on(t.ownerPersonId, t.dueOn).where(sql`${t.status} in ('planned', 'in_progress')`),
    check('plan_action_status_valid', sql`${t.status} in (${inList(PLAN_ACTION_STATUSES)})`),
  ],
);

/** A requested service the family waits for (free text now; a directory service later). */
export const wait = pgTable(
  'wait',
  {
    id: idColumn(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    serviceText: text('service_text').notNull(),
    /** The directory's service, when the wait is for one (its waiting time is shown beside the wait). */
    serviceId: uuid('service_id').references(() => service.id),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    sinceOn: date('since_on').notNull(),
    expectedStartOn: date('expected_start_on'),
    status: text('status', { enum: WAIT_STATUSES }).notNull().default('waiting'),
    endedOn: date('ended_on'),
    disclosure: text('disclosure', { enum: DISCLOSURES }).notNull().default('normal'),
    /** For `youth_own`: the youth (family member) the item belongs to; only they and their confidant see it in the portal. */
    youthMemberId: uuid('youth_member_id').references(() => familyMember.id),
    ...auditedColumns(),
  },
  (t) => [
    check('wait_status_valid', sql`${t.status} in (${inList(WAIT_STATUSES)})`),
    check('wait_expected_after_since', sql`${t.expectedStartOn} is null or ${t.expectedStartOn} >= ${t.sinceOn}`),
    check('wait_ended_after_since', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.sinceOn}`),
    check('wait_disclosure_valid', sql`${t.disclosure} in (${inList(DISCLOSURES)})`),
    check('wait_youth_own_member', sql`(${t.disclosure} = 'youth_own') = (${t.youthMemberId} is not null)`),
    index('wait_family_idx').on(t.familyId),
    index('wait_service_idx').on(t.serviceId).where(sql`${t.serviceId} is not null`),
    index('wait_open_since_idx').on(t.sinceOn).where(sql`${t.status} = 'waiting'`),
  ],
);

/** Help given while the family waits: who, what, since (and until). */
export const bridgingHelp = pgTable(
  'bridging_help',
  {
    id: idColumn(),
    waitId: uuid('wait_id')
      .notNull()
      .references(() => wait.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    provider: text('provider').notNull(),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    what: text('what').notNull(),
    fromOn: date('from_on').notNull(),
    untilOn: date('until_on'),
    ...auditedColumns(),
  },
  (t) => [
    check('bridging_help_period', sql`${t.untilOn} is null or ${t.untilOn} >= ${t.fromOn}`),
    index('bridging_help_wait_idx').on(t.waitId),
  ],
);

/** An atelier session (Plantrekkers): the youth, their network and professionals of several organisations. */
export const atelier = pgTable(
  'atelier',
  {
    id: idColumn(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    heldOn: date('held_on').notNull(),
    /** Who took part: [{ kind: 'member' | 'network' | 'professional', id, name, organisationId? }]. */
    participants: jsonb('participants').notNull().default(sql`'[]'::jsonb`),
    ideas: text('ideas'),
    disclosure: text('disclosure', { enum: DISCLOSURES }).notNull().default('normal'),
    /** For `youth_own`: the youth (family member) the item belongs to; only they and their confidant see it in the portal. */
    youthMemberId: uuid('youth_member_id').references(() => familyMember.id),
    createdBy: uuid('created_by').references(() => person.id),
    ...auditedColumns(),
  },
  (t) => [
    index('atelier_family_idx').on(t.familyId, t.heldOn),
    check('atelier_disclosure_valid', sql`${t.disclosure} in (${inList(DISCLOSURES)})`),
    check('atelier_youth_own_member', sql`(${t.disclosure} = 'youth_own') = (${t.youthMemberId} is not null)`),
  ],
);

/** A commitment (engagement) from an atelier, followed up until done; it can become a plan action. */
export const commitment = pgTable(
  'commitment',
  {
    id: idColumn(),
    atelierId: uuid('atelier_id')
      .notNull()
      .references(() => atelier.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    description: text('description').notNull(),
    ownerLabel: text('owner_label').notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => person.id),
    dueOn: date('due_on'),
    status: text('status', { enum: COMMITMENT_STATUSES }).notNull().default('open'),
    /** The plan action it became. */
    planActionKey: uuid('plan_action_key'),
    ...auditedColumns(),
  },
  (t) => [
    check('commitment_status_valid', sql`${t.status} in (${inList(COMMITMENT_STATUSES)})`),
    index('commitment_atelier_idx').on(t.atelierId),
    index('commitment_owner_open_idx').on(t.ownerPersonId, t.dueOn).where(sql`${t.status} = 'open'`),
  ],
);

/** A blocked-trajectory signal: raised by hand or by rule, escalated (pseudonymised) to a case table. */
export const blockedSignal = pgTable(
  'blocked_signal',
  {
    id: idColumn(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    source: text('source', { enum: ['manual', 'rule'] }).notNull(),
    rule: text('rule', { enum: BLOCKED_RULES }),
    reason: text('reason').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    raisedBy: uuid('raised_by').references(() => person.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => person.id),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    escalatedBy: uuid('escalated_by').references(() => person.id),
    /** The pseudonymised case summary made at escalation: no names, birth dates or addresses. */
    caseSummary: jsonb('case_summary'),
    /** The case table's agenda item (governance module), once that exists. */
    agendaItemId: uuid('agenda_item_id'),
    ...auditedColumns(),
  },
  (t) => [
    check('blocked_signal_source_valid', sql`${t.source} in ('manual', 'rule')`),
    check('blocked_signal_rule_valid', sql`(${t.source} = 'rule') = (${t.rule} is not null)`),
    check('blocked_signal_rule_known', sql`${t.rule} is null or ${t.rule} in (${inList(BLOCKED_RULES)})`),
    // One open signal per rule per family, so the rule job can run any number of times.
    uniqueIndex('blocked_signal_open_rule_key').on(t.familyId, t.rule).where(sql`${t.resolvedAt} is null and ${t.rule} is not null`),
    index('blocked_signal_region_open_idx').on(t.regionId, t.raisedAt).where(sql`${t.resolvedAt} is null`),
    index('blocked_signal_family_idx').on(t.familyId),
  ],
);

/** A journal note; visible to the whole team or only to the author's organisation. */
export const journalNote = pgTable(
  'journal_note',
  {
    id: idColumn(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    authorPersonId: uuid('author_person_id')
      .notNull()
      .references(() => person.id),
    authorOrganisationId: uuid('author_organisation_id')
      .notNull()
      .references(() => organisation.id),
    visibility: text('visibility', { enum: NOTE_VISIBILITIES }).notNull(),
    body: text('body').notNull(),
    disclosure: text('disclosure', { enum: DISCLOSURES }).notNull().default('normal'),
    /** For `youth_own`: the youth (family member) the item belongs to; only they and their confidant see it in the portal. */
    youthMemberId: uuid('youth_member_id').references(() => familyMember.id),
    ...auditedColumns(),
  },
  (t) => [
    check('journal_note_visibility_valid', sql`${t.visibility} in (${inList(NOTE_VISIBILITIES)})`),
    check('journal_note_disclosure_valid', sql`${t.disclosure} in (${inList(DISCLOSURES)})`),
    check('journal_note_youth_own_member', sql`(${t.disclosure} = 'youth_own') = (${t.youthMemberId} is not null)`),
    index('journal_note_family_idx').on(t.familyId, t.createdAt, t.id),
  ],
);

/** When a professional last opened a family ("what changed since my last visit"). */
export const familyVisit = pgTable(
  'family_visit',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => family.id),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.familyId] })],
);
