import { z } from 'zod';
import { pageEnvelope, recordEnvelope, zDate, zKey, zName, zQueryInt, zText, zVersion, ZPageQuery } from '../common.js';
import { CONSENT_KINDS, CONSENT_SCOPES, FAMILY_ACTIONS, FAMILY_STATUSES, MEMBER_ROLES, OVERRIDE_BASES, type TFamilyAction } from './enums.js';

/**
 * The family core: my families, the family page (members, informal network, contact person,
 * team, consents and overrides), their changes and the family's history.
 */

const abilityShape = Object.fromEntries(FAMILY_ACTIONS.map((a) => [a, z.boolean()])) as { [A in TFamilyAction]: z.ZodBoolean };
/** What the caller may do with a family: one boolean per action of families.policy.ts, plus an override without consent. */
export const ZFamilyAbilities = z.object({ ...abilityShape, override: z.boolean() }).meta({ id: 'FamilyAbilities' });
export type TFamilyAbilities = z.infer<typeof ZFamilyAbilities>;

export const ZFamilyParams = z.object({ id: z.uuid() });
export const ZFamilyMemberParams = z.object({ id: z.uuid(), memberId: z.uuid() });
export const ZFamilyNetworkParams = z.object({ id: z.uuid(), networkId: z.uuid() });
export const ZFamilyTeamParams = z.object({ id: z.uuid(), teamMemberId: z.uuid() });
export const ZFamilyConsentParams = z.object({ id: z.uuid(), consentId: z.uuid() });

const ZPersonRef = z.object({ personId: z.uuid(), personName: z.string(), organisationId: z.uuid(), organisationName: z.string() });

// ------------------------------------------------------------------ my families

export const ZFamilyListQuery = ZPageQuery.extend({ q: zText({ max: 100 }).optional().describe('Search: part of the family name') });

export const ZFamilyListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(FAMILY_STATUSES),
  municipalityName: z.string(),
  contact: ZPersonRef.nullable(),
  /** My place in the family's team: the contact person, or a team member. */
  myRole: z.enum(['contact', 'team']),
  /** The plan's next evaluation date (only for those who may read the plan). */
  nextEvaluationOn: z.string().nullable(),
  openSignals: z.number().int(),
});
export type TFamilyListItem = z.infer<typeof ZFamilyListItem>;
export const ZFamilyListResponse = pageEnvelope(ZFamilyListItem, ZFamilyAbilities).meta({ id: 'FamilyList' });

// ------------------------------------------------------------------ the family page

export const ZFamily = z.object({
  id: z.uuid(),
  name: z.string(),
  pseudonym: z.string(),
  status: z.enum(FAMILY_STATUSES),
  municipalityNis: z.string(),
  municipalityName: z.string(),
  regionId: z.uuid(),
  regionName: z.string(),
  version: z.number().int(),
});

export const ZFamilyMember = z.object({
  id: z.uuid(),
  role: z.enum(MEMBER_ROLES),
  name: z.string(),
  birthDate: z.string().nullable(),
  /** Age in whole years today (children with a birth date). */
  age: z.number().int().nullable(),
  endedAt: z.string().nullable(),
  version: z.number().int(),
});
export type TFamilyMember = z.infer<typeof ZFamilyMember>;

export const ZNetworkPerson = z.object({
  id: z.uuid(),
  name: z.string(),
  relation: z.string(),
  roleInPlan: z.string().nullable(),
  contact: z.string().nullable(),
  endedAt: z.string().nullable(),
  version: z.number().int(),
});
export type TNetworkPerson = z.infer<typeof ZNetworkPerson>;

export const ZContactAssignment = ZPersonRef.extend({ id: z.uuid(), fromAt: z.string(), untilAt: z.string().nullable() });

export const ZTeamMember = ZPersonRef.extend({
  id: z.uuid(),
  role: z.string().nullable(),
  fromAt: z.string(),
  untilAt: z.string().nullable(),
  isContact: z.boolean(),
});
export type TTeamMember = z.infer<typeof ZTeamMember>;

