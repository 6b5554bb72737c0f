import { z } from 'zod';
import { pageEnvelope, recordEnvelope, zDate, zInt4, zKey, zName, zQueryInt, zText, zVersion } from './common.js';

/**
 * The collaboration toolkit (issue 10, after seed 000, STENT Oost-Vlaanderen): a partnership of two
 * or more organisations records rounds of a self-assessment — a score of 1–5 per criterion of the
 * collaboration barometer, its phase in the phase model and the checklist (yes / partly / no with a
 * note) — each partner organisation its own view. The texts of the criteria, phases and checklist
 * items are editable content; every edit is a new content version, and a round keeps the version it
 * was made with, so old assessments keep their wording.
 */

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
/** Partners whose scores on a criterion lie this far apart or more are shown as differing. */
export const SPREAD_HIGHLIGHT = 2;

export const CHECK_ANSWERS = ['yes', 'partly', 'no'] as const;
export type TCheckAnswer = (typeof CHECK_ANSWERS)[number];

export const PARTNERSHIP_ACTIONS = ['view', 'update', 'assess', 'deleteRounds'] as const;
export type TPartnershipAction = (typeof PARTNERSHIP_ACTIONS)[number];
export const ZPartnershipAbilities = z
  .object({ view: z.boolean(), update: z.boolean(), assess: z.boolean(), deleteRounds: z.boolean() })
  .meta({ id: 'PartnershipAbilities' });

/** A stable key of a criterion, phase or checklist item (kept across content versions). */
const zItemKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Lower-case letters, digits and hyphens (at most 40)');

const uniqueKeys = <T extends { key: string }>(items: T[]) => new Set(items.map((i) => i.key)).size === items.length;

export const ZCriterion = z
  .object({
    key: zItemKey,
    title: zText({ min: 2, max: 120 }),
    description: zText({ max: 1000, multiline: true }),
    weak: zText({ min: 2, max: 500, multiline: true }).describe('What a score of 1 (weak collaboration) looks like'),
    strong: zText({ min: 2, max: 500, multiline: true }).describe('What a score of 5 (strong collaboration) looks like'),
  })
  .strict()
  .meta({ id: 'ToolkitCriterion' });
export type TCriterion = z.infer<typeof ZCriterion>;

export const ZPhase = z
  .object({ key: zItemKey, title: zText({ min: 2, max: 120 }), description: zText({ max: 1000, multiline: true }) })
  .strict()
  .meta({ id: 'ToolkitPhase' });
export type TPhase = z.infer<typeof ZPhase>;

export const ZCheckItem = z
  .object({ key: zItemKey, text: zText({ min: 2, max: 500, multiline: true }) })
  .strict()
  .meta({ id: 'ToolkitCheckItem' });
export type TCheckItem = z.infer<typeof ZCheckItem>;

/** The texts of the toolkit (one content version without its number). */
export const ZToolkitTexts = z
  .object({
    criteria: z.array(ZCriterion).min(1).max(10).refine(uniqueKeys, { message: 'A key is used twice' }),
    phases: z.array(ZPhase).min(2).max(10).refine(uniqueKeys, { message: 'A key is used twice' }),
    checklist: z.array(ZCheckItem).min(1).max(40).refine(uniqueKeys, { message: 'A key is used twice' }),
  })
  .strict();
export type TToolkitTexts = z.infer<typeof ZToolkitTexts>;

export const ZToolkitContent = z
  .object({
    version: z.number().int().describe('The content version (1, 2, …); every edit makes a new one'),
    criteria: z.array(ZCriterion),
    phases: z.array(ZPhase),
    checklist: z.array(ZCheckItem),
    createdAt: z.string(),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'ToolkitContent' });
export type TToolkitContent = z.infer<typeof ZToolkitContent>;

/** What the caller may do in the toolkit as a whole (screens show buttons from these only). */
export const ZToolkitAbilities = z
  .object({ editContent: z.boolean(), createPartnership: z.boolean() })
  .meta({ id: 'ToolkitAbilities' });
export const ZToolkitContentResponse = recordEnvelope(ZToolkitContent, ZToolkitAbilities);

/** A new content version, based on the current one (`version`: stale → 409). */
export const ZToolkitContentUpdate = ZToolkitTexts.extend({ version: zVersion }).strict().meta({ id: 'ToolkitContentUpdate' });
export type TToolkitContentUpdate = z.infer<typeof ZToolkitContentUpdate>;

// --- partnerships ------------------------------------------------------------------------------

export const ZPartnershipMember = z.object({ organisationId: z.uuid(), organisationName: z.string() });

export const ZPartnership = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    members: z.array(ZPartnershipMember),
    roundCount: z.number().int(),
    lastRoundDate: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Partnership' });
export type TPartnership = z.infer<typeof ZPartnership>;

const zOrganisationIds = z
  .array(z.uuid())
  .min(2, 'A partnership has at least two organisations')
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, { message: 'An organisation is listed twice' });

