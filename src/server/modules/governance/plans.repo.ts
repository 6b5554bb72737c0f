import { and, asc, desc, eq, ilike, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import {
  governanceAgendaItem,
  governanceBody,
  governanceMeeting,
  governancePlan,
  governancePlanAction,
  governancePlanStatusChange,
  organisation,
  person,
  region,
} from '../../db/schema/index.js';
import { afterCursor, containsPattern, toPage } from '../../db/paging.js';
import type { TPlanActionStatus } from '../../../shared/schemas/governance.js';
import { governanceRepo } from './governance.repo.js';

/** SQL of regional plans, their actions and the actions' status history. */

const planColumns = {
  id: governancePlan.id,
  bodyId: governancePlan.bodyId,
  bodyName: governanceBody.name,
  regionId: governanceBody.regionId,
  regionName: region.name,
  year: governancePlan.year,
  title: governancePlan.title,
  description: governancePlan.description,
  version: governancePlan.version,
};

const responsiblePerson = alias(person, 'responsible_person');
const changer = alias(person, 'changer');

const actionColumns = {
  id: governancePlanAction.id,
  planId: governancePlanAction.planId,
  number: governancePlanAction.number,
  description: governancePlanAction.description,
  responsiblePersonId: governancePlanAction.responsiblePersonId,
  responsiblePersonName: responsiblePerson.name,
  responsibleOrganisationId: governancePlanAction.responsibleOrganisationId,
  responsibleOrganisationName: organisation.name,
  responsibleText: governancePlanAction.responsibleText,
  budgetCents: governancePlanAction.budgetCents,
  conditions: governancePlanAction.conditions,
  status: governancePlanAction.status,
  movedToYear: governancePlanAction.movedToYear,
  movedFromActionId: governancePlanAction.movedFromActionId,
  version: governancePlanAction.version,
};

function selectActions(db: DbOrTx) {
  return db
    .select(actionColumns)
    .from(governancePlanAction)
    .leftJoin(responsiblePerson, eq(responsiblePerson.id, governancePlanAction.responsiblePersonId))
    .leftJoin(organisation, eq(organisation.id, governancePlanAction.responsibleOrganisationId));
}

function selectPlans(db: DbOrTx) {
  return db.select(planColumns).from(governancePlan).innerJoin(governanceBody, eq(governanceBody.id, governancePlan.bodyId)).innerJoin(region, eq(region.id, governanceBody.regionId));
}

export type PlanRow = NonNullable<Awaited<ReturnType<typeof plansRepo.plan>>>;
export type PlanActionRow = NonNullable<Awaited<ReturnType<typeof plansRepo.action>>>;

export interface PlanActionValues {
  description: string;
  responsiblePersonId: string | null;
  responsibleOrganisationId: string | null;
  responsibleText: string;
  budgetCents: number;
  conditions: string;
}

export const plansRepo = {
  /** A page of a body's plans by year. */
  async pagePlans(db: DbOrTx, bodyId: string, input: { cursor?: string | undefined; limit: number }) {
    const sortKey = sql`lpad(${governancePlan.year}::text, 4, '0')`;
    const rows = await db
      .select({ ...planColumns, sortKey: sql<string>`lpad(${governancePlan.year}::text, 4, '0')` })
      .from(governancePlan)
      .innerJoin(governanceBody, eq(governanceBody.id, governancePlan.bodyId))
      .innerJoin(region, eq(region.id, governanceBody.regionId))
      .where(and(eq(governancePlan.bodyId, bodyId), afterCursor(sortKey, governancePlan.id, input.cursor)))
      .orderBy(asc(sortKey), asc(governancePlan.id))
      .limit(input.limit + 1);
    const page = toPage(rows, input.limit, (r) => ({ key: r.sortKey, id: r.id }));
    return { items: page.items.map(({ sortKey: _omit, ...r }) => r), nextCursor: page.nextCursor };
  },

  plan(db: DbOrTx, id: string) {
    return selectPlans(db).where(eq(governancePlan.id, id)).then((rows) => rows[0]);
  },

  /** The plan of a body for a year, if any. */
  async planOfYear(db: DbOrTx, bodyId: string, year: number) {
    const [row] = await db.select({ id: governancePlan.id }).from(governancePlan).where(and(eq(governancePlan.bodyId, bodyId), eq(governancePlan.year, year)));
    return row;
  },

  /** The facts the policy needs about a plan; with `lock`, the plan row stays locked (numbering of its actions). */
  async planFacts(db: DbOrTx, id: string, personId: string | null, today: string, lock = false) {
    const query = db
      .select({ id: governancePlan.id, bodyId: governancePlan.bodyId, regionId: governanceBody.regionId, year: governancePlan.year, version: governancePlan.version })
      .from(governancePlan)
      .innerJoin(governanceBody, eq(governanceBody.id, governancePlan.bodyId))
      .where(eq(governancePlan.id, id));
    const [row] = lock ? await query.for('update', { of: governancePlan }) : await query;
    if (!row) return undefined;
    const roles = await governanceRepo.actorRolesByBody(db, [row.bodyId], personId, today);
    return { ...row, actorRoles: roles.get(row.bodyId) ?? [] };
  },

  async insertPlan(db: DbOrTx, values: { bodyId: string; year: number; title: string; description: string }, now: Date): Promise<string> {
    const [row] = await db.insert(governancePlan).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: governancePlan.id });
    if (!row) throw new Error('plan not inserted');
    return row.id;
  },

  async updatePlan(db: DbOrTx, id: string, version: number, values: Partial<{ title: string; description: string }>, now: Date): Promise<boolean> {
    const rows = await db
      .update(governancePlan)
      .set({ ...values, updatedAt: now, version: sql`${governancePlan.version} + 1` })
      .where(and(eq(governancePlan.id, id), eq(governancePlan.version, version)))
      .returning({ id: governancePlan.id });
    return rows.length === 1;
  },

  /** Number of actions and their budget per status (statuses without actions are absent). */
  async totals(db: DbOrTx, planId: string) {
    const rows = await db
      .select({
        status: governancePlanAction.status,
        count: sql<number>`count(*)::int`,
        // A bigint sum arrives as text; bounded budgets keep it a safe integer.
        budgetCents: sql<string>`coalesce(sum(${governancePlanAction.budgetCents}), 0)::text`,
      })
      .from(governancePlanAction)
      .where(eq(governancePlanAction.planId, planId))
      .groupBy(governancePlanAction.status);
    return rows.map((r) => ({ status: r.status, count: r.count, budgetCents: Number(r.budgetCents) }));
  },

  /** A page of a plan's actions by number, optionally of one status. */
  async pageActions(db: DbOrTx, planId: string, input: { status?: TPlanActionStatus | undefined; cursor?: string | undefined; limit: number }) {
    const sortKey = sql`lpad(${governancePlanAction.number}::text, 10, '0')`;
    const rows = await db
      .select({ ...actionColumns, sortKey: sql<string>`lpad(${governancePlanAction.number}::text, 10, '0')` })
      .from(governancePlanAction)
      .leftJoin(responsiblePerson, eq(responsiblePerson.id, governancePlanAction.responsiblePersonId))
      .leftJoin(organisation, eq(organisation.id, governancePlanAction.responsibleOrganisationId))
      .where(
        and(
          eq(governancePlanAction.planId, planId),
          input.status ? eq(governancePlanAction.status, input.status) : undefined,
          afterCursor(sortKey, governancePlanAction.id, input.cursor),
        ),
      )
      .orderBy(asc(sortKey), asc(governancePlanAction.id))
      .limit(input.limit + 1);
    const page = toPage(rows, input.limit, (r) => ({ key: r.sortKey, id: r.id }));
    return { items: page.items.map(({ sortKey: _omit, ...r }) => r), nextCursor: page.nextCursor };
  },

  /** Every action of a plan by number (the CSV export; a plan has tens of actions, not thousands). */
  allActions(db: DbOrTx, planId: string) {
    return selectActions(db).where(eq(governancePlanAction.planId, planId)).orderBy(asc(governancePlanAction.number)).limit(5000);
  },

  action(db: DbOrTx, id: string) {
    return selectActions(db).where(eq(governancePlanAction.id, id)).then((rows) => rows[0]);
  },

  /** The facts of an action's plan for the policy, with the action's status and version; with `lock`, the action row is locked. */
  async actionFacts(db: DbOrTx, id: string, personId: string | null, today: string, lock = false) {
    const query = db
      .select({
        id: governancePlanAction.id,
        planId: governancePlanAction.planId,
        bodyId: governancePlan.bodyId,
        regionId: governanceBody.regionId,
        year: governancePlan.year,
        status: governancePlanAction.status,
        version: governancePlanAction.version,
      })
      .from(governancePlanAction)
      .innerJoin(governancePlan, eq(governancePlan.id, governancePlanAction.planId))
      .innerJoin(governanceBody, eq(governanceBody.id, governancePlan.bodyId))
      .where(eq(governancePlanAction.id, id));
    const [row] = lock ? await query.for('update', { of: governancePlanAction }) : await query;
    if (!row) return undefined;
    const roles = await governanceRepo.actorRolesByBody(db, [row.bodyId], personId, today);
    return { ...row, actorRoles: roles.get(row.bodyId) ?? [] };
  },

  async nextNumber(db: DbOrTx, planId: string): Promise<number> {
    const [row] = await db
      .select({ next: sql<number>`coalesce(max(${governancePlanAction.number}), 0)::int + 1` })
      .from(governancePlanAction)
      .where(eq(governancePlanAction.planId, planId));
    return row?.next ?? 1;
  },

  async insertAction(db: DbOrTx, values: PlanActionValues & { planId: string; number: number; movedFromActionId?: string | null }, now: Date): Promise<string> {
    const [row] = await db.insert(governancePlanAction).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: governancePlanAction.id });
    if (!row) throw new Error('plan action not inserted');
    return row.id;
  },

  async updateAction(
    db: DbOrTx,
    id: string,
    version: number,
    values: Partial<PlanActionValues & { status: TPlanActionStatus; movedToYear: number | null }>,
    now: Date,
  ): Promise<boolean> {
    const rows = await db
      .update(governancePlanAction)
      .set({ ...values, updatedAt: now, version: sql`${governancePlanAction.version} + 1` })
      .where(and(eq(governancePlanAction.id, id), eq(governancePlanAction.version, version)))
      .returning({ id: governancePlanAction.id });
    return rows.length === 1;
  },

  async insertStatusChange(
    db: DbOrTx,
    values: { actionId: string; fromStatus: TPlanActionStatus | null; toStatus: TPlanActionStatus; movedToYear: number | null; decisionItemId: string | null; note: string; changedBy: string | null },
    now: Date,
  ): Promise<void> {
    await db.insert(governancePlanStatusChange).values({ ...values, changedAt: now });
  },

  /** The status history of an action, oldest first, with the decisions (agenda item and meeting) that made the changes. */
  history(db: DbOrTx, actionId: string) {
    return db
      .select({
        id: governancePlanStatusChange.id,
        fromStatus: governancePlanStatusChange.fromStatus,
        toStatus: governancePlanStatusChange.toStatus,
        movedToYear: governancePlanStatusChange.movedToYear,
        decisionItemId: governancePlanStatusChange.decisionItemId,
        decisionItemTitle: governanceAgendaItem.title,
        decisionMeetingId: governanceMeeting.id,
        decisionMeetingDate: governanceMeeting.meetingDate,
        note: governancePlanStatusChange.note,
        changedByName: changer.name,
        changedAt: governancePlanStatusChange.changedAt,
      })
      .from(governancePlanStatusChange)
      .leftJoin(governanceAgendaItem, eq(governanceAgendaItem.id, governancePlanStatusChange.decisionItemId))
      .leftJoin(governanceMeeting, eq(governanceMeeting.id, governanceAgendaItem.meetingId))
      .leftJoin(changer, eq(changer.id, governancePlanStatusChange.changedBy))
      .where(eq(governancePlanStatusChange.actionId, actionId))
      .orderBy(asc(governancePlanStatusChange.seq));
  },

  /**
   * The moved actions of the body's earlier plans that move to `year` and do not continue in a
   * plan yet (by year, then number).
   */
  movedInto(db: DbOrTx, bodyId: string, year: number) {
    return db
      .select({ ...actionColumns, fromYear: governancePlan.year })
      .from(governancePlanAction)
      .innerJoin(governancePlan, eq(governancePlan.id, governancePlanAction.planId))
      .leftJoin(responsiblePerson, eq(responsiblePerson.id, governancePlanAction.responsiblePersonId))
      .leftJoin(organisation, eq(organisation.id, governancePlanAction.responsibleOrganisationId))
      .where(
        and(
          eq(governancePlan.bodyId, bodyId),
          eq(governancePlanAction.status, 'moved'),
          eq(governancePlanAction.movedToYear, year),
          sql`not exists (select 1 from ${governancePlanAction} c where c.moved_from_action_id = ${governancePlanAction.id})`,
        ),
      )
      .orderBy(asc(governancePlan.year), asc(governancePlanAction.number));
  },

  /**
   * The decisions a status change of the body's plan may point at: agenda items of kind decision
   * of its meetings that are not cancelled, latest meeting first, in agenda order (at most 200).
   */
  decisionItems(db: DbOrTx, bodyId: string, q?: string) {
    const pattern = q ? containsPattern(q) : undefined;
    return db
      .select({
        id: governanceAgendaItem.id,
        title: governanceAgendaItem.title,
        position: governanceAgendaItem.position,
        decision: governanceAgendaItem.minutesDecision,
        meetingId: governanceMeeting.id,
        meetingDate: governanceMeeting.meetingDate,
        meetingStatus: governanceMeeting.status,
      })
      .from(governanceAgendaItem)
      .innerJoin(governanceMeeting, eq(governanceMeeting.id, governanceAgendaItem.meetingId))
      .where(
        and(
          eq(governanceMeeting.bodyId, bodyId),
          ne(governanceMeeting.status, 'cancelled'),
          eq(governanceAgendaItem.kind, 'decision'),
          pattern ? or(ilike(governanceAgendaItem.title, pattern), ilike(governanceAgendaItem.minutesDecision, pattern)) : undefined,
        ),
      )
      .orderBy(desc(governanceMeeting.meetingDate), desc(governanceMeeting.id), asc(governanceAgendaItem.position))
      .limit(200);
  },

  /** An agenda item of a meeting of the body (a decision a status change may point at). */
  async agendaItemOfBody(db: DbOrTx, bodyId: string, itemId: string) {
    const [row] = await db
      .select({ id: governanceAgendaItem.id })
      .from(governanceAgendaItem)
      .innerJoin(governanceMeeting, eq(governanceMeeting.id, governanceAgendaItem.meetingId))
      .where(and(eq(governanceAgendaItem.id, itemId), eq(governanceMeeting.bodyId, bodyId)));
    return row;
  },
};
