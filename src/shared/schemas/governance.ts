import { z } from 'zod';
import { pageEnvelope, recordEnvelope, ZPageQuery, zDate, zInt4, zKey, zName, zQueryInt, zText, zVersion } from './common.js';

/**
 * Consultation and governance (product.md module 4, first part): the bodies of a region or province
 * (IROJ, steering group, bureau, working groups, …), their members and the membership history
 * with joins, departures and successors.
 */

export const BODY_KINDS = [
  'iroj',
  'steering_group',
  'bureau',
  'working_group',
  'intervision_group',
  'case_table',
  'priority_commission',
  'network_forum',
  'learning_network',
] as const;
export type TBodyKind = (typeof BODY_KINDS)[number];

export const BODY_ROLES = ['chair', 'vice_chair', 'secretary', 'member', 'guest_advisor', 'observer'] as const;
export type TBodyRole = (typeof BODY_ROLES)[number];

/** What the caller may do with a body (governance.policy.ts decides; screens only read it). */
export const BODY_ACTIONS = ['view', 'update', 'manageMembers'] as const;
export type TBodyAction = (typeof BODY_ACTIONS)[number];
export const ZBodyAbilities = z
  .object({ view: z.boolean(), update: z.boolean(), manageMembers: z.boolean() })
  .meta({ id: 'BodyAbilities' });

export const ZBody = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(BODY_KINDS),
    description: z.string(),
    regionId: z.uuid(),
    regionCode: z.string(),
    regionName: z.string(),
    regionKind: z.enum(['network', 'province']),
    /** Members today (joined on or before today, not left before today). */
    currentMemberCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'Body' });
export type TBody = z.infer<typeof ZBody>;

export const ZBodyResponse = recordEnvelope(ZBody, ZBodyAbilities);
export const ZBodyListResponse = pageEnvelope(ZBody, ZBodyAbilities);
export const ZBodyListQuery = ZPageQuery.extend({
  kind: z.enum(BODY_KINDS).optional(),
  regionCode: zKey(64).optional(),
});

export const ZBodyParams = z.object({ id: z.uuid() });
export const ZMembershipParams = z.object({ id: z.uuid(), membershipId: z.uuid() });

export const ZBodyCreate = z
  .object({
    name: zName({ min: 2, max: 200 }),
    kind: z.enum(BODY_KINDS),
    regionCode: zKey(64),
    description: zText({ max: 4000, multiline: true }).default(''),
  })
  .strict()
  .meta({ id: 'BodyCreate' });
export type TBodyCreate = z.infer<typeof ZBodyCreate>;

export const ZBodyUpdate = z
  .object({
    version: zVersion,
    name: zName({ min: 2, max: 200 }).optional(),
    kind: z.enum(BODY_KINDS).optional(),
    description: zText({ max: 4000, multiline: true }).optional(),
  })
  .strict()
  .meta({ id: 'BodyUpdate' });
export type TBodyUpdate = z.infer<typeof ZBodyUpdate>;

export const ZBodyMember = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
    sectorCode: z.string().nullable(),
    role: z.enum(BODY_ROLES),
    joinedOn: z.iso.date(),
    leftOn: z.iso.date().nullable(),
    /** The membership this one continues (the predecessor who left the day before). */
    successorOf: z.uuid().nullable(),
    /** A member today. */
    current: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'BodyMember' });
export type TBodyMember = z.infer<typeof ZBodyMember>;

/** The whole membership history of a body: current members first, ended memberships included. */
export const ZBodyMemberListResponse = z.object({ data: z.object({ items: z.array(ZBodyMember) }), abilities: ZBodyAbilities });
export const ZBodyMemberResponse = recordEnvelope(ZBodyMember, ZBodyAbilities);

export const ZBodyMemberCreate = z
  .object({
    personId: z.uuid(),
    role: z.enum(BODY_ROLES),
    joinedOn: zDate,
    organisationId: z.uuid().nullable().optional(),
    sectorCode: zKey(64).nullable().optional(),
  })
  .strict()
  .meta({ id: 'BodyMemberCreate' });
export type TBodyMemberCreate = z.infer<typeof ZBodyMemberCreate>;

