import type { Db, DbOrTx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { Conflict, Duplicate, NotFound, VersionConflict } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import { boundLimit } from '../../db/paging.js';
import type { TIndicator, TIndicatorCreate, TIndicatorUpdate, TMeasurementCreate } from '../../../shared/schemas/governance.js';
import { planPolicy, todayOf, type PlanFacts } from './governance.policy.js';
import { indicatorsRepo, type IndicatorRow, type MeasurementRow } from './indicators.repo.js';
import { plansRepo } from './plans.repo.js';

/**
 * The indicators of a regional plan and their measurements over time: entered by hand, or
 * computed from the system on request ("meet nu") and stored with the day they were taken.
 * Indicators follow their plan's policy (planPolicy).
 */
export function createIndicatorsService(db: Db) {
  const toMeasurement = ({ indicatorId: _omit, ...m }: MeasurementRow) => m;
  const toIndicator = (row: IndicatorRow, latest: MeasurementRow | undefined): TIndicator => ({ ...row, latest: latest ? toMeasurement(latest) : null });

  async function detail(tx: DbOrTx, ctx: FullContext, f: PlanFacts, id: string) {
    const row = await indicatorsRepo.indicator(tx, id);
    if (!row) throw new NotFound();
    const measurements = await indicatorsRepo.measurements(tx, id);
    return { data: { ...toIndicator(row, measurements[measurements.length - 1]), measurements: measurements.map(toMeasurement) }, abilities: planPolicy.abilitiesOf(ctx, f) };
  }

  async function authorizedPlan(tx: DbOrTx, ctx: RequestContext, planId: string, action: 'view' | 'update', lock: boolean) {
    const row = await plansRepo.planFacts(tx, planId, ctx.actor?.personId ?? null, todayOf(ctx), lock);
    if (!row) throw new NotFound();
    const f: PlanFacts = { id: row.id, bodyId: row.bodyId, regionId: row.regionId, actorRoles: row.actorRoles };
    planPolicy.authorize(ctx, action, f);
    return { f, full: ctx };
  }

  async function authorizedIndicator(tx: DbOrTx, ctx: RequestContext, id: string, action: 'view' | 'update', lock: boolean) {
    const row = await indicatorsRepo.indicatorFacts(tx, id, ctx.actor?.personId ?? null, todayOf(ctx), lock);
    if (!row) throw new NotFound();
    const f: PlanFacts = { id: row.planId, bodyId: row.bodyId, regionId: row.regionId, actorRoles: row.actorRoles };
    planPolicy.authorize(ctx, action, f);
    return { row, f, full: ctx };
  }

  const duplicateName = (ctx: FullContext) => new Duplicate('name', tr(ctx, 'Dit plan heeft al een indicator met deze naam.', 'This plan already has an indicator with this name.'));

  const audit = (tx: DbOrTx, ctx: FullContext, action: string, resourceId: string, details: Record<string, unknown>) =>
    recordAudit(tx, { ...auditActor(ctx), action, resourceType: 'governance_indicator', resourceId, outcome: 'success', details });

  return {
    async list(ctx: RequestContext, planId: string, query: { cursor?: string | undefined; limit?: number | undefined }) {
      const { f, full } = await authorizedPlan(db, ctx, planId, 'view', false);
      const page = await indicatorsRepo.pageIndicators(db, planId, { cursor: query.cursor, limit: boundLimit(query.limit) });
      const latest = await indicatorsRepo.latest(db, page.items.map((i) => i.id));
      const abilities = planPolicy.abilitiesOf(full, f);
      return {
        data: { items: page.items.map((i) => toIndicator(i, latest.get(i.id))), nextCursor: page.nextCursor },
        abilities: Object.fromEntries(page.items.map((i) => [i.id, abilities])),
      };
    },

    async create(ctx: RequestContext, planId: string, input: TIndicatorCreate) {
      return db.transaction(async (tx) => {
        const { f, full } = await authorizedPlan(tx, ctx, planId, 'update', true);
        if (await indicatorsRepo.nameTaken(tx, planId, input.name)) throw duplicateName(full);
        const id = await indicatorsRepo.insertIndicator(
          tx,
          { planId, name: input.name, definition: input.definition, unit: input.unit, target: input.target ?? null, source: input.source },
          full.now,
        );
        await audit(tx, full, 'governance.indicator.create', id, { planId, source: input.source });
        return detail(tx, full, f, id);
      });
    },

    async get(ctx: RequestContext, id: string) {
      const { f, full } = await authorizedIndicator(db, ctx, id, 'view', false);
      return detail(db, full, f, id);
    },

    async update(ctx: RequestContext, id: string, input: TIndicatorUpdate) {
      return db.transaction(async (tx) => {
        const { row, f, full } = await authorizedIndicator(tx, ctx, id, 'update', true);
        if (row.version !== input.version) throw new VersionConflict();
        if (input.name !== undefined && (await indicatorsRepo.nameTaken(tx, row.planId, input.name, id))) throw duplicateName(full);
        const { version: _v, ...changes } = input;
        const values = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
        if (!(await indicatorsRepo.updateIndicator(tx, id, input.version, values, full.now))) throw new VersionConflict();
        await audit(tx, full, 'governance.indicator.update', id, { planId: row.planId, fields: Object.keys(values) });
        return detail(tx, full, f, id);
      });
    },

    /** A measurement entered by hand (manual indicators only; one per day). */
    async addMeasurement(ctx: RequestContext, id: string, input: TMeasurementCreate) {
      return db.transaction(async (tx) => {
        const { row, f, full } = await authorizedIndicator(tx, ctx, id, 'update', true);
        if (row.source !== 'manual') {
          throw new Conflict(tr(full, 'Deze indicator wordt door het systeem berekend: gebruik "meet nu".', 'This indicator is computed by the system: use "measure now".'));
        }
        if (await indicatorsRepo.measurementOn(tx, id, input.measuredOn)) {
          throw new Duplicate('measuredOn', tr(full, 'Er is al een meting op deze dag.', 'There already is a measurement on this day.'));
        }
        const measurementId = await indicatorsRepo.saveMeasurement(
          tx,
          { indicatorId: id, measuredOn: input.measuredOn, value: input.value, source: 'manual', note: input.note, recordedBy: full.actor.personId },
          full.now,
        );
        await audit(tx, full, 'governance.indicator.measure', id, { planId: row.planId, measurementId, measuredOn: input.measuredOn, value: input.value, source: 'manual' });
        return detail(tx, full, f, id);
      });
    },

    /** "Meet nu": computes a system indicator today and stores it (replacing today's earlier measurement). */
    async measureNow(ctx: RequestContext, id: string) {
      return db.transaction(async (tx) => {
        const { row, f, full } = await authorizedIndicator(tx, ctx, id, 'update', true);
        const day = todayOf(full);
        let value: number;
        if (row.source === 'education_ambassador_organisations') value = await indicatorsRepo.educationAmbassadorOrganisations(tx, row.regionId);
        else if (row.source === 'intervision_meetings_held') value = await indicatorsRepo.intervisionMeetingsHeld(tx, row.regionId, Number(day.slice(0, 4)));
        else throw new Conflict(tr(full, 'Deze indicator vul je zelf in: voeg een meting toe.', 'This indicator is entered by hand: add a measurement.'));
        const measurementId = await indicatorsRepo.saveMeasurement(tx, { indicatorId: id, measuredOn: day, value, source: 'computed', note: '', recordedBy: full.actor.personId }, full.now);
        await audit(tx, full, 'governance.indicator.measure', id, { planId: row.planId, measurementId, measuredOn: day, value, source: row.source });
        return detail(tx, full, f, id);
      });
    },
  };
}
