import { inArray, sql, type SQL } from 'drizzle-orm';
import { family } from '../../db/schema/index.js';
import type { FullContext } from '../../platform/context.js';
import { defineRecordPolicy, type RecordPolicy } from '../../platform/policy/record.js';
import { FAMILY_ACTIONS, type TConsentScope, type TFamilyAction } from '../../../shared/schemas/families/enums.js';
import { familyScopeSql, type FamilyFacts } from './access.repo.js';

/**
 * Who may do what with a family's file — the consent gate (data-model.md: access = an open team
 * membership × a current consent or override covering the scope). `visible` and `scope` come from
 * the same SQL (`access.repo.ts`): a family someone may not open answers 404 and never appears in
 * their lists or counts. Platform admins and coordinators get nothing here: they are not on the
 * team. Coordinators work with requests (`requests.policy.ts`), which carry no plan content.
 */

const has = (f: FamilyFacts, scope: TConsentScope) => f.scopes.includes(scope);
const onTeam = (f: FamilyFacts) => f.teamOrganisationId !== null;
const open = (f: FamilyFacts) => f.status === 'open';
const personOf = (ctx: FullContext) => ctx.actor.personId ?? '00000000-0000-0000-0000-000000000000';

export const familyPolicy: RecordPolicy<TFamilyAction, FamilyFacts> = defineRecordPolicy({
  resourceType: 'family',
  actions: FAMILY_ACTIONS,
  idOf: (f: FamilyFacts) => f.id,
  // Must agree with familyScopeSql: on the open team, and the contact person or holding a current grant.
  visible: (_ctx, f) => onTeam(f) && (f.isContact || f.scopes.length > 0),
  scope: (ctx): SQL => familyScopeSql(personOf(ctx), ctx.now),
  rules: {
    view: () => true,
    // Members and the informal network: the contact person, or whoever may edit the plan.
    editMembers: (_ctx, f) => open(f) && (f.isContact || has(f, 'edit_plan')),
    manageTeam: (_ctx, f) => open(f) && f.isContact,
    // The contact person records (and withdraws) consent on the family's behalf.
    manageConsent: (_ctx, f) => f.isContact,
    readPlan: (_ctx, f) => has(f, 'read_plan'),
    editPlan: (_ctx, f) => open(f) && has(f, 'edit_plan'),
    // The contact person records the family's agreement with a version they can read (later the family in the portal).
    agreePlan: (_ctx, f) => open(f) && f.isContact && has(f, 'read_plan'),
    readJournal: (_ctx, f) => has(f, 'journal'),
    writeJournal: (_ctx, f) => open(f) && has(f, 'journal'),
    manageWaits: (_ctx, f) => open(f) && (f.isContact || has(f, 'edit_plan')),
    manageAteliers: (_ctx, f) => open(f) && (f.isContact || has(f, 'edit_plan')),
    raiseSignal: (_ctx, f) => open(f),
    escalate: (_ctx, f) => open(f) && f.isContact,
    handOver: (_ctx, f) => open(f) && f.isContact,
    close: (_ctx, f) => open(f) && f.isContact,
  },
});

/**
 * An override without consent (danger, legal duty): asked by a professional who is on the open
 * team but has no grant (or not the scope needed). Visible to every open team member — also one
 * whose consent was withdrawn — and always behind a fresh step-up. Everyone else: 404.
 */
export const familyOverridePolicy: RecordPolicy<'override', FamilyFacts> = defineRecordPolicy({
  resourceType: 'family',
  actions: ['override'] as const,
  idOf: (f: FamilyFacts) => f.id,
  visible: (_ctx, f) => onTeam(f),
  scope: (ctx): SQL => familyScopeSql(personOf(ctx), ctx.now),
  rules: {
    override: (_ctx, f) => (open(f) ? 'step-up' : false),
  },
});

/**
 * Whether the actor is a network coordinator of this region (a coordinator role without a region
 * coordinates every region).
 */
export function coordinatesRegion(ctx: FullContext, regionId: string): boolean {
  return ctx.actor.platformRoles.some((r) => r.role === 'network_coordinator' && (r.regionId === null || r.regionId === regionId));
}

/**
 * Handing the contact person over (POST /api/families/:id/contact): the current contact person
 * may, and so may a network coordinator of the family's region — the coordinator assigns contact
 * persons, so they may also reassign one when the current one is gone (ill, left the
 * organisation). The coordinator learns only that the family exists in their region (the request
 * board shows that already), never its file: every other route still answers them 404.
 */
export const familyHandOverPolicy: RecordPolicy<'handOver', FamilyFacts> = defineRecordPolicy({
  resourceType: 'family',
  actions: ['handOver'] as const,
  idOf: (f: FamilyFacts) => f.id,
  visible: (ctx, f) => (onTeam(f) && (f.isContact || f.scopes.length > 0)) || coordinatesRegion(ctx, f.regionId),
  scope: (ctx): SQL => {
    const regions = ctx.actor.platformRoles.filter((r) => r.role === 'network_coordinator').map((r) => r.regionId);
    if (regions.includes(null)) return sql`true`;
    const ids = regions.filter((r): r is string => r !== null);
    return ids.length ? sql`(${familyScopeSql(personOf(ctx), ctx.now)} or ${inArray(family.regionId, ids)})` : familyScopeSql(personOf(ctx), ctx.now);
  },
  rules: {
    handOver: (ctx, f) => open(f) && (f.isContact || coordinatesRegion(ctx, f.regionId)),
  },
});
