import { z } from 'zod';
import { ZErrorResponse, ZUuid, pageEnvelope, recordEnvelope, zDate, zDateTime, zInt4, zKey, zQueryInt, zText } from '../common.js';
import { PLAN_ACTION_STATUSES } from './enums.js';

/**
 * The family's one plan (gezinsplan): the content of a version, the plan as the family page shows
 * it, its versions, the comparison of two versions and the family's agreement. Every save makes a
 * new version based on the one the editor loaded; a stale save is 409 `version_conflict` with the
 * current version in the body (`ZPlanConflictResponse`).
 */

export const PLAN_LIMITS = {
  story: 10_000,
  item: 1_000,
  items: 50,
  goals: 50,
  actions: 100,
  evaluations: 20,
  summary: 300,
  comments: 200,
} as const;

const zItemText = zText({ min: 1, max: PLAN_LIMITS.item, multiline: true });

/** Who does an action: a professional of the team, a family member or someone of the informal network. */
export const ZPlanOwner = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('team'), personId: ZUuid }),
  z.object({ kind: z.literal('member'), memberId: ZUuid }),
  z.object({ kind: z.literal('network'), networkPersonId: ZUuid }),
]);
export type TPlanOwner = z.infer<typeof ZPlanOwner>;

/** A goal for one life domain, in the family's words, with the family's priority (1 = most important). */
export const ZPlanGoal = z.object({
  key: ZUuid.describe('Stable key of the goal across versions'),
  domain: zKey(40).describe('Life domain code (an active code of the life_domain list)'),
  text: zItemText,
  priority: zInt4({ min: 1, max: PLAN_LIMITS.goals }),
});
export type TPlanGoal = z.infer<typeof ZPlanGoal>;

/** Who does what, by when, for which goal. */
export const ZPlanAction = z.object({
  key: ZUuid.describe('Stable key of the action across versions'),
  goalKey: ZUuid.nullable().describe('The goal it serves (null: the plan as a whole)'),
  what: zItemText,
  owner: ZPlanOwner,
  dueOn: zDate.nullable(),
  status: z.enum(PLAN_ACTION_STATUSES),
});
export type TPlanAction = z.infer<typeof ZPlanAction>;

/** A moment the family and the team look at the plan together. */
export const ZPlanEvaluation = z.object({
  key: ZUuid,
  on: zDate,
  note: zText({ max: PLAN_LIMITS.item, multiline: true }).default(''),
});
export type TPlanEvaluation = z.infer<typeof ZPlanEvaluation>;

/**
 * A comment of a family member (family portal) on the plan, a goal or an action. Written only
 * through the portal; a save that leaves `comments` out keeps the current ones (plan.service.ts).
 */
export const ZPlanComment = z.object({
  key: ZUuid,
  on: z.object({ kind: z.enum(['goal', 'action']), key: ZUuid }).nullable().describe('The goal or action it is about (null: the plan)'),
  text: zItemText,
  memberId: ZUuid.describe('The family member who wrote it'),
  at: zDateTime,
});
export type TPlanComment = z.infer<typeof ZPlanComment>;

/** Someone of the informal network and how they help. */
export const ZPlanNetworkHelp = z.object({
  networkPersonId: ZUuid,
  help: zItemText,
});

function duplicates<T>(items: readonly T[], keyOf: (t: T) => string): number[] {
  const seen = new Set<string>();
  const dup: number[] = [];
  items.forEach((item, i) => {
    const k = keyOf(item);
    if (seen.has(k)) dup.push(i);
    seen.add(k);
  });
  return dup;
}

