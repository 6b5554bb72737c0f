import { rebasePlan, type TPlanAction, type TPlanContent, type TPlanGoal, type TPlanEvaluation } from '../../../../shared/schemas/families/plan.js';

type TKeyedSection = 'goals' | 'actions' | 'evaluations' | 'network';
type TItem<S extends TKeyedSection> = TPlanContent[S][number];

/**
 * Something both people changed since the version the draft started from: the story, or one goal,
 * action, evaluation or network help that one changed and the other changed differently or
 * removed. `mine`/`theirs` null = removed on that side. Everything else merges without a question
 * (`rebasePlan`); these the person chooses, so neither side's text is dropped without being seen.
 */
export type TPlanOverlap =
  | { id: 'story'; section: 'story'; mine: string; theirs: string }
  | { [S in TKeyedSection]: { id: string; section: S; key: string; mine: TItem<S> | null; theirs: TItem<S> | null } }[TKeyedSection];

const keyOf = (section: TKeyedSection, item: TItem<TKeyedSection>): string =>
  section === 'network' ? (item as TPlanContent['network'][number]).networkPersonId : (item as TPlanGoal | TPlanAction | TPlanEvaluation).key;

/** Goal priorities follow the order on screen, so a reorder alone is no overlap. */
const sameItem = (a: object, b: object) => {
  const strip = (x: object) => JSON.stringify({ ...x, priority: undefined });
  return strip(a) === strip(b);
};

/** What both sides changed differently (see TPlanOverlap), in the order of the plan. */
export function findOverlaps(base: TPlanContent, draft: TPlanContent, current: TPlanContent): TPlanOverlap[] {
  const out: TPlanOverlap[] = [];
  if (draft.story !== base.story && current.story !== base.story && draft.story !== current.story) {
    out.push({ id: 'story', section: 'story', mine: draft.story, theirs: current.story });
  }
  for (const section of ['goals', 'actions', 'evaluations', 'network'] as const) {
    const mine = new Map<string, TItem<typeof section>>(draft[section].map((i) => [keyOf(section, i), i]));
    const theirs = new Map<string, TItem<typeof section>>(current[section].map((i) => [keyOf(section, i), i]));
    for (const b of base[section] as TItem<typeof section>[]) {
      const key = keyOf(section, b);
      const m = mine.get(key) ?? null;
      const th = theirs.get(key) ?? null;
      const mineChanged = m === null || !sameItem(m, b);
      const theirsChanged = th === null || !sameItem(th, b);
      if (!mineChanged || !theirsChanged) continue;
      if (m === null && th === null) continue; // both removed it
      if (m !== null && th !== null && sameItem(m, th)) continue; // both made the same change
      out.push({ id: `${section}:${key}`, section, key, mine: m, theirs: th } as TPlanOverlap);
    }
  }
  return out;
}

/**
 * The draft put on top of `current`: `rebasePlan`, then each overlap as chosen — `theirs` holds
 * the ids where the other person's version wins; for every other overlap the draft's wins (also
 * an item of the draft that the other person removed comes back).
 */
export function resolvePlan(base: TPlanContent, draft: TPlanContent, current: TPlanContent, overlaps: readonly TPlanOverlap[], theirs: ReadonlySet<string>): TPlanContent {
  const merged = rebasePlan(base, draft, current);
  const result: TPlanContent = { ...merged };
  for (const o of overlaps) {
    if (o.section === 'story') {
      result.story = theirs.has(o.id) ? o.theirs : o.mine;
      continue;
    }
    const pick = (theirs.has(o.id) ? o.theirs : o.mine) as TItem<TKeyedSection> | null;
    const section = o.section;
    const items = [...(result[section] as TItem<typeof section>[])];
    const at = items.findIndex((i) => keyOf(section, i) === o.key);
    if (pick === null) {
      if (at >= 0) items.splice(at, 1);
    } else if (at >= 0) {
      items[at] = pick;
    } else {
      items.push(pick);
    }
    (result as Record<TKeyedSection, unknown>)[section] = items;
  }
  const goals = result.goals.map((g, i) => ({ ...g, priority: i + 1 }));
  const goalKeys = new Set(goals.map((g) => g.key));
  return {
    ...result,
    goals,
    actions: result.actions.map((a) => (a.goalKey !== null && !goalKeys.has(a.goalKey) ? { ...a, goalKey: null } : a)),
  };
}
