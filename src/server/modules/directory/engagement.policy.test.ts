import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/authenticate.js';
import type { RequestContext } from '../../platform/context.js';
import { engagementPolicy } from './engagement.policy.js';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';
const REGION_X = '00000000-0000-4000-8000-0000000000a1';
const REGION_Y = '00000000-0000-4000-8000-0000000000a2';

type Role = { role: 'platform_admin' | 'network_coordinator'; regionId: string | null };
function ctxOf(roles: { platform?: Role[]; orgAdminOf?: string[]; professionalOf?: string[] }, level: 'full' | 'password' = 'full'): RequestContext {
  const actor = {
    sessionId: 's', accountId: 'a', email: 'x@example.test', personId: 'p', personName: 'P', level, mfaEnabled: true, csrfToken: 't', reauthenticatedAt: null,
    platformRoles: roles.platform ?? [],
    memberships: [
      ...(roles.orgAdminOf ?? []).map((organisationId) => ({ organisationId, organisationName: 'A', roles: ['org_admin' as const] })),
      ...(roles.professionalOf ?? []).map((organisationId) => ({ organisationId, organisationName: 'A', roles: ['professional' as const] })),
    ],
  } as unknown as Actor;
  return { actor, ip: '127.0.0.1', userAgent: null, lang: 'nl', now: new Date('2026-12-01T12:00:00Z'), requestId: 'r' };
}

const declaration = { id: '00000000-0000-4000-8000-000000000001', organisationId: ORG_A, regionId: REGION_X };
const ALL = { view: true, update: true, delete: true, upload: true, download: true };
const READ = { view: true, update: false, delete: false, upload: false, download: true };
const NONE = { view: false, update: false, delete: false, upload: false, download: false };

describe('engagement declaration policy', () => {
  it.each([
    ['the admin of the organisation', ctxOf({ orgAdminOf: [ORG_A] }), ALL],
    ['a platform admin', ctxOf({ platform: [{ role: 'platform_admin', regionId: null }] }), ALL],
    ['the coordinator of the region', ctxOf({ platform: [{ role: 'network_coordinator', regionId: REGION_X }] }), READ],
    ['a coordinator of every region', ctxOf({ platform: [{ role: 'network_coordinator', regionId: null }] }), READ],
    ['a coordinator of another region', ctxOf({ platform: [{ role: 'network_coordinator', regionId: REGION_Y }] }), NONE],
    ["another organisation's admin", ctxOf({ orgAdminOf: [ORG_B] }), NONE],
    ['a professional of the organisation', ctxOf({ professionalOf: [ORG_A] }), NONE],
    ['the admin, half logged in', ctxOf({ orgAdminOf: [ORG_A] }, 'password'), NONE],
  ])('%s', (_name, ctx, expected) => {
    expect(engagementPolicy.abilitiesOf(ctx, declaration)).toEqual(expected);
  });

  it('out of reach is 404; reachable but not allowed is 403', () => {
    const status = (ctx: RequestContext, action: 'update' | 'view') => {
      try {
        engagementPolicy.authorize(ctx, action, declaration);
        return 200;
      } catch (e) {
        return (e as { status: number }).status;
      }
    };
    expect(status(ctxOf({ orgAdminOf: [ORG_B] }), 'view')).toBe(404);
    expect(status(ctxOf({ platform: [{ role: 'network_coordinator', regionId: REGION_Y }] }), 'view')).toBe(404);
    expect(status(ctxOf({ platform: [{ role: 'network_coordinator', regionId: REGION_X }] }), 'update')).toBe(403);
    expect(status(ctxOf({ orgAdminOf: [ORG_A] }), 'update')).toBe(200);
  });
});
