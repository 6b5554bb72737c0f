import { describe, expect, it } from 'vitest';
import type { FullContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { actionItemPolicy, meetingPolicy, type ActionItemFacts, type MeetingFacts } from './governance.policy.js';

const REGION_A = '00000000-0000-4000-8000-00000000000a';
const REGION_B = '00000000-0000-4000-8000-00000000000b';
const ME = '00000000-0000-4000-8000-000000000001';

function ctxOf(platformRoles: Actor['platformRoles']): FullContext {
  const actor = {
    kind: 'professional', sessionId: 's', accountId: 'a', email: 'x@example.test', personId: ME, personName: 'X',
    level: 'full', mfaEnabled: true, csrfToken: 't', reauthenticatedAt: null, platformRoles, memberships: [],
  } as Actor & { level: 'full' };
  return { actor, ip: '127.0.0.1', userAgent: null, lang: 'nl', now: new Date('2026-06-01T10:00:00Z'), requestId: 'r' };
}

const meeting = (actorRoles: MeetingFacts['actorRoles'] = []): MeetingFacts => ({
  id: '00000000-0000-4000-8000-0000000000c0', bodyId: '00000000-0000-4000-8000-0000000000b0', regionId: REGION_A, actorRoles,
});
const action = (actorRoles: MeetingFacts['actorRoles'] = [], ownerPersonId: string | null = null): ActionItemFacts => ({ ...meeting(actorRoles), ownerPersonId });
const NONE = { view: false, update: false };
const READ = { view: true, update: false };
const ALL = { view: true, update: true };

describe('who may do what with a meeting (rule table)', () => {
  const table: [string, FullContext, MeetingFacts, typeof ALL][] = [
    ['platform admin', ctxOf([{ role: 'platform_admin', regionId: null }]), meeting(), ALL],
    ['coordinator of every region', ctxOf([{ role: 'network_coordinator', regionId: null }]), meeting(), ALL],
    ["coordinator of the body's region", ctxOf([{ role: 'network_coordinator', regionId: REGION_A }]), meeting(), ALL],
    ['coordinator of another region', ctxOf([{ role: 'network_coordinator', regionId: REGION_B }]), meeting(), NONE],
    ['no role, not a member', ctxOf([]), meeting(), NONE],
    ['chair', ctxOf([]), meeting(['chair']), ALL],
    ['secretary', ctxOf([]), meeting(['secretary']), ALL],
    ['vice-chair', ctxOf([]), meeting(['vice_chair']), READ],
    ['member', ctxOf([]), meeting(['member']), READ],
    ['observer', ctxOf([]), meeting(['observer']), READ],
  ];
  it.each(table)('%s', (_name, ctx, facts, expected) => {
    expect(meetingPolicy.abilitiesOf(ctx, facts)).toEqual(expected);
    if (!expected.view) expect(() => meetingPolicy.authorize(ctx, 'view', facts)).toThrow(expect.objectContaining({ status: 404 }));
    else if (!expected.update) expect(() => meetingPolicy.authorize(ctx, 'update', facts)).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe('who may do what with an action item (rule table)', () => {
  const table: [string, FullContext, ActionItemFacts, typeof ALL][] = [
    ['coordinator of the region', ctxOf([{ role: 'network_coordinator', regionId: REGION_A }]), action(), ALL],
    ['chair', ctxOf([]), action(['chair']), ALL],
    ['plain member', ctxOf([]), action(['member']), READ],
    ['plain member who owns it', ctxOf([]), action(['member'], ME), ALL],
    ['owner who is no longer a member', ctxOf([]), action([], ME), ALL],
    ['somebody else\'s action, not a member', ctxOf([]), action([], '00000000-0000-4000-8000-000000000002'), NONE],
    ['coordinator of another region', ctxOf([{ role: 'network_coordinator', regionId: REGION_B }]), action(), NONE],
  ];
  it.each(table)('%s', (_name, ctx, facts, expected) => {
    expect(actionItemPolicy.abilitiesOf(ctx, facts)).toEqual(expected);
    if (!expected.view) expect(() => actionItemPolicy.authorize(ctx, 'update', facts)).toThrow(expect.objectContaining({ status: 404 }));
    else if (!expected.update) expect(() => actionItemPolicy.authorize(ctx, 'update', facts)).toThrow(expect.objectContaining({ status: 403 }));
  });
});
