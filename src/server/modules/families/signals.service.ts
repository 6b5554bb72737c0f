import type { Db, Tx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { requireFullContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { Conflict, NotFound, VersionConflict } from '../../platform/errors.js';
import { boundLimit } from '../../db/paging.js';
import { ZCaseSummary, type TRegionSignal } from '../../../shared/schemas/families/care.js';
import type { FamilyFacts } from './access.repo.js';
import { familyPolicy } from './families.policy.js';
import { auditFamily, inFamily } from './family-gate.js';
import { buildCaseSummary } from './case-summary.js';
import { signalsRepo, type RegionSignalRow } from './signals.repo.js';
import { signalPolicy } from './signals.policy.js';

/** The queue of the blocked-trajectory rules (hourly; idempotent). */
export const BLOCKED_RULES_QUEUE = 'families.blocked-signal-rules';

/**
 * Blocked trajectories: signals raised by hand (the team, `raiseSignal`) or by rule (a job),
 * resolved by the team, escalated to the case table by the contact person (`escalate`) or by the
 * network coordinator of the region (signals.policy.ts), which stores the pseudonymised case
 * summary. Every read and change is audited; the family's id is on every row that touches it.
 */
const viewerOf = (ctx: FullContext) => ({ personId: ctx.actor.personId, now: ctx.now });

export function createSignalsService(db: Db) {
  const familyAbilities = (ctx: FullContext, facts: FamilyFacts) => ({
    raise: familyPolicy.can(ctx, 'raiseSignal', facts),
    resolve: familyPolicy.can(ctx, 'raiseSignal', facts),
    escalate: familyPolicy.can(ctx, 'escalate', facts),
  });

  async function oneFamilySignal(tx: Tx, ctx: FullContext, facts: FamilyFacts, signalId: string) {
    const [row] = await signalsRepo.familySignals(tx, facts.id, signalId);
    if (!row) throw new NotFound();
    return { data: row, abilities: familyAbilities(ctx, facts) };
  }

  function toRegionSignal(row: RegionSignalRow | NonNullable<RegionSignalRow>): TRegionSignal {
    if (!row) throw new NotFound();
    const summary = row.caseSummary ? ZCaseSummary.safeParse(row.caseSummary) : null;
    return {
      id: row.id,
      pseudonym: row.pseudonym,
      regionId: row.regionId,
      regionName: row.regionName,
      source: row.source,
      rule: row.rule,
      reason: row.reason,
      raisedByOrganisation: row.raisedByOrganisation,
      raisedAt: row.raisedAt,
      escalatedAt: row.escalatedAt,
      caseSummary: summary?.success ? summary.data : null,
      version: row.version,
    };
  }

  /** Escalation, from either side: the summary is made and stored in the same transaction as the audit row. */
  async function escalate(tx: Tx, ctx: FullContext, signal: { id: string; familyId: string; version: number; escalatedAt: Date | null; resolvedAt: Date | null }, version: number) {
    if (signal.version !== version) throw new VersionConflict();
    if (signal.resolvedAt || signal.escalatedAt) throw new Conflict('The signal was resolved or escalated already');
    const summary = await buildCaseSummary(tx, signal.familyId, ctx.now);
    if (!(await signalsRepo.update(tx, signal.id, version, { escalatedAt: ctx.now, escalatedBy: ctx.actor.personId, caseSummary: summary }, ctx.now))) {
      throw new VersionConflict();
    }
  }

  return {
    // --- inside the family file ---------------------------------------------------------------
    listForFamily(ctx: RequestContext, familyId: string) {
      return inFamily(db, ctx, familyId, 'view', async (tx, facts, full) => {
        const items = await signalsRepo.familySignals(tx, familyId);
        await auditFamily(tx, full, facts, { action: 'signal.list', details: { count: items.length } });
        return { data: { items }, abilities: familyAbilities(full, facts) };
      });
    },

    raise(ctx: RequestContext, familyId: string, input: { reason: string }) {
      return inFamily(db, ctx, familyId, 'raiseSignal', async (tx, facts, full) => {
        const id = await signalsRepo.insertManual(tx, { familyId, regionId: facts.regionId, reason: input.reason, raisedBy: full.actor.personId }, full.now);
        await auditFamily(tx, full, facts, { action: 'signal.raise', resourceType: 'blocked_signal', resourceId: id });
        return oneFamilySignal(tx, full, facts, id);
      });
    },

    resolve(ctx: RequestContext, familyId: string, signalId: string, input: { version: number }) {
      return inFamily(db, ctx, familyId, 'raiseSignal', async (tx, facts, full) => {
        const signal = await signalsRepo.lock(tx, signalId, familyId);
        if (!signal) throw new NotFound();
        if (signal.version !== input.version) throw new VersionConflict();
        if (signal.resolvedAt) throw new Conflict('The signal was resolved already');
        if (!(await signalsRepo.update(tx, signalId, input.version, { resolvedAt: full.now, resolvedBy: full.actor.personId }, full.now))) throw new VersionConflict();
        await auditFamily(tx, full, facts, { action: 'signal.resolve', resourceType: 'blocked_signal', resourceId: signalId, details: { rule: signal.rule } });
        return oneFamilySignal(tx, full, facts, signalId);
      });
    },

    escalateFromFamily(ctx: RequestContext, familyId: string, signalId: string, input: { version: number }) {
      return inFamily(db, ctx, familyId, 'escalate', async (tx, facts, full) => {
        const signal = await signalsRepo.lock(tx, signalId, familyId);
        if (!signal) throw new NotFound();
        await escalate(tx, full, signal, input.version);
        await auditFamily(tx, full, facts, { action: 'signal.escalate', resourceType: 'blocked_signal', resourceId: signalId, details: { by: 'contact' } });
        return oneFamilySignal(tx, full, facts, signalId);
      });
    },

    // --- the network coordinator ----------------------------------------------------------------
    async listForRegion(ctx: RequestContext, query: { cursor?: string | undefined; limit?: number | undefined }) {
      const full = requireFullContext(ctx);
      return db.transaction(async (tx) => {
        const page = await signalsRepo.regionPage(tx, viewerOf(full), signalPolicy.scope(full), { cursor: query.cursor, limit: boundLimit(query.limit) });
        await recordAudit(tx, { ...auditActor(full), action: 'signal.region_list', resourceType: 'blocked_signal', outcome: 'success', details: { count: page.items.length } });
        const items = page.items.map(toRegionSignal);
        return { data: { items, nextCursor: page.nextCursor }, abilities: signalPolicy.abilitiesById(full, page.items) };
      });
    },

    getForRegion(ctx: RequestContext, signalId: string) {
      return db.transaction(async (tx) => {
        const row = await signalsRepo.regionSignal(tx, viewerOf(requireFullContext(ctx)), signalId);
        if (!row) throw new NotFound();
        signalPolicy.authorize(ctx, 'view', row);
        await recordAudit(tx, {
          ...auditActor(ctx), action: 'signal.view', resourceType: 'blocked_signal', resourceId: signalId, familyId: row.familyId, outcome: 'success',
        });
        return { data: toRegionSignal(row), abilities: signalPolicy.abilitiesOf(ctx, row) };
      });
    },

    escalateFromRegion(ctx: RequestContext, signalId: string, input: { version: number }) {
      return db.transaction(async (tx) => {
        const signal = await signalsRepo.lock(tx, signalId);
        if (!signal) throw new NotFound();
        signalPolicy.authorize(ctx, 'escalate', { id: signal.id, regionId: signal.regionId, resolvedAt: signal.resolvedAt?.toISOString() ?? null });
        await escalate(tx, ctx, signal, input.version);
        await recordAudit(tx, {
          ...auditActor(ctx), action: 'signal.escalate', resourceType: 'blocked_signal', resourceId: signalId, familyId: signal.familyId, outcome: 'success',
          details: { by: 'coordinator' },
        });
        const row = await signalsRepo.regionSignal(tx, viewerOf(ctx), signalId);
        if (!row) throw new NotFound();
        return { data: toRegionSignal(row), abilities: signalPolicy.abilitiesOf(ctx, row) };
      });
    },

    /** The rule job: raises what is due, one audit row per signal raised (no actor: the system). */
    async runRules(now: Date): Promise<number> {
      return db.transaction(async (tx) => {
        const raised = await signalsRepo.raiseRuleSignals(tx, now);
        for (const s of raised) {
          await recordAudit(tx, {
            action: 'signal.raise_rule', resourceType: 'blocked_signal', resourceId: s.id, familyId: s.familyId, actorLabel: 'system', outcome: 'success',
            details: { rule: s.rule },
          });
        }
        return raised.length;
      });
    },
  };
}
