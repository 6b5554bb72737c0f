import { z } from 'zod';
import { dataEnvelope } from '../common.js';
import { PLAN_ACTION_STATUSES, REQUEST_STATUSES, REQUEST_URGENCIES } from './enums.js';
import { REQUEST_FLAGS } from './requests.js';

/**
 * "My work" (GET /api/work): the professional's landing page. Every section covers only families
 * whose file the person may open now (the consent gate), holds at most `WORK_SECTION_LIMIT` items
 * (the most urgent first) and says how many there are in all. Plan-based sections (actions,
 * evaluations, waits, plan versions) need the read_plan scope; journal counts need the journal scope.
 */

/** Items per section; `total` says how many there are. */
export const WORK_SECTION_LIMIT = 20;
/** Plan actions and evaluations within this many days (or overdue) count as due. */
export const WORK_DUE_DAYS = 14;

const section = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

/** A request of which I am the contact person, within a week of its due date or past it. */
export const ZWorkRequest = z
  .object({
    id: z.uuid(),
    familyId: z.uuid().nullable(),
    familyName: z.string(),
    dueOn: z.iso.date(),
    daysLeft: z.number().int(),
    flag: z.enum(REQUEST_FLAGS),
    status: z.enum(REQUEST_STATUSES),
    urgency: z.enum(REQUEST_URGENCIES),
  })
  .meta({ id: 'WorkRequest' });

/** An open plan action: assigned to me, or due soon / overdue in one of my families. */
export const ZWorkAction = z
  .object({
    familyId: z.uuid(),
    familyName: z.string(),
    actionKey: z.uuid(),
    title: z.string(),
    dueOn: z.iso.date().nullable(),
    /** Days from today to the due date (negative: overdue); null without a due date. */
    daysLeft: z.number().int().nullable(),
    status: z.enum(PLAN_ACTION_STATUSES),
    /** Assigned to me. */
    mine: z.boolean(),
  })
  .meta({ id: 'WorkAction' });

/** A plan whose next evaluation is due soon or past. */
export const ZWorkEvaluation = z
  .object({ familyId: z.uuid(), familyName: z.string(), evaluationOn: z.iso.date(), daysLeft: z.number().int() })
  .meta({ id: 'WorkEvaluation' });

/**
 * What changed in a family since my last visit, as counts of what I may see (null: I may not see
 * that part of the file, so it is not counted). Changes I made myself are not counted.
 */
export const ZWorkChange = z
  .object({
    familyId: z.uuid(),
    familyName: z.string(),
    /** When I last opened the family; null: never (counted since I joined the team). */
    lastVisitAt: z.iso.datetime().nullable(),
    planVersions: z.number().int().nullable(),
    journalNotes: z.number().int().nullable(),
    teamChanges: z.number().int(),
    consentChanges: z.number().int(),
  })
  .meta({ id: 'WorkChange' });

/** A family waiting for a service: how long, and whether bridging help runs meanwhile. */
export const ZWorkWait = z
  .object({
    familyId: z.uuid(),
    familyName: z.string(),
    waitId: z.uuid(),
    serviceText: z.string(),
    sinceOn: z.iso.date(),
    daysWaiting: z.number().int(),
    bridging: z.boolean(),
  })
  .meta({ id: 'WorkWait' });

export const ZWork = z
  .object({
    /** Today in Europe/Brussels, the day the days are counted from. */
    today: z.iso.date(),
    requests: section(ZWorkRequest),
    actions: section(ZWorkAction),
    evaluations: section(ZWorkEvaluation),
    changes: section(ZWorkChange),
    waiting: section(ZWorkWait),
  })
  .meta({ id: 'Work' });
export type TWork = z.infer<typeof ZWork>;
export type TWorkRequest = z.infer<typeof ZWorkRequest>;
export type TWorkAction = z.infer<typeof ZWorkAction>;
export type TWorkEvaluation = z.infer<typeof ZWorkEvaluation>;
export type TWorkChange = z.infer<typeof ZWorkChange>;
export type TWorkWait = z.infer<typeof ZWorkWait>;

export const ZWorkResponse = dataEnvelope(ZWork);
export type TWorkResponse = z.infer<typeof ZWorkResponse>;
