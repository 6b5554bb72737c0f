import { z } from 'zod';
import { pageEnvelope, recordEnvelope, zDate, zDateTime, zEmail, zInt4, zKey, zName, zQueryInt, zText, zVersion } from './common.js';

/**
 * Learning together (product.md module 6, first part): network days, trainings, intervision,
 * fairs and webinars with sessions in rooms, registration by professionals with a waiting list per
 * session, attendance, the participant list and the cost split (participants × fee, the rest by the funder).
 */

export const EVENT_KINDS = ['network_day', 'training', 'intervision', 'fair', 'webinar'] as const;
export type TEventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type TEventStatus = (typeof EVENT_STATUSES)[number];

/** Who an event is meant for (the seed's invitation list). */
export const AUDIENCE_ROLES = [
  'education_ambassador',
  'group_care_worker',
  'teacher',
  'clb_worker',
  'counsellor',
  'coordinator',
  'manager',
  'young_person',
  'parent',
  'other',
] as const;
export type TAudienceRole = (typeof AUDIENCE_ROLES)[number];

export const SESSION_KINDS = ['plenary', 'parallel'] as const;
export type TSessionKind = (typeof SESSION_KINDS)[number];

export const REGISTRATION_STATUSES = ['registered', 'cancelled'] as const;
/** Who registers through the public form: a parent or a young person. */
export const GUEST_ROLES = ['parent', 'youth'] as const;
export type TGuestRole = (typeof GUEST_ROLES)[number];
export const SEAT_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export type TSeatStatus = (typeof SEAT_STATUSES)[number];

/** What the caller may do with an event (learning.policy.ts decides; screens only read it). */
export const EVENT_ACTIONS = ['view', 'update', 'manage', 'register'] as const;
export type TEventAction = (typeof EVENT_ACTIONS)[number];
export const ZEventAbilities = z
  .object({ view: z.boolean(), update: z.boolean(), manage: z.boolean(), register: z.boolean() })
  .meta({ id: 'EventAbilities' });

/** A time of day `HH:MM` (24 h). */
export const zTimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time HH:MM');
/** Euro cents: a whole, non-negative amount that fits an int4. */
const zCents = zInt4({ min: 0 });

export const ZCostSplit = z
  .object({
    participants: z.number().int(),
    feeCents: z.number().int(),
    /** participants × fee */
    participantsPayCents: z.number().int(),
    totalCostCents: z.number().int(),
    /** What is left for the funder (never below zero). */
    funderPaysCents: z.number().int(),
    funder: z.string(),
  })
  .meta({ id: 'EventCostSplit' });

