import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  contactPoint,
  governanceBody,
  governanceIndicator,
  governanceIndicatorMeasurement,
  governanceMeeting,
  governancePlan,
  organisation,
  organisationMunicipality,
  person,
  regionMunicipality,
} from '../../db/schema/index.js';
import { afterCursor, toPage } from '../../db/paging.js';
import type { TIndicatorSource } from '../../../shared/schemas/governance.js';
import { governanceRepo } from './governance.repo.js';

/** SQL of the indicators of regional plans, their measurements, and the counts computed from the system. */

const indicatorColumns = {
  id: governanceIndicator.id,
  planId: governanceIndicator.planId,
  name: governanceIndicator.name,
  definition: governanceIndicator.definition,
  unit: governanceIndicator.unit,
  target: governanceIndicator.target,
  source: governanceIndicator.source,
  version: governanceIndicator.version,
};

const measurementColumns = {
  id: governanceIndicatorMeasurement.id,
  indicatorId: governanceIndicatorMeasurement.indicatorId,
  measuredOn: governanceIndicatorMeasurement.measuredOn,
  value: governanceIndicatorMeasurement.value,
  source: governanceIndicatorMeasurement.source,
  note: governanceIndicatorMeasurement.note,
  recordedByName: person.name,
};

export type IndicatorRow = NonNullable<Awaited<ReturnType<typeof indicatorsRepo.indicator>>>;
export type MeasurementRow = Awaited<ReturnType<typeof indicatorsRepo.measurements>>[number];

export interface IndicatorValues {
  name: string;
  definition: string;
  unit: string;
  target: number | null;
  source: TIndicatorSource;
}

