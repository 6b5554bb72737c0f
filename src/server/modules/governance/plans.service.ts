import type { Db, DbOrTx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { Conflict, Duplicate, Invalid, NotFound, VersionConflict, detailPath } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import { boundLimit } from '../../db/paging.js';
import {
  PLAN_ACTION_STATUSES,
  PLAN_ACTION_TRANSITIONS,
  type TPlanActionCreate,
  type TPlanActionStatus,
  type TPlanActionTransition,
  type TPlanActionUpdate,
  type TPlanCreate,
  type TPlanDetail,
  type TPlanUpdate,
} from '../../../shared/schemas/governance.js';
import { bodyPolicy, planPolicy, todayOf, type PlanFacts } from './governance.policy.js';
import { governanceRepo } from './governance.repo.js';
import { plansRepo, type PlanActionRow } from './plans.repo.js';

const invalid = (path: string[], message: string) => new Invalid(message, [{ path: detailPath('body', ...path), message }]);

/** Dutch and English names of the statuses, for refusals. */
const STATUS_NAMES: Record<TPlanActionStatus, [string, string]> = {
  agreed_in_principle: ['principieel akkoord', 'agreed in principle'],
  budget_request_due: ['budgetaanvraag in te dienen', 'budget request due'],
  approved: ['goedgekeurd', 'approved'],
  released: ['vrijgegeven', 'released'],
  moved: ['verschoven naar een later jaar', 'moved to a later year'],
  dropped: ['geschrapt', 'dropped'],
};
const FINAL: readonly TPlanActionStatus[] = ['released', 'moved', 'dropped'];
const statusName = (ctx: FullContext, s: TPlanActionStatus) => tr(ctx, ...STATUS_NAMES[s]);

/**
 * The regional plan of a body per year: actions with budget, responsible and conditions, and a
 * status history in which every change may point at the decision (agenda item) that made it.
 * Transaction first, as meetings.service.ts: lock, authorize (planPolicy) inside, write, audit.
 */
export function createPlansService(db: Db) {
  const facts = (row: { id: string; bodyId: string; regionId: string; actorRoles: PlanFacts['actorRoles'] }): PlanFacts => ({
    id: row.id,
    bodyId: row.bodyId,
    regionId: row.regionId,
    actorRoles: row.actorRoles,
  });

  async function planDetail(tx: DbOrTx, ctx: FullContext, f: PlanFacts) {
    const row = await plansRepo.plan(tx, f.id);
    if (!row) throw new NotFound();
    const byStatus = new Map((await plansRepo.totals(tx, f.id)).map((t) => [t.status, t]));
    const totals = PLAN_ACTION_STATUSES.map((status) => ({ status, count: byStatus.get(status)?.count ?? 0, budgetCents: byStatus.get(status)?.budgetCents ?? 0 }));
    const sum = (list: typeof totals) => list.reduce((a, t) => a + t.budgetCents, 0);
    const data: TPlanDetail = {
      ...row,
      totals,
      total: {
        count: totals.reduce((a, t) => a + t.count, 0),
        budgetCents: sum(totals),
        activeBudgetCents: sum(totals.filter((t) => t.status !== 'moved' && t.status !== 'dropped')),
      },
    };
    return { data, abilities: planPolicy.abilitiesOf(ctx, f) };
  }

  async function actionDetail(tx: DbOrTx, ctx: FullContext, f: PlanFacts, actionId: string) {
    const row = await plansRepo.action(tx, actionId);
    if (!row) throw new NotFound();
    const history = (await plansRepo.history(tx, actionId)).map((h) => ({ ...h, changedAt: h.changedAt.toISOString() }));
    return { data: { ...toAction(row), history }, abilities: planPolicy.abilitiesOf(ctx, f) };
  }

  const toAction = (row: PlanActionRow) => row;

  async function authorizedPlan(tx: DbOrTx, ctx: RequestContext, id: string, action: 'view' | 'update', lock: boolean) {
    const row = await plansRepo.planFacts(tx, id, ctx.actor?.personId ?? null, todayOf(ctx), lock);
    if (!row) throw new NotFound();
    const f = facts(row);
    planPolicy.authorize(ctx, action, f);
    return { row, f, full: ctx };
  }

  async function authorizedAction(tx: DbOrTx, ctx: RequestContext, id: string, action: 'view' | 'update', lock: boolean) {
    const row = await plansRepo.actionFacts(tx, id, ctx.actor?.personId ?? null, todayOf(ctx), lock);
    if (!row) throw new NotFound();
    // The plan's facts: the policy decides on the plan the action belongs to.
    const f = facts({ ...row, id: row.planId });
    planPolicy.authorize(ctx, action, f);
    return { row, f, full: ctx };
  }

  async function checkResponsible(tx: DbOrTx, ctx: FullContext, input: { responsiblePersonId?: string | null | undefined; responsibleOrganisationId?: string | null | undefined }) {
    if (input.responsiblePersonId && (await governanceRepo.personStatus(tx, input.responsiblePersonId)) !== 'active') {
      throw invalid(['responsiblePersonId'], tr(ctx, 'Deze persoon bestaat niet of is uitgeschakeld.', 'This person does not exist or is disabled.'));
    }
    if (input.responsibleOrganisationId && !(await governanceRepo.organisationExists(tx, input.responsibleOrganisationId))) {
      throw invalid(['responsibleOrganisationId'], tr(ctx, 'Deze organisatie bestaat niet.', 'This organisation does not exist.'));
    }
  }

  async function checkDecision(tx: DbOrTx, ctx: FullContext, bodyId: string, itemId: string | null | undefined) {
    if (itemId && !(await plansRepo.agendaItemOfBody(tx, bodyId, itemId))) {
      throw invalid(['decisionItemId'], tr(ctx, 'Kies een agendapunt van een vergadering van het orgaan dat dit plan beheert.', 'Choose an agenda item of a meeting of the body that keeps this plan.'));
    }
  }

  const audit = (tx: DbOrTx, ctx: FullContext, action: string, resourceType: string, resourceId: string, details: Record<string, unknown>) =>
    recordAudit(tx, { ...auditActor(ctx), action, resourceType, resourceId, outcome: 'success', details });

  /**
   * Actions of the body's earlier plans moved to `year` continue in that year's plan (`planId`,
   * locked by the caller): a copy agreed in principle, pointing at the action it continues. Runs
   * when an action is moved to a year that has a plan, and when the plan of a year is started.
   */
  async function carryOver(tx: DbOrTx, ctx: FullContext, bodyId: string, year: number, planId: string) {
    for (const a of await plansRepo.movedInto(tx, bodyId, year)) {
      const number = await plansRepo.nextNumber(tx, planId);
      const id = await plansRepo.insertAction(
        tx,
        {
          planId,
          number,
          description: a.description,
          responsiblePersonId: a.responsiblePersonId,
          responsibleOrganisationId: a.responsibleOrganisationId,
          responsibleText: a.responsibleText,
          budgetCents: a.budgetCents,
          conditions: a.conditions,
          movedFromActionId: a.id,
        },
        ctx.now,
      );
      const note = tr(ctx, `Verschoven uit het plan ${a.fromYear} (actie ${a.number}).`, `Moved from the ${a.fromYear} plan (action ${a.number}).`);
      await plansRepo.insertStatusChange(tx, { actionId: id, fromStatus: null, toStatus: 'agreed_in_principle', movedToYear: null, decisionItemId: null, note, changedBy: ctx.actor.personId }, ctx.now);
      await audit(tx, ctx, 'governance.plan_action.create', 'governance_plan_action', id, { planId, number, budgetCents: a.budgetCents, movedFromActionId: a.id });
    }
  }

  return {
    async listPlans(ctx: RequestContext, bodyId: string, query: { cursor?: string | undefined; limit?: number | undefined }) {
      const body = await governanceRepo.bodyFacts(db, bodyId, ctx.actor?.personId ?? null, todayOf(ctx));
      if (!body) throw new NotFound();
      bodyPolicy.authorize(ctx, 'view', body);
      const page = await plansRepo.pagePlans(db, bodyId, { cursor: query.cursor, limit: boundLimit(query.limit) });
      const abilities = planPolicy.abilitiesById(ctx, page.items.map((p) => facts({ id: p.id, bodyId, regionId: body.regionId, actorRoles: body.actorRoles })));
      return { data: page, abilities };
    },

    async createPlan(ctx: RequestContext, bodyId: string, input: TPlanCreate) {
      return db.transaction(async (tx) => {
        const body = await governanceRepo.bodyFacts(tx, bodyId, ctx.actor?.personId ?? null, todayOf(ctx), true);
        if (!body) throw new NotFound();
        // Keeping the plan is managing the body: the same people as changing it.
        bodyPolicy.authorize(ctx, 'update', body);
        if (await plansRepo.planOfYear(tx, bodyId, input.year)) {
          throw new Duplicate('year', tr(ctx, 'Dit orgaan heeft al een plan voor dit jaar.', 'This body already has a plan for this year.'));
        }
        const id = await plansRepo.insertPlan(tx, { bodyId, year: input.year, title: input.title, description: input.description }, ctx.now);
        await audit(tx, ctx, 'governance.plan.create', 'governance_plan', id, { bodyId, year: input.year });
        await carryOver(tx, ctx, bodyId, input.year, id);
        return planDetail(tx, ctx, { id, bodyId, regionId: body.regionId, actorRoles: body.actorRoles });
      });
    },

    async getPlan(ctx: RequestContext, id: string) {
      const { f, full } = await authorizedPlan(db, ctx, id, 'view', false);
      return planDetail(db, full, f);
    },

    async updatePlan(ctx: RequestContext, id: string, input: TPlanUpdate) {
      return db.transaction(async (tx) => {
        const { row, f, full } = await authorizedPlan(tx, ctx, id, 'update', true);
        if (row.version !== input.version) throw new VersionConflict();
        const values = Object.fromEntries(Object.entries({ title: input.title, description: input.description }).filter(([, v]) => v !== undefined));
        if (!(await plansRepo.updatePlan(tx, id, input.version, values, full.now))) throw new VersionConflict();
        await audit(tx, full, 'governance.plan.update', 'governance_plan', id, { fields: Object.keys(values) });
        return planDetail(tx, full, f);
      });
    },

    /** The decision items a status change of this plan may point at (for those who keep the plan). */
    async decisionItems(ctx: RequestContext, planId: string, q?: string) {
      const { f, full } = await authorizedPlan(db, ctx, planId, 'update', false);
      const items = await plansRepo.decisionItems(db, f.bodyId, q);
      return { data: { items }, abilities: planPolicy.abilitiesOf(full, f) };
    },

    async listActions(ctx: RequestContext, planId: string, query: { status?: TPlanActionStatus | undefined; cursor?: string | undefined; limit?: number | undefined }) {
      const { f } = await authorizedPlan(db, ctx, planId, 'view', false);
      const page = await plansRepo.pageActions(db, planId, { status: query.status, cursor: query.cursor, limit: boundLimit(query.limit) });
      const abilities = planPolicy.abilitiesOf(ctx, f);
      return { data: { items: page.items.map(toAction), nextCursor: page.nextCursor }, abilities: Object.fromEntries(page.items.map((a) => [a.id, abilities])) };
    },

    async createAction(ctx: RequestContext, planId: string, input: TPlanActionCreate) {
      return db.transaction(async (tx) => {
        // The plan row stays locked: numbers are handed out one after the other.
        const { f, full } = await authorizedPlan(tx, ctx, planId, 'update', true);
        await checkResponsible(tx, full, input);
        await checkDecision(tx, full, f.bodyId, input.decisionItemId);
        const number = await plansRepo.nextNumber(tx, planId);
        const id = await plansRepo.insertAction(
          tx,
          {
            planId,
            number,
            description: input.description,
            responsiblePersonId: input.responsiblePersonId ?? null,
            responsibleOrganisationId: input.responsibleOrganisationId ?? null,
            responsibleText: input.responsibleText ?? '',
            budgetCents: input.budgetCents ?? 0,
            conditions: input.conditions ?? '',
          },
          full.now,
        );
        await plansRepo.insertStatusChange(
          tx,
          { actionId: id, fromStatus: null, toStatus: 'agreed_in_principle', movedToYear: null, decisionItemId: input.decisionItemId ?? null, note: '', changedBy: full.actor.personId },
          full.now,
        );
        await audit(tx, full, 'governance.plan_action.create', 'governance_plan_action', id, { planId, number, budgetCents: input.budgetCents ?? 0, decisionItemId: input.decisionItemId ?? null });
        return actionDetail(tx, full, f, id);
      });
    },

    async getAction(ctx: RequestContext, id: string) {
      const { f, full } = await authorizedAction(db, ctx, id, 'view', false);
      return actionDetail(db, full, f, id);
    },

    async updateAction(ctx: RequestContext, id: string, input: TPlanActionUpdate) {
      return db.transaction(async (tx) => {
        const { row, f, full } = await authorizedAction(tx, ctx, id, 'update', true);
        if (row.version !== input.version) throw new VersionConflict();
        if (FINAL.includes(row.status)) {
          throw new Conflict(
            tr(full, `Deze actie is ${statusName(full, row.status)} en kan niet meer gewijzigd worden.`, `This action is ${statusName(full, row.status)} and can no longer be changed.`),
          );
        }
        await checkResponsible(tx, full, input);
        const { version: _v, ...changes } = input;
        const values = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
        if (!(await plansRepo.updateAction(tx, id, input.version, values, full.now))) throw new VersionConflict();
        await audit(tx, full, 'governance.plan_action.update', 'governance_plan_action', id, { planId: row.planId, fields: Object.keys(values), budgetCents: input.budgetCents });
        return actionDetail(tx, full, f, id);
      });
    },

    async transition(ctx: RequestContext, id: string, input: TPlanActionTransition) {
      return db.transaction(async (tx) => {
        const { row, f, full } = await authorizedAction(tx, ctx, id, 'update', true);
        if (row.version !== input.version) throw new VersionConflict();
        if (!PLAN_ACTION_TRANSITIONS[row.status].includes(input.status)) {
          const allowed = PLAN_ACTION_TRANSITIONS[row.status].map((s) => statusName(full, s));
          throw new Conflict(
            allowed.length
              ? tr(
                  full,
                  `Een actie die ${statusName(full, row.status)} is, kan niet naar ${statusName(full, input.status)}; wel naar: ${allowed.join(', ')}.`,
                  `An action that is ${statusName(full, row.status)} cannot become ${statusName(full, input.status)}; it can become: ${allowed.join(', ')}.`,
                )
              : tr(full, `Deze actie is ${statusName(full, row.status)}: haar status ligt vast.`, `This action is ${statusName(full, row.status)}: its status is final.`),
          );
        }
        if (input.status === 'moved' && (input.movedToYear === undefined || input.movedToYear <= row.year)) {
          throw invalid(['movedToYear'], tr(full, `Geef het latere jaar waarnaar de actie verschuift (na ${row.year}).`, `Give the later year the action moves to (after ${row.year}).`));
        }
        if (input.status !== 'moved' && input.movedToYear !== undefined) {
          throw invalid(['movedToYear'], tr(full, 'Een jaar geef je alleen bij het verschuiven naar een later jaar.', 'A year is only given when moving to a later year.'));
        }
        await checkDecision(tx, full, f.bodyId, input.decisionItemId);
        const movedToYear = input.status === 'moved' ? (input.movedToYear ?? null) : null;
        if (!(await plansRepo.updateAction(tx, id, input.version, { status: input.status, movedToYear }, full.now))) throw new VersionConflict();
        await plansRepo.insertStatusChange(
          tx,
          { actionId: id, fromStatus: row.status, toStatus: input.status, movedToYear, decisionItemId: input.decisionItemId ?? null, note: input.note, changedBy: full.actor.personId },
          full.now,
        );
        await audit(tx, full, 'governance.plan_action.status', 'governance_plan_action', id, {
          planId: row.planId,
          from: row.status,
          to: input.status,
          movedToYear,
          decisionItemId: input.decisionItemId ?? null,
        });
        if (movedToYear !== null) {
          // The body row serialises this with starting a plan (which carries moved actions over too).
          await governanceRepo.bodyFacts(tx, f.bodyId, null, todayOf(full), true);
          const later = await plansRepo.planOfYear(tx, f.bodyId, movedToYear);
          if (later) {
            await plansRepo.planFacts(tx, later.id, null, todayOf(full), true);
            await carryOver(tx, full, f.bodyId, movedToYear, later.id);
          }
        }
        return actionDetail(tx, full, f, id);
      });
    },
  };
}
