import { z } from 'zod';
import { ZUuid, dataEnvelope, zDate, zDateTime, zEmail, zInt4, zKey, zName, zText } from './common.js';
import { CONSENT_SCOPES, type TDisclosure } from './families/enums.js';
import { PLAN_LIMITS, ZPlanVersion } from './families/plan.js';

/**
 * The family portal (docs/portal.md): family members and confidants log in with a one-time code or
 * link by e-mail and see their own plan, team, consents and access log — only what the law lets
 * them see (items marked confidential, about third parties, for a court or under the agogic
 * exception are left out; a confidant sees the latter; a parent does not see the youth's own).
 */

/** Who a portal login is in the family: a youth of 12+, a parent or carer, another member, or a youth's confidant. */
export const PORTAL_VIEWERS = ['youth', 'parent', 'other', 'confidant'] as const;
export type TPortalViewer = (typeof PORTAL_VIEWERS)[number];

/** Which disclosure classes each kind of viewer sees (everything else is left out, in the query). */
export const PORTAL_VISIBLE_DISCLOSURES: Record<TPortalViewer, readonly TDisclosure[]> = {
  youth: ['normal', 'youth_own'],
  parent: ['normal'],
  other: ['normal'],
  confidant: ['normal', 'youth_own', 'agogic_exception'],
};

// ----------------------------------------------------------------------------- login

/** A login code and link live this many minutes and work once (the login screen says so). */
export const PORTAL_CODE_TTL_MINUTES = 15;
/** Codes one e-mail address may ask per hour (no flooding someone's inbox; the login screen says so). */
export const PORTAL_CODE_REQUESTS_PER_HOUR = 5;

/** Step one: the e-mail address; the answer is the same whether it is known or not. */
export const ZPortalLoginRequest = z.object({ email: zEmail });
/** Step two: the 6-digit code from the mail. */
export const ZPortalCodeLogin = z.object({ email: zEmail, code: z.string().trim().regex(/^\d{6}$/, 'Zes cijfers') });
/** Or: the token of the magic link in the mail. */
export const ZPortalLinkLogin = z.object({ token: zKey(100) });

export const ZPortalAccepted = dataEnvelope(z.object({ ok: z.literal(true) }));

/** What the portal shows about the logged-in person and what they may do. */
export const ZPortalAbilities = z.object({
  addVoice: z.boolean(),
  manageConsent: z.boolean(),
  object: z.boolean(),
  designateConfidant: z.boolean(),
});
export type TPortalAbilities = z.infer<typeof ZPortalAbilities>;

export const ZPortalMe = z.object({
  viewer: z.enum(PORTAL_VIEWERS),
  name: z.string(),
  familyName: z.string(),
  /** The family member (null for a confidant). */
  memberId: ZUuid.nullable(),
  /** For a confidant: the youth they stand by. */
  confidantOf: z.object({ memberId: ZUuid, name: z.string() }).nullable(),
  csrfToken: z.string(),
  abilities: ZPortalAbilities,
});
export const ZPortalMeResponse = dataEnvelope(ZPortalMe);
export const ZPortalSessionResponse = dataEnvelope(ZPortalMe);

// ----------------------------------------------------------------------------- invitation (professional side)

export const ZPortalInviteParams = z.object({ id: ZUuid, memberId: ZUuid });
export const ZPortalInvite = z.object({ email: zEmail });
export const ZPortalInviteResponse = dataEnvelope(z.object({ memberId: ZUuid, accountId: ZUuid, email: z.string() }));

/** A youth of 12+ designates a confidant: an adult not involved in the care, who gets their own login. */
export const ZConfidantCreate = z.object({ name: zName({ max: 200 }), email: zEmail });
export const ZConfidant = z.object({ id: ZUuid, name: z.string(), email: z.string(), createdAt: zDateTime, endedAt: zDateTime.nullable() });
export const ZConfidantResponse = dataEnvelope(ZConfidant);
export const ZConfidantParams = z.object({ confidantId: ZUuid });