/** The whole plan as one version holds it. Keys are unique; priorities are 1..n; actions name goals of this plan. */
export const ZPlanContent = z
  .object({
    story: zText({ max: PLAN_LIMITS.story, multiline: true }).default('').describe('Our story, in the family’s own words'),
    strengths: z.array(zItemText).max(PLAN_LIMITS.items).default([]),
    worries: z.array(zItemText).max(PLAN_LIMITS.items).default([]),
    goals: z.array(ZPlanGoal).max(PLAN_LIMITS.goals).default([]),
    actions: z.array(ZPlanAction).max(PLAN_LIMITS.actions).default([]),
    agreements: z.array(zItemText).max(PLAN_LIMITS.items).default([]),
    evaluations: z.array(ZPlanEvaluation).max(PLAN_LIMITS.evaluations).default([]),
    network: z.array(ZPlanNetworkHelp).max(PLAN_LIMITS.items).default([]),
    comments: z.array(ZPlanComment).max(PLAN_LIMITS.comments).optional().describe('The family’s comments (family portal)'),
  })
  .superRefine((c, zctx) => {
    for (const i of duplicates(c.goals, (g) => g.key)) zctx.addIssue({ code: 'custom', path: ['goals', i, 'key'], message: 'Duplicate key' });
    for (const i of duplicates(c.actions, (a) => a.key)) zctx.addIssue({ code: 'custom', path: ['actions', i, 'key'], message: 'Duplicate key' });
    for (const i of duplicates(c.evaluations, (e) => e.key)) zctx.addIssue({ code: 'custom', path: ['evaluations', i, 'key'], message: 'Duplicate key' });
    for (const i of duplicates(c.network, (n) => n.networkPersonId)) zctx.addIssue({ code: 'custom', path: ['network', i, 'networkPersonId'], message: 'Listed twice' });
    for (const i of duplicates(c.goals, (g) => String(g.priority))) zctx.addIssue({ code: 'custom', path: ['goals', i, 'priority'], message: 'Two goals with the same priority' });
    c.goals.forEach((g, i) => {
      if (g.priority > c.goals.length) zctx.addIssue({ code: 'custom', path: ['goals', i, 'priority'], message: `Priority between 1 and ${c.goals.length}` });
    });
    const goalKeys = new Set(c.goals.map((g) => g.key));
    c.actions.forEach((a, i) => {
      if (a.goalKey !== null && !goalKeys.has(a.goalKey)) zctx.addIssue({ code: 'custom', path: ['actions', i, 'goalKey'], message: 'No such goal in this plan' });
    });
  });
export type TPlanContent = z.infer<typeof ZPlanContent>;

/** The empty plan (version 0: nothing saved yet). */
export const EMPTY_PLAN: TPlanContent = { story: '', strengths: [], worries: [], goals: [], actions: [], agreements: [], evaluations: [], network: [] };

export const ZPlanAuthor = z.object({ personId: ZUuid.nullable(), name: z.string() });

/** One saved version (number 0 = no plan yet: no author, no time). */
export const ZPlanVersion = z.object({
  number: z.number().int().min(0),
  author: ZPlanAuthor.nullable(),
  createdAt: zDateTime.nullable(),
  summary: z.string(),
  content: ZPlanContent,
});
export type TPlanVersion = z.infer<typeof ZPlanVersion>;

/** What may be done with the plan (from families.policy.ts). */
export const ZPlanAbilities = z.object({ readPlan: z.boolean(), editPlan: z.boolean(), agreePlan: z.boolean() });
export type TPlanAbilities = z.infer<typeof ZPlanAbilities>;

/**
 * Who can be named in the plan, with their names (the content holds ids only): the team, the
 * family members and the network, those who left included (`current: false`) so older versions
 * still read; the editor offers only the current ones. And the life domains (active ones first).
 */
export const ZPlanPeople = z.object({
  team: z.array(z.object({ personId: ZUuid, name: z.string(), organisationName: z.string(), current: z.boolean() })),
  members: z.array(z.object({ id: ZUuid, name: z.string(), role: z.string(), current: z.boolean() })),
  network: z.array(z.object({ id: ZUuid, name: z.string(), relation: z.string(), current: z.boolean() })),
  domains: z.array(z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string(), active: z.boolean() })),
});
export type TPlanPeople = z.infer<typeof ZPlanPeople>;

