import { describe, expect, it } from 'vitest';
import { EMPTY_PLAN, type TPlanContent } from '../../src/shared/schemas/families/plan.js';
import { findOverlaps, resolvePlan } from '../../src/web/modules/families/plan/plan-conflict.js';

const k = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const owner = { kind: 'member' as const, memberId: k(99) };
const base: TPlanContent = {
  ...EMPTY_PLAN,
  story: 'Ons verhaal',
  goals: [
    { key: k(1), domain: 'school', text: 'Naar school', priority: 1 },
    { key: k(2), domain: 'housing', text: 'Rustige kamer', priority: 2 },
  ],
  actions: [
    { key: k(10), goalKey: k(2), what: 'Kamer opruimen', owner, dueOn: null, status: 'planned' },
    { key: k(11), goalKey: null, what: 'Oma bellen', owner, dueOn: null, status: 'planned' },
  ],
};

describe('the conflict screen: what both changed, and the person’s choice', () => {
  const draft: TPlanContent = {
    ...base,
    story: 'Ons verhaal, door Roos verteld',
    goals: [{ ...base.goals[0]!, text: 'Elke dag naar school' }, base.goals[1]!],
    // The draft changes action 10 (which the other removes) and removes action 11 (which the other changes).
    actions: [{ ...base.actions[0]!, status: 'in_progress' }],
  };
  const current: TPlanContent = {
    ...base,
    story: 'Ons verhaal, aangevuld door papa',
    goals: [{ ...base.goals[0]!, text: 'Naar een andere school' }, { ...base.goals[1]!, priority: 2 }],
    actions: [{ ...base.actions[1]!, dueOn: '2026-12-24' }],
  };

  it('finds the story, the goal both rewrote, the action one changed and the other removed (and the reverse)', () => {
    const overlaps = findOverlaps(base, draft, current);
    expect(overlaps.map((o) => o.id)).toEqual(['story', `goals:${k(1)}`, `actions:${k(10)}`, `actions:${k(11)}`]);
    expect(overlaps[2]).toMatchObject({ theirs: null, mine: { status: 'in_progress' } });
    expect(overlaps[3]).toMatchObject({ mine: null, theirs: { dueOn: '2026-12-24' } });
  });

  it('keeps my version by default: nothing of the draft is lost, also what the other person removed', () => {
    const overlaps = findOverlaps(base, draft, current);
    const merged = resolvePlan(base, draft, current, overlaps, new Set());
    expect(merged.story).toBe('Ons verhaal, door Roos verteld');
    expect(merged.goals.map((g) => [g.text, g.priority])).toEqual([
      ['Elke dag naar school', 1],
      ['Rustige kamer', 2],
    ]);
    expect(merged.actions.map((a) => [a.key, a.status])).toEqual([[k(10), 'in_progress']]);
  });

  it('takes the other person’s version where chosen', () => {
    const overlaps = findOverlaps(base, draft, current);
    const merged = resolvePlan(base, draft, current, overlaps, new Set(overlaps.map((o) => o.id)));
    expect(merged.story).toBe('Ons verhaal, aangevuld door papa');
    expect(merged.goals[0]?.text).toBe('Naar een andere school');
    expect(merged.actions.map((a) => [a.key, a.dueOn])).toEqual([[k(11), '2026-12-24']]);
  });

  it('no overlap when both made the same change, only one side changed, or only the order differs', () => {
    const same = { ...base, story: 'Zelfde' };
    expect(findOverlaps(base, same, same)).toEqual([]);
    expect(findOverlaps(base, draft, base)).toEqual([]);
    const reordered = { ...base, goals: [{ ...base.goals[1]!, priority: 1 }, { ...base.goals[0]!, priority: 2 }] };
    expect(findOverlaps(base, reordered, { ...base, story: 'Ander' })).toEqual([]);
  });
});
