import { z } from 'zod';
import { ZPage, zDate, zInt4, zName, zQueryInt, zKey, zText, zVersion } from '../common.js';
import { ZPlanOwner } from './plan.js';
import { BLOCKED_RULES, COMMITMENT_STATUSES, DISCLOSURES, NOTE_VISIBILITIES, WAIT_STATUSES, type TDisclosure } from './enums.js';

/**
 * Contracts of the care part of a family's file (families-common.md, area "care"): waits with
 * bridging help, atelier sessions with their commitments, journal notes, blocked-trajectory
 * signals and the pseudonymised case summary of an escalation.
 */

/** Two dates in order: `later` (when given) not before `earlier`; refused on `later`'s path. */
function datesInOrder<T extends Record<string, unknown>>(earlier: keyof T & string, later: keyof T & string) {
  return (v: T, ctx: z.RefinementCtx) => {
    const a = v[earlier];
    const b = v[later];
    if (typeof a === 'string' && typeof b === 'string' && b < a) {
      ctx.addIssue({ code: 'custom', path: [later], message: `Not before ${earlier}` });
    }
  };
}

export const ZFamilyIdParams = z.object({ id: z.uuid() });

// --- Marking: what the family sees of an item (journal notes, waits, ateliers) ---------------

/** The marking of a new item: the family sees it unless marked otherwise; `youth_own` names the youth. */
const markingCreateFields = {
  disclosure: z.enum(DISCLOSURES).default('normal'),
  /** Required with `youth_own` (and only then): which youth of 12+ of the family the item belongs to. */
  youthMemberId: z.uuid().nullable().optional(),
};
/** A change of marking: the class, and with `youth_own` the youth (the youth is never sent alone). */
const markingUpdateFields = {
  disclosure: z.enum(DISCLOSURES).optional(),
  youthMemberId: z.uuid().nullable().optional(),
};
/** The youth goes with `youth_own` and only with it (the database's check constraint says the same). */
function markingPair(v: { disclosure?: TDisclosure | undefined; youthMemberId?: string | null | undefined }, c: z.RefinementCtx) {
  if (v.disclosure === undefined) {
    if (v.youthMemberId) c.addIssue({ code: 'custom', path: ['youthMemberId'], message: 'Alleen samen met "disclosure"' });
    return;
  }
  if (v.disclosure === 'youth_own' && !v.youthMemberId) c.addIssue({ code: 'custom', path: ['youthMemberId'], message: 'Kies de jongere van wie dit is' });
  if (v.disclosure !== 'youth_own' && v.youthMemberId) c.addIssue({ code: 'custom', path: ['youthMemberId'], message: 'Alleen bij "eigen aan de jongere"' });
}
const markingOut = {
  disclosure: z.enum(DISCLOSURES),
  /** For `youth_own`: the youth (family member) the item belongs to. */
  youthMemberId: z.uuid().nullable(),
};

// --- Waits and bridging help ----------------------------------------------------------------

