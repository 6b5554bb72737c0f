import { z } from 'zod';
import { dataEnvelope, pageEnvelope, recordEnvelope, zDate, zKey, zName, zQueryInt, zText, zVersion } from '../common.js';
import { REQUEST_CHANNELS, REQUEST_OUTCOMES, REQUEST_STATUSES, REQUEST_URGENCIES } from './enums.js';

/**
 * Requests (aanmeldingen) and the one-month norm: the contracts of /api/requests and
 * /api/families/life-domains. A coordinator sees request metadata — never plan content.
 */

/** A life domain a request or goal is about (configurable list with Flemish defaults). */
export const ZLifeDomain = z
  .object({ code: z.string(), nameNl: z.string(), nameEn: z.string(), position: z.number().int(), active: z.boolean() })
  .meta({ id: 'LifeDomain' });
export type TLifeDomain = z.infer<typeof ZLifeDomain>;
export const ZLifeDomainListResponse = dataEnvelope(z.array(ZLifeDomain));

/** What may be done with a request; `requests.policy.ts` decides, screens show buttons from it. */
export const REQUEST_ACTIONS = ['view', 'triage', 'assignContact', 'recordFirstContact', 'answer'] as const;
export type TRequestAction = (typeof REQUEST_ACTIONS)[number];
export const ZRequestAbilities = z
  .object({ view: z.boolean(), triage: z.boolean(), assignContact: z.boolean(), recordFirstContact: z.boolean(), answer: z.boolean() })
  .meta({ id: 'RequestAbilities' });
export type TRequestAbilities = z.infer<typeof ZRequestAbilities>;

/** Where a request stands against the one-month norm: more than 7 days left, 0–7 days, past the due date. */
export const REQUEST_FLAGS = ['on_time', 'at_risk', 'overdue'] as const;
export type TRequestFlag = (typeof REQUEST_FLAGS)[number];

const ZContactPerson = z.object({
  personId: z.uuid(),
  name: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
});

/** A request as the board lists it (no question text, no contact details). */
export const ZRequestSummary = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    municipalityNis: z.string(),
    municipalityName: z.string(),
    familyName: z.string(),
    receivedOn: z.iso.date(),
    dueOn: z.iso.date(),
    channel: z.enum(REQUEST_CHANNELS),
    lifeDomains: z.array(z.string()),
    urgency: z.enum(REQUEST_URGENCIES),
    status: z.enum(REQUEST_STATUSES),
    outcome: z.enum(REQUEST_OUTCOMES).nullable(),
    familyId: z.uuid().nullable(),
    contactPerson: ZContactPerson.nullable(),
    /** Calendar days from today (Europe/Brussels) to the due date; negative when overdue; null once answered. */
    daysLeft: z.number().int().nullable(),
    flag: z.enum(REQUEST_FLAGS).nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'RequestSummary' });
export type TRequestSummary = z.infer<typeof ZRequestSummary>;

/** One request with everything registered about it (metadata only: no plan content). */
export const ZRequest = ZRequestSummary.extend({
  referrer: z.string().nullable(),
  contactInfo: z.string().nullable(),
  question: z.string(),
  familyPseudonym: z.string().nullable(),
  firstContactOn: z.iso.date().nullable(),
  answeredOn: z.iso.date().nullable(),
  createdAt: z.iso.datetime(),
}).meta({ id: 'Request' });
export type TRequest = z.infer<typeof ZRequest>;

export const ZRequestResponse = recordEnvelope(ZRequest, ZRequestAbilities);
export type TRequestResponse = z.infer<typeof ZRequestResponse>;
export const ZRequestListResponse = pageEnvelope(ZRequestSummary, ZRequestAbilities);
export type TRequestListResponse = z.infer<typeof ZRequestListResponse>;

export const ZRequestListQuery = z.object({
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
  status: z.enum(REQUEST_STATUSES).optional().describe('Only requests in this status (default: every open status)'),
  urgency: z.enum(REQUEST_URGENCIES).optional(),
  overdue: z.enum(['true', 'false']).optional().describe('true: only requests past their due date'),
});
export type TRequestListQuery = z.input<typeof ZRequestListQuery>;

