import { and, asc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  bridgingHelp,
  consent,
  contactAssignment,
  family,
  familyRequest,
  familyVisit,
  journalNote,
  plan,
  planAction,
  planVersion,
  teamMember,
  wait,
} from '../../db/schema/index.js';
import { familyScopeSql, familyScopeWithSql } from './access.repo.js';

/**
 * SQL of "my work". Every query is limited to the families whose file the person may open now:
 * `familyScopeSql` (the consent gate, as for "my families"), and `familyScopeWithSql` for the
 * parts that need a scope (plan content: read_plan; journal: journal). Each section answers its
 * first `limit` rows, the most urgent first, and the total (`count(*) over ()`, before the limit).
 */

export interface WorkInput {
  personId: string;
  now: Date;
  /** Today in Europe/Brussels (YYYY-MM-DD). */
  today: string;
  /** Plan actions and evaluations due within this many days count. */
  dueDays: number;
  /** Rows per section. */
  limit: number;
}

const total = sql<number>`count(*) over ()`.mapWith(Number);
const totalOf = (rows: { total: number }[]) => Number(rows[0]?.total ?? 0);
const openFamily = eq(family.status, 'open');

export const workRepo = {
  /** Open requests of which the person is the contact person, due within `atRiskDays` or overdue. */
  async requests(db: DbOrTx, input: WorkInput, atRiskDays: number) {
    const rows = await db
      .select({
        id: familyRequest.id,
        familyId: familyRequest.familyId,
        familyName: family.name,
        dueOn: familyRequest.dueOn,
        status: familyRequest.status,
        urgency: familyRequest.urgency,
        total,
      })
      .from(familyRequest)
      .innerJoin(family, eq(family.id, familyRequest.familyId))
      .innerJoin(contactAssignment, and(eq(contactAssignment.familyId, family.id), eq(contactAssignment.personId, input.personId), isNull(contactAssignment.untilAt)))
      .where(and(ne(familyRequest.status, 'answered'), sql`${familyRequest.dueOn} <= ${input.today}::date + ${atRiskDays}::int`, familyScopeSql(input.personId, input.now)))
      .orderBy(asc(familyRequest.dueOn), asc(familyRequest.id))
      .limit(input.limit);
    return { items: rows, total: totalOf(rows) };
  },

  /** Open plan actions of open families I may read the plan of: assigned to me, or due soon / overdue. */
  async actions(db: DbOrTx, input: WorkInput) {
    const rows = await db
      .select({
        familyId: planAction.familyId,
        familyName: family.name,
        actionKey: planAction.actionKey,
        title: planAction.title,
        dueOn: planAction.dueOn,
        status: planAction.status,
        mine: sql<boolean>`coalesce(${planAction.ownerPersonId} = ${input.personId}, false)`,
        total,
      })
      .from(planAction)
      .innerJoin(family, eq(family.id, planAction.familyId))
      .where(
        and(
          inArray(planAction.status, ['planned', 'in_progress']),
          openFamily,
          sql`(${planAction.ownerPersonId} = ${input.personId} or ${planAction.dueOn} <= ${input.today}::date + ${input.dueDays}::int)`,
          familyScopeWithSql(input.personId, input.now, 'read_plan'),
        ),
      )
      .orderBy(sql`${planAction.dueOn} asc nulls last`, asc(family.name), asc(planAction.title), asc(planAction.actionKey))
      .limit(input.limit);
    return { items: rows, total: totalOf(rows) };
  },

  /** Plans of open families I may read whose next evaluation is due soon or past. */
  async evaluations(db: DbOrTx, input: WorkInput) {
    const rows = await db
      .select({ familyId: family.id, familyName: family.name, evaluationOn: sql<string>`${plan.nextEvaluationOn}::text`, total })
      .from(plan)
      .innerJoin(family, eq(family.id, plan.familyId))
      .where(and(openFamily, lte(plan.nextEvaluationOn, sql`${input.today}::date + ${input.dueDays}::int`), familyScopeWithSql(input.personId, input.now, 'read_plan')))
      .orderBy(asc(plan.nextEvaluationOn), asc(family.name), asc(family.id))
      .limit(input.limit);
    return { items: rows, total: totalOf(rows) };
  },

  /**
   * Per family I may open: what others changed since my last visit (or, never visited, since I
   * joined the team) — plan versions (with read_plan), journal notes I may read (with journal),
   * team joins/leaves, consents recorded/withdrawn. Every family of the person, zero counts
   * included: the service keeps those with a change.
   */
  async changes(db: DbOrTx, input: WorkInput) {
    const me = input.personId;
    const since = sql`coalesce(${familyVisit.lastSeenAt}, ${teamMember.fromAt})`;
    const whenScope = (scope: 'read_plan' | 'journal', count: ReturnType<typeof sql>) =>
      sql<number | null>`case when ${familyScopeWithSql(me, input.now, scope)} then ${count} end`.mapWith((v: unknown) => (v === null ? null : Number(v)));
    return db
      .select({
        familyId: family.id,
        familyName: family.name,
        lastVisitAt: familyVisit.lastSeenAt,
        planVersions: whenScope(
          'read_plan',
          sql`(select count(*)::int from ${planVersion} pv where pv.family_id = ${family.id} and pv.created_at > ${since} and pv.author_person_id is distinct from ${me})`,
        ),
        journalNotes: whenScope(
          'journal',
          sql`(select count(*)::int from ${journalNote} jn where jn.family_id = ${family.id} and jn.created_at > ${since} and jn.author_person_id <> ${me}
            and (jn.visibility = 'team' or jn.author_organisation_id = ${teamMember.organisationId}))`,
        ),
        teamChanges: sql<number>`(select count(*)::int from ${teamMember} t2 where t2.family_id = ${family.id} and t2.person_id <> ${me}
          and ((t2.from_at > ${since} and t2.added_by is distinct from ${me}) or t2.until_at > ${since}))`.mapWith(Number),
        consentChanges: sql<number>`(select count(*)::int from ${consent} c2 where c2.family_id = ${family.id}
          and ((c2.created_at > ${since} and c2.recorded_by is distinct from ${me}) or (c2.withdrawn_at > ${since} and c2.withdrawn_by_person_id is distinct from ${me})))`.mapWith(Number),
      })
      .from(teamMember)
      .innerJoin(family, eq(family.id, teamMember.familyId))
      .leftJoin(familyVisit, and(eq(familyVisit.personId, me), eq(familyVisit.familyId, family.id)))
      .where(and(eq(teamMember.personId, me), isNull(teamMember.untilAt), familyScopeSql(me, input.now)))
      .orderBy(asc(sql`lower(${family.name})`), asc(family.id));
  },

  /** Open waits of open families I may read the plan of, the longest waiting first, with whether bridging help runs today. */
  async waiting(db: DbOrTx, input: WorkInput) {
    const rows = await db
      .select({
        familyId: family.id,
        familyName: family.name,
        waitId: wait.id,
        serviceText: wait.serviceText,
        sinceOn: wait.sinceOn,
        bridging: sql<boolean>`exists (select 1 from ${bridgingHelp} b where b.wait_id = ${wait.id} and b.from_on <= ${input.today}::date and (b.until_on is null or b.until_on >= ${input.today}::date))`,
        total,
      })
      .from(wait)
      .innerJoin(family, eq(family.id, wait.familyId))
      .where(and(eq(wait.status, 'waiting'), openFamily, familyScopeWithSql(input.personId, input.now, 'read_plan')))
      .orderBy(asc(wait.sinceOn), asc(family.name), asc(wait.id))
      .limit(input.limit);
    return { items: rows, total: totalOf(rows) };
  },
};
