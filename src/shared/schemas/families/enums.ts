/** The enumerations of the families module: one list each, used by the database schema, the contracts and the web. */

export const REQUEST_CHANNELS = ['broad_entry', 'clb', 'huis_van_het_kind', 'self', 'crisis_line', 'other'] as const;
export const REQUEST_URGENCIES = ['normal', 'high', 'crisis'] as const;
export const REQUEST_STATUSES = ['received', 'triage', 'contact_assigned', 'first_contact', 'answered'] as const;
export const REQUEST_OUTCOMES = ['plan_started', 'referred', 'advice_only', 'closed'] as const;
export const FAMILY_STATUSES = ['open', 'closed'] as const;
export const MEMBER_ROLES = ['child', 'parent', 'carer', 'other'] as const;
export const CONSENT_SCOPES = ['read_plan', 'edit_plan', 'journal'] as const;
export const CONSENT_KINDS = ['consent', 'override'] as const;
export const OVERRIDE_BASES = ['danger', 'legal_duty'] as const;
export const WAIT_STATUSES = ['waiting', 'started', 'refused', 'cancelled'] as const;
export const COMMITMENT_STATUSES = ['open', 'done', 'dropped'] as const;
export const PLAN_ACTION_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export const BLOCKED_RULES = ['no_plan_change', 'long_wait', 'repeated_refusals'] as const;
export const NOTE_VISIBILITIES = ['team', 'organisation'] as const;
/** What the family may see of an item (the law on the minor's legal position; the portal filters on it). */
export const DISCLOSURES = ['normal', 'confidential', 'third_party', 'court', 'agogic_exception', 'youth_own'] as const;

export type TRequestChannel = (typeof REQUEST_CHANNELS)[number];
export type TRequestUrgency = (typeof REQUEST_URGENCIES)[number];
export type TRequestStatus = (typeof REQUEST_STATUSES)[number];
export type TRequestOutcome = (typeof REQUEST_OUTCOMES)[number];
export type TMemberRole = (typeof MEMBER_ROLES)[number];
export type TConsentScope = (typeof CONSENT_SCOPES)[number];
export type TDisclosure = (typeof DISCLOSURES)[number];

/**
 * What may be done with a family's file; the web gets one boolean per action with every family
 * (`abilities`), decided by `families.policy.ts`.
 */
export const FAMILY_ACTIONS = [
  'view',
  'editMembers',
  'manageTeam',
  'manageConsent',
  'readPlan',
  'editPlan',
  'agreePlan',
  'readJournal',
  'writeJournal',
  'manageWaits',
  'manageAteliers',
  'raiseSignal',
  'escalate',
  'handOver',
  'close',
] as const;
export type TFamilyAction = (typeof FAMILY_ACTIONS)[number];
