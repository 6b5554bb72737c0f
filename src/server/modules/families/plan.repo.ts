import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { family, familyMember, lifeDomain, networkPerson, organisation, person, plan, planAction, planVersion, teamMember } from '../../db/schema/index.js';
import type { TPlanAction } from '../../../shared/schemas/families/plan.js';

/** SQL of the family's plan: the plan row, its versions, the action rows and the references a save checks. */

const versionColumns = {
  id: planVersion.id,
  number: planVersion.number,
  summary: planVersion.summary,
  content: planVersion.content,
  createdAt: planVersion.createdAt,
  authorPersonId: planVersion.authorPersonId,
  // A family member's contribution (family portal) is shown with the member's name.
  authorName: sql<string | null>`coalesce(${person.name}, (select m.name from ${familyMember} m where m.id = ${planVersion.authorMemberId}))`,
};

const PRESENT = {
  team: { table: teamMember, id: teamMember.personId, familyId: teamMember.familyId, ended: teamMember.untilAt },
  member: { table: familyMember, id: familyMember.id, familyId: familyMember.familyId, ended: familyMember.endedAt },
  network: { table: networkPerson, id: networkPerson.id, familyId: networkPerson.familyId, ended: networkPerson.endedAt },
} as const;

export const planRepo = {
  /** The plan row of a family (undefined before the first save); with `lock`, for update. */
  async plan(db: DbOrTx, familyId: string, opts: { lock?: boolean } = {}) {
    const q = db.select().from(plan).where(eq(plan.familyId, familyId));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },

  /** Creates the plan row of a family if there is none yet and returns it locked. */
  async ensurePlan(db: DbOrTx, familyId: string) {
    await db.insert(plan).values({ familyId }).onConflictDoNothing();
    const row = await planRepo.plan(db, familyId, { lock: true });
    if (!row) throw new Error('plan row missing after insert');
    return row;
  },

  /** One version of the family's plan with its author's name. */
  async version(db: DbOrTx, familyId: string, number: number) {
    const [row] = await db
      .select(versionColumns)
      .from(planVersion)
      .leftJoin(person, eq(person.id, planVersion.authorPersonId))
      .where(and(eq(planVersion.familyId, familyId), eq(planVersion.number, number)));
    return row;
  },

  /** Versions newest first, a page at a time (keyset on the number). */
  async versions(db: DbOrTx, familyId: string, opts: { before?: number; limit: number }) {
    return db
      .select({ number: planVersion.number, summary: planVersion.summary, createdAt: planVersion.createdAt, authorPersonId: planVersion.authorPersonId, authorName: versionColumns.authorName })
      .from(planVersion)
      .leftJoin(person, eq(person.id, planVersion.authorPersonId))
      .where(and(eq(planVersion.familyId, familyId), opts.before === undefined ? undefined : lt(planVersion.number, opts.before)))
      .orderBy(desc(planVersion.number))
      .limit(opts.limit + 1);
  },

  insertVersion(
    db: DbOrTx,
    values: { planId: string; familyId: string; number: number; authorPersonId: string | null; summary: string; content: unknown; createdAt: Date },
  ) {
    return db.insert(planVersion).values({ ...values, basedOn: values.number - 1 });
  },

  setCurrent(db: DbOrTx, planId: string, values: { number: number; nextEvaluationOn: string | null; now: Date }) {
    return db
      .update(plan)
      .set({ currentVersion: values.number, nextEvaluationOn: values.nextEvaluationOn, updatedAt: values.now, version: sql`${plan.version} + 1` })
      .where(eq(plan.id, planId));
  },

  setAgreement(db: DbOrTx, planId: string, values: { number: number; at: Date }) {
    return db
      .update(plan)
      .set({ familyAgreedVersion: values.number, familyAgreedAt: values.at, updatedAt: values.at, version: sql`${plan.version} + 1` })
      .where(eq(plan.id, planId));
  },

  touchFamily(db: DbOrTx, familyId: string, at: Date) {
    return db.update(family).set({ lastPlanChangeAt: at }).where(eq(family.id, familyId));
  },

  /** Replaces the action rows of the family with those of the current version. */
  async replaceActions(db: DbOrTx, familyId: string, actions: readonly TPlanAction[]) {
    await db.delete(planAction).where(eq(planAction.familyId, familyId));
    if (actions.length === 0) return;
    await db.insert(planAction).values(
      actions.map((a) => ({
        familyId,
        actionKey: a.key,
        title: a.what,
        ownerPersonId: a.owner.kind === 'team' ? a.owner.personId : null,
        ownerMemberId: a.owner.kind === 'member' ? a.owner.memberId : null,
        ownerNetworkPersonId: a.owner.kind === 'network' ? a.owner.networkPersonId : null,
        dueOn: a.dueOn,
        status: a.status,
      })),
    );
  },

  async actions(db: DbOrTx, familyId: string) {
    return db.select().from(planAction).where(eq(planAction.familyId, familyId));
  },

  /**
   * Of these ids, those still with the family: people on its open team ('team'), its current
   * members ('member') or its current network ('network').
   */
  async present(db: DbOrTx, kind: 'team' | 'member' | 'network', familyId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const t = PRESENT[kind];
    const rows = await db
      .select({ id: t.id })
      .from(t.table)
      .where(and(eq(t.familyId, familyId), inArray(t.id, ids), isNull(t.ended)));
    return new Set(rows.map((r) => r.id));
  },

  /** The names the plan screens show for owners and life domains (team, members, network; who left included). */
  async people(db: DbOrTx, familyId: string) {
    const [fam] = await db.select({ name: family.name }).from(family).where(eq(family.id, familyId));
    const team = await db
      .select({
        personId: teamMember.personId,
        name: sql<string>`min(${person.name})`,
        organisationName: sql<string>`min(${organisation.name})`,
        current: sql<boolean>`bool_or(${teamMember.untilAt} is null)`,
      })
      .from(teamMember)
      .innerJoin(person, eq(person.id, teamMember.personId))
      .innerJoin(organisation, eq(organisation.id, teamMember.organisationId))
      .where(eq(teamMember.familyId, familyId))
      .groupBy(teamMember.personId)
      .orderBy(sql`min(${person.name})`);
    const members = await db
      .select({ id: familyMember.id, name: familyMember.name, role: familyMember.role, current: sql<boolean>`${familyMember.endedAt} is null` })
      .from(familyMember)
      .where(eq(familyMember.familyId, familyId))
      .orderBy(asc(familyMember.createdAt), asc(familyMember.id));
    const network = await db
      .select({ id: networkPerson.id, name: networkPerson.name, relation: networkPerson.relation, current: sql<boolean>`${networkPerson.endedAt} is null` })
      .from(networkPerson)
      .where(eq(networkPerson.familyId, familyId))
      .orderBy(asc(networkPerson.createdAt), asc(networkPerson.id));
    const domains = await db
      .select({ code: lifeDomain.code, nameNl: lifeDomain.nameNl, nameEn: lifeDomain.nameEn, active: lifeDomain.active })
      .from(lifeDomain)
      .orderBy(desc(lifeDomain.active), asc(lifeDomain.position), asc(lifeDomain.code));
    const bool = (v: unknown) => v === true || v === 't';
    return {
      familyName: fam?.name ?? '',
      people: {
        team: team.map((t) => ({ ...t, current: bool(t.current) })),
        members: members.map((m) => ({ ...m, current: bool(m.current) })),
        network: network.map((n) => ({ ...n, current: bool(n.current) })),
        domains,
      },
    };
  },

  /** Of these codes, the active life domains. */
  async activeDomains(db: DbOrTx, codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows = await db.select({ code: lifeDomain.code }).from(lifeDomain).where(and(inArray(lifeDomain.code, codes), eq(lifeDomain.active, true)));
    return new Set(rows.map((r) => r.code));
  },
};