// ----------------------------------------------------------------------------- my plan

export const ZPortalWait = z.object({
  id: ZUuid,
  service: z.string(),
  sinceOn: zDate,
  expectedStartOn: zDate.nullable(),
  status: z.string(),
  bridging: z.array(z.object({ provider: z.string(), what: z.string(), fromOn: zDate, untilOn: zDate.nullable() })),
});

export const ZPortalPlan = z.object({
  current: ZPlanVersion,
  /** Names for the ids in the content: the team, the family members, the network, the life domains. */
  names: z.object({
    people: z.array(z.object({ id: ZUuid, name: z.string() })),
    domains: z.array(z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string(), active: z.boolean() })),
  }),
  nextEvaluationOn: zDate.nullable(),
  agreement: z.object({ version: z.number().int(), at: zDateTime }).nullable(),
  /** What changed since my last visit (null on the first visit). */
  sinceLastVisit: z
    .object({ lastVisitAt: zDateTime, versionThen: z.number().int(), newVersions: z.array(z.object({ number: z.number().int(), summary: z.string(), createdAt: zDateTime, byFamily: z.boolean() })) })
    .nullable(),
  waits: z.array(ZPortalWait),
});
export const ZPortalPlanResponse = z.object({ data: ZPortalPlan, abilities: ZPortalAbilities });

/** Add my voice: a goal, a comment, an action done, or my agreement — based on the version I read. */
export const ZPortalVoice = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('goal'), basedOn: zInt4({ min: 0 }), domain: zKey(40), text: zText({ min: 1, max: PLAN_LIMITS.item, multiline: true }) }),
  z.object({
    kind: z.literal('comment'),
    basedOn: zInt4({ min: 0 }),
    on: z.object({ kind: z.enum(['goal', 'action']), key: ZUuid }).nullable().default(null),
    text: zText({ min: 1, max: PLAN_LIMITS.item, multiline: true }),
  }),
  z.object({ kind: z.literal('action_done'), basedOn: zInt4({ min: 0 }), actionKey: ZUuid }),
  z.object({ kind: z.literal('agree'), basedOn: zInt4({ min: 1 }) }),
]);
export type TPortalVoice = z.output<typeof ZPortalVoice>;

// ----------------------------------------------------------------------------- my team

export const ZPortalTeamMember = z.object({
  personId: ZUuid,
  name: z.string(),
  organisation: z.string(),
  role: z.string().nullable(),
  since: zDateTime,
  isContact: z.boolean(),
});
export const ZPortalTeamResponse = dataEnvelope(z.array(ZPortalTeamMember));

// ----------------------------------------------------------------------------- consent

export const ZPortalConsent = z.object({
  id: ZUuid,
  kind: z.enum(['consent', 'override']),
  subject: z.object({ memberId: ZUuid, name: z.string() }).nullable(),
  givenBy: z.string().nullable(),
  organisation: z.string(),
  person: z.string().nullable(),
  scopes: z.array(z.string()),
  validFrom: zDateTime,
  validUntil: zDateTime.nullable(),
  withdrawnAt: zDateTime.nullable(),
  state: z.enum(['current', 'future', 'ended', 'withdrawn']),
  /** For an override: why (danger, legal duty) and the written reason. */
  overrideBasis: z.string().nullable(),
  reason: z.string().nullable(),
  canWithdraw: z.boolean(),
});
export const ZPortalConsentListResponse = dataEnvelope(
  z.object({
    consents: z.array(ZPortalConsent),
    objections: z.array(z.object({ id: ZUuid, personId: ZUuid, name: z.string(), createdAt: zDateTime })),
    /** The organisations of the team (to give a consent to). */
    organisations: z.array(z.object({ id: ZUuid, name: z.string() })),
    /** Whose consent I may give: myself, and for a parent or carer also a child under 12. */
    subjects: z.array(z.object({ memberId: ZUuid, name: z.string() })),
  }),
);
export const ZPortalConsentParams = z.object({ consentId: ZUuid });
export const ZPortalConsentGive = z.object({
  subjectMemberId: ZUuid.describe('Whose data: myself, or (for a parent) a child under 12'),
  organisationId: ZUuid,
  scopes: z.array(z.enum(CONSENT_SCOPES)).min(1).max(CONSENT_SCOPES.length),
  validUntil: zDate.nullable().default(null),
});
export const ZPortalConsentResponse = dataEnvelope(z.object({ id: ZUuid }));
export const ZPortalObjectionCreate = z.object({ personId: ZUuid });
export const ZPortalObjectionResponse = dataEnvelope(z.object({ id: ZUuid }));
export const ZPortalObjectionParams = z.object({ objectionId: ZUuid });

