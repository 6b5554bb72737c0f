import { sql, type SQL } from 'drizzle-orm';
import type { FullContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { requireFullContext } from '../../platform/context.js';
import { Forbidden } from '../../platform/errors.js';
import { defineRecordPolicy, type RecordPolicy } from '../../platform/policy/record.js';
import type { RoutePolicy } from '../../platform/policy/policy.js';
import { PARTNERSHIP_ACTIONS, type TPartnershipAction } from '../../../shared/schemas/learning-toolkit.js';
import { adminOrganisations, isPlatformAdmin } from './learning.policy.js';

/**
 * Who may do what in the collaboration toolkit — the one place these rules live.
 * - The toolkit's texts (barometer criteria, phases, checklist): everyone with a full session reads
 *   them; network coordinators and platform admins edit them (a new content version each time).
 * - A partnership is known to the people who work in one of its member organisations and to the
 *   network coordinators (anyone else: 404, as for one that does not exist). Platform admins keep
 *   the platform running and do not read partnerships' self-assessments.
 * - Creating one: a network coordinator (any organisations) or an organisation admin for a
 *   partnership that includes an organisation they administer (the service checks that).
 * - Changing name, description and members: coordinators and admins of a member organisation.
 * - `assess` (record a round, fill in a view): people working in a member organisation; each fills
 *   in the view of their own organisation only (the service checks which organisation).
 * - `deleteRounds`: coordinators (any round, with the views in it) and people working in a member
 *   organisation — these only while no other partner filled in a view in that round (the service
 *   checks: 409).
 */

export const isCoordinator = (actor: Actor) => actor.platformRoles.some((r) => r.role === 'network_coordinator');
const worksInAny = (actor: Actor, ids: string[]) => actor.memberships.some((m) => ids.includes(m.organisationId));
const uuidList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

export const mayEditContent = (actor: Actor) => isCoordinator(actor) || isPlatformAdmin(actor);
export const mayCreatePartnership = (actor: Actor) => isCoordinator(actor) || adminOrganisations(actor).length > 0;

/** Route gate of editing the toolkit's texts: network coordinators and platform admins. */
export const toolkitContentEditorPolicy: RoutePolicy = {
  name: 'learning-toolkit-content',
  description: 'Network coordinators and platform administrators',
  check: (request) => {
    const { actor } = requireFullContext(request.ctx);
    if (!mayEditContent(actor)) throw new Forbidden();
  },
};

/** Route gate of creating a partnership: coordinators and organisation admins (the service checks the organisations). */
export const partnershipCreatorPolicy: RoutePolicy = {
  name: 'learning-partnership-create',
  description: 'Network coordinators and organisation administrators (partnerships of their organisation)',
  check: (request) => {
    const { actor } = requireFullContext(request.ctx);
    if (!mayCreatePartnership(actor)) throw new Forbidden();
  },
};

export interface PartnershipFacts {
  id: string;
  organisationIds: string[];
}

export const partnershipPolicy: RecordPolicy<TPartnershipAction, PartnershipFacts> = defineRecordPolicy({
  resourceType: 'learning_partnership',
  actions: PARTNERSHIP_ACTIONS,
  idOf: (p: PartnershipFacts) => p.id,
  // Must agree with scope.
  visible: (ctx, p) => isCoordinator(ctx.actor) || worksInAny(ctx.actor, p.organisationIds),
  scope: (ctx: FullContext): SQL => {
    if (isCoordinator(ctx.actor)) return sql`true`;
    const orgs = ctx.actor.memberships.map((m) => m.organisationId);
    if (!orgs.length) return sql`false`;
    return sql`exists (select 1 from learning_partnership_member m where m.partnership_id = "learning_partnership"."id" and m.organisation_id in (${uuidList(orgs)}))`;
  },
  rules: {
    view: () => true,
    update: (ctx, p) => isCoordinator(ctx.actor) || adminOrganisations(ctx.actor).some((o) => p.organisationIds.includes(o)),
    assess: (ctx, p) => ctx.actor.personId !== null && worksInAny(ctx.actor, p.organisationIds),
    deleteRounds: (ctx, p) => isCoordinator(ctx.actor) || (ctx.actor.personId !== null && worksInAny(ctx.actor, p.organisationIds)),
  },
});
