import { describe, expect, it } from 'vitest';
import type { FullContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { eventPolicy, type EventFacts } from './learning.policy.js';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';

function ctxOf(platformRoles: Actor['platformRoles'], memberships: Actor['memberships'] = [], personId: string | null = '00000000-0000-4000-8000-000000000001'): FullContext {
  const actor = {
    sessionId: 's', accountId: 'a', email: 'x@example.test', personId, personName: 'X',
    level: 'full', mfaEnabled: true, csrfToken: 't', reauthenticatedAt: null, platformRoles, memberships,
  } as Actor & { level: 'full' };
  return { actor, ip: '127.0.0.1', userAgent: null, lang: 'nl', now: new Date('2026-06-01T10:00:00Z'), requestId: 'r' };
}

const event = (status: EventFacts['status'], organiserOrganisationId: string | null = ORG_A): EventFacts => ({ id: '00000000-0000-4000-8000-0000000000e0', status, organiserOrganisationId });
const adminOf = (org: string): Actor['memberships'] => [{ organisationId: org, organisationName: 'Org', roles: ['org_admin'] }];
const proOf = (org: string): Actor['memberships'] => [{ organisationId: org, organisationName: 'Org', roles: ['professional'] }];
const NONE = { view: false, update: false, manage: false, register: false };
const READER = { ...NONE, view: true, register: true };
const RUNNER = { view: true, update: true, manage: true, register: true };

describe('who may do what with an event (rule table)', () => {
  const table: [string, FullContext, EventFacts, typeof NONE][] = [
    ['platform admin, draft', ctxOf([{ role: 'platform_admin', regionId: null }]), event('draft'), { ...RUNNER, register: false }],
    ['platform admin, published', ctxOf([{ role: 'platform_admin', regionId: null }]), event('published'), RUNNER],
    ['coordinator, published by a body', ctxOf([{ role: 'network_coordinator', regionId: null }]), event('published', null), RUNNER],
    ['org admin of the organiser, draft', ctxOf([], adminOf(ORG_A)), event('draft'), { ...RUNNER, register: false }],
    ['org admin of the organiser, published', ctxOf([], adminOf(ORG_A)), event('published'), RUNNER],
    ['org admin of another organisation, draft', ctxOf([], adminOf(ORG_B)), event('draft'), NONE],
    ['org admin of another organisation, published', ctxOf([], adminOf(ORG_B)), event('published'), READER],
    ['org admin, event of a body', ctxOf([], adminOf(ORG_A)), event('published', null), READER],
    ['professional of the organiser, draft', ctxOf([], proOf(ORG_A)), event('draft'), NONE],
    ['professional, published', ctxOf([], proOf(ORG_A)), event('published'), READER],
    ['professional, cancelled', ctxOf([], proOf(ORG_A)), event('cancelled'), { ...NONE, view: true }],
    ['an account without a person, published', ctxOf([], [], null), event('published'), { ...NONE, view: true }],
  ];
  it.each(table)('%s', (_name, ctx, facts, expected) => {
    expect(eventPolicy.abilitiesOf(ctx, facts)).toEqual(expected);
    if (!expected.view) expect(() => eventPolicy.authorize(ctx, 'view', facts)).toThrow(expect.objectContaining({ status: 404 }));
    else if (!expected.manage) expect(() => eventPolicy.authorize(ctx, 'manage', facts)).toThrow(expect.objectContaining({ status: 403 }));
  });
});
