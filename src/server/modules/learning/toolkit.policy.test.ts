import { describe, expect, it } from 'vitest';
import type { FullContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { mayCreatePartnership, mayEditContent, partnershipPolicy, type PartnershipFacts } from './toolkit.policy.js';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const ORG_C = '00000000-0000-4000-8000-00000000000c';
const ME = '00000000-0000-4000-8000-000000000001';

function ctxOf(platformRoles: Actor['platformRoles'], memberships: Actor['memberships'] = [], personId: string | null = ME): FullContext {
  const actor = {
    kind: 'professional', sessionId: 's', accountId: 'a', email: 'x@example.test', personId, personName: 'X',
    level: 'full', mfaEnabled: true, csrfToken: 't', reauthenticatedAt: null, platformRoles, memberships,
  } as unknown as Actor & { level: 'full' };
  return { actor, ip: '127.0.0.1', userAgent: null, lang: 'nl', now: new Date('2026-06-01T10:00:00Z'), requestId: 'r' };
}

const adminOf = (org: string): Actor['memberships'] => [{ organisationId: org, organisationName: 'Org', roles: ['org_admin'] }];
const proOf = (org: string): Actor['memberships'] => [{ organisationId: org, organisationName: 'Org', roles: ['professional'] }];
const coordinator: Actor['platformRoles'] = [{ role: 'network_coordinator', regionId: null }];
const platformAdmin: Actor['platformRoles'] = [{ role: 'platform_admin', regionId: null }];
const partnership: PartnershipFacts = { id: '00000000-0000-4000-8000-0000000000f0', organisationIds: [ORG_A, ORG_B] };
const NONE = { view: false, update: false, assess: false, deleteRounds: false };

describe('who may do what with a partnership of A and B (rule table)', () => {
  const table: [string, FullContext, typeof NONE][] = [
    ['admin of A', ctxOf([], adminOf(ORG_A)), { view: true, update: true, assess: true, deleteRounds: true }],
    ['professional of B', ctxOf([], proOf(ORG_B)), { view: true, update: false, assess: true, deleteRounds: true }],
    ['admin of C (not a partner)', ctxOf([], adminOf(ORG_C)), NONE],
    ['professional of C', ctxOf([], proOf(ORG_C)), NONE],
    ['coordinator', ctxOf(coordinator), { view: true, update: true, assess: false, deleteRounds: true }],
    ['platform admin', ctxOf(platformAdmin), NONE],
    ['professional of A without a person record', ctxOf([], proOf(ORG_A), null), { view: true, update: false, assess: false, deleteRounds: false }],
  ];
  it.each(table)('%s', (_name, ctx, expected) => {
    expect(partnershipPolicy.abilitiesOf(ctx, partnership)).toEqual(expected);
    if (!expected.view) expect(() => partnershipPolicy.authorize(ctx, 'view', partnership)).toThrow(expect.objectContaining({ status: 404 }));
    else if (!expected.update) expect(() => partnershipPolicy.authorize(ctx, 'update', partnership)).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe('the toolkit as a whole (rule table)', () => {
  const table: [string, FullContext, { edit: boolean; create: boolean }][] = [
    ['professional', ctxOf([], proOf(ORG_A)), { edit: false, create: false }],
    ['organisation admin', ctxOf([], adminOf(ORG_A)), { edit: false, create: true }],
    ['coordinator', ctxOf(coordinator), { edit: true, create: true }],
    ['platform admin', ctxOf(platformAdmin), { edit: true, create: false }],
  ];
  it.each(table)('%s', (_name, ctx, expected) => {
    expect({ edit: mayEditContent(ctx.actor), create: mayCreatePartnership(ctx.actor) }).toEqual(expected);
  });
});
