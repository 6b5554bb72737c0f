import { sql, type SQL } from 'drizzle-orm';
import type { FullContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { requireFullContext } from '../../platform/context.js';
import { Forbidden } from '../../platform/errors.js';
import { brusselsDate } from '../../platform/clock.js';
import { defineRecordPolicy, type RecordPolicy } from '../../platform/policy/record.js';
import type { RoutePolicy } from '../../platform/policy/policy.js';
import { governanceAction, governanceBody, governanceMeeting, governanceMembership, governancePlan } from '../../db/schema/index.js';
import {
  ACTION_ITEM_ACTIONS,
  BODY_ACTIONS,
  MEETING_ACTIONS,
  PLAN_ACTIONS,
  type TActionItemAction,
  type TBodyAction,
  type TBodyRole,
  type TMeetingAction,
  type TPlanAction,
} from '../../../shared/schemas/governance.js';

/**
 * Who may do what with governance bodies — the one place these rules live.
 * - Platform admins: every body.
 * - Network coordinators (platform_role 'network_coordinator'; region_id null = every region): the
 *   bodies of the regions they coordinate — they create them, change them and keep their members.
 * - Anyone else: only the bodies they are a member of today; the chair and the secretary of a
 *   body keep its members and may change its name, kind and description.
 * A body out of reach is 404, exactly as one that does not exist.
 */

export const isPlatformAdmin = (actor: Actor) => actor.platformRoles.some((r) => r.role === 'platform_admin');

/** The regions a person coordinates: all, some, or none. */
export function coordinatedRegions(actor: Actor): { all: boolean; regionIds: string[] } {
  const roles = actor.platformRoles.filter((r) => r.role === 'network_coordinator');
  return { all: roles.some((r) => r.regionId === null), regionIds: roles.map((r) => r.regionId).filter((id): id is string => id !== null) };
}

/** Whether the actor governs bodies of this region (platform admin, or its coordinator). */
export function governsRegion(actor: Actor, regionId: string): boolean {
  if (isPlatformAdmin(actor)) return true;
  const regions = coordinatedRegions(actor);
  return regions.all || regions.regionIds.includes(regionId);
}

/** Route gate of creating a body: network coordinators and platform admins (the service checks the region). */
export const governanceAdminPolicy: RoutePolicy = {
  name: 'governance-admin',
  description: 'Network coordinators (their regions) and platform administrators',
  check: (request) => {
    const { actor } = requireFullContext(request.ctx);
    if (!isPlatformAdmin(actor) && !actor.platformRoles.some((r) => r.role === 'network_coordinator')) throw new Forbidden();
  },
};

/** The day "today" is for memberships: the calendar day in Brussels. */
export const todayOf = (ctx: { now: Date }): string => brusselsDate(ctx.now);

/** Whether a membership period holds on a day (both ends included). */
export const isCurrentOn = (m: { joinedOn: string; leftOn: string | null }, day: string): boolean =>
  m.joinedOn <= day && (m.leftOn === null || m.leftOn >= day);

/** The facts of a body the rules need. */
export interface BodyFacts {
  id: string;
  regionId: string;
  /** The roles the actor holds in the body today (empty: not a member). */
  actorRoles: readonly TBodyRole[];
}

const MANAGING_ROLES: readonly TBodyRole[] = ['chair', 'secretary'];
const leads = (b: BodyFacts) => b.actorRoles.some((r) => MANAGING_ROLES.includes(r));

/** SQL: the actor (person) holds a membership of the body in the row today. */
function currentMemberSql(personId: string | null, today: string): SQL {
  if (!personId) return sql`false`;
  // The body's id qualified by hand: a bare "id" would be read by the subquery as its own.
  return sql`exists (select 1 from ${governanceMembership} gm where gm.body_id = ${sql.identifier('governance_body')}.${sql.identifier('id')}
    and gm.person_id = ${personId} and gm.joined_on <= ${today}::date and (gm.left_on is null or gm.left_on >= ${today}::date))`;
}

export const bodyPolicy: RecordPolicy<TBodyAction, BodyFacts> = defineRecordPolicy({
  resourceType: 'governance_body',
  actions: BODY_ACTIONS,
  idOf: (b: BodyFacts) => b.id,
  // Must agree with scope.
  visible: (ctx, b) => governsRegion(ctx.actor, b.regionId) || b.actorRoles.length > 0,
  scope: (ctx: FullContext): SQL => {
    if (isPlatformAdmin(ctx.actor)) return sql`true`;
    const regions = coordinatedRegions(ctx.actor);
    if (regions.all) return sql`true`;
    const member = currentMemberSql(ctx.actor.personId, todayOf(ctx));
    if (!regions.regionIds.length) return member;
    return sql`(${governanceBody.regionId} in (${sql.join(regions.regionIds.map((id) => sql`${id}::uuid`), sql`, `)}) or ${member})`;
  },
  rules: {
    view: () => true,
    update: (ctx, b) => governsRegion(ctx.actor, b.regionId) || leads(b),
    manageMembers: (ctx, b) => governsRegion(ctx.actor, b.regionId) || leads(b),
  },
});

/**
 * Meetings (with their agenda, attendance, minutes and actions) follow their body: whoever sees
 * the body sees its meetings; its coordinators, platform admins, chair and secretary change them.
 */
export interface MeetingFacts extends BodyFacts {
  /** The body's id (`id` is the meeting's). */
  bodyId: string;
}

/** SQL: the body of the row (column `bodyIdColumn`) is visible to the actor (as bodyPolicy.scope). */
function bodyScopeSql(ctx: FullContext, bodyIdColumn: SQL): SQL {
  return sql`exists (select 1 from ${governanceBody} where ${sql.identifier('governance_body')}.${sql.identifier('id')} = ${bodyIdColumn} and ${bodyPolicy.scope(ctx)})`;
}

export const meetingPolicy: RecordPolicy<TMeetingAction, MeetingFacts> = defineRecordPolicy({
  resourceType: 'governance_meeting',
  actions: MEETING_ACTIONS,
  idOf: (m: MeetingFacts) => m.id,
  visible: (ctx, m) => governsRegion(ctx.actor, m.regionId) || m.actorRoles.length > 0,
  scope: (ctx: FullContext): SQL => bodyScopeSql(ctx, sql`${governanceMeeting.bodyId}`),
  rules: {
    view: () => true,
    update: (ctx, m) => governsRegion(ctx.actor, m.regionId) || leads(m),
  },
});

/** An action item: visible with its body, and to its owner; its owner may also update it (mark it done). */
export interface ActionItemFacts extends MeetingFacts {
  ownerPersonId: string | null;
}

const ownsAction = (ctx: FullContext, a: ActionItemFacts) => a.ownerPersonId !== null && a.ownerPersonId === ctx.actor.personId;

export const actionItemPolicy: RecordPolicy<TActionItemAction, ActionItemFacts> = defineRecordPolicy({
  resourceType: 'governance_action',
  actions: ACTION_ITEM_ACTIONS,
  idOf: (a: ActionItemFacts) => a.id,
  visible: (ctx, a) => governsRegion(ctx.actor, a.regionId) || a.actorRoles.length > 0 || ownsAction(ctx, a),
  scope: (ctx: FullContext): SQL => {
    const owner = ctx.actor.personId ? sql`${governanceAction.ownerPersonId} = ${ctx.actor.personId}` : sql`false`;
    return sql`(${bodyScopeSql(ctx, sql`${governanceAction.bodyId}`)} or ${owner})`;
  },
  rules: {
    view: () => true,
    update: (ctx, a) => governsRegion(ctx.actor, a.regionId) || leads(a) || ownsAction(ctx, a),
  },
});

/**
 * A regional plan (with its actions and indicators) follows the body that keeps it: its members
 * read it; its coordinators, platform admins, chair and secretary change it. `id` is the plan's.
 */
export interface PlanFacts extends BodyFacts {
  bodyId: string;
}

export const planPolicy: RecordPolicy<TPlanAction, PlanFacts> = defineRecordPolicy({
  resourceType: 'governance_plan',
  actions: PLAN_ACTIONS,
  idOf: (p: PlanFacts) => p.id,
  visible: (ctx, p) => governsRegion(ctx.actor, p.regionId) || p.actorRoles.length > 0,
  scope: (ctx: FullContext): SQL => bodyScopeSql(ctx, sql`${governancePlan.bodyId}`),
  rules: {
    view: () => true,
    update: (ctx, p) => governsRegion(ctx.actor, p.regionId) || leads(p),
  },
});