export const ZEvent = z
  .object({
    id: z.uuid(),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    description: z.string(),
    organiserOrganisationId: z.uuid().nullable(),
    organiserOrganisationName: z.string().nullable(),
    organiserName: z.string(),
    audienceRoles: z.array(z.enum(AUDIENCE_ROLES)),
    audienceSectors: z.array(z.string()),
    date: z.iso.date(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string(),
    onlineUrl: z.string().nullable(),
    feeCents: z.number().int(),
    totalCostCents: z.number().int(),
    funder: z.string(),
    registrationOpensAt: z.iso.datetime({ offset: true }),
    registrationClosesAt: z.iso.datetime({ offset: true }),
    status: z.enum(EVENT_STATUSES),
    /** Parents and young people may register through the public form. */
    publicRegistration: z.boolean(),
    costSplit: ZCostSplit,
    version: z.number().int(),
  })
  .meta({ id: 'LearningEvent' });
export type TEvent = z.infer<typeof ZEvent>;

export const ZEventResponse = recordEnvelope(ZEvent, ZEventAbilities);
export const ZEventListResponse = pageEnvelope(ZEvent, ZEventAbilities);
export const ZEventListQuery = z.object({
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
  kind: z.enum(EVENT_KINDS).optional(),
  status: z.enum(EVENT_STATUSES).optional(),
  from: zDate.optional().describe('Only events on or after this day'),
});

export const ZEventParams = z.object({ id: z.uuid() });
export const ZSessionParams = z.object({ id: z.uuid(), sessionId: z.uuid() });
export const ZRegistrationParams = z.object({ id: z.uuid(), registrationId: z.uuid() });

const eventFields = {
  kind: z.enum(EVENT_KINDS),
  title: zName({ min: 2, max: 200 }),
  description: zText({ max: 8000, multiline: true }),
  organiserOrganisationId: z.uuid().nullable(),
  organiserName: zText({ max: 200 }),
  audienceRoles: z.array(z.enum(AUDIENCE_ROLES)).max(AUDIENCE_ROLES.length),
  audienceSectors: z.array(zKey(64)).max(50),
  date: zDate,
  startsAt: zTimeOfDay,
  endsAt: zTimeOfDay,
  place: zText({ max: 500 }),
  onlineUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable(),
  feeCents: zCents,
  totalCostCents: zCents,
  funder: zText({ max: 200 }),
  registrationOpensAt: zDateTime,
  registrationClosesAt: zDateTime,
  status: z.enum(EVENT_STATUSES),
  publicRegistration: z.boolean(),
};

export const ZEventCreate = z
  .object({
    ...eventFields,
    description: eventFields.description.default(''),
    organiserOrganisationId: eventFields.organiserOrganisationId.default(null),
    organiserName: eventFields.organiserName.default(''),
    audienceRoles: eventFields.audienceRoles.default([]),
    audienceSectors: eventFields.audienceSectors.default([]),
    place: eventFields.place.default(''),
    onlineUrl: eventFields.onlineUrl.default(null),
    feeCents: eventFields.feeCents.default(0),
    totalCostCents: eventFields.totalCostCents.default(0),
    funder: eventFields.funder.default(''),
    status: eventFields.status.default('draft'),
    publicRegistration: eventFields.publicRegistration.default(false),
  })
  .strict()
  .meta({ id: 'LearningEventCreate' });
export type TEventCreate = z.infer<typeof ZEventCreate>;

export const ZEventUpdate = z
  .object({
    version: zVersion,
    kind: eventFields.kind.optional(),
    title: eventFields.title.optional(),
    description: eventFields.description.optional(),
    organiserName: eventFields.organiserName.optional(),
    audienceRoles: eventFields.audienceRoles.optional(),
    audienceSectors: eventFields.audienceSectors.optional(),
    date: eventFields.date.optional(),
    startsAt: eventFields.startsAt.optional(),
    endsAt: eventFields.endsAt.optional(),
    place: eventFields.place.optional(),
    onlineUrl: eventFields.onlineUrl.optional(),
    feeCents: eventFields.feeCents.optional(),
    totalCostCents: eventFields.totalCostCents.optional(),
    funder: eventFields.funder.optional(),
    registrationOpensAt: eventFields.registrationOpensAt.optional(),
    registrationClosesAt: eventFields.registrationClosesAt.optional(),
    status: eventFields.status.optional(),
    publicRegistration: eventFields.publicRegistration.optional(),
  })
  .strict()
  .meta({ id: 'LearningEventUpdate' });
export type TEventUpdate = z.infer<typeof ZEventUpdate>;

// --- sessions ---------------------------------------------------------------------------------

export const ZSession = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    title: z.string(),
    room: z.string(),
    kind: z.enum(SESSION_KINDS),
    startsAt: z.string(),
    endsAt: z.string(),
    capacity: z.number().int(),
    /** Confirmed places taken. */
    taken: z.number().int(),
    waiting: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'LearningSession' });
export type TSession = z.infer<typeof ZSession>;

export const ZSessionResponse = recordEnvelope(ZSession, ZEventAbilities);
export const ZSessionListResponse = z.object({ data: z.object({ items: z.array(ZSession) }), abilities: ZEventAbilities });

export const ZSessionCreate = z
  .object({
    title: zName({ min: 2, max: 200 }),
    room: zText({ min: 1, max: 200 }),
    kind: z.enum(SESSION_KINDS),
    startsAt: zTimeOfDay,
    endsAt: zTimeOfDay,
    capacity: zInt4({ min: 1, max: 100_000 }),
  })
  .strict()
  .meta({ id: 'LearningSessionCreate' });
export type TSessionCreate = z.infer<typeof ZSessionCreate>;

export const ZSessionUpdate = z
  .object({
    version: zVersion,
    title: ZSessionCreate.shape.title.optional(),
    room: ZSessionCreate.shape.room.optional(),
    kind: ZSessionCreate.shape.kind.optional(),
    startsAt: zTimeOfDay.optional(),
    endsAt: zTimeOfDay.optional(),
    capacity: ZSessionCreate.shape.capacity.optional(),
  })
  .strict()
  .meta({ id: 'LearningSessionUpdate' });