export const ZBodyMemberLeave = z
  .object({
    leftOn: zDate.describe('The last day of the membership'),
    successorPersonId: z.uuid().optional().describe('Who takes over from the next day, with the same role and organisation'),
  })
  .strict()
  .meta({ id: 'BodyMemberLeave' });
export type TBodyMemberLeave = z.infer<typeof ZBodyMemberLeave>;

export const ZBodyMemberLeft = z
  .object({ ended: ZBodyMember, successor: ZBodyMember.nullable() })
  .meta({ id: 'BodyMemberLeft' });
export const ZBodyMemberLeftResponse = recordEnvelope(ZBodyMemberLeft, ZBodyAbilities);

/**
 * What the caller may create: the regions and provinces they may start a body in (their
 * coordinated regions; platform admins and coordinators of every region: all). `createBody` is
 * false, with no regions, for everyone else.
 */
export const ZBodyOptionsResponse = z
  .object({
    data: z.object({ regions: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['network', 'province']) })) }),
    abilities: z.object({ createBody: z.boolean() }),
  })
  .meta({ id: 'BodyOptions' });
export type TBodyOptions = z.infer<typeof ZBodyOptionsResponse>;

/** People who can be added to a body (those who keep its members search them by name). */
export const ZMemberCandidatesQuery = z.object({ q: zText({ min: 2, max: 100 }) });
export const ZMemberCandidate = z
  .object({
    personId: z.uuid(),
    name: z.string(),
    /** The organisations the person works in today, with their sectors. */
    organisations: z.array(z.object({ id: z.uuid(), name: z.string(), sectorCodes: z.array(z.string()) })),
  })
  .meta({ id: 'MemberCandidate' });
export type TMemberCandidate = z.infer<typeof ZMemberCandidate>;
export const ZMemberCandidatesResponse = z.object({ data: z.object({ items: z.array(ZMemberCandidate) }), abilities: ZBodyAbilities });

/* ----- Meetings, agenda, attendance, minutes and action items (issue 9, second part) ----- */

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const MINUTES_STATUSES = ['draft', 'approved'] as const;
export const AGENDA_ITEM_KINDS = ['information', 'discussion', 'decision', 'follow_up'] as const;
export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type TMeetingStatus = (typeof MEETING_STATUSES)[number];
export type TAgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
export type TAttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export type TActionStatus = (typeof ACTION_STATUSES)[number];

/** What the caller may do with a meeting (and its agenda, attendance, minutes and actions). */
export const MEETING_ACTIONS = ['view', 'update'] as const;
export type TMeetingAction = (typeof MEETING_ACTIONS)[number];
export const ZMeetingAbilities = z.object({ view: z.boolean(), update: z.boolean() }).meta({ id: 'MeetingAbilities' });

/** What the caller may do with an action item: its owner and the body's managers update it. */
export const ACTION_ITEM_ACTIONS = ['view', 'update'] as const;
export type TActionItemAction = (typeof ACTION_ITEM_ACTIONS)[number];
export const ZActionItemAbilities = z.object({ view: z.boolean(), update: z.boolean() }).meta({ id: 'ActionItemAbilities' });

/** A time of day `HH:MM` (24 hours). */
export const zTimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time HH:MM');
/** A web link for an online meeting: http(s) only, bounded. */
export const zWebLink = zText({ min: 1, max: 500 }).refine((v) => /^https?:\/\/[^\s]+$/i.test(v), { message: 'A link starting with https://' });

export const ZMeetingParams = z.object({ id: z.uuid() });
export const ZAgendaItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
export const ZActionItemParams = z.object({ id: z.uuid() });

