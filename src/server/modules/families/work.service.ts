import type { Db } from '../../db/client.js';
import type { FullContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { brusselsDate } from '../../platform/clock.js';
import { daysBetween, flagOf } from '../../../shared/schemas/families/requests.js';
import { WORK_DUE_DAYS, WORK_SECTION_LIMIT, type TWork, type TWorkResponse } from '../../../shared/schemas/families/work.js';
import { workRepo, type WorkInput } from './work.repo.js';

/** A request counts as work from this many days before its due date (the board's "at risk"). */
const REQUEST_AT_RISK_DAYS = 7;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function empty(today: string): TWork {
  const none = { items: [], total: 0 };
  return { today, requests: none, actions: none, evaluations: none, changes: none, waiting: none };
}

/**
 * "My work": what is due, what changed in my families since my last visit and who is waiting —
 * only for families whose file I may open now (a withdrawn consent takes them off at once). It reads
 * family data of several families, so it is audited as one read of the list (like "my families"):
 * who, and how many items per section, never names or contents.
 */
export function createWorkService(db: Db) {
  return {
    async mine(ctx: FullContext): Promise<TWorkResponse> {
      const today = brusselsDate(ctx.now);
      const personId = ctx.actor.personId;
      if (!personId) return { data: empty(today) };
      const input: WorkInput = { personId, now: ctx.now, today, dueDays: WORK_DUE_DAYS, limit: WORK_SECTION_LIMIT };
      return db.transaction(async (tx) => {
        const requests = await workRepo.requests(tx, input, REQUEST_AT_RISK_DAYS);
        const actions = await workRepo.actions(tx, input);
        const evaluations = await workRepo.evaluations(tx, input);
        const allChanges = (await workRepo.changes(tx, input)).filter(
          (c) => (c.planVersions ?? 0) + (c.journalNotes ?? 0) + c.teamChanges + c.consentChanges > 0,
        );
        const waiting = await workRepo.waiting(tx, input);
        const data: TWork = {
          today,
          requests: {
            total: requests.total,
            items: requests.items.map(({ total: _t, ...r }) => {
              const daysLeft = daysBetween(today, r.dueOn);
              return { ...r, daysLeft, flag: flagOf(daysLeft) };
            }),
          },
          actions: {
            total: actions.total,
            items: actions.items.map(({ total: _t, ...a }) => ({ ...a, mine: a.mine === true, daysLeft: a.dueOn ? daysBetween(today, a.dueOn) : null })),
          },
          evaluations: {
            total: evaluations.total,
            items: evaluations.items.map(({ total: _t, ...e }) => ({ ...e, daysLeft: daysBetween(today, e.evaluationOn) })),
          },
          changes: {
            total: allChanges.length,
            items: allChanges.slice(0, WORK_SECTION_LIMIT).map((c) => ({ ...c, lastVisitAt: iso(c.lastVisitAt) })),
          },
          waiting: {
            total: waiting.total,
            items: waiting.items.map(({ total: _t, ...w }) => ({ ...w, bridging: w.bridging === true, daysWaiting: Math.max(0, daysBetween(w.sinceOn, today)) })),
          },
        };
        // One row for the whole page: who looked, and how much each section held — no names, no contents.
        await recordAudit(tx, {
          ...auditActor(ctx),
          action: 'work.view',
          resourceType: 'family',
          outcome: 'success',
          details: {
            requests: data.requests.total,
            actions: data.actions.total,
            evaluations: data.evaluations.total,
            changes: data.changes.total,
            waiting: data.waiting.total,
          },
        });
        return { data };
      });
    },
  };
}