export const ZBridgingHelp = z
  .object({
    id: z.uuid(),
    waitId: z.uuid(),
    provider: z.string(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
    what: z.string(),
    fromOn: z.string(),
    untilOn: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'BridgingHelp' });
export type TBridgingHelp = z.infer<typeof ZBridgingHelp>;

/** The directory's service a wait is for, with its current waiting time (issue 8: links to the families module). */
export const ZWaitService = z
  .object({
    id: z.uuid(),
    name: z.string(),
    organisationName: z.string(),
    active: z.boolean(),
    waitingDays: z.number().int().nullable(),
    waitingConfirmedOn: z.string().nullable(),
  })
  .meta({ id: 'WaitService' });
export type TWaitService = z.infer<typeof ZWaitService>;

export const ZWait = z
  .object({
    id: z.uuid(),
    serviceText: z.string(),
    service: ZWaitService.nullable(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
    sinceOn: z.string(),
    expectedStartOn: z.string().nullable(),
    status: z.enum(WAIT_STATUSES),
    endedOn: z.string().nullable(),
    /** Whole days waited (until the end, or until today while waiting). */
    daysWaiting: z.number().int(),
    bridging: z.array(ZBridgingHelp),
    ...markingOut,
    version: z.number().int(),
  })
  .meta({ id: 'Wait' });
export type TWait = z.infer<typeof ZWait>;

export const ZCareAbilities = z.object({ manage: z.boolean() }).meta({ id: 'CareAbilities' });
export const ZWaitListResponse = z.object({ data: z.object({ items: z.array(ZWait) }), abilities: ZCareAbilities });
export type TWaitListResponse = z.infer<typeof ZWaitListResponse>;
export const ZWaitResponse = z.object({ data: ZWait, abilities: ZCareAbilities });

const waitFields = {
  serviceText: zText({ min: 2, max: 300 }),
  /** A service of the directory; its name is the service text when none is given, its organisation the organisation. */
  serviceId: z.uuid().nullable().optional(),
  organisationId: z.uuid().nullable().optional(),
  sinceOn: zDate,
  expectedStartOn: zDate.nullable().optional(),
};
export const ZWaitCreate = z
  .object({ ...waitFields, serviceText: waitFields.serviceText.optional(), ...markingCreateFields })
  .strict()
  .superRefine(markingPair)
  .superRefine((v, ctx) => {
    if (!v.serviceText && !v.serviceId) ctx.addIssue({ code: 'custom', path: ['serviceText'], message: 'Name the service, or choose one from the directory' });
  })
  .superRefine(datesInOrder('sinceOn', 'expectedStartOn'))
  .meta({ id: 'WaitCreate' });
export type TWaitCreate = z.input<typeof ZWaitCreate>;
export const ZWaitUpdate = z
  .object({
    version: zVersion,
    serviceText: waitFields.serviceText.optional(),
    serviceId: waitFields.serviceId,
    organisationId: waitFields.organisationId,
    sinceOn: zDate.optional(),
    expectedStartOn: waitFields.expectedStartOn,
    status: z.enum(WAIT_STATUSES).optional(),
    /** When the wait ended (started, refused, cancelled); today when left out. */
    endedOn: zDate.nullable().optional(),
    ...markingUpdateFields,
  })
  .strict()
  .superRefine(markingPair)
  .superRefine(datesInOrder('sinceOn', 'expectedStartOn'))
  .superRefine(datesInOrder('sinceOn', 'endedOn'))
  .meta({ id: 'WaitUpdate' });
export type TWaitUpdate = z.input<typeof ZWaitUpdate>;
export const ZWaitParams = z.object({ id: z.uuid(), waitId: z.uuid() });

const bridgingFields = {
  provider: zText({ min: 2, max: 200 }),
  organisationId: z.uuid().nullable().optional(),
  what: zText({ min: 2, max: 500 }),
  fromOn: zDate,
  untilOn: zDate.nullable().optional(),
};
export const ZBridgingCreate = z.object(bridgingFields).strict().superRefine(datesInOrder('fromOn', 'untilOn')).meta({ id: 'BridgingCreate' });
export type TBridgingCreate = z.input<typeof ZBridgingCreate>;
export const ZBridgingUpdate = z
  .object({
    version: zVersion,
    provider: bridgingFields.provider.optional(),
    organisationId: bridgingFields.organisationId,
    what: bridgingFields.what.optional(),
    fromOn: zDate.optional(),
    untilOn: bridgingFields.untilOn,
  })
  .strict()
  .superRefine(datesInOrder('fromOn', 'untilOn'))
  .meta({ id: 'BridgingUpdate' });
export type TBridgingUpdate = z.input<typeof ZBridgingUpdate>;
export const ZBridgingParams = z.object({ id: z.uuid(), waitId: z.uuid(), bridgingId: z.uuid() });

// --- Journal ---------------------------------------------------------------------------------

export const ZJournalNote = z
  .object({
    id: z.uuid(),
    authorPersonId: z.uuid(),
    authorName: z.string(),
    authorOrganisationId: z.uuid(),
    authorOrganisationName: z.string(),
    visibility: z.enum(NOTE_VISIBILITIES),
    ...markingOut,
    body: z.string(),
    createdAt: z.string(),
    version: z.number().int(),
    /** Whether I may correct this note's marking (its author or the contact person, with write access to the journal). */
    markable: z.boolean(),
  })
  .meta({ id: 'JournalNote' });
export type TJournalNote = z.infer<typeof ZJournalNote>;
export const ZJournalAbilities = z.object({ write: z.boolean() }).meta({ id: 'JournalAbilities' });
export const ZJournalPageResponse = z.object({ data: ZPage(ZJournalNote), abilities: ZJournalAbilities });
export type TJournalPageResponse = z.infer<typeof ZJournalPageResponse>;
export const ZJournalNoteResponse = z.object({ data: ZJournalNote, abilities: ZJournalAbilities });
export const ZJournalQuery = z.object({
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(20),
});
export const ZJournalCreate = z
  .object({
    body: zText({ min: 1, max: 10_000, multiline: true }),
    visibility: z.enum(NOTE_VISIBILITIES),
    disclosure: z.enum(DISCLOSURES).default('normal'),
    /** Required with `youth_own` (and only then): which youth of 12+ of the family the note belongs to. */
    youthMemberId: z.uuid().optional(),
  })
  .strict()
  .superRefine((v, c) => {
    if (v.disclosure === 'youth_own' && !v.youthMemberId) c.addIssue({ code: 'custom', path: ['youthMemberId'], message: 'Kies de jongere van wie dit is' });
    if (v.disclosure !== 'youth_own' && v.youthMemberId) c.addIssue({ code: 'custom', path: ['youthMemberId'], message: 'Alleen bij "eigen aan de jongere"' });
  })
  .meta({ id: 'JournalCreate' });
export type TJournalCreate = z.input<typeof ZJournalCreate>;
/** Correcting a note's marking afterwards, based on the version read (409 when stale). */
export const ZJournalMark = z
  .object({ version: zVersion, ...markingUpdateFields, disclosure: z.enum(DISCLOSURES) })
  .strict()
  .superRefine(markingPair)
  .meta({ id: 'JournalMark' });
export type TJournalMark = z.input<typeof ZJournalMark>;
export const ZJournalNoteParams = z.object({ id: z.uuid(), noteId: z.uuid() });

// --- Ateliers and commitments ----------------------------------------------------------------

export const PARTICIPANT_KINDS = ['member', 'network', 'professional'] as const;
export const ZParticipant = z
  .object({
    kind: z.enum(PARTICIPANT_KINDS),
    /** family_member.id, network_person.id or (professional) person.id. */
    id: z.uuid(),
    name: z.string(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
  })
  .meta({ id: 'AtelierParticipant' });
export type TParticipant = z.infer<typeof ZParticipant>;

export const ZCommitment = z
  .object({
    id: z.uuid(),
    atelierId: z.uuid(),
    atelierHeldOn: z.string(),
    description: z.string(),
    ownerLabel: z.string(),
    ownerPersonId: z.uuid().nullable(),
    dueOn: z.string().nullable(),
    status: z.enum(COMMITMENT_STATUSES),
    overdue: z.boolean(),
    planActionKey: z.uuid().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Commitment' });
export type TCommitment = z.infer<typeof ZCommitment>;

export const ZAtelier = z
  .object({
    id: z.uuid(),
    heldOn: z.string(),
    participants: z.array(ZParticipant),
    ideas: z.string().nullable(),
    commitments: z.array(ZCommitment),
    ...markingOut,
    version: z.number().int(),
  })
  .meta({ id: 'Atelier' });
export type TAtelier = z.infer<typeof ZAtelier>;

export const ZAtelierAbilities = z.object({ manage: z.boolean(), toPlan: z.boolean() }).meta({ id: 'AtelierAbilities' });
export const ZAtelierListResponse = z.object({ data: z.object({ items: z.array(ZAtelier) }), abilities: ZAtelierAbilities });
export type TAtelierListResponse = z.infer<typeof ZAtelierListResponse>;
export const ZAtelierResponse = z.object({ data: ZAtelier, abilities: ZAtelierAbilities });
export const ZCommitmentListResponse = z.object({ data: z.object({ items: z.array(ZCommitment) }), abilities: ZAtelierAbilities });
export const ZCommitmentResponse = z.object({ data: ZCommitment, abilities: ZAtelierAbilities });

const ZParticipantRef = z.object({ kind: z.enum(PARTICIPANT_KINDS), id: z.uuid() }).strict();
const commitmentFields = {
  description: zText({ min: 2, max: 1000 }),
  ownerLabel: zName({ min: 2, max: 200 }),
  ownerPersonId: z.uuid().nullable().optional(),
  dueOn: zDate.nullable().optional(),
};
export const ZCommitmentCreate = z.object(commitmentFields).strict().meta({ id: 'CommitmentCreate' });
export type TCommitmentCreate = z.input<typeof ZCommitmentCreate>;
export const ZCommitmentUpdate = z
  .object({
    version: zVersion,
    description: commitmentFields.description.optional(),
    ownerLabel: commitmentFields.ownerLabel.optional(),
    ownerPersonId: commitmentFields.ownerPersonId,
    dueOn: commitmentFields.dueOn,
    status: z.enum(COMMITMENT_STATUSES).optional(),
  })
  .strict()
  .meta({ id: 'CommitmentUpdate' });
export type TCommitmentUpdate = z.input<typeof ZCommitmentUpdate>;

export const ZAtelierCreate = z
  .object({
    heldOn: zDate,
    participants: z.array(ZParticipantRef).min(1).max(60),
    ideas: zText({ max: 10_000, multiline: true }).nullable().optional(),
    commitments: z.array(ZCommitmentCreate).max(50).default([]),
    ...markingCreateFields,
  })
  .strict()
  .superRefine(markingPair)
  .meta({ id: 'AtelierCreate' });
export type TAtelierCreate = z.input<typeof ZAtelierCreate>;
export const ZAtelierUpdate = z
  .object({
    version: zVersion,
    heldOn: zDate.optional(),
    participants: z.array(ZParticipantRef).min(1).max(60).optional(),
    ideas: zText({ max: 10_000, multiline: true }).nullable().optional(),
    ...markingUpdateFields,
  })
  .strict()
  .superRefine(markingPair)
  .meta({ id: 'AtelierUpdate' });
export type TAtelierUpdate = z.input<typeof ZAtelierUpdate>;
export const ZAtelierParams = z.object({ id: z.uuid(), atelierId: z.uuid() });
export const ZCommitmentParams = z.object({ id: z.uuid(), commitmentId: z.uuid() });
export const ZCommitmentListQuery = z.object({ status: z.enum([...COMMITMENT_STATUSES, 'all']).default('open') });

// --- Blocked trajectories --------------------------------------------------------------------

export const SIGNAL_SOURCES = ['manual', 'rule'] as const;

/**
 * The pseudonymised case summary made at escalation, for a case table: no names, no birth dates,
 * no addresses and no free text that may hold them.
 */
export const ZCaseSummary = z
  .object({
    pseudonym: z.string(),
    regionName: z.string(),
    /** Age bands of the children, e.g. "12–15" (never a birth date). */
    childAgeBands: z.array(z.string()),
    /** Life-domain codes of the request(s) and the plan's goals. */
    lifeDomains: z.array(z.string()),
    /** Open waits: how long, and for which kind of service (the sectors of the organisation asked, never the free text). */
    waits: z.array(z.object({ days: z.number().int(), status: z.enum(WAIT_STATUSES), serviceSectors: z.array(z.string()) })),
    refusedWaits: z.number().int(),
    /** The open signals: rule or manual, since when; a rule's reason (generated, no names). Hand-written reasons stay out. */
    signals: z.array(z.object({ source: z.enum(SIGNAL_SOURCES), rule: z.enum(BLOCKED_RULES).nullable(), reason: z.string().nullable(), since: z.string() })),
    /** The open team by sector of the organisations (how many professionals per sector). */
    team: z.array(z.object({ sectors: z.array(z.string()), professionals: z.number().int() })),
    daysSinceLastPlanChange: z.number().int().nullable(),
    madeAt: z.string(),
  })
  .meta({ id: 'CaseSummary' });
export type TCaseSummary = z.infer<typeof ZCaseSummary>;

/** A signal as the family's team sees it (inside the family file). */
export const ZFamilySignal = z
  .object({
    id: z.uuid(),
    source: z.enum(SIGNAL_SOURCES),
    rule: z.enum(BLOCKED_RULES).nullable(),
    reason: z.string(),
    raisedAt: z.string(),
    raisedByName: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'FamilySignal' });
export type TFamilySignal = z.infer<typeof ZFamilySignal>;
export const ZFamilySignalAbilities = z.object({ raise: z.boolean(), resolve: z.boolean(), escalate: z.boolean() }).meta({ id: 'FamilySignalAbilities' });
export const ZFamilySignalListResponse = z.object({ data: z.object({ items: z.array(ZFamilySignal) }), abilities: ZFamilySignalAbilities });
export type TFamilySignalListResponse = z.infer<typeof ZFamilySignalListResponse>;
export const ZFamilySignalResponse = z.object({ data: ZFamilySignal, abilities: ZFamilySignalAbilities });
export const ZSignalRaise = z.object({ reason: zText({ min: 5, max: 1000, multiline: true }) }).strict().meta({ id: 'SignalRaise' });
export type TSignalRaise = z.input<typeof ZSignalRaise>;
export const ZSignalChange = z.object({ version: zVersion }).strict().meta({ id: 'SignalChange' });
export const ZFamilySignalParams = z.object({ id: z.uuid(), signalId: z.uuid() });

/** A signal as the network coordinator sees it: the family's pseudonym only (coordinators are not on the team). */
export const ZRegionSignal = z
  .object({
    id: z.uuid(),
    pseudonym: z.string(),
    regionId: z.uuid(),
    regionName: z.string(),
    source: z.enum(SIGNAL_SOURCES),
    rule: z.enum(BLOCKED_RULES).nullable(),
    /** A rule's fixed text; a hand-raised signal's own words only for someone on the family's team (they may name people), else null. */
    reason: z.string().nullable(),
    /** The organisation of the team member who raised it by hand (null for rule signals). */
    raisedByOrganisation: z.string().nullable(),
    raisedAt: z.string(),
    escalatedAt: z.string().nullable(),
    caseSummary: ZCaseSummary.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'RegionSignal' });
export type TRegionSignal = z.infer<typeof ZRegionSignal>;
export const ZRegionSignalAbilities = z.object({ escalate: z.boolean() }).meta({ id: 'RegionSignalAbilities' });
export const ZRegionSignalPageResponse = z.object({ data: ZPage(ZRegionSignal), abilities: z.record(z.string(), ZRegionSignalAbilities) });
export type TRegionSignalPageResponse = z.infer<typeof ZRegionSignalPageResponse>;
export const ZRegionSignalResponse = z.object({ data: ZRegionSignal, abilities: ZRegionSignalAbilities });
export type TRegionSignalResponse = z.infer<typeof ZRegionSignalResponse>;
export const ZRegionSignalQuery = z.object({
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
});
export const ZSignalIdParams = z.object({ signalId: z.uuid() });

/**
 * A commitment becomes a plan action: a new plan version based on `planBasedOn` (409 when stale),
 * with the action appended; the owner is the commitment's team person unless given.
 */
export const ZCommitmentToPlan = z
  .object({
    version: zVersion,
    planBasedOn: zInt4({ min: 0 }).describe('The plan version the screen showed (optimistic concurrency of the plan)'),
    goalKey: z.uuid().nullable().default(null),
    owner: ZPlanOwner.optional(),
  })
  .strict()
  .meta({ id: 'CommitmentToPlan' });
export type TCommitmentToPlan = z.input<typeof ZCommitmentToPlan>;