/** Open requests against the one-month norm (counted in the query, on the open-requests index). */
export const ZRequestCounts = z.object({ onTime: z.number().int(), atRisk: z.number().int(), overdue: z.number().int() }).meta({ id: 'RequestCounts' });
export const ZRequestCountsResponse = dataEnvelope(ZRequestCounts);
export type TRequestCounts = z.infer<typeof ZRequestCounts>;

/** Registering a request. `dueOn` defaults to one calendar month after receipt (clamped to the month's end). */
export const ZRequestCreate = z
  .object({
    receivedOn: zDate,
    dueOn: zDate.optional().describe('Earlier than the one-month norm when the case asks for it; never before receipt'),
    channel: z.enum(REQUEST_CHANNELS),
    referrer: zText({ max: 200 }).nullable().optional(),
    familyName: zName({ min: 2, max: 200 }),
    contactInfo: zText({ max: 1000, multiline: true }).nullable().optional(),
    question: zText({ min: 1, max: 5000, multiline: true }).describe("The question in the family's own words"),
    lifeDomains: z.array(zKey(40)).max(20).default([]),
    urgency: z.enum(REQUEST_URGENCIES).default('normal'),
    municipalityNis: z.string().regex(/^[0-9]{5}$/, 'A NIS code of five digits'),
  })
  .strict()
  .meta({ id: 'RequestCreate' });
export type TRequestCreate = z.input<typeof ZRequestCreate>;

export const ZRequestTriage = z.object({ version: zVersion }).strict().meta({ id: 'RequestTriage' });
export const ZRequestAssignContact = z
  .object({ version: zVersion, personId: z.uuid(), organisationId: z.uuid() })
  .strict()
  .meta({ id: 'RequestAssignContact' });
export const ZRequestFirstContact = z.object({ version: zVersion, on: zDate }).strict().meta({ id: 'RequestFirstContact' });
export const ZRequestAnswer = z
  .object({ version: zVersion, outcome: z.enum(REQUEST_OUTCOMES), on: zDate.optional().describe('Default: today') })
  .strict()
  .meta({ id: 'RequestAnswer' });
export type TRequestAssignContact = z.input<typeof ZRequestAssignContact>;
export type TRequestFirstContact = z.input<typeof ZRequestFirstContact>;
export type TRequestAnswer = z.input<typeof ZRequestAnswer>;

/** A professional who can become a family's contact person, with the organisations they work for. */
export const ZContactCandidate = z
  .object({
    personId: z.uuid(),
    name: z.string(),
    organisations: z.array(z.object({ organisationId: z.uuid(), organisationName: z.string() })),
  })
  .meta({ id: 'ContactCandidate' });
export const ZContactCandidateQuery = z.object({ q: zText({ min: 2, max: 100 }) });
export const ZContactCandidateListResponse = dataEnvelope(z.array(ZContactCandidate));
export type TContactCandidate = z.infer<typeof ZContactCandidate>;

/** The step after each status; answered is final. `answered` from triage: advice or referral without a contact person. */
export const REQUEST_TRANSITIONS: Record<(typeof REQUEST_STATUSES)[number], readonly (typeof REQUEST_STATUSES)[number][]> = {
  received: ['triage'],
  triage: ['contact_assigned', 'answered'],
  contact_assigned: ['first_contact'],
  first_contact: ['answered'],
  answered: [],
};

/**
 * The one-month norm: the same day one calendar month later, clamped to the end of that month
 * (31 January → 28 or 29 February, 31 March → 30 April). Dates are `YYYY-MM-DD`.
 */
export function oneMonthAfter(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  const end = new Date(0);
  end.setUTCFullYear(ny, nm, 0); // day 0 of the month after: the last day of month nm
  const last = end.getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, last))}`;
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The flag of an open request with this many days left: overdue below 0, at risk up to 7, else on time. */
export function flagOf(daysLeft: number): TRequestFlag {
  return daysLeft < 0 ? 'overdue' : daysLeft <= 7 ? 'at_risk' : 'on_time';
}