/** The plan as the plan tab shows it: the current version, the family's agreement, the next evaluation. */
export const ZPlan = z.object({
  familyId: ZUuid,
  familyName: z.string(),
  current: ZPlanVersion,
  people: ZPlanPeople,
  agreement: z.object({ version: z.number().int().min(1), at: zDateTime }).nullable().describe('The version the family agreed with, and when'),
  nextEvaluationOn: zDate.nullable(),
});
export type TPlan = z.infer<typeof ZPlan>;
export const ZPlanResponse = recordEnvelope(ZPlan, ZPlanAbilities);
export type TPlanResponse = z.infer<typeof ZPlanResponse>;

export const ZPlanParams = z.object({ id: ZUuid });
export const ZPlanVersionParams = z.object({ id: ZUuid, number: zQueryInt({ min: 1 }) });

/** A save: the version it was based on (0 for the first), why, and the whole new content. */
export const ZPlanSave = z.object({
  basedOn: zInt4({ min: 0 }).describe('The version number the editor loaded (optimistic concurrency)'),
  summary: zText({ min: 1, max: PLAN_LIMITS.summary }).describe('What changed, in a sentence'),
  content: ZPlanContent,
});
export type TPlanSave = z.input<typeof ZPlanSave>;

/** 409 of a stale save: the version somebody else saved first, so the editor can show what changed. */
export const ZPlanConflictResponse = z.object({
  error: ZErrorResponse.shape.error.extend({ current: ZPlanVersion.optional() }),
});
export type TPlanConflictResponse = z.infer<typeof ZPlanConflictResponse>;

/** One line of the version history. */
export const ZPlanVersionSummary = z.object({
  number: z.number().int().min(1),
  author: ZPlanAuthor.nullable(),
  createdAt: zDateTime,
  summary: z.string(),
});
export type TPlanVersionSummary = z.infer<typeof ZPlanVersionSummary>;
export const ZPlanVersionListQuery = z.object({
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
});
export const ZPlanVersionListResponse = pageEnvelope(ZPlanVersionSummary, z.object({}));
export const ZPlanVersionResponse = recordEnvelope(ZPlanVersion, ZPlanAbilities);

// ---------------------------------------------------------------------------------------------
// Comparison of two versions
// ---------------------------------------------------------------------------------------------

const listDiff = z.object({ added: z.array(z.string()), removed: z.array(z.string()) });
function keyedDiff<T extends z.ZodType>(item: T) {
  return z.object({
    added: z.array(item),
    removed: z.array(item),
    changed: z.array(z.object({ key: z.string(), fields: z.array(z.string()), before: item, after: item })),
  });
}

/** What changed from one version to another, per section; goals and actions matched by their key. */
export const ZPlanDiff = z.object({
  story: z.boolean(),
  strengths: listDiff,
  worries: listDiff,
  agreements: listDiff,
  goals: keyedDiff(ZPlanGoal),
  actions: keyedDiff(ZPlanAction),
  evaluations: keyedDiff(ZPlanEvaluation),
  network: keyedDiff(ZPlanNetworkHelp),
});
export type TPlanDiff = z.infer<typeof ZPlanDiff>;

export const ZPlanCompareQuery = z.object({ from: zQueryInt({ min: 1 }), to: zQueryInt({ min: 1 }) });
export const ZPlanCompareResponse = recordEnvelope(z.object({ from: ZPlanVersion, to: ZPlanVersion, diff: ZPlanDiff }), ZPlanAbilities);
export type TPlanCompare = z.infer<typeof ZPlanCompareResponse>['data'];

function diffList(before: readonly string[], after: readonly string[]) {
  return { added: after.filter((s) => !before.includes(s)), removed: before.filter((s) => !after.includes(s)) };
}

function diffKeyed<T extends object>(before: readonly T[], after: readonly T[], keyOf: (t: T) => string) {
  const old = new Map(before.map((b) => [keyOf(b), b]));
  const now = new Map(after.map((a) => [keyOf(a), a]));
  const changed: { key: string; fields: string[]; before: T; after: T }[] = [];
  for (const [key, a] of now) {
    const b = old.get(key);
    if (!b) continue;
    const fields = Object.keys({ ...b, ...a }).filter(
      (f) => JSON.stringify((b as Record<string, unknown>)[f]) !== JSON.stringify((a as Record<string, unknown>)[f]),
    );
    if (fields.length) changed.push({ key, fields, before: b, after: a });
  }
  return { added: after.filter((a) => !old.has(keyOf(a))), removed: before.filter((b) => !now.has(keyOf(b))), changed };
}

