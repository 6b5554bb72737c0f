/** The enumerations of the directory (sociale kaart): one list each, used by the database schema, the contracts and the web. */

/** Published functions of a contact point (a desk or role of an organisation, never a private person record). */
export const CONTACT_FUNCTIONS = [
  'intake',
  'education_ambassador',
  'iroj_member',
  'confidant_point',
  'central_registration',
  'general',
  'other',
] as const;
export const SERVICE_STATUSES = ['active', 'inactive'] as const;
export const ENGAGEMENT_STATUSES = ['received', 'expected', 'under_consideration'] as const;
/** Languages a service can be offered in (ISO 639-1). */
export const SERVICE_LANGUAGES = ['nl', 'fr', 'en', 'de', 'ar', 'tr', 'pl', 'ro', 'uk', 'ru', 'so', 'ti', 'fa', 'ps', 'es', 'it', 'pt', 'bg', 'sgn'] as const;
/** An entry not confirmed by its owner for this many months is flagged as stale. */
export const STALE_AFTER_MONTHS = 6;

export type TContactFunction = (typeof CONTACT_FUNCTIONS)[number];
export type TServiceStatus = (typeof SERVICE_STATUSES)[number];
export type TEngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];
