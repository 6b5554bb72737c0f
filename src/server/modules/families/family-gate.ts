import type { Db, Tx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { NotFound } from '../../platform/errors.js';
import type { TFamilyAction } from '../../../shared/schemas/families/enums.js';
import { accessRepo, type FamilyFacts } from './access.repo.js';
import { familyPolicy } from './families.policy.js';

/**
 * Every service of the families module reaches a family through here — transaction first:
 * open the transaction, load (and with `lock`, lock) the family's facts for the actor, check the
 * action with `familyPolicy` (404 when the family is not theirs to see, 403 when the action is
 * not), then do the work. The caller writes its audit row with `auditFamily` in the same
 * transaction, reads included.
 */
export async function inFamily<T>(
  db: Db,
  ctx: RequestContext,
  familyId: string,
  action: TFamilyAction,
  work: (tx: Tx, facts: FamilyFacts, ctx: FullContext) => Promise<T>,
  opts: { lock?: boolean } = {},
): Promise<T> {
  return db.transaction(async (tx) => {
    const facts = await accessRepo.familyFacts(tx, familyId, ctx.actor?.personId ?? null, ctx.now, opts);
    if (!facts) throw new NotFound();
    familyPolicy.authorize(ctx, action, facts);
    return work(tx, facts, ctx);
  });
}

/**
 * The audit row of a read or change of family data: who, which family, what (resource), and
 * whether the access rested on an override (the family sees those later with their reason).
 * Details hold ids and field names only, never case content.
 */
export function auditFamily(
  tx: Tx,
  ctx: FullContext,
  facts: FamilyFacts,
  entry: { action: string; resourceType?: string; resourceId?: string; details?: Record<string, unknown> },
): Promise<void> {
  return recordAudit(tx, {
    ...auditActor(ctx),
    action: entry.action,
    resourceType: entry.resourceType ?? 'family',
    resourceId: entry.resourceId ?? facts.id,
    familyId: facts.id,
    organisationId: facts.teamOrganisationId,
    outcome: 'success',
    details: { ...(entry.details ?? {}), ...(facts.viaOverride ? { viaOverride: true } : {}) },
  });
}
