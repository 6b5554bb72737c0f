import { describe, expect, it } from 'vitest';
import { EMPTY_PLAN, diffIsEmpty, diffPlans, rebasePlan, type TPlanContent } from '../../src/shared/schemas/families/plan.js';

const k = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const owner = { kind: 'member' as const, memberId: k(99) };
const base: TPlanContent = {
  ...EMPTY_PLAN,
  story: 'Ons verhaal',
  strengths: ['Humor'],
  goals: [
    { key: k(1), domain: 'school', text: 'Naar school', priority: 1 },
    { key: k(2), domain: 'housing', text: 'Rustige kamer', priority: 2 },
  ],
  actions: [{ key: k(10), goalKey: k(2), what: 'Kamer opruimen', owner, dueOn: null, status: 'planned' }],
};

describe('putting a draft on top of a newer version (the conflict screen)', () => {
  it('keeps what the other person changed and applies what the draft changed', () => {
    const current: TPlanContent = { ...base, story: 'Ander verhaal', strengths: ['Humor', 'Oma'], goals: [base.goals[0]!] };
    const draft: TPlanContent = {
      ...base,
      worries: ['Spijbelen'],
      goals: [{ ...base.goals[0]!, text: 'Elke dag naar school' }, base.goals[1]!, { key: k(3), domain: 'leisure', text: 'Voetbal', priority: 3 }],
      actions: [...base.actions, { key: k(11), goalKey: k(3), what: 'Club zoeken', owner, dueOn: null, status: 'planned' }],
    };
    const merged = rebasePlan(base, draft, current);
    expect(merged.story).toBe('Ander verhaal');
    expect(merged.strengths).toEqual(['Humor', 'Oma']);
    expect(merged.worries).toEqual(['Spijbelen']);
    // The goal the other person removed stays removed; the draft's change and addition are kept, priorities renumbered.
    expect(merged.goals).toEqual([
      { key: k(1), domain: 'school', text: 'Elke dag naar school', priority: 1 },
      { key: k(3), domain: 'leisure', text: 'Voetbal', priority: 2 },
    ]);
    // An action of a goal that is gone no longer points at it.
    expect(merged.actions.find((a) => a.key === k(10))?.goalKey).toBeNull();
    expect(merged.actions.find((a) => a.key === k(11))?.goalKey).toBe(k(3));
  });

  it('an unchanged draft gives the current version; diffs of equal contents are empty', () => {
    const current: TPlanContent = { ...base, agreements: ['Vrijdag bellen'] };
    expect(rebasePlan(base, base, current)).toEqual(current);
    expect(diffIsEmpty(diffPlans(current, current))).toBe(true);
    expect(diffPlans(base, current).agreements).toEqual({ added: ['Vrijdag bellen'], removed: [] });
  });
});
