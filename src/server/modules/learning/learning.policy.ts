import { sql, type SQL } from 'drizzle-orm';
import type { FullContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { requireFullContext } from '../../platform/context.js';
import { Forbidden } from '../../platform/errors.js';
import { defineRecordPolicy, type RecordPolicy } from '../../platform/policy/record.js';
import type { RoutePolicy } from '../../platform/policy/policy.js';
import { learningEvent } from '../../db/schema/index.js';
import { EVENT_ACTIONS, type TEventAction, type TEventStatus } from '../../../shared/schemas/learning.js';

/**
 * Who may do what with learning events — the one place these rules live.
 * - Platform admins and network coordinators: every event; they create and run them.
 * - Organisation admins: the events their organisation organises (create, change, sessions,
 *   participants, attendance).
 * - Every logged-in person: the published (and cancelled) events; a person registers for a published one.
 * A draft out of reach is 404, exactly as an event that does not exist.
 */

export const isPlatformAdmin = (actor: Actor) => actor.platformRoles.some((r) => r.role === 'platform_admin');
const isCoordinator = (actor: Actor) => actor.platformRoles.some((r) => r.role === 'network_coordinator');

/** The organisations the actor administers. */
export const adminOrganisations = (actor: Actor): string[] =>
  actor.memberships.filter((m) => m.roles.includes('org_admin')).map((m) => m.organisationId);

/** Platform admins and coordinators run every event. */
export const runsAllEvents = (actor: Actor) => isPlatformAdmin(actor) || isCoordinator(actor);

/** Whether the actor may organise an event for this organisation (null: a body named in free text). */
export function mayOrganiseFor(actor: Actor, organisationId: string | null): boolean {
  if (runsAllEvents(actor)) return true;
  return organisationId !== null && adminOrganisations(actor).includes(organisationId);
}

/** Route gate of creating an event: coordinators, platform admins and organisation admins (the service checks the organisation). */
export const learningOrganiserPolicy: RoutePolicy = {
  name: 'learning-organiser',
  description: 'Network coordinators, platform administrators and organisation administrators (events of their organisation)',
  check: (request) => {
    const { actor } = requireFullContext(request.ctx);
    if (!runsAllEvents(actor) && adminOrganisations(actor).length === 0) throw new Forbidden();
  },
};

/** The facts of an event the rules need. */
export interface EventFacts {
  id: string;
  status: TEventStatus;
  organiserOrganisationId: string | null;
}

const organises = (actor: Actor, e: EventFacts) => mayOrganiseFor(actor, e.organiserOrganisationId);

export const eventPolicy: RecordPolicy<TEventAction, EventFacts> = defineRecordPolicy({
  resourceType: 'learning_event',
  actions: EVENT_ACTIONS,
  idOf: (e: EventFacts) => e.id,
  // Must agree with scope.
  visible: (ctx, e) => e.status !== 'draft' || organises(ctx.actor, e),
  scope: (ctx: FullContext): SQL => {
    if (runsAllEvents(ctx.actor)) return sql`true`;
    const orgs = adminOrganisations(ctx.actor);
    const shown = sql`${learningEvent.status} <> 'draft'`;
    if (!orgs.length) return shown;
    return sql`(${shown} or ${learningEvent.organiserOrganisationId} in (${sql.join(orgs.map((id) => sql`${id}::uuid`), sql`, `)}))`;
  },
  rules: {
    view: () => true,
    update: (ctx, e) => organises(ctx.actor, e),
    manage: (ctx, e) => organises(ctx.actor, e),
    register: (ctx, e) => e.status === 'published' && ctx.actor.personId !== null,
  },
});