export const ZMeeting = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    bodyName: z.string(),
    meetingDate: z.iso.date(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    place: z.string(),
    onlineUrl: z.string().nullable(),
    status: z.enum(MEETING_STATUSES),
    minutesStatus: z.enum(MINUTES_STATUSES),
    minutesApprovedAtMeetingId: z.uuid().nullable(),
    minutesApprovedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Meeting' });
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZAmendment = z
  .object({ id: z.uuid(), text: z.string(), authorPersonId: z.uuid().nullable(), authorName: z.string().nullable(), createdAt: z.iso.datetime() })
  .meta({ id: 'MinutesAmendment' });

/** One end of a carry-over: the item on the other meeting, that meeting and its day. */
export const ZCarryOverLink = z
  .object({ itemId: z.uuid(), meetingId: z.uuid(), meetingDate: z.iso.date() })
  .meta({ id: 'AgendaItemCarryOverLink' });
export type TCarryOverLink = z.infer<typeof ZCarryOverLink>;

export const ZAgendaItem = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    title: z.string(),
    presenterText: z.string().nullable(),
    presenterPersonId: z.uuid().nullable(),
    presenterPersonName: z.string().nullable(),
    kind: z.enum(AGENDA_ITEM_KINDS),
    minutes: z.object({ explanation: z.string(), discussion: z.string(), decision: z.string() }),
    amendments: z.array(ZAmendment),
    /** The item of an earlier meeting this one was carried over from (null: none, or that item was removed). */
    carriedFrom: ZCarryOverLink.nullable(),
    /** The items of later meetings this one was carried over to, by date. */
    carriedTo: z.array(ZCarryOverLink),
    version: z.number().int(),
  })
  .meta({ id: 'AgendaItem' });
export type TAgendaItem = z.infer<typeof ZAgendaItem>;

export const ZAttendance = z
  .object({
    members: z.array(z.object({ personId: z.uuid(), personName: z.string(), status: z.enum(ATTENDANCE_STATUSES) })),
    guests: z.array(z.object({ name: z.string(), organisation: z.string() })),
  })
  .meta({ id: 'MeetingAttendance' });

export const ZActionItem = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    bodyName: z.string(),
    meetingId: z.uuid(),
    meetingDate: z.iso.date(),
    agendaItemId: z.uuid(),
    agendaItemTitle: z.string(),
    description: z.string(),
    ownerPersonId: z.uuid().nullable(),
    ownerPersonName: z.string().nullable(),
    ownerOrganisationId: z.uuid().nullable(),
    ownerOrganisationName: z.string().nullable(),
    dueOn: z.iso.date().nullable(),
    targetMeetingId: z.uuid().nullable(),
    status: z.enum(ACTION_STATUSES),
    version: z.number().int(),
  })
  .meta({ id: 'ActionItem' });
export type TActionItem = z.infer<typeof ZActionItem>;

export const ZMeetingDetail = ZMeeting.extend({
  agenda: z.array(ZAgendaItem),
  attendance: ZAttendance,
  /** Actions decided at this meeting. */
  actions: z.array(ZActionItem),
  /** Open actions of the body decided at earlier meetings: they come back until closed. */
  followUp: z.array(ZActionItem),
}).meta({ id: 'MeetingDetail' });
export type TMeetingDetail = z.infer<typeof ZMeetingDetail>;

export const ZMeetingResponse = recordEnvelope(ZMeetingDetail, ZMeetingAbilities);
export const ZMeetingListResponse = pageEnvelope(ZMeeting, ZMeetingAbilities);
export const ZMeetingListQuery = z.object({
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
});

const meetingFields = {
  meetingDate: zDate,
  startTime: zTimeOfDay.nullable().optional(),
  endTime: zTimeOfDay.nullable().optional(),
  place: zText({ max: 300 }).optional(),
  onlineUrl: zWebLink.nullable().optional(),
};
export const ZMeetingCreate = z.object(meetingFields).strict().meta({ id: 'MeetingCreate' });
export type TMeetingCreate = z.infer<typeof ZMeetingCreate>;
export const ZMeetingUpdate = z
  .object({ version: zVersion, ...meetingFields, meetingDate: zDate.optional(), status: z.enum(MEETING_STATUSES).optional() })
  .strict()
  .meta({ id: 'MeetingUpdate' });
export type TMeetingUpdate = z.infer<typeof ZMeetingUpdate>;

const itemFields = {
  title: zText({ min: 2, max: 300 }),
  presenterText: zText({ max: 200 }).nullable().optional(),
  presenterPersonId: z.uuid().nullable().optional(),
  kind: z.enum(AGENDA_ITEM_KINDS),
};
export const ZAgendaItemCreate = z
  .object({
    ...itemFields,
    carriedFromItemId: z.uuid().optional().describe('Carry over: the item of an earlier meeting of the same body this one continues'),
  })
  .strict()
  .meta({ id: 'AgendaItemCreate' });
