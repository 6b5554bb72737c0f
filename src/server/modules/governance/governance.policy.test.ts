import { describe, expect, it } from 'vitest';
import type { FullContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { bodyPolicy, isCurrentOn, type BodyFacts } from './governance.policy.js';
import { nextDay } from './governance.service.js';

const REGION_A = '00000000-0000-4000-8000-00000000000a';
const REGION_B = '00000000-0000-4000-8000-00000000000b';

function ctxOf(platformRoles: Actor['platformRoles']): FullContext {
  const actor = {
    kind: 'professional', sessionId: 's', accountId: 'a', email: 'x@example.test', personId: '00000000-0000-4000-8000-000000000001', personName: 'X',
    level: 'full', mfaEnabled: true, csrfToken: 't', reauthenticatedAt: null, platformRoles, memberships: [],
  } as Actor & { level: 'full' };
  return { actor, ip: '127.0.0.1', userAgent: null, lang: 'nl', now: new Date('2026-06-01T10:00:00Z'), requestId: 'r' };
}

const body = (actorRoles: BodyFacts['actorRoles'] = []): BodyFacts => ({ id: '00000000-0000-4000-8000-0000000000b0', regionId: REGION_A, actorRoles });
const NONE = { view: false, update: false, manageMembers: false };
const ALL = { view: true, update: true, manageMembers: true };

describe('who may do what with a body (rule table)', () => {
  const table: [string, FullContext, BodyFacts, typeof ALL][] = [
    ['platform admin', ctxOf([{ role: 'platform_admin', regionId: null }]), body(), ALL],
    ['coordinator of every region', ctxOf([{ role: 'network_coordinator', regionId: null }]), body(), ALL],
    ['coordinator of the body\'s region', ctxOf([{ role: 'network_coordinator', regionId: REGION_A }]), body(), ALL],
    ['coordinator of another region', ctxOf([{ role: 'network_coordinator', regionId: REGION_B }]), body(), NONE],
    ['coordinator of another region who is a member', ctxOf([{ role: 'network_coordinator', regionId: REGION_B }]), body(['member']), { ...NONE, view: true }],
    ['no role, not a member', ctxOf([]), body(), NONE],
    ['chair', ctxOf([]), body(['chair']), ALL],
    ['secretary', ctxOf([]), body(['secretary']), ALL],
    ['vice-chair', ctxOf([]), body(['vice_chair']), { ...NONE, view: true }],
    ['member', ctxOf([]), body(['member']), { ...NONE, view: true }],
    ['guest advisor', ctxOf([]), body(['guest_advisor']), { ...NONE, view: true }],
  ];
  it.each(table)('%s', (_name, ctx, facts, expected) => {
    expect(bodyPolicy.abilitiesOf(ctx, facts)).toEqual(expected);
    if (!expected.view) expect(() => bodyPolicy.authorize(ctx, 'view', facts)).toThrow(expect.objectContaining({ status: 404 }));
    else if (!expected.manageMembers) expect(() => bodyPolicy.authorize(ctx, 'manageMembers', facts)).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe('membership days', () => {
  it('a membership holds from its first to its last day, both included', () => {
    const m = { joinedOn: '2026-01-10', leftOn: '2026-01-20' };
    expect([isCurrentOn(m, '2026-01-09'), isCurrentOn(m, '2026-01-10'), isCurrentOn(m, '2026-01-20'), isCurrentOn(m, '2026-01-21')]).toEqual([false, true, true, false]);
    expect(isCurrentOn({ joinedOn: '2026-01-10', leftOn: null }, '2099-01-01')).toBe(true);
  });
  it('the successor starts the next day, across month and leap-year ends', () => {
    expect(nextDay('2026-01-31')).toBe('2026-02-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});
