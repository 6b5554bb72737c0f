import { sql, type SQL } from 'drizzle-orm';
import type { FullContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { requireFullContext } from '../../platform/context.js';
import { Forbidden } from '../../platform/errors.js';
import { defineRecordPolicy, type RecordPolicy } from '../../platform/policy/record.js';
import type { RoutePolicy } from '../../platform/policy/policy.js';
import { PRACTICE_ACTIONS, type TPracticeAction, type TPracticeStatus } from '../../../shared/schemas/learning-practices.js';
import { isCoordinator } from './toolkit.policy.js';

/**
 * Who may do what with good practices — the one place these rules live.
 * - A published practice is read by everyone with a full session (every network partner).
 * - A draft or withdrawn practice is known to the people of its author organisation and to the
 *   network coordinators only (anyone else: 404, as for one that does not exist).
 * - Proposing (a new draft): anyone working in an organisation, and network coordinators.
 * - Changing the text, sectors, organisations and attachments: the author organisation's people and
 *   the coordinators (`version`: 409 when stale).
 * - Publishing (draft or withdrawn → published) and withdrawing (published → withdrawn): coordinators.
 */

export interface PracticeFacts {
  id: string;
  status: TPracticeStatus;
  authorOrganisationId: string | null;
}

const worksIn = (actor: Actor, organisationId: string | null) => organisationId !== null && actor.memberships.some((m) => m.organisationId === organisationId);
const uuidList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

export const mayPropose = (actor: Actor) => actor.personId !== null && (isCoordinator(actor) || actor.memberships.length > 0);

/** Route gate of proposing a practice. */
export const practiceProposerPolicy: RoutePolicy = {
  name: 'learning-practice-propose',
  description: 'Anyone working in an organisation, network coordinators',
  check: (request) => {
    const { actor } = requireFullContext(request.ctx);
    if (!mayPropose(actor)) throw new Forbidden();
  },
};

export const practicePolicy: RecordPolicy<TPracticeAction, PracticeFacts> = defineRecordPolicy({
  resourceType: 'learning_practice',
  actions: PRACTICE_ACTIONS,
  idOf: (p: PracticeFacts) => p.id,
  // Must agree with scope.
  visible: (ctx, p) => p.status === 'published' || isCoordinator(ctx.actor) || worksIn(ctx.actor, p.authorOrganisationId),
  scope: (ctx: FullContext): SQL => {
    if (isCoordinator(ctx.actor)) return sql`true`;
    const orgs = ctx.actor.memberships.map((m) => m.organisationId);
    if (!orgs.length) return sql`"learning_practice"."status" = 'published'`;
    return sql`("learning_practice"."status" = 'published' or "learning_practice"."author_organisation_id" in (${uuidList(orgs)}))`;
  },
  rules: {
    view: () => true,
    update: (ctx, p) => isCoordinator(ctx.actor) || worksIn(ctx.actor, p.authorOrganisationId),
    publish: (ctx, p) => isCoordinator(ctx.actor) && p.status !== 'published',
    withdraw: (ctx, p) => isCoordinator(ctx.actor) && p.status === 'published',
  },
});