export type TAgendaItemCreate = z.infer<typeof ZAgendaItemCreate>;
export const ZAgendaItemUpdate = z
  .object({ version: zVersion.describe("The item's version"), ...itemFields, title: itemFields.title.optional(), kind: itemFields.kind.optional() })
  .strict()
  .meta({ id: 'AgendaItemUpdate' });
export type TAgendaItemUpdate = z.infer<typeof ZAgendaItemUpdate>;
export const ZAgendaItemDeleteQuery = z.object({ version: zQueryInt({ min: 1 }).describe("The meeting's version") });
export const ZAgendaOrder = z
  .object({ version: zVersion.describe("The meeting's version"), itemIds: z.array(z.uuid()).max(200) })
  .strict()
  .meta({ id: 'AgendaOrder' });
export type TAgendaOrder = z.infer<typeof ZAgendaOrder>;

export const ZAttendanceSet = z
  .object({
    version: zVersion.describe("The meeting's version"),
    members: z.array(z.object({ personId: z.uuid(), status: z.enum(ATTENDANCE_STATUSES) }).strict()).max(200),
    guests: z.array(z.object({ name: zName({ min: 2, max: 200 }), organisation: zText({ max: 200 }).default('') }).strict()).max(100),
  })
  .strict()
  .meta({ id: 'AttendanceSet' });
export type TAttendanceSet = z.infer<typeof ZAttendanceSet>;

export const ZMinutesSet = z
  .object({
    version: zVersion.describe("The item's version"),
    explanation: zText({ max: 20000, multiline: true }),
    discussion: zText({ max: 20000, multiline: true }),
    decision: zText({ max: 20000, multiline: true }),
  })
  .strict()
  .meta({ id: 'MinutesSet' });
export type TMinutesSet = z.infer<typeof ZMinutesSet>;

export const ZMinutesApprove = z
  .object({ version: zVersion.describe("The meeting's version"), approvedAtMeetingId: z.uuid() })
  .strict()
  .meta({ id: 'MinutesApprove' });
export type TMinutesApprove = z.infer<typeof ZMinutesApprove>;

export const ZAmendmentCreate = z.object({ text: zText({ min: 2, max: 4000, multiline: true }) }).strict().meta({ id: 'AmendmentCreate' });

export const ZActionItemCreate = z
  .object({
    description: zText({ min: 2, max: 2000, multiline: true }),
    ownerPersonId: z.uuid().nullable().optional(),
    ownerOrganisationId: z.uuid().nullable().optional(),
    dueOn: zDate.nullable().optional(),
    targetMeetingId: z.uuid().nullable().optional(),
  })
  .strict()
  .meta({ id: 'ActionItemCreate' });
export type TActionItemCreate = z.infer<typeof ZActionItemCreate>;
export const ZActionItemUpdate = ZActionItemCreate.extend({
  version: zVersion,
  description: ZActionItemCreate.shape.description.optional(),
  status: z.enum(ACTION_STATUSES).optional(),
})
  .strict()
  .meta({ id: 'ActionItemUpdate' });
export type TActionItemUpdate = z.infer<typeof ZActionItemUpdate>;
export const ZActionItemResponse = recordEnvelope(ZActionItem, ZActionItemAbilities);
export const ZMyActionsQuery = z.object({
  status: z.enum(ACTION_STATUSES).optional(),
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
});
/** A page of my actions: open ones first, then by due date (none last), then by the meeting they came from. */
export const ZMyActionsResponse = pageEnvelope(ZActionItem, ZActionItemAbilities);

/* ----- Regional plan, indicators and exports (issue 9, third part) ----- */

/**
 * The status of a plan action. The path is agreed in principle → budget request due → approved →
 * released; at any step before release an action may be moved to a later year or dropped.
 * Released, moved and dropped are final.
 */
