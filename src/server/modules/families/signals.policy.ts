import type { FullContext } from '../../platform/context.js';
import { Forbidden } from '../../platform/errors.js';
import { defineRecordPolicy, type RecordPolicy } from '../../platform/policy/record.js';
import { requireFullContext } from '../../platform/context.js';
import type { RoutePolicy } from '../../platform/policy/policy.js';
import { signalsRepo } from './signals.repo.js';

/**
 * Blocked-trajectory signals as the NETWORK COORDINATOR sees them — a separate rule from the
 * family's consent gate (families.policy.ts), because coordinators are not on any team:
 * - a coordinator sees the open signals of their region(s) (platform_role.region_id; a role
 *   without a region covers every region), with the family's pseudonym only, never its file;
 * - a coordinator of the signal's region may escalate it to the case table, which makes the
 *   pseudonymised case summary (case-summary.ts) — the only family facts they ever receive;
 * - everyone else: 404 on a signal (403 on the list route).
 * Inside the family file the team raises, resolves and (the contact person) escalates signals
 * under familyPolicy's raiseSignal/escalate.
 */

export interface SignalFacts {
  id: string;
  regionId: string;
  resolvedAt: string | null;
}

/** The regions the actor coordinates: null = every region, [] = not a coordinator. */
export function coordinatedRegions(ctx: FullContext): string[] | null {
  const roles = ctx.actor.platformRoles.filter((r) => r.role === 'network_coordinator');
  if (roles.some((r) => r.regionId === null)) return null;
  return roles.map((r) => r.regionId).filter((id): id is string => id !== null);
}

const coordinates = (ctx: FullContext, regionId: string) => {
  const regions = coordinatedRegions(ctx);
  return regions === null || regions.includes(regionId);
};

export const SIGNAL_ACTIONS = ['view', 'escalate'] as const;

export const signalPolicy: RecordPolicy<(typeof SIGNAL_ACTIONS)[number], SignalFacts> = defineRecordPolicy({
  resourceType: 'blocked_signal',
  actions: SIGNAL_ACTIONS,
  idOf: (s: SignalFacts) => s.id,
  // Must agree with scope: the coordinator's regions.
  visible: (ctx, s) => ctx.actor.platformRoles.some((r) => r.role === 'network_coordinator') && coordinates(ctx, s.regionId),
  scope: (ctx) => signalsRepo.coordinatorScope(coordinatedRegions(ctx)),
  rules: {
    view: () => true,
    escalate: (_ctx, s) => s.resolvedAt === null,
  },
});

/** The route gate of the coordinator's signal routes: network coordinators only. */
export const coordinatorPolicy: RoutePolicy = {
  name: 'network-coordinator',
  description: 'Network coordinators (their own region, or every region for a role without one)',
  check: (request) => {
    const { actor } = requireFullContext(request.ctx);
    if (!actor.platformRoles.some((r) => r.role === 'network_coordinator')) throw new Forbidden();
  },
};
