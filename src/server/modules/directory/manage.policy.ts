import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/authenticate.js';
import { requireFullContext, type FullContext } from '../../platform/context.js';
import { Forbidden } from '../../platform/errors.js';
import { defineRecordPolicy, type RecordPolicy } from '../../platform/policy/record.js';
import type { RoutePolicy } from '../../platform/policy/policy.js';
import { ENTRY_ACTIONS, type TEntryAction } from '../../../shared/schemas/directory/manage.js';
import { adminScopeOf } from '../identity/identity.policy.js';

/**
 * Who keeps the directory: an organisation admin keeps their own organisation's entries (its
 * directory columns, locations, services, contact points and zinplekken); a platform admin keeps
 * all of them. An entry of another organisation is 404, exactly as one that does not exist.
 * Network coordinators (and platform admins) see the stale entries of every organisation.
 */

/** The facts of an entry the rules need: whose it is. */
export interface EntryFacts {
  id: string;
  organisationId: string;
}

const keeps = (ctx: FullContext, organisationId: string) => {
  const scope = adminScopeOf(ctx.actor);
  return scope.all || scope.orgIds.includes(organisationId);
};

/** The policy of one kind of entry; `organisationColumn` is the column naming its owner, for lists. */
function entryPolicy(resourceType: string, organisationColumn: PgColumn): RecordPolicy<TEntryAction, EntryFacts> {
  return defineRecordPolicy({
    resourceType,
    actions: ENTRY_ACTIONS,
    idOf: (e: EntryFacts) => e.id,
    visible: (ctx, e) => keeps(ctx, e.organisationId),
    scope: (ctx): SQL => {
      const scope = adminScopeOf(ctx.actor);
      if (scope.all) return sql`true`;
      return scope.orgIds.length ? inArray(organisationColumn, scope.orgIds) : sql`false`;
    },
    rules: { view: () => true, update: () => true, delete: () => true, confirm: () => true },
  });
}

export const DIRECTORY_ORGANISATION_ACTIONS = ['view', 'update', 'confirm'] as const;
export type TDirectoryOrganisationAction = (typeof DIRECTORY_ORGANISATION_ACTIONS)[number];

/** The organisation's own entry and the container of its entries (creating one is `update`). */
export function directoryOrganisationPolicy(organisationColumn: PgColumn): RecordPolicy<TDirectoryOrganisationAction, EntryFacts> {
  return defineRecordPolicy({
    resourceType: 'organisation',
    actions: DIRECTORY_ORGANISATION_ACTIONS,
    idOf: (e: EntryFacts) => e.id,
    visible: (ctx, e) => keeps(ctx, e.organisationId),
    scope: (ctx): SQL => {
      const scope = adminScopeOf(ctx.actor);
      if (scope.all) return sql`true`;
      return scope.orgIds.length ? inArray(organisationColumn, scope.orgIds) : sql`false`;
    },
    rules: { view: () => true, update: () => true, confirm: () => true },
  });
}

export { entryPolicy };

const isCoordinatorOrPlatformAdmin = (actor: Actor) => actor.platformRoles.some((r) => r.role === 'platform_admin' || r.role === 'network_coordinator');

/** What the stale list shows: every organisation (coordinators, platform admins) or the ones an admin keeps. */
export function staleScopeOf(actor: Actor): { all: true } | { all: false; orgIds: string[] } {
  if (isCoordinatorOrPlatformAdmin(actor)) return { all: true };
  return adminScopeOf(actor);
}

/** Route gate of the stale list: network coordinators, platform admins and organisation admins. */
export const staleListPolicy: RoutePolicy = {
  name: 'directory-stale',
  description: 'Network coordinators and platform administrators (every organisation), organisation administrators (their own)',
  check: (request: FastifyRequest) => {
    const { actor } = requireFullContext(request.ctx);
    const orgAdmin = actor.memberships.some((m) => m.roles.includes('org_admin'));
    if (!isCoordinatorOrPlatformAdmin(actor) && !orgAdmin) throw new Forbidden();
  },
};