export const PLAN_ACTION_STATUSES = ['agreed_in_principle', 'budget_request_due', 'approved', 'released', 'moved', 'dropped'] as const;
export type TPlanActionStatus = (typeof PLAN_ACTION_STATUSES)[number];
/** The allowed changes of status (anything else is refused with 409). */
export const PLAN_ACTION_TRANSITIONS: Record<TPlanActionStatus, readonly TPlanActionStatus[]> = {
  agreed_in_principle: ['budget_request_due', 'approved', 'moved', 'dropped'],
  budget_request_due: ['approved', 'moved', 'dropped'],
  approved: ['released', 'moved', 'dropped'],
  released: [],
  moved: [],
  dropped: [],
};
export const PLAN_YEAR_MIN = 2000;
export const PLAN_YEAR_MAX = 2100;
/** The largest budget of one action: one billion euro, in cents (a safe integer, summed without loss). */
export const BUDGET_CENTS_MAX = 100_000_000_000;

/** What the caller may do with a regional plan (and its actions and indicators): as with its body. */
export const PLAN_ACTIONS = ['view', 'update'] as const;
export type TPlanAction = (typeof PLAN_ACTIONS)[number];
export const ZPlanAbilities = z.object({ view: z.boolean(), update: z.boolean() }).meta({ id: 'PlanAbilities' });

const zYear = zInt4({ min: PLAN_YEAR_MIN, max: PLAN_YEAR_MAX });
const zBudgetCents = z.number().int().min(0).max(BUDGET_CENTS_MAX).describe('Euro cents');

export const ZPlanParams = z.object({ id: z.uuid() });
export const ZPlanActionParams = z.object({ id: z.uuid() });

export const ZPlanTotal = z.object({ status: z.enum(PLAN_ACTION_STATUSES), count: z.number().int(), budgetCents: z.number().int() });

export const ZPlan = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    bodyName: z.string(),
    regionId: z.uuid(),
    regionName: z.string(),
    year: z.number().int(),
    title: z.string(),
    description: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'RegionalPlan' });
export type TPlan = z.infer<typeof ZPlan>;

export const ZPlanDetail = ZPlan.extend({
  /** One row per status (zero rows included), in the order of PLAN_ACTION_STATUSES. */
  totals: z.array(ZPlanTotal),
  /** All actions together; `activeBudgetCents` leaves out moved and dropped ones. */
  total: z.object({ count: z.number().int(), budgetCents: z.number().int(), activeBudgetCents: z.number().int() }),
}).meta({ id: 'RegionalPlanDetail' });
export type TPlanDetail = z.infer<typeof ZPlanDetail>;

export const ZPlanResponse = recordEnvelope(ZPlanDetail, ZPlanAbilities);
export const ZPlanListResponse = pageEnvelope(ZPlan, ZPlanAbilities);
export const ZPlanListQuery = z.object({
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
});

export const ZPlanCreate = z
  .object({ year: zYear, title: zText({ min: 2, max: 200 }), description: zText({ max: 4000, multiline: true }).default('') })
  .strict()
  .meta({ id: 'RegionalPlanCreate' });
export type TPlanCreate = z.infer<typeof ZPlanCreate>;
export const ZPlanUpdate = z
  .object({ version: zVersion, title: zText({ min: 2, max: 200 }).optional(), description: zText({ max: 4000, multiline: true }).optional() })
  .strict()
  .meta({ id: 'RegionalPlanUpdate' });
export type TPlanUpdate = z.infer<typeof ZPlanUpdate>;

export const ZPlanStatusChange = z
  .object({
    id: z.uuid(),
    fromStatus: z.enum(PLAN_ACTION_STATUSES).nullable(),
    toStatus: z.enum(PLAN_ACTION_STATUSES),
    movedToYear: z.number().int().nullable(),
    decisionItemId: z.uuid().nullable(),
    decisionItemTitle: z.string().nullable(),
    decisionMeetingId: z.uuid().nullable(),
    decisionMeetingDate: z.iso.date().nullable(),
    note: z.string(),
    changedByName: z.string().nullable(),
    changedAt: z.iso.datetime(),
  })
  .meta({ id: 'PlanStatusChange' });

export const ZPlanActionItem = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    number: z.number().int(),
    description: z.string(),
    responsiblePersonId: z.uuid().nullable(),
    responsiblePersonName: z.string().nullable(),
    responsibleOrganisationId: z.uuid().nullable(),
    responsibleOrganisationName: z.string().nullable(),
    responsibleText: z.string(),
    budgetCents: z.number().int(),
    conditions: z.string(),
    status: z.enum(PLAN_ACTION_STATUSES),
    movedToYear: z.number().int().nullable(),
    /** The action of an earlier year's plan this one continues. */
    movedFromActionId: z.uuid().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'PlanAction' });