export type TSessionUpdate = z.infer<typeof ZSessionUpdate>;

export const ZSessionDeleteQuery = z.object({ version: zQueryInt({ min: 1 }) });
export const ZDeleted = z.object({ data: z.object({ id: z.uuid() }) });

// --- registrations ----------------------------------------------------------------------------

export const ZSeat = z
  .object({
    sessionId: z.uuid(),
    sessionTitle: z.string(),
    status: z.enum(SEAT_STATUSES),
    /** Place on the waiting list (1 = next), null unless waiting. */
    waitingPosition: z.number().int().nullable(),
  })
  .meta({ id: 'LearningSeat' });

export const ZRegistration = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    /** Null for a parent or young person who registered through the public form. */
    personId: z.uuid().nullable(),
    personName: z.string(),
    guestRole: z.enum(GUEST_ROLES).nullable(),
    organisationName: z.string().nullable(),
    status: z.enum(REGISTRATION_STATUSES),
    present: z.boolean().nullable(),
    seats: z.array(ZSeat),
    createdAt: z.iso.datetime({ offset: true }),
    version: z.number().int(),
  })
  .meta({ id: 'LearningRegistration' });
export type TRegistration = z.infer<typeof ZRegistration>;

export const ZRegistrationResponse = recordEnvelope(ZRegistration, ZEventAbilities);
export const ZMyRegistrationResponse = recordEnvelope(ZRegistration.nullable(), ZEventAbilities);
export const ZRegistrationListResponse = z.object({ data: z.object({ items: z.array(ZRegistration) }), abilities: ZEventAbilities });

export const ZRegistrationCreate = z
  .object({
    sessionIds: z
      .array(z.uuid())
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'A session is chosen twice' }),
  })
  .strict()
  .meta({ id: 'LearningRegistrationCreate' });
export type TRegistrationCreate = z.infer<typeof ZRegistrationCreate>;

export const ZAttendance = z.object({ present: z.boolean() }).strict().meta({ id: 'LearningAttendance' });

// --- the public form (parents and young people, no login) ------------------------------------

export const ZPublicSession = z
  .object({
    id: z.uuid(),
    title: z.string(),
    room: z.string(),
    kind: z.enum(SESSION_KINDS),
    startsAt: z.string(),
    endsAt: z.string(),
    /** No place left: a registration goes on the waiting list. */
    full: z.boolean(),
  })
  .meta({ id: 'LearningPublicSession' });

/** What the public form shows of an event (no participants, no costs beyond the fee). */
export const ZPublicEvent = z
  .object({
    id: z.uuid(),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    description: z.string(),
    organiser: z.string(),
    date: z.iso.date(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string(),
    onlineUrl: z.string().nullable(),
    feeCents: z.number().int(),
    registrationOpensAt: z.iso.datetime({ offset: true }),
    registrationClosesAt: z.iso.datetime({ offset: true }),
    /** Now within the registration window. */
    open: z.boolean(),
    sessions: z.array(ZPublicSession),
  })
  .meta({ id: 'LearningPublicEvent' });
export type TPublicEvent = z.infer<typeof ZPublicEvent>;
export const ZPublicEventResponse = z.object({ data: ZPublicEvent });

export const ZPublicRegistrationCreate = z
  .object({
    name: zName({ min: 2, max: 200 }),
    email: zEmail,
    role: z.enum(GUEST_ROLES),
    sessionIds: ZRegistrationCreate.shape.sessionIds,
  })
  .strict()
  .meta({ id: 'LearningPublicRegistrationCreate' });
export type TPublicRegistrationCreate = z.infer<typeof ZPublicRegistrationCreate>;
export const ZPublicAccepted = z.object({ data: z.object({ ok: z.literal(true) }) });

/** The token of the link in the mail (confirm or cancel). */
export const ZPublicToken = z.object({ token: zKey(100) }).strict().meta({ id: 'LearningPublicToken' });

export const ZPublicRegistration = z
  .object({
    eventId: z.uuid(),
    eventTitle: z.string(),
    date: z.iso.date(),
    startsAt: z.string(),
    name: z.string(),
    status: z.enum(REGISTRATION_STATUSES),
    seats: z.array(ZSeat),
  })
  .meta({ id: 'LearningPublicRegistration' });
export type TPublicRegistration = z.infer<typeof ZPublicRegistration>;
export const ZPublicRegistrationResponse = z.object({ data: ZPublicRegistration });
