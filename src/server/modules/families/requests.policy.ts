import { sql, type SQL } from 'drizzle-orm';
import type { FullContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { defineRecordPolicy, type RecordPolicy } from '../../platform/policy/record.js';
import { contactAssignment, familyRequest } from '../../db/schema/index.js';
import { REQUEST_ACTIONS, type TRequestAction } from '../../../shared/schemas/families/requests.js';
import type { TRequestStatus } from '../../../shared/schemas/families/enums.js';

/**
 * Who may do what with a request (aanmelding). A network coordinator sees and manages the
 * requests of their region (platform_role.region_id; null = every region); the open contact
 * person of the request's family sees that request and takes it further (first contact, answer).
 * Everyone else: 404. Requests carry metadata only — plan content stays behind the consent gate.
 */

/** The regions a person coordinates: all, some, or none. */
export function coordinatedRegions(actor: Actor): { all: true } | { all: false; regionIds: string[] } {
  const roles = actor.platformRoles.filter((r) => r.role === 'network_coordinator');
  if (roles.some((r) => r.regionId === null)) return { all: true };
  return { all: false, regionIds: roles.map((r) => r.regionId).filter((id): id is string => id !== null) };
}

export const isCoordinator = (actor: Actor) => actor.platformRoles.some((r) => r.role === 'network_coordinator');

/** The facts of a request the rules need. */
export interface RequestFacts {
  id: string;
  regionId: string;
  status: TRequestStatus;
  version: number;
  /** The open contact person of the request's family (null: no family or no contact person yet). */
  contactPersonId: string | null;
}

function coordinates(ctx: FullContext, r: RequestFacts): boolean {
  const regions = coordinatedRegions(ctx.actor);
  return regions.all || regions.regionIds.includes(r.regionId);
}
const isContact = (ctx: FullContext, r: RequestFacts) => r.contactPersonId !== null && r.contactPersonId === ctx.actor.personId;

/** The requests a coordinator manages, as SQL on the `request` table. */
export function coordinatorScopeSql(ctx: FullContext): SQL {
  const regions = coordinatedRegions(ctx.actor);
  if (regions.all) return isCoordinator(ctx.actor) ? sql`true` : sql`false`;
  if (!regions.regionIds.length) return sql`false`;
  return sql`${familyRequest.regionId} in (${sql.join(regions.regionIds.map((id) => sql`${id}::uuid`), sql`, `)})`;
}

/** The requests whose family has this person as open contact person, as SQL on the `request` table. */
export function contactScopeSql(personId: string | null): SQL {
  if (!personId) return sql`false`;
  // Qualified by hand, wherever this lands: a bare "family_id" (as Drizzle writes columns in the select list of a one-table query) would be read by the subquery as its own.
  return sql`exists (select 1 from ${contactAssignment} ca where ca.family_id = ${sql.identifier('request')}.${sql.identifier('family_id')} and ca.person_id = ${personId} and ca.until_at is null)`;
}

export const requestPolicy: RecordPolicy<TRequestAction, RequestFacts> = defineRecordPolicy({
  resourceType: 'request',
  actions: REQUEST_ACTIONS,
  idOf: (r: RequestFacts) => r.id,
  // Must agree with scope: a coordinator of the region, or the family's open contact person.
  visible: (ctx, r) => (isCoordinator(ctx.actor) && coordinates(ctx, r)) || isContact(ctx, r),
  scope: (ctx): SQL => sql`(${coordinatorScopeSql(ctx)} or ${contactScopeSql(ctx.actor.personId)})`,
  rules: {
    view: () => true,
    triage: (ctx, r) => coordinates(ctx, r) && isCoordinator(ctx.actor) && r.status === 'received',
    assignContact: (ctx, r) => coordinates(ctx, r) && isCoordinator(ctx.actor) && r.status === 'triage',
    recordFirstContact: (ctx, r) => r.status === 'contact_assigned' && (isContact(ctx, r) || (isCoordinator(ctx.actor) && coordinates(ctx, r))),
    // From triage only the coordinator answers (advice or a referral without a contact person).
    answer: (ctx, r) =>
      (r.status === 'first_contact' && (isContact(ctx, r) || (isCoordinator(ctx.actor) && coordinates(ctx, r))))
      || (r.status === 'triage' && isCoordinator(ctx.actor) && coordinates(ctx, r)),
  },
});