export type TPlanActionItem = z.infer<typeof ZPlanActionItem>;
export const ZPlanActionDetail = ZPlanActionItem.extend({ history: z.array(ZPlanStatusChange) }).meta({ id: 'PlanActionDetail' });
export const ZPlanActionResponse = recordEnvelope(ZPlanActionDetail, ZPlanAbilities);
export const ZPlanActionListResponse = pageEnvelope(ZPlanActionItem, ZPlanAbilities);
export const ZPlanActionListQuery = ZPlanListQuery.extend({ status: z.enum(PLAN_ACTION_STATUSES).optional() });

const planActionFields = {
  description: zText({ min: 2, max: 2000, multiline: true }),
  responsiblePersonId: z.uuid().nullable().optional(),
  responsibleOrganisationId: z.uuid().nullable().optional(),
  responsibleText: zText({ max: 200 }).optional().describe('Who, in words, when not a person or organisation of the platform'),
  budgetCents: zBudgetCents.optional(),
  conditions: zText({ max: 2000, multiline: true }).optional().describe('E.g. "€10 deelnemersbijdrage per deelnemer"'),
};
export const ZPlanActionCreate = z
  .object({ ...planActionFields, decisionItemId: z.uuid().nullable().optional().describe('The agenda item that agreed it') })
  .strict()
  .meta({ id: 'PlanActionCreate' });
export type TPlanActionCreate = z.infer<typeof ZPlanActionCreate>;
export const ZPlanActionUpdate = z
  .object({ version: zVersion, ...planActionFields, description: planActionFields.description.optional() })
  .strict()
  .meta({ id: 'PlanActionUpdate' });
export type TPlanActionUpdate = z.infer<typeof ZPlanActionUpdate>;
export const ZPlanActionTransition = z
  .object({
    version: zVersion,
    status: z.enum(PLAN_ACTION_STATUSES),
    movedToYear: zYear.optional().describe('Required when moving to a later year'),
    decisionItemId: z.uuid().nullable().optional().describe('The agenda item (decision) that made the change'),
    note: zText({ max: 2000, multiline: true }).default(''),
  })
  .strict()
  .meta({ id: 'PlanActionTransition' });
export type TPlanActionTransition = z.infer<typeof ZPlanActionTransition>;

/**
 * Where an indicator's measurements come from: entered by hand, or computed from the system when
 * somebody asks for a measurement ("meet nu").
 */
export const INDICATOR_SOURCES = ['manual', 'education_ambassador_organisations', 'intervision_meetings_held'] as const;
export type TIndicatorSource = (typeof INDICATOR_SOURCES)[number];
/** Indicator values and targets: finite, at most ±10^12, four decimals kept. */
const zIndicatorValue = z.number().finite().min(-1_000_000_000_000).max(1_000_000_000_000);

export const ZIndicatorParams = z.object({ id: z.uuid() });

export const ZIndicatorMeasurement = z
  .object({ id: z.uuid(), measuredOn: z.iso.date(), value: z.number(), source: z.enum(['manual', 'computed']), note: z.string(), recordedByName: z.string().nullable() })
  .meta({ id: 'IndicatorMeasurement' });

