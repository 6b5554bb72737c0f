import { z } from 'zod';
import { pageEnvelope, recordEnvelope, ZPageQuery, zDate, zKey, zName, zText, zVersion } from './common.js';

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
