import { inArray, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/authenticate.js';
import { requireFullContext, type FullContext } from '../../platform/context.js';
import { Forbidden } from '../../platform/errors.js';
import { defineRecordPolicy, type RecordPolicy } from '../../platform/policy/record.js';
import type { RoutePolicy } from '../../platform/policy/policy.js';
import { engagementDeclaration } from '../../db/schema/index.js';
import { ENGAGEMENT_ACTIONS, type TEngagementAction } from '../../../shared/schemas/directory/engagement.js';
import { adminScopeOf } from '../identity/identity.policy.js';

/**
 * Who may do what with engagement declarations — the one place these rules live.
 * - The organisation admin keeps their own organisation's declarations (create, change, delete,
 *   upload the signed document, download it); platform admins keep every organisation's.
 * - Network coordinators see the declarations of the regions they coordinate (platform_role.region_id;
 *   null = every region) and download their documents, but do not change them.
 * - Anyone else: 404, exactly as for a declaration that does not exist.
 */

export const isPlatformAdmin = (actor: Actor) => actor.platformRoles.some((r) => r.role === 'platform_admin');
const isCoordinator = (actor: Actor) => actor.platformRoles.some((r) => r.role === 'network_coordinator');

/** The regions a person coordinates: all, or some (possibly none). */
export function coordinatedRegionsOf(actor: Actor): { all: true } | { all: false; regionIds: string[] } {
  const roles = actor.platformRoles.filter((r) => r.role === 'network_coordinator');
  if (roles.some((r) => r.regionId === null)) return { all: true };
  return { all: false, regionIds: roles.map((r) => r.regionId).filter((id): id is string => id !== null) };
}

/** Whether the actor oversees the engagement declarations of this region (platform admin or its coordinator). */
export function overseesRegion(actor: Actor, regionId: string): boolean {
  if (isPlatformAdmin(actor)) return true;
  const regions = coordinatedRegionsOf(actor);
  return regions.all || regions.regionIds.includes(regionId);
}

/** The facts of a declaration the rules need. */
export interface EngagementFacts {
  id: string;
  organisationId: string;
  regionId: string;
}

const keeps = (ctx: FullContext, organisationId: string) => {
  const scope = adminScopeOf(ctx.actor);
  return scope.all || scope.orgIds.includes(organisationId);
};
const keepsIt = (ctx: FullContext, e: EngagementFacts) => keeps(ctx, e.organisationId);
const seesIt = (ctx: FullContext, e: EngagementFacts) => keeps(ctx, e.organisationId) || overseesRegion(ctx.actor, e.regionId);

export const engagementPolicy: RecordPolicy<TEngagementAction, EngagementFacts> = defineRecordPolicy({
  resourceType: 'engagement_declaration',
  actions: ENGAGEMENT_ACTIONS,
  idOf: (e: EngagementFacts) => e.id,
  visible: seesIt,
  scope: (ctx): SQL => {
    const admin = adminScopeOf(ctx.actor);
    const regions = coordinatedRegionsOf(ctx.actor);
    if (admin.all || (isCoordinator(ctx.actor) && regions.all)) return sql`true`;
    const parts: SQL[] = [];
    if (admin.orgIds.length) parts.push(inArray(engagementDeclaration.organisationId, admin.orgIds));
    if (!regions.all && regions.regionIds.length) parts.push(inArray(engagementDeclaration.regionId, regions.regionIds));
    return parts.length ? (or(...parts) ?? sql`false`) : sql`false`;
  },
  rules: { view: seesIt, update: keepsIt, delete: keepsIt, upload: keepsIt, download: seesIt },
});

/** Route gate of reading a declaration and its document: organisation admins, network coordinators and platform admins. */
export const engagementReadPolicy: RoutePolicy = {
  name: 'directory-engagement-read',
  description: 'Organisation administrators (their own), network coordinators (their regions) and platform administrators',
  check: (request: FastifyRequest) => {
    const { actor } = requireFullContext(request.ctx);
    const orgAdmin = actor.memberships.some((m) => m.roles.includes('org_admin'));
    if (!isPlatformAdmin(actor) && !isCoordinator(actor) && !orgAdmin) throw new Forbidden();
  },
};

/** Route gate of a region's overview: network coordinators (their regions) and platform admins. */
export const engagementOverviewPolicy: RoutePolicy = {
  name: 'directory-engagement-overview',
  description: 'Network coordinators (their regions) and platform administrators',
  check: (request: FastifyRequest) => {
    const { actor } = requireFullContext(request.ctx);
    if (!isPlatformAdmin(actor) && !isCoordinator(actor)) throw new Forbidden();
  },
};