export const ZIndicator = z
  .object({
    id: z.uuid(),
    planId: z.uuid(),
    name: z.string(),
    definition: z.string(),
    unit: z.string(),
    target: z.number().nullable(),
    source: z.enum(INDICATOR_SOURCES),
    latest: ZIndicatorMeasurement.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Indicator' });
export type TIndicator = z.infer<typeof ZIndicator>;
export const ZIndicatorDetail = ZIndicator.extend({ measurements: z.array(ZIndicatorMeasurement) }).meta({ id: 'IndicatorDetail' });
export const ZIndicatorResponse = recordEnvelope(ZIndicatorDetail, ZPlanAbilities);
export const ZIndicatorListResponse = pageEnvelope(ZIndicator, ZPlanAbilities);

export const ZIndicatorCreate = z
  .object({
    name: zText({ min: 2, max: 200 }),
    definition: zText({ max: 4000, multiline: true }).default(''),
    unit: zText({ min: 1, max: 50 }),
    target: zIndicatorValue.nullable().optional(),
    source: z.enum(INDICATOR_SOURCES).default('manual'),
  })
  .strict()
  .meta({ id: 'IndicatorCreate' });
export type TIndicatorCreate = z.infer<typeof ZIndicatorCreate>;
export const ZIndicatorUpdate = z
  .object({
    version: zVersion,
    name: ZIndicatorCreate.shape.name.optional(),
    definition: zText({ max: 4000, multiline: true }).optional(),
    unit: ZIndicatorCreate.shape.unit.optional(),
    target: zIndicatorValue.nullable().optional(),
  })
  .strict()
  .meta({ id: 'IndicatorUpdate' });
export type TIndicatorUpdate = z.infer<typeof ZIndicatorUpdate>;
export const ZMeasurementCreate = z
  .object({ measuredOn: zDate, value: zIndicatorValue, note: zText({ max: 1000, multiline: true }).default('') })
  .strict()
  .meta({ id: 'MeasurementCreate' });
export type TMeasurementCreate = z.infer<typeof ZMeasurementCreate>;

/** A (re)generated private calendar feed of a body: the URL is shown once; an older one stops working. */
export const ZCalendarFeed = z.object({ url: z.string(), token: z.string() }).meta({ id: 'CalendarFeed' });
export const ZCalendarFeedResponse = recordEnvelope(ZCalendarFeed, ZBodyAbilities);
export const ZCalendarTokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'Unknown feed') });

/* ----- Meeting attachments ----- */

/** The kinds of file a meeting or agenda item may carry; recognised by their content (magic bytes), the name must agree. */
export const MEETING_ATTACHMENT_KINDS = ['pdf', 'docx', 'xlsx', 'pptx', 'png', 'jpeg'] as const;
export type TMeetingAttachmentKind = (typeof MEETING_ATTACHMENT_KINDS)[number];
/** At most 10 MiB per file (the platform's attachment table allows no more). */
export const MEETING_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The body limit of the upload route: the file in base64 (4/3 of its size) plus room for the other fields. */
export const MEETING_ATTACHMENT_BODY_LIMIT = Math.ceil(MEETING_ATTACHMENT_MAX_BYTES / 3) * 4 + 64 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const ZMeetingAttachmentParams = z.object({ id: z.uuid() });

/** A file as base64 in JSON, like the engagement declarations (the platform has no multipart parsing). */
export const ZMeetingAttachmentUpload = z
  .object({
    fileName: zName({ min: 1, max: 200 }).refine((n) => !/[\\/]/.test(n), 'A file name without folders'),
    agendaItemId: z.uuid().nullable().optional().describe('The agenda item the file belongs to; none: the meeting as a whole'),
    content: z
      .string()
      .min(1, 'The file is empty')
      .max(MEETING_ATTACHMENT_BODY_LIMIT)
      .refine((s) => s.length % 4 === 0 && BASE64.test(s), 'Not base64')
      .describe('The file, base64-encoded: PDF, DOCX, XLSX, PPTX, PNG or JPEG'),
  })
  .strict()
  .meta({ id: 'MeetingAttachmentUpload' });
export type TMeetingAttachmentUpload = z.infer<typeof ZMeetingAttachmentUpload>;

export const ZMeetingAttachment = z
  .object({
    id: z.uuid(),
    meetingId: z.uuid(),
    agendaItemId: z.uuid().nullable(),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    uploadedByName: z.string().nullable(),
    uploadedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'MeetingAttachment' });
export type TMeetingAttachment = z.infer<typeof ZMeetingAttachment>;
export const ZMeetingAttachmentResponse = recordEnvelope(ZMeetingAttachment, ZMeetingAbilities);
export const ZMeetingAttachmentListResponse = z.object({ data: z.object({ items: z.array(ZMeetingAttachment) }), abilities: ZMeetingAbilities });

/* ----- Publishing to the network ----- */

