import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { governanceAgendaItem, governanceBody, governanceMeeting, governancePlan, governancePlanAction, governancePublication, organisation, person, region } from '../../db/schema/index.js';
import { PUBLISHED_PLAN_STATUSES } from '../../../shared/schemas/governance.js';

const publisher = alias(person, 'publisher');
const responsiblePerson = alias(person, 'responsible_person');

const columns = {
  id: governancePublication.id,
  bodyId: governancePublication.bodyId,
  bodyName: governanceBody.name,
  regionName: region.name,
  meetingId: governancePublication.meetingId,
  meetingDate: governanceMeeting.meetingDate,
  planId: governancePublication.planId,
  planYear: governancePlan.year,
  planTitle: governancePlan.title,
  publishedAt: governancePublication.publishedAt,
  publishedByName: publisher.name,
};

/** SQL of publications: what a body published to every professional of the network. */
export const publicationsRepo = {
  base(db: DbOrTx) {
    return db
      .select(columns)
      .from(governancePublication)
      .innerJoin(governanceBody, eq(governanceBody.id, governancePublication.bodyId))
      .innerJoin(region, eq(region.id, governanceBody.regionId))
      .leftJoin(governanceMeeting, eq(governanceMeeting.id, governancePublication.meetingId))
      .leftJoin(governancePlan, eq(governancePlan.id, governancePublication.planId))
      .leftJoin(publisher, eq(publisher.id, governancePublication.publishedBy));
  },

  /** Everything published, newest first (at most `limit`). */
  async list(db: DbOrTx, limit: number) {
    return this.base(db).orderBy(desc(governancePublication.publishedAt), desc(governancePublication.id)).limit(limit);
  },

  async ofMeeting(db: DbOrTx, meetingId: string) {
    const [row] = await this.base(db).where(eq(governancePublication.meetingId, meetingId));
    return row;
  },

  async ofPlan(db: DbOrTx, planId: string) {
    const [row] = await this.base(db).where(eq(governancePublication.planId, planId));
    return row;
  },

  async insert(db: DbOrTx, values: { bodyId: string; meetingId?: string; planId?: string; publishedBy: string | null; publishedAt: Date }) {
    await db.insert(governancePublication).values(values);
  },

  /** Withdraws a publication; false when there was none. */
  async deleteOf(db: DbOrTx, target: { meetingId: string } | { planId: string }): Promise<boolean> {
    const rows = await db
      .delete(governancePublication)
      .where('meetingId' in target ? eq(governancePublication.meetingId, target.meetingId) : eq(governancePublication.planId, target.planId))
      .returning({ id: governancePublication.id });
    return rows.length === 1;
  },

  /** The agenda items of a meeting that carry a decision, in order. */
  async decisions(db: DbOrTx, meetingId: string) {
    return db
      .select({ itemId: governanceAgendaItem.id, position: governanceAgendaItem.position, title: governanceAgendaItem.title, decision: governanceAgendaItem.minutesDecision })
      .from(governanceAgendaItem)
      .where(and(eq(governanceAgendaItem.meetingId, meetingId), ne(governanceAgendaItem.minutesDecision, '')))
      .orderBy(asc(governanceAgendaItem.position));
  },

  /** The approved and released actions of a plan, by number. */
  async approvedActions(db: DbOrTx, planId: string) {
    return db
      .select({
        number: governancePlanAction.number,
        description: governancePlanAction.description,
        personName: responsiblePerson.name,
        organisationName: organisation.name,
        responsibleText: governancePlanAction.responsibleText,
        budgetCents: governancePlanAction.budgetCents,
        conditions: governancePlanAction.conditions,
        status: governancePlanAction.status,
      })
      .from(governancePlanAction)
      .leftJoin(responsiblePerson, eq(responsiblePerson.id, governancePlanAction.responsiblePersonId))
      .leftJoin(organisation, eq(organisation.id, governancePlanAction.responsibleOrganisationId))
      .where(and(eq(governancePlanAction.planId, planId), inArray(governancePlanAction.status, [...PUBLISHED_PLAN_STATUSES])))
      .orderBy(asc(governancePlanAction.number));
  },

  async planDescription(db: DbOrTx, planId: string): Promise<string> {
    const [row] = await db.select({ description: governancePlan.description }).from(governancePlan).where(eq(governancePlan.id, planId));
    return row?.description ?? '';
  },
};
