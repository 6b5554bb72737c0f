import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { decodeCursor, toPage } from '../../db/paging.js';
import {
  blockedSignal,
  family,
  familyMember,
  familyRequest,
  organisation,
  organisationSector,
  person,
  plan,
  planVersion,
  region,
  sector,
  teamMember,
  wait,
} from '../../db/schema/index.js';
import { addDays, brusselsDate, brusselsStartOfDay } from '../../platform/clock.js';
import { familyScopeSql } from './access.repo.js';
import type { BLOCKED_RULES } from '../../../shared/schemas/families/enums.js';

export type TBlockedRule = (typeof BLOCKED_RULES)[number];

/** The thresholds of the blocked-trajectory rules (issue 7). */
export const RULE_DAYS = { noPlanChange: 60, longWait: 90 } as const;
export const RULE_MIN_REFUSALS = 2;

/**
 * The reason a rule writes, fixed text per rule: it never carries a name or the free text of a
 * wait, so the case summary may repeat it.
 */
export const RULE_REASONS: Record<TBlockedRule, string> = {
  no_plan_change: `Geen wijziging aan het plan in ${RULE_DAYS.noPlanChange} dagen of langer.`,
  long_wait: `Wacht langer dan ${RULE_DAYS.longWait} dagen op hulp.`,
  repeated_refusals: `${RULE_MIN_REFUSALS} of meer weigeringen door diensten.`,
};

const iso = (column: SQL | typeof blockedSignal.raisedAt) => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoOrNull = (column: typeof blockedSignal.resolvedAt | typeof blockedSignal.escalatedAt) =>
  sql<string | null>`case when ${column} is null then null else ${iso(column as unknown as SQL)} end`;

const familySignalColumns = {
  id: blockedSignal.id,
  source: blockedSignal.source,
  rule: blockedSignal.rule,
  reason: blockedSignal.reason,
  raisedAt: iso(blockedSignal.raisedAt),
  raisedByName: person.name,
  resolvedAt: isoOrNull(blockedSignal.resolvedAt),
  escalatedAt: isoOrNull(blockedSignal.escalatedAt),
  version: blockedSignal.version,
};

/**
 * A signal as the network coordinator sees it. The free-text reason of a signal raised by hand may
 * name people: it leaves the database only for someone on the family's team with a current grant
 * (familyScopeSql); others get null, with the organisation that raised it. Rule reasons are fixed text.
 */
function regionSignalColumns(personId: string | null, now: Date) {
  const onTeam = personId ? familyScopeSql(personId, now) : sql`false`;
  return {
    id: blockedSignal.id,
    familyId: blockedSignal.familyId,
    pseudonym: family.pseudonym,
    regionId: blockedSignal.regionId,
    regionName: region.name,
    source: blockedSignal.source,
    rule: blockedSignal.rule,
    reason: sql<string | null>`case when ${blockedSignal.source} = 'rule' or ${onTeam} then ${blockedSignal.reason} end`,
    raisedByOrganisation: sql<string | null>`(select o.name from ${teamMember} tm join ${organisation} o on o.id = tm.organisation_id
      where tm.family_id = ${blockedSignal.familyId} and tm.person_id = ${blockedSignal.raisedBy} order by tm.from_at desc limit 1)`,
    raisedAt: iso(blockedSignal.raisedAt),
    escalatedAt: isoOrNull(blockedSignal.escalatedAt),
    resolvedAt: isoOrNull(blockedSignal.resolvedAt),
    caseSummary: blockedSignal.caseSummary,
    version: blockedSignal.version,
    sortKey: sql<string>`${blockedSignal.raisedAt}::text`,
  };
}
/** Who looks at a signal list, and when (the reason's visibility depends on it). */
export interface Viewer {
  personId: string | null;
  now: Date;
}
export type RegionSignalRow = Awaited<ReturnType<typeof signalsRepo.regionSignal>>;

/** The sector codes of the organisation in `column` (text[]; PGlite may hand it over as '{…}'). */
const sectorCodesOf = (column: AnyPgColumn) =>
  sql<string[] | string>`coalesce((select array_agg(s.code order by s.code) from ${organisationSector} os join ${sector} s on s.id = os.sector_id
    where os.organisation_id = ${column}), '{}'::text[])`;