/** What can be published read-only to every professional of the network: a meeting's decisions, or a regional plan. */
export const PUBLICATION_KINDS = ['meeting_decisions', 'plan'] as const;
export type TPublicationKind = (typeof PUBLICATION_KINDS)[number];
/** The plan statuses a published plan shows: the approved plan (approved and released actions). */
export const PUBLISHED_PLAN_STATUSES = ['approved', 'released'] as const satisfies readonly TPlanActionStatus[];

export const ZPublication = z
  .object({
    id: z.uuid(),
    kind: z.enum(PUBLICATION_KINDS),
    bodyId: z.uuid(),
    bodyName: z.string(),
    regionName: z.string(),
    meetingId: z.uuid().nullable(),
    meetingDate: z.iso.date().nullable(),
    planId: z.uuid().nullable(),
    planYear: z.number().int().nullable(),
    planTitle: z.string().nullable(),
    publishedAt: z.iso.datetime({ offset: true }),
    publishedByName: z.string().nullable(),
  })
  .meta({ id: 'Publication' });
export type TPublication = z.infer<typeof ZPublication>;
/** The publication of one meeting or plan (null: not published) for those who manage or read it; `update` = may (un)publish. */
export const ZPublicationStateResponse = z.object({ data: ZPublication.nullable(), abilities: ZPlanAbilities });
export const ZPublicationResponse = recordEnvelope(ZPublication, ZPlanAbilities);
export const ZPublicationListResponse = z.object({ data: z.object({ items: z.array(ZPublication) }) }).meta({ id: 'PublicationList' });

export const ZPublishedMeeting = z
  .object({
    publication: ZPublication,
    /**
     * The agenda items with a decision, in agenda order, each with the amendments made to it after the
     * minutes were approved (approved minutes are frozen; corrections are visible amendments), oldest first.
     */
    decisions: z.array(
      z.object({
        itemId: z.uuid(),
        position: z.number().int(),
        title: z.string(),
        decision: z.string(),
        amendments: z.array(z.object({ text: z.string(), createdAt: z.iso.datetime() })),
      }),
    ),
  })
  .meta({ id: 'PublishedMeeting' });
export type TPublishedMeeting = z.infer<typeof ZPublishedMeeting>;
export const ZPublishedMeetingResponse = z.object({ data: ZPublishedMeeting });

export const ZPublishedPlan = z
  .object({
    publication: ZPublication,
    description: z.string(),
    /** Only the approved and released actions, by number. */
    actions: z.array(
      z.object({
        number: z.number().int(),
        description: z.string(),
        responsible: z.string(),
        budgetCents: z.number().int(),
        conditions: z.string(),
        status: z.enum(PUBLISHED_PLAN_STATUSES),
      }),
    ),
    totalBudgetCents: z.number().int(),
  })
  .meta({ id: 'PublishedPlan' });
export type TPublishedPlan = z.infer<typeof ZPublishedPlan>;
export const ZPublishedPlanResponse = z.object({ data: ZPublishedPlan });

/* ----- The decisions a plan's status change may point at (issue 9, plan screen) ----- */

/**
 * A decision a plan action's status change may come from: an agenda item of kind `decision` of a
 * (not cancelled) meeting of the body that keeps the plan, with its meeting's day and status.
 */
export const ZPlanDecisionItem = z
  .object({
    id: z.uuid(),
    title: z.string(),
    position: z.number().int(),
    decision: z.string().describe('The decision part of the item\'s minutes (may be empty before the meeting)'),
    meetingId: z.uuid(),
    meetingDate: z.iso.date(),
    meetingStatus: z.enum(MEETING_STATUSES),
  })
  .meta({ id: 'PlanDecisionItem' });
export type TPlanDecisionItem = z.infer<typeof ZPlanDecisionItem>;
/** Narrowing the candidates: part of the item's title or of its decision (a body with years of meetings has more than the 200 shown). */
export const ZPlanDecisionItemListQuery = z.object({
  q: zText({ max: 100 }).optional().describe('Search: part of the title or the decision of the item'),
});
/** The candidates, latest meeting first, in agenda order within a meeting (at most 200). */
export const ZPlanDecisionItemListResponse = recordEnvelope(z.object({ items: z.array(ZPlanDecisionItem) }), ZPlanAbilities);
