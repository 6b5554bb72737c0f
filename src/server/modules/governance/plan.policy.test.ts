import { describe, expect, it } from 'vitest';
import type { FullContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { PLAN_ACTION_STATUSES, PLAN_ACTION_TRANSITIONS } from '../../../shared/schemas/governance.js';
import { planPolicy, type PlanFacts } from './governance.policy.js';

const REGION_A = '00000000-0000-4000-8000-00000000000a';
const REGION_B = '00000000-0000-4000-8000-00000000000b';

function ctxOf(platformRoles: Actor['platformRoles']): FullContext {
  const actor = {
    kind: 'professional', sessionId: 's', accountId: 'a', email: 'x@example.test', personId: '00000000-0000-4000-8000-000000000001', personName: 'X',
    level: 'full', mfaEnabled: true, csrfToken: 't', reauthenticatedAt: null, platformRoles, memberships: [],
  } as Actor & { level: 'full' };
  return { actor, ip: '127.0.0.1', userAgent: null, lang: 'nl', now: new Date('2026-06-01T10:00:00Z'), requestId: 'r' };
}

const plan = (actorRoles: PlanFacts['actorRoles'] = []): PlanFacts => ({
  id: '00000000-0000-4000-8000-0000000000d0', bodyId: '00000000-0000-4000-8000-0000000000b0', regionId: REGION_A, actorRoles,
});
const NONE = { view: false, update: false };
const READ = { view: true, update: false };
const ALL = { view: true, update: true };

describe('who may do what with a regional plan, its actions and indicators (rule table)', () => {
  const table: [string, FullContext, PlanFacts, typeof ALL][] = [
    ['platform admin', ctxOf([{ role: 'platform_admin', regionId: null }]), plan(), ALL],
    ['coordinator of every region', ctxOf([{ role: 'network_coordinator', regionId: null }]), plan(), ALL],
    ["coordinator of the body's region", ctxOf([{ role: 'network_coordinator', regionId: REGION_A }]), plan(), ALL],
    ['coordinator of another region', ctxOf([{ role: 'network_coordinator', regionId: REGION_B }]), plan(), NONE],
    ['no role, not a member', ctxOf([]), plan(), NONE],
    ['chair', ctxOf([]), plan(['chair']), ALL],
    ['secretary', ctxOf([]), plan(['secretary']), ALL],
    ['vice-chair', ctxOf([]), plan(['vice_chair']), READ],
    ['member', ctxOf([]), plan(['member']), READ],
    ['guest advisor', ctxOf([]), plan(['guest_advisor']), READ],
  ];
  it.each(table)('%s', (_name, ctx, facts, expected) => {
    expect(planPolicy.abilitiesOf(ctx, facts)).toEqual(expected);
    if (!expected.view) expect(() => planPolicy.authorize(ctx, 'view', facts)).toThrow(expect.objectContaining({ status: 404 }));
    else if (!expected.update) expect(() => planPolicy.authorize(ctx, 'update', facts)).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe('the status path of a plan action', () => {
  it('moves forward only; moving and dropping are possible until release; final statuses stay', () => {
    const order = ['agreed_in_principle', 'budget_request_due', 'approved', 'released'];
    for (const from of PLAN_ACTION_STATUSES) {
      for (const to of PLAN_ACTION_TRANSITIONS[from]) {
        if (order.includes(to)) expect(order.indexOf(to), `${from} → ${to}`).toBeGreaterThan(order.indexOf(from));
      }
    }
    for (const open of ['agreed_in_principle', 'budget_request_due', 'approved'] as const) expect(PLAN_ACTION_TRANSITIONS[open]).toEqual(expect.arrayContaining(['moved', 'dropped']));
    for (const final of ['released', 'moved', 'dropped'] as const) expect(PLAN_ACTION_TRANSITIONS[final]).toEqual([]);
  });
});
