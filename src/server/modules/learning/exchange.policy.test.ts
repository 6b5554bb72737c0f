import { describe, expect, it } from 'vitest';
import type { FullContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { exchangeRequestPolicy, offerPolicy, type ExchangeRequestFacts, type OfferFacts } from './exchange.policy.js';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const ME = '00000000-0000-4000-8000-000000000001';
const SOMEONE = '00000000-0000-4000-8000-000000000002';

function ctxOf(platformRoles: Actor['platformRoles'], memberships: Actor['memberships'] = [], personId: string | null = ME): FullContext {
  const actor = {
    sessionId: 's', accountId: 'a', email: 'x@example.test', personId, personName: 'X',
    level: 'full', mfaEnabled: true, csrfToken: 't', reauthenticatedAt: null, platformRoles, memberships,
  } as Actor & { level: 'full' };
  return { actor, ip: '127.0.0.1', userAgent: null, lang: 'nl', now: new Date('2026-06-01T10:00:00Z'), requestId: 'r' };
}

const adminOf = (org: string): Actor['memberships'] => [{ organisationId: org, organisationName: 'Org', roles: ['org_admin'] }];
const proOf = (org: string): Actor['memberships'] => [{ organisationId: org, organisationName: 'Org', roles: ['professional'] }];
const offer = (status: OfferFacts['status']): OfferFacts => ({ id: '00000000-0000-4000-8000-0000000000f0', status, organisationId: ORG_A });
const NONE = { view: false, update: false, request: false };

describe('who may do what with a host offer of organisation A (rule table)', () => {
  const table: [string, FullContext, OfferFacts, typeof NONE][] = [
    ['admin of A, published', ctxOf([], adminOf(ORG_A)), offer('published'), { view: true, update: true, request: false }],
    ['admin of A, withdrawn', ctxOf([], adminOf(ORG_A)), offer('withdrawn'), { view: true, update: false, request: false }],
    ['professional of A, published (own organisation)', ctxOf([], proOf(ORG_A)), offer('published'), { view: true, update: false, request: false }],
    ['professional of B, published', ctxOf([], proOf(ORG_B)), offer('published'), { view: true, update: false, request: true }],
    ['admin of B, published', ctxOf([], adminOf(ORG_B)), offer('published'), { view: true, update: false, request: true }],
    ['professional of B, withdrawn', ctxOf([], proOf(ORG_B)), offer('withdrawn'), NONE],
    ['coordinator without organisation, published', ctxOf([{ role: 'network_coordinator', regionId: null }]), offer('published'), { view: true, update: false, request: false }],
    ['platform admin, withdrawn', ctxOf([{ role: 'platform_admin', regionId: null }]), offer('withdrawn'), NONE],
  ];
  it.each(table)('%s', (_name, ctx, facts, expected) => {
    expect(offerPolicy.abilitiesOf(ctx, facts)).toEqual(expected);
    if (!expected.view) expect(() => offerPolicy.authorize(ctx, 'view', facts)).toThrow(expect.objectContaining({ status: 404 }));
    else if (!expected.update) expect(() => offerPolicy.authorize(ctx, 'update', facts)).toThrow(expect.objectContaining({ status: 403 }));
  });
});

describe('who may do what with a request of a person of B to A (rule table)', () => {
  const request = (visitorPersonId: string): ExchangeRequestFacts => ({ id: '00000000-0000-4000-8000-0000000000e0', visitorPersonId, hostOrganisationId: ORG_A });
  const table: [string, FullContext, ExchangeRequestFacts, { view: boolean; host: boolean; visit: boolean }][] = [
    ['the visitor', ctxOf([], proOf(ORG_B)), request(ME), { view: true, host: false, visit: true }],
    ['an admin of the host', ctxOf([], adminOf(ORG_A)), request(SOMEONE), { view: true, host: true, visit: false }],
    ['a professional of the host', ctxOf([], proOf(ORG_A)), request(SOMEONE), { view: false, host: false, visit: false }],
    ["the admin of the visitor's organisation", ctxOf([], adminOf(ORG_B)), request(SOMEONE), { view: false, host: false, visit: false }],
    ['a coordinator', ctxOf([{ role: 'network_coordinator', regionId: null }]), request(SOMEONE), { view: false, host: false, visit: false }],
    ['a platform admin', ctxOf([{ role: 'platform_admin', regionId: null }]), request(SOMEONE), { view: false, host: false, visit: false }],
  ];
  it.each(table)('%s', (_name, ctx, facts, expected) => {
    expect(exchangeRequestPolicy.abilitiesOf(ctx, facts)).toEqual(expected);
    if (!expected.view) expect(() => exchangeRequestPolicy.authorize(ctx, 'view', facts)).toThrow(expect.objectContaining({ status: 404 }));
  });
});
