import { describe, expect, it } from 'vitest';
import { location } from '../../db/schema/index.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { entryPolicy, staleScopeOf, type EntryFacts } from './manage.policy.js';
import type { RecordPolicy } from '../../platform/policy/record.js';
import type { TEntryAction } from '../../../shared/schemas/directory/manage.js';
import { staleBefore } from './manage.service.js';

const ORG_A = '00000000-0000-4000-8000-00000000000a';
const ORG_B = '00000000-0000-4000-8000-00000000000b';

function ctxOf(roles: { platform?: ('platform_admin' | 'network_coordinator')[]; orgAdminOf?: string[]; professionalOf?: string[] }, level: 'full' | 'password' = 'full'): RequestContext {
  const actor = {
    sessionId: 's', accountId: 'a', email: 'x@example.test', personId: 'p', personName: 'P', level, mfaEnabled: true, csrfToken: 't', reauthenticatedAt: null,
    platformRoles: (roles.platform ?? []).map((role) => ({ role, regionId: null })),
    memberships: [
      ...(roles.orgAdminOf ?? []).map((organisationId) => ({ organisationId, organisationName: 'A', roles: ['org_admin' as const] })),
      ...(roles.professionalOf ?? []).map((organisationId) => ({ organisationId, organisationName: 'A', roles: ['professional' as const] })),
    ],
  } as unknown as Actor;
  return { actor, ip: '127.0.0.1', userAgent: null, lang: 'nl', now: new Date('2026-12-01T12:00:00Z'), requestId: 'r' };
}

const policy: RecordPolicy<TEntryAction, EntryFacts> = entryPolicy('location', location.organisationId);
const entryOfA = { id: '00000000-0000-4000-8000-000000000001', organisationId: ORG_A };
const refusal = (ctx: RequestContext) => {
  try {
    policy.authorize(ctx, 'update', entryOfA);
    return null;
  } catch (e) {
    return (e as { status: number }).status;
  }
};

describe('directory entry policy', () => {
  it("an organisation admin keeps their own organisation's entries; the platform admin all; everyone else sees a 404", () => {
    expect(refusal(ctxOf({ orgAdminOf: [ORG_A] }))).toBeNull();
    expect(refusal(ctxOf({ platform: ['platform_admin'] }))).toBeNull();
    expect(refusal(ctxOf({ orgAdminOf: [ORG_B] }))).toBe(404);
    expect(refusal(ctxOf({ professionalOf: [ORG_A] }))).toBe(404);
    expect(refusal(ctxOf({ platform: ['network_coordinator'] }))).toBe(404);
    expect(refusal(ctxOf({ orgAdminOf: [ORG_A] }, 'password'))).toBe(401);
    expect(policy.abilitiesOf(ctxOf({ orgAdminOf: [ORG_A] }), entryOfA)).toEqual({ view: true, update: true, delete: true, confirm: true });
    expect(policy.abilitiesOf(ctxOf({ orgAdminOf: [ORG_B] }), entryOfA)).toEqual({ view: false, update: false, delete: false, confirm: false });
  });

  it('the stale list reaches every organisation for coordinators and platform admins, the own ones for organisation admins', () => {
    const actor = (c: RequestContext) => (c as FullContext).actor;
    expect(staleScopeOf(actor(ctxOf({ platform: ['network_coordinator'] })))).toEqual({ all: true });
    expect(staleScopeOf(actor(ctxOf({ platform: ['platform_admin'] })))).toEqual({ all: true });
    expect(staleScopeOf(actor(ctxOf({ orgAdminOf: [ORG_A], professionalOf: [ORG_B] })))).toEqual({ all: false, orgIds: [ORG_A] });
    expect(staleScopeOf(actor(ctxOf({ professionalOf: [ORG_A] })))).toEqual({ all: false, orgIds: [] });
  });

  it('an entry is stale when confirmed more than six calendar months ago', () => {
    expect(staleBefore(new Date('2026-12-01T12:00:00Z')).toISOString()).toBe('2026-06-01T12:00:00.000Z');
    expect(staleBefore(new Date('2026-08-15T00:00:00Z')).toISOString()).toBe('2026-02-15T00:00:00.000Z');
    expect(staleBefore(new Date('2026-08-31T09:30:00Z')).toISOString()).toBe('2026-02-28T09:30:00.000Z');
    expect(staleBefore(new Date('2028-08-31T09:30:00Z')).toISOString()).toBe('2028-02-29T09:30:00.000Z');
    expect(staleBefore(new Date('2027-03-31T09:30:00Z')).toISOString()).toBe('2026-09-30T09:30:00.000Z');
  });
});