export const ZPartnershipCreate = z
  .object({
    name: zName({ min: 2, max: 200 }),
    description: zText({ max: 4000, multiline: true }).default(''),
    organisationIds: zOrganisationIds,
  })
  .strict()
  .meta({ id: 'PartnershipCreate' });
export type TPartnershipCreate = z.infer<typeof ZPartnershipCreate>;

export const ZPartnershipUpdate = z
  .object({
    version: zVersion,
    name: ZPartnershipCreate.shape.name.optional(),
    description: zText({ max: 4000, multiline: true }).optional(),
    organisationIds: zOrganisationIds.optional(),
  })
  .strict()
  .meta({ id: 'PartnershipUpdate' });
export type TPartnershipUpdate = z.infer<typeof ZPartnershipUpdate>;

export const ZPartnershipParams = z.object({ id: z.uuid() });
export const ZPartnershipListQuery = z.object({
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
});
export const ZPartnershipListResponse = pageEnvelope(ZPartnership, ZPartnershipAbilities);

// --- rounds and assessments ----------------------------------------------------------------------

export const ZScore = z.object({ criterion: zItemKey, score: zInt4({ min: SCORE_MIN, max: SCORE_MAX }), note: zText({ max: 1000, multiline: true }).default('') }).strict();
export const ZCheckAnswer = z.object({ item: zItemKey, answer: z.enum(CHECK_ANSWERS), note: zText({ max: 1000, multiline: true }).default('') }).strict();

export const ZAssessment = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    scores: z.array(z.object({ criterion: z.string(), score: z.number().int(), note: z.string() })),
    phase: z.string(),
    checklist: z.array(z.object({ item: z.string(), answer: z.enum(CHECK_ANSWERS), note: z.string() })),
    filledByName: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'PartnershipAssessment' });
export type TAssessment = z.infer<typeof ZAssessment>;

/** How far the partners' scores on one criterion lie apart in a round (`differs`: spread ≥ 2). */
export const ZCriterionSpread = z.object({ criterion: z.string(), min: z.number().int(), max: z.number().int(), spread: z.number().int(), differs: z.boolean() });

export const ZRound = z
  .object({
    id: z.uuid(),
    date: z.iso.date(),
    contentVersion: z.number().int().describe('The content version the round was made with (its wording)'),
    assessments: z.array(ZAssessment),
    spreads: z.array(ZCriterionSpread),
    version: z.number().int(),
  })
  .meta({ id: 'PartnershipRound' });
export type TRound = z.infer<typeof ZRound>;

/** A partnership with its rounds (oldest first) and the content versions those rounds use. */
export const ZPartnershipDetail = ZPartnership.extend({
  rounds: z.array(ZRound),
  contents: z.array(ZToolkitContent),
}).meta({ id: 'PartnershipDetail' });
export type TPartnershipDetail = z.infer<typeof ZPartnershipDetail>;
export const ZPartnershipDetailResponse = recordEnvelope(ZPartnershipDetail, ZPartnershipAbilities);

export const ZRoundCreate = z.object({ date: zDate }).strict().meta({ id: 'PartnershipRoundCreate' });
export const ZRoundParams = z.object({ id: z.uuid(), roundId: z.uuid() });
/** Deleting a round: the version of the round as the caller saw it (it goes up with every view written in it). */
export const ZRoundDeleteQuery = z.object({ version: zQueryInt({ min: 1 }) });
export const ZAssessmentParams = z.object({ id: z.uuid(), roundId: z.uuid(), organisationId: z.uuid() });

/** One partner's view in a round: a score for every criterion, its phase, an answer for every checklist item. */
export const ZAssessmentPut = z
  .object({
    version: zInt4({ min: 0 }).describe('0 for a first view, else the version it is based on'),
    scores: z.array(ZScore).min(1).max(10),
    phase: zItemKey,
    checklist: z.array(ZCheckAnswer).min(1).max(40),
  })
  .strict()
  .meta({ id: 'PartnershipAssessmentPut' });
export type TAssessmentPut = z.infer<typeof ZAssessmentPut>;

/** The spread of the partners' scores per criterion (criteria without two scores are left out). */
export function criterionSpreads(criteria: string[], assessments: { scores: { criterion: string; score: number }[] }[]) {
  const out: z.infer<typeof ZCriterionSpread>[] = [];
  for (const criterion of criteria) {
    const scores = assessments.flatMap((a) => a.scores.filter((s) => s.criterion === criterion).map((s) => s.score));
    if (scores.length < 2) continue;
    const min = Math.min(...scores);
    const max = Math.max(...scores);
    out.push({ criterion, min, max, spread: max - min, differs: max - min >= SPREAD_HIGHLIGHT });
  }
  return out;
}

/** Organisations to choose partners from (people who may start a partnership), by name. */
export const ZOrganisationOptionsQuery = z.object({ q: zText({ max: 100 }).optional().describe('Part of the name') });
export const ZOrganisationOptionsResponse = z.object({ data: z.array(z.object({ id: z.uuid(), name: z.string() })) }).meta({ id: 'ToolkitOrganisationOptions' });