/** The structured difference between two plan contents (used by the compare route and the conflict screen). */
export function diffPlans(from: TPlanContent, to: TPlanContent): TPlanDiff {
  return {
    story: from.story !== to.story,
    strengths: diffList(from.strengths, to.strengths),
    worries: diffList(from.worries, to.worries),
    agreements: diffList(from.agreements, to.agreements),
    goals: diffKeyed(from.goals, to.goals, (g) => g.key),
    actions: diffKeyed(from.actions, to.actions, (a) => a.key),
    evaluations: diffKeyed(from.evaluations, to.evaluations, (e) => e.key),
    network: diffKeyed(from.network, to.network, (n) => n.networkPersonId),
  };
}

/** Whether a diff holds any change. */
export function diffIsEmpty(d: TPlanDiff): boolean {
  return (
    !d.story &&
    [d.strengths, d.worries, d.agreements].every((l) => l.added.length + l.removed.length === 0) &&
    [d.goals, d.actions, d.evaluations, d.network].every((k) => k.added.length + k.removed.length + k.changed.length === 0)
  );
}

/** The family's agreement with one version (recorded by the contact person on the family's behalf). */
export const ZPlanAgreement = z.object({ version: zInt4({ min: 1 }).describe('The version the family agrees with (must be the current one)') });

function rebaseList(base: readonly string[], draft: readonly string[], current: readonly string[]): string[] {
  const { added, removed } = diffList(base, draft);
  return [...current.filter((s) => !removed.includes(s)), ...added.filter((s) => !current.includes(s))];
}

function rebaseKeyed<T extends object>(base: readonly T[], draft: readonly T[], current: readonly T[], keyOf: (t: T) => string): T[] {
  const d = diffKeyed(base, draft, keyOf);
  const removed = new Set(d.removed.map(keyOf));
  const changed = new Map(d.changed.map((c) => [c.key, c.after]));
  const result = current.filter((c) => !removed.has(keyOf(c))).map((c) => changed.get(keyOf(c)) ?? c);
  const present = new Set(result.map(keyOf));
  return [...result, ...d.added.filter((a) => !present.has(keyOf(a)))];
}

/**
 * Puts the changes of a draft (made on `base`) on top of the version somebody else saved since
 * (`current`): what the draft added, removed or changed is applied to `current`, everything else
 * of `current` stays. Nothing of either side is lost silently; the person reviews the result and
 * saves it as a version based on `current`. Goal priorities follow the resulting order.
 */
export function rebasePlan(base: TPlanContent, draft: TPlanContent, current: TPlanContent): TPlanContent {
  const goals = rebaseKeyed(base.goals, draft.goals, current.goals, (g) => g.key)
    .sort((a, b) => a.priority - b.priority)
    .map((g, i) => ({ ...g, priority: i + 1 }));
  const goalKeys = new Set(goals.map((g) => g.key));
  return {
    story: draft.story !== base.story ? draft.story : current.story,
    strengths: rebaseList(base.strengths, draft.strengths, current.strengths),
    worries: rebaseList(base.worries, draft.worries, current.worries),
    agreements: rebaseList(base.agreements, draft.agreements, current.agreements),
    goals,
    actions: rebaseKeyed(base.actions, draft.actions, current.actions, (a) => a.key).map((a) =>
      a.goalKey !== null && !goalKeys.has(a.goalKey) ? { ...a, goalKey: null } : a,
    ),
    evaluations: rebaseKeyed(base.evaluations, draft.evaluations, current.evaluations, (e) => e.key),
    network: rebaseKeyed(base.network, draft.network, current.network, (n) => n.networkPersonId),
  };
}