export const indicatorsRepo = {
  /** A page of a plan's indicators by name. */
  async pageIndicators(db: DbOrTx, planId: string, input: { cursor?: string | undefined; limit: number }) {
    const sortKey = sql`lower(${governanceIndicator.name})`;
    const rows = await db
      .select({ ...indicatorColumns, sortKey: sql<string>`lower(${governanceIndicator.name})` })
      .from(governanceIndicator)
      .where(and(eq(governanceIndicator.planId, planId), afterCursor(sortKey, governanceIndicator.id, input.cursor)))
      .orderBy(asc(sortKey), asc(governanceIndicator.id))
      .limit(input.limit + 1);
    const page = toPage(rows, input.limit, (r) => ({ key: r.sortKey, id: r.id }));
    return { items: page.items.map(({ sortKey: _omit, ...r }) => r), nextCursor: page.nextCursor };
  },

  async indicator(db: DbOrTx, id: string) {
    const [row] = await db.select(indicatorColumns).from(governanceIndicator).where(eq(governanceIndicator.id, id));
    return row;
  },

  /** The facts of an indicator's plan for the policy (and the plan's region and year for computing); with `lock`, the indicator row is locked. */
  async indicatorFacts(db: DbOrTx, id: string, personId: string | null, today: string, lock = false) {
    const query = db
      .select({
        id: governanceIndicator.id,
        planId: governanceIndicator.planId,
        bodyId: governancePlan.bodyId,
        regionId: governanceBody.regionId,
        source: governanceIndicator.source,
        version: governanceIndicator.version,
      })
      .from(governanceIndicator)
      .innerJoin(governancePlan, eq(governancePlan.id, governanceIndicator.planId))
      .innerJoin(governanceBody, eq(governanceBody.id, governancePlan.bodyId))
      .where(eq(governanceIndicator.id, id));
    const [row] = lock ? await query.for('update', { of: governanceIndicator }) : await query;
    if (!row) return undefined;
    const roles = await governanceRepo.actorRolesByBody(db, [row.bodyId], personId, today);
    return { ...row, actorRoles: roles.get(row.bodyId) ?? [] };
  },

  async nameTaken(db: DbOrTx, planId: string, name: string, exceptId?: string) {
    const [row] = await db
      .select({ id: governanceIndicator.id })
      .from(governanceIndicator)
      .where(and(eq(governanceIndicator.planId, planId), sql`lower(${governanceIndicator.name}) = lower(${name})`, exceptId ? sql`${governanceIndicator.id} <> ${exceptId}` : undefined));
    return row !== undefined;
  },

  async insertIndicator(db: DbOrTx, values: IndicatorValues & { planId: string }, now: Date): Promise<string> {
    const [row] = await db.insert(governanceIndicator).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: governanceIndicator.id });
    if (!row) throw new Error('indicator not inserted');
    return row.id;
  },

  async updateIndicator(db: DbOrTx, id: string, version: number, values: Partial<IndicatorValues>, now: Date): Promise<boolean> {
    const rows = await db
      .update(governanceIndicator)
      .set({ ...values, updatedAt: now, version: sql`${governanceIndicator.version} + 1` })
      .where(and(eq(governanceIndicator.id, id), eq(governanceIndicator.version, version)))
      .returning({ id: governanceIndicator.id });
    return rows.length === 1;
  },

  /** The measurements of an indicator over time, oldest first. */
  measurements(db: DbOrTx, indicatorId: string) {
    return db
      .select(measurementColumns)
      .from(governanceIndicatorMeasurement)
      .leftJoin(person, eq(person.id, governanceIndicatorMeasurement.recordedBy))
      .where(eq(governanceIndicatorMeasurement.indicatorId, indicatorId))
      .orderBy(asc(governanceIndicatorMeasurement.measuredOn))
      .limit(1000);
  },

  /** The latest measurement of each of these indicators, keyed by indicator id. */
  async latest(db: DbOrTx, indicatorIds: string[]) {
    const out = new Map<string, MeasurementRow>();
    if (indicatorIds.length === 0) return out;
    const rows = await db
      .selectDistinctOn([governanceIndicatorMeasurement.indicatorId], measurementColumns)
      .from(governanceIndicatorMeasurement)
      .leftJoin(person, eq(person.id, governanceIndicatorMeasurement.recordedBy))
      .where(inArray(governanceIndicatorMeasurement.indicatorId, indicatorIds))
      .orderBy(governanceIndicatorMeasurement.indicatorId, desc(governanceIndicatorMeasurement.measuredOn));
    for (const r of rows) out.set(r.indicatorId, r);
    return out;
  },

  async measurementOn(db: DbOrTx, indicatorId: string, day: string) {
    const [row] = await db
      .select({ id: governanceIndicatorMeasurement.id })
      .from(governanceIndicatorMeasurement)
      .where(and(eq(governanceIndicatorMeasurement.indicatorId, indicatorId), eq(governanceIndicatorMeasurement.measuredOn, day)));
    return row;
  },

  /** Stores a measurement; a computed one replaces the measurement of the same day. */
  async saveMeasurement(
    db: DbOrTx,
    values: { indicatorId: string; measuredOn: string; value: number; source: 'manual' | 'computed'; note: string; recordedBy: string | null },
    now: Date,
  ): Promise<string> {
    const insert = db.insert(governanceIndicatorMeasurement).values({ ...values, createdAt: now });
    const [row] = await (values.source === 'computed'
      ? insert.onConflictDoUpdate({
          target: [governanceIndicatorMeasurement.indicatorId, governanceIndicatorMeasurement.measuredOn],
          set: { value: values.value, source: 'computed', note: values.note, recordedBy: values.recordedBy, createdAt: now },
        })
      : insert
    ).returning({ id: governanceIndicatorMeasurement.id });
    if (!row) throw new Error('measurement not saved');
    return row.id;
  },

  /**
   * Active organisations of the region with an education-ambassador contact point in the
   * directory: organisations of the region itself, or serving one of its municipalities.
   */
  async educationAmbassadorOrganisations(db: DbOrTx, regionId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(distinct ${organisation.id})::int` })
      .from(organisation)
      .innerJoin(contactPoint, and(eq(contactPoint.organisationId, organisation.id), eq(contactPoint.function, 'education_ambassador')))
      .where(
        and(
          eq(organisation.status, 'active'),
          sql`(${organisation.regionId} = ${regionId} or exists (select 1 from ${organisationMunicipality} join ${regionMunicipality}
            on ${regionMunicipality.nisCode} = ${organisationMunicipality.nisCode}
            where ${organisationMunicipality.organisationId} = ${organisation.id} and ${regionMunicipality.regionId} = ${regionId}))`,
        ),
      );
    return row?.n ?? 0;
  },

  /** Meetings held in `year` by the intervision groups of the region. */
  async intervisionMeetingsHeld(db: DbOrTx, regionId: string, year: number): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(governanceMeeting)
      .innerJoin(governanceBody, eq(governanceBody.id, governanceMeeting.bodyId))
      .where(
        and(
          eq(governanceBody.regionId, regionId),
          eq(governanceBody.kind, 'intervision_group'),
          eq(governanceMeeting.status, 'held'),
          sql`${governanceMeeting.meetingDate} between make_date(${year}::int, 1, 1) and make_date(${year}::int, 12, 31)`,
        ),
      );
    return row?.n ?? 0;
  },
};