export const signalsRepo = {
  /** The family's signals, open ones first, newest first. */
  familySignals(db: DbOrTx, familyId: string, signalId?: string) {
    return db
      .select(familySignalColumns)
      .from(blockedSignal)
      .leftJoin(person, eq(person.id, blockedSignal.raisedBy))
      .where(and(eq(blockedSignal.familyId, familyId), signalId ? eq(blockedSignal.id, signalId) : undefined))
      .orderBy(sql`(${blockedSignal.resolvedAt} is null) desc`, desc(blockedSignal.raisedAt), desc(blockedSignal.id));
  },

  async lock(db: DbOrTx, signalId: string, familyId?: string) {
    const [row] = await db
      .select()
      .from(blockedSignal)
      .where(and(eq(blockedSignal.id, signalId), familyId ? eq(blockedSignal.familyId, familyId) : undefined))
      .for('update');
    return row;
  },

  async insertManual(db: DbOrTx, values: { familyId: string; regionId: string; reason: string; raisedBy: string | null }, now: Date): Promise<string> {
    const [row] = await db
      .insert(blockedSignal)
      .values({ ...values, source: 'manual', raisedAt: now, createdAt: now, updatedAt: now })
      .returning({ id: blockedSignal.id });
    if (!row) throw new Error('signal not inserted');
    return row.id;
  },

  /** Changes a signal when the version matches; false when somebody else changed it first. */
  async update(
    db: DbOrTx,
    signalId: string,
    version: number,
    values: Partial<Pick<typeof blockedSignal.$inferInsert, 'resolvedAt' | 'resolvedBy' | 'escalatedAt' | 'escalatedBy' | 'caseSummary'>>,
    now: Date,
  ): Promise<boolean> {
    const rows = await db
      .update(blockedSignal)
      .set({ ...values, updatedAt: now, version: sql`${blockedSignal.version} + 1` })
      .where(and(eq(blockedSignal.id, signalId), eq(blockedSignal.version, version)))
      .returning({ id: blockedSignal.id });
    return rows.length === 1;
  },

  /** The open signals the coordinator may see (`scope`), newest first, a page at a time. */
  async regionPage(db: DbOrTx, viewer: Viewer, scope: SQL, opts: { cursor?: string | undefined; limit: number }) {
    const k = opts.cursor ? decodeCursor(opts.cursor) : undefined;
    const rows = await db
      .select(regionSignalColumns(viewer.personId, viewer.now))
      .from(blockedSignal)
      .innerJoin(family, eq(family.id, blockedSignal.familyId))
      .innerJoin(region, eq(region.id, blockedSignal.regionId))
      .where(
        and(
          isNull(blockedSignal.resolvedAt),
          scope,
          k ? sql`(${blockedSignal.raisedAt}, ${blockedSignal.id}) < (${k.key}::timestamptz, ${k.id}::uuid)` : undefined,
        ),
      )
      .orderBy(desc(blockedSignal.raisedAt), desc(blockedSignal.id))
      .limit(opts.limit + 1);
    return toPage(rows, opts.limit, (r) => ({ key: r.sortKey, id: r.id }));
  },

  async regionSignal(db: DbOrTx, viewer: Viewer, signalId: string) {
    const [row] = await db
      .select(regionSignalColumns(viewer.personId, viewer.now))
      .from(blockedSignal)
      .innerJoin(family, eq(family.id, blockedSignal.familyId))
      .innerJoin(region, eq(region.id, blockedSignal.regionId))
      .where(eq(blockedSignal.id, signalId));
    return row;
  },

  /**
   * Raises the rule signals that are due at `now`, for open families only. Idempotent: the unique
   * partial index blocked_signal_open_rule_key allows one open signal per rule and family, so a
   * second run (or two at once) adds nothing. Returns the signals raised.
   */
  async raiseRuleSignals(db: DbOrTx, now: Date): Promise<{ id: string; familyId: string; rule: TBlockedRule | null }[]> {
    const at = now.toISOString();
    // Calendar days in Brussels, as the plan and the one-month norm count them (not the UTC day).
    const today = brusselsDate(now);
    // "No change for 60 days": the last change fell on a Brussels day at least 60 days before today,
    // i.e. before the start of the day 59 days ago.
    const changedBefore = brusselsStartOfDay(addDays(today, -(RULE_DAYS.noPlanChange - 1))).toISOString();
    const candidates: { rule: TBlockedRule; where: SQL }[] = [
      {
        rule: 'no_plan_change',
        where: sql`coalesce(${family.lastPlanChangeAt}, ${family.createdAt}) < ${changedBefore}::timestamptz`,
      },
      {
        rule: 'long_wait',
        where: sql`exists (select 1 from ${wait} w where w.family_id = ${family.id} and w.status = 'waiting'
          and w.since_on <= ${today}::date - ${RULE_DAYS.longWait}::int)`,
      },
      {
        rule: 'repeated_refusals',
        where: sql`(select count(*) from ${wait} w where w.family_id = ${family.id} and w.status = 'refused') >= ${RULE_MIN_REFUSALS}`,
      },
    ];
    const raised: { id: string; familyId: string; rule: TBlockedRule | null }[] = [];
    for (const c of candidates) {
      // Plain SQL: an insert … select with on conflict on the partial unique index.
      const result = await db.execute(sql`
        insert into ${blockedSignal} (family_id, region_id, source, rule, reason, raised_at, created_at, updated_at)
        select ${family.id}, ${family.regionId}, 'rule', ${c.rule}, ${RULE_REASONS[c.rule]}, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz
        from ${family}
        where ${family.status} = 'open' and ${c.where}
        on conflict (family_id, rule) where resolved_at is null and rule is not null do nothing
        returning id, family_id as "familyId", rule`);
      const rows = (result as unknown as { rows: { id: string; familyId: string; rule: TBlockedRule | null }[] }).rows;
      raised.push(...rows);
    }
    return raised;
  },

  // --- What the pseudonymised case summary is made of (no names, no free text) ----------------

  async summaryFacts(db: DbOrTx, familyId: string) {
    const [fam] = await db
      .select({ pseudonym: family.pseudonym, regionName: region.name, lastPlanChangeAt: family.lastPlanChangeAt })
      .from(family)
      .innerJoin(region, eq(region.id, family.regionId))
      .where(eq(family.id, familyId));
    const children = await db
      .select({ birthDate: familyMember.birthDate })
      .from(familyMember)
      .where(and(eq(familyMember.familyId, familyId), eq(familyMember.role, 'child'), isNull(familyMember.endedAt)));
    const requestDomains = await db.select({ domains: familyRequest.lifeDomains }).from(familyRequest).where(eq(familyRequest.familyId, familyId));
    const [current] = await db
      .select({ content: planVersion.content })
      .from(plan)
      .innerJoin(planVersion, and(eq(planVersion.planId, plan.id), eq(planVersion.number, plan.currentVersion)))
      .where(eq(plan.familyId, familyId));
    const waits = await db
      .select({
        status: wait.status,
        sinceOn: wait.sinceOn,
        endedOn: wait.endedOn,
        sectors: sectorCodesOf(wait.organisationId),
      })
      .from(wait)
      .where(eq(wait.familyId, familyId));
    const team = await db
      .select({
        organisationId: teamMember.organisationId,
        sectors: sectorCodesOf(teamMember.organisationId),
      })
      .from(teamMember)
      .where(and(eq(teamMember.familyId, familyId), isNull(teamMember.untilAt)));
    const signals = await db
      .select({ source: blockedSignal.source, rule: blockedSignal.rule, raisedAt: blockedSignal.raisedAt })
      .from(blockedSignal)
      .where(and(eq(blockedSignal.familyId, familyId), isNull(blockedSignal.resolvedAt)))
      .orderBy(blockedSignal.raisedAt);
    return { family: fam, children, requestDomains, planContent: current?.content, waits, team, signals };
  },

  /** The regions a coordinator's roles cover (null: every region). */
  coordinatorScope(regionIds: string[] | null): SQL {
    if (regionIds === null) return sql`true`;
    if (regionIds.length === 0) return sql`false`;
    return inArray(blockedSignal.regionId, regionIds);
  },
};