// ----------------------------------------------------------------------------- who opened my file

export const ZPortalAccessQuery = z.object({
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZPortalAccessEntry = z.object({
  at: zDateTime,
  who: z.string(),
  organisation: z.string().nullable(),
  action: z.string(),
  what: z.string(),
  viaOverride: z.boolean(),
});
export const ZPortalAccessResponse = dataEnvelope(
  z.object({
    items: z.array(ZPortalAccessEntry),
    nextCursor: z.number().int().nullable(),
    /** Overrides without consent, with their reason (also listed with the consents). */
    overrides: z.array(z.object({ who: z.string(), organisation: z.string(), basis: z.string().nullable(), reason: z.string().nullable(), from: zDateTime, until: zDateTime.nullable() })),
  }),
);

// ----------------------------------------------------------------------------- my data

/** Everything Samenplan holds about me (GDPR art. 15 and 20), without what the law keeps from me. */
export const ZPortalExport = z.object({
  exportedAt: zDateTime,
  me: z.record(z.string(), z.unknown()),
  family: z.record(z.string(), z.unknown()),
  consents: z.array(z.record(z.string(), z.unknown())),
  objections: z.array(z.record(z.string(), z.unknown())),
  confidants: z.array(z.record(z.string(), z.unknown())),
  plan: z.object({ current: z.unknown(), myVersions: z.array(z.record(z.string(), z.unknown())) }),
  journal: z.array(z.record(z.string(), z.unknown())),
  waits: z.array(z.record(z.string(), z.unknown())),
  ateliers: z.array(z.record(z.string(), z.unknown())),
  accessLog: z.array(z.record(z.string(), z.unknown())),
});
export const ZPortalExportResponse = dataEnvelope(ZPortalExport);

// ----------------------------------------------------------------------------- the team's view (families module)

/** How many of the family's own plan versions the team's view lists (newest first). */
export const PORTAL_CONTRIBUTIONS_LIMIT = 50;

/**
 * What the family said through the portal, for the team on the plan page: the objections still
 * standing (who objected to whom), the family's comments in the current plan (with what they are
 * about), the versions family members wrote, and the family's agreement.
 */
export const ZPortalContributions = z.object({
  objections: z.array(z.object({ id: ZUuid, member: z.string(), personId: ZUuid, person: z.string(), createdAt: zDateTime })),
  comments: z.array(
    z.object({
      key: ZUuid,
      on: z.object({ kind: z.enum(['goal', 'action']), key: ZUuid, text: z.string().nullable() }).nullable(),
      text: z.string(),
      member: z.string(),
      at: zDateTime,
    }),
  ),
  versions: z.array(z.object({ number: z.number().int(), summary: z.string(), createdAt: zDateTime, member: z.string() })),
  agreement: z.object({ version: z.number().int(), at: zDateTime }).nullable(),
});
export type TPortalContributions = z.infer<typeof ZPortalContributions>;
export const ZPortalContributionsParams = z.object({ id: ZUuid });
export const ZPortalContributionsResponse = dataEnvelope(ZPortalContributions);
