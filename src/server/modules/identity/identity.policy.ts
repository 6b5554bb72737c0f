import { exists, inArray, sql, and, eq, type SQL } from 'drizzle-orm';
import type { FullContext, RequestContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { defineRecordPolicy, type RecordPolicy } from '../../platform/policy/record.js';
import { AppError, Forbidden } from '../../platform/errors.js';
import { requireStepUp } from '../../platform/auth/step-up.js';
import { membership, organisation, person } from '../../db/schema/index.js';
import { ORGANISATION_ACTIONS, PERSON_ACTIONS, type TOrganisationAction, type TPersonAction } from '../../../shared/schemas/admin.js';
import type { OrgRole, PlatformRole } from '../../../shared/permissions.js';

/**
 * Who may do what with organisations and people — the one place these rules live.
 * Platform admins reach everything; organisation admins reach their own organisations and the
 * people who are members there, never people with platform roles.
 */

/** What an admin may reach: everything (platform admin) or the organisations they administer. */
export function adminScopeOf(actor: Actor): { all: true } | { all: false; orgIds: string[] } {
  if (actor.platformRoles.some((r) => r.role === 'platform_admin')) return { all: true };
  return { all: false, orgIds: actor.memberships.filter((m) => m.roles.includes('org_admin')).map((m) => m.organisationId) };
}

const isPlatformAdmin = (ctx: FullContext) => adminScopeOf(ctx.actor).all;

/** The facts of an organisation the rules need. */
export interface OrganisationFacts {
  id: string;
  status: 'active' | 'archived';
}

export const organisationPolicy: RecordPolicy<TOrganisationAction, OrganisationFacts> = defineRecordPolicy({
  resourceType: 'organisation',
  actions: ORGANISATION_ACTIONS,
  idOf: (o: OrganisationFacts) => o.id,
  visible: (ctx, o) => {
    const scope = adminScopeOf(ctx.actor);
    return scope.all || scope.orgIds.includes(o.id);
  },
  scope: (ctx): SQL => {
    const scope = adminScopeOf(ctx.actor);
    if (scope.all) return sql`true`;
    return scope.orgIds.length ? inArray(organisation.id, scope.orgIds) : sql`false`;
  },
  rules: {
    view: () => true,
    update: () => true,
    // Archiving closes an organisation for the whole network: platform admins only.
    archive: (ctx) => isPlatformAdmin(ctx),
    addPerson: (_ctx, o) => o.status === 'active',
  },
});

/** The facts of a person the rules need. */
export interface PersonFacts {
  id: string;
  status: 'active' | 'disabled';
  disabledBy: 'platform' | 'organisation' | null;
  platformRoles: readonly PlatformRole[];
  memberships: readonly { organisationId: string; roles: readonly OrgRole[] }[];
}

/**
 * An organisation admin manages the people of their organisations, but not people with a
 * platform role (those are a platform admin's) and not a disable by a platform admin.
 */
function manages(ctx: FullContext, p: PersonFacts): boolean {
  return isPlatformAdmin(ctx) || p.platformRoles.length === 0;
}

export const personPolicy: RecordPolicy<TPersonAction, PersonFacts> = defineRecordPolicy({
  resourceType: 'person',
  actions: PERSON_ACTIONS,
  idOf: (p: PersonFacts) => p.id,
  visible: (ctx, p) => {
    const scope = adminScopeOf(ctx.actor);
    return scope.all || p.memberships.some((m) => scope.orgIds.includes(m.organisationId));
  },
  scope: (ctx): SQL => {
    const scope = adminScopeOf(ctx.actor);
    if (scope.all) return sql`true`;
    if (!scope.orgIds.length) return sql`false`;
    return exists(
      sql`(select 1 from ${membership} where ${and(eq(membership.personId, person.id), inArray(membership.organisationId, scope.orgIds))})`,
    );
  },
  rules: {
    view: () => true,
    edit: (ctx, p) => manages(ctx, p),
    // The login address: changing it can hand the account to somebody else, so it needs step-up.
    changeEmail: (ctx, p) => (manages(ctx, p) ? 'step-up' : false),
    // Making somebody an administrator is sensitive for everyone.
    grantOrgAdmin: (ctx, p) => (manages(ctx, p) ? 'step-up' : false),
    disable: (ctx, p) => p.status === 'active' && p.id !== ctx.actor.personId && manages(ctx, p) ? 'step-up' : false,
    // A disable is lifted only by the authority that imposed it (or a higher one); a platform
    // admin's disable needs a platform admin with a fresh step-up.
    enable: (ctx, p) => {
      if (p.status !== 'disabled' || !manages(ctx, p)) return false;
      if (p.disabledBy === 'organisation') return true;
      return isPlatformAdmin(ctx) ? 'step-up' : false;
    },
  },
});

/** The authority an actor disables with: what `person.disabled_by` records. */
export const disableAuthorityOf = (ctx: FullContext): 'platform' | 'organisation' => (isPlatformAdmin(ctx) ? 'platform' : 'organisation');

/**
 * Creating a person: in an organisation the actor may add people to (checked with
 * organisationPolicy), platform roles only by platform admins; granting platform roles or
 * org_admin needs step-up. Throws the refusal; `ctx` is full afterwards.
 */
export function authorizeNewPerson(
  ctx: RequestContext,
  input: { organisationId?: string | undefined; orgRoles: readonly OrgRole[]; platformRoles: readonly PlatformRole[] },
): asserts ctx is FullContext {
  if (ctx.actor?.level !== 'full') throw new AppError(401, 'unauthenticated');
  const full = ctx as FullContext;
  if (input.platformRoles.length && !isPlatformAdmin(full)) throw new Forbidden('Only platform administrators give platform roles.');
  const sensitive = input.platformRoles.length > 0 || (input.organisationId !== undefined && input.orgRoles.includes('org_admin'));
  if (sensitive) requireStepUp(full.actor, full.now);
}