export const CONSENT_STATES = ['current', 'future', 'expired', 'withdrawn'] as const;
export const ZConsent = z.object({
  id: z.uuid(),
  kind: z.enum(CONSENT_KINDS),
  state: z.enum(CONSENT_STATES),
  subjectMemberId: z.uuid().nullable(),
  subjectName: z.string().nullable(),
  givenByMemberId: z.uuid().nullable(),
  givenByName: z.string().nullable(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  personId: z.uuid().nullable(),
  personName: z.string().nullable(),
  scopes: z.array(z.enum(CONSENT_SCOPES)),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  overrideBasis: z.enum(OVERRIDE_BASES).nullable(),
  /** The written reason of an override (later shown to the family). */
  reason: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type TConsent = z.infer<typeof ZConsent>;

export const ZFamilyPage = z.object({
  family: ZFamily,
  members: z.array(ZFamilyMember),
  network: z.array(ZNetworkPerson),
  contact: ZContactAssignment.nullable(),
  contactHistory: z.array(ZContactAssignment),
  team: z.array(ZTeamMember),
  consents: z.array(ZConsent),
  /** When I opened this family before (null: first visit): "what changed since my last visit". */
  lastVisitAt: z.string().nullable(),
});
export type TFamilyPage = z.infer<typeof ZFamilyPage>;
export const ZFamilyPageResponse = recordEnvelope(ZFamilyPage, ZFamilyAbilities).meta({ id: 'FamilyPage' });

/**
 * For a professional on the family's open team — also one whose consent was withdrawn or ran out:
 * whether the file opens now, and whether an override without consent may be asked. Nothing of
 * the file itself; everyone not on the team gets 404.
 */
export const ZFamilyAccessResponse = z
  .object({ data: z.object({ id: z.uuid(), canOpen: z.boolean() }), abilities: z.object({ override: z.boolean() }) })
  .meta({ id: 'FamilyAccess' });
export type TFamilyAccess = z.infer<typeof ZFamilyAccessResponse>;

/** The answer of a change: the record's id and new version. */
export const ZFamilyChangeResponse = z.object({ data: z.object({ id: z.uuid(), version: z.number().int().optional() }) });

// ------------------------------------------------------------------ members and network

const childBirthDate = (v: { role?: string | undefined; birthDate?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (v.role === 'child' && !v.birthDate) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'A child needs a birth date' });
};

export const ZMemberCreate = z
  .object({ role: z.enum(MEMBER_ROLES), name: zName({ min: 1, max: 200 }), birthDate: zDate.nullable().optional() })
  .superRefine(childBirthDate);
export const ZMemberUpdate = z.object({
  version: zVersion,
  role: z.enum(MEMBER_ROLES).optional(),
  name: zName({ min: 1, max: 200 }).optional(),
  birthDate: zDate.nullable().optional(),
});
export const ZVersionBody = z.object({ version: zVersion });

export const ZNetworkCreate = z.object({
  name: zName({ min: 1, max: 200 }),
  relation: zText({ min: 1, max: 100 }),
  roleInPlan: zText({ max: 500 }).nullable().optional(),
  contact: zText({ max: 300 }).nullable().optional(),
});
export const ZNetworkUpdate = z.object({
  version: zVersion,
  name: zName({ min: 1, max: 200 }).optional(),
  relation: zText({ min: 1, max: 100 }).optional(),
  roleInPlan: zText({ max: 500 }).nullable().optional(),
  contact: zText({ max: 300 }).nullable().optional(),
});

// ------------------------------------------------------------------ team, consent, override, contact person

export const ZTeamAdd = z.object({ personId: z.uuid(), organisationId: z.uuid(), role: zText({ max: 200 }).nullable().optional() });

/** Dates in Brussels: `validFrom` starts at the start of that day (today: now), `validUntil` ends at the end of that day. */
export const ZConsentCreate = z
  .object({
    subjectMemberId: z.uuid(),
    givenByMemberId: z.uuid(),
    organisationId: z.uuid(),
    personId: z.uuid().nullable().optional(),
    scopes: z.array(z.enum(CONSENT_SCOPES)).min(1).max(CONSENT_SCOPES.length),
    validFrom: zDate.optional(),
    validUntil: zDate.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.validFrom && v.validUntil && v.validUntil < v.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'Until must not be before from' });
    }
    if (new Set(v.scopes).size !== v.scopes.length) ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'A scope is named twice' });
  });

export const ZConsentWithdraw = z.object({ withdrawnByMemberId: z.uuid().nullable().optional() });

export const OVERRIDE_MAX_HOURS = 72;
export const OVERRIDE_REASON_MIN = 20;
export const ZOverrideCreate = z.object({
  basis: z.enum(OVERRIDE_BASES),
  reason: zText({ min: OVERRIDE_REASON_MIN, max: 2000, multiline: true }),
  hours: z.number().int().min(1).max(OVERRIDE_MAX_HOURS),
  scopes: z.array(z.enum(CONSENT_SCOPES)).min(1).max(CONSENT_SCOPES.length),
});

export const ZContactHandover = z.object({
  personId: z.uuid(),
  organisationId: z.uuid(),
  /** The family's version the handover is based on: a concurrent handover answers 409. */
  version: zVersion,
  note: zText({ max: 500 }).nullable().optional(),
});

// ------------------------------------------------------------------ history

export const ZFamilyHistoryQuery = z.object({
  cursor: zKey(30).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
});
export const ZFamilyHistoryItem = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  action: z.string(),
  resourceType: z.string(),
  actorName: z.string().nullable(),
});
export type TFamilyHistoryItem = z.infer<typeof ZFamilyHistoryItem>;
export const ZFamilyHistoryResponse = z.object({
  data: z.object({ items: z.array(ZFamilyHistoryItem), nextCursor: z.string().nullable() }),
}).meta({ id: 'FamilyHistory' });

/** People of an organisation who can join a team (for the add-colleague dialog). */
export const ZCandidateQuery = z.object({ q: zText({ max: 100 }).optional() });
export const ZCandidate = ZPersonRef;
export const ZCandidateResponse = z.object({ data: z.array(ZCandidate) });
