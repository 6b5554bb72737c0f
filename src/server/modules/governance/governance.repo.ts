import { and, asc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { governanceBody, governanceMembership, membership, organisation, organisationSector, person, region, sector } from '../../db/schema/index.js';
import { afterCursor, containsPattern, toPage } from '../../db/paging.js';
import type { TBodyKind, TBodyRole } from '../../../shared/schemas/governance.js';

/** SQL of governance bodies and their memberships; membership queries always name the body. */

/** Memberships that hold on `today` (joined on or before, not left before). */
const currentOn = (today: string) =>
  sql`${governanceMembership.joinedOn} <= ${today}::date and (${governanceMembership.leftOn} is null or ${governanceMembership.leftOn} >= ${today}::date)`;

function bodyColumns(today: string) {
  return {
    id: governanceBody.id,
    name: governanceBody.name,
    kind: governanceBody.kind,
    description: governanceBody.description,
    regionId: governanceBody.regionId,
    regionCode: region.code,
    regionName: region.name,
    regionKind: region.kind,
    currentMemberCount: sql<number>`(select count(*)::int from ${governanceMembership} where ${governanceMembership.bodyId} = ${governanceBody.id} and ${currentOn(today)})`,
    version: governanceBody.version,
  };
}

const memberColumns = {
  id: governanceMembership.id,
  bodyId: governanceMembership.bodyId,
  personId: governanceMembership.personId,
  personName: person.name,
  organisationId: governanceMembership.organisationId,
  organisationName: organisation.name,
  sectorCode: sector.code,
  role: governanceMembership.role,
  joinedOn: governanceMembership.joinedOn,
  leftOn: governanceMembership.leftOn,
  successorOf: governanceMembership.successorOf,
  version: governanceMembership.version,
};

export type BodyRow = NonNullable<Awaited<ReturnType<typeof governanceRepo.body>>>;
export type MemberRow = Awaited<ReturnType<typeof governanceRepo.members>>[number];

export interface MembershipValues {
  bodyId: string;
  personId: string;
  organisationId: string | null;
  sectorId: string | null;
  role: TBodyRole;
  joinedOn: string;
  successorOf: string | null;
}

export const governanceRepo = {
  /** A page of bodies by name, limited to the policy's scope. */
  async pageBodies(
    db: DbOrTx,
    input: { scope: SQL; today: string; kind?: TBodyKind | undefined; regionId?: string | undefined; q?: string | undefined; cursor?: string | undefined; limit: number },
  ) {
    const sortKey = sql`lower(${governanceBody.name})`;
    const rows = await db
      .select({ ...bodyColumns(input.today), sortKey: sql<string>`lower(${governanceBody.name})` })
      .from(governanceBody)
      .innerJoin(region, eq(region.id, governanceBody.regionId))
      .where(
        and(
          input.scope,
          input.kind ? eq(governanceBody.kind, input.kind) : undefined,
          input.regionId ? eq(governanceBody.regionId, input.regionId) : undefined,
          input.q ? ilike(governanceBody.name, containsPattern(input.q)) : undefined,
          afterCursor(sortKey, governanceBody.id, input.cursor),
        ),
      )
      .orderBy(asc(sortKey), asc(governanceBody.id))
      .limit(input.limit + 1);
    const page = toPage(rows, input.limit, (r) => ({ key: r.sortKey, id: r.id }));
    return { items: page.items.map(({ sortKey: _omit, ...r }) => r), nextCursor: page.nextCursor };
  },

  async body(db: DbOrTx, id: string, today: string) {
    const [row] = await db.select(bodyColumns(today)).from(governanceBody).innerJoin(region, eq(region.id, governanceBody.regionId)).where(eq(governanceBody.id, id));
    return row;
  },

  /**
   * The facts the policy needs: the body's region and version and the roles `personId` holds in
   * it today; with `lock`, the body row stays locked until the transaction ends, so membership
   * changes of one body happen one after the other.
   */
  async bodyFacts(db: DbOrTx, id: string, personId: string | null, today: string, lock = false) {
    const query = db.select({ id: governanceBody.id, regionId: governanceBody.regionId, version: governanceBody.version }).from(governanceBody).where(eq(governanceBody.id, id));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) return undefined;
    const roles = personId
      ? await db
          .select({ role: governanceMembership.role })
          .from(governanceMembership)
          .where(and(eq(governanceMembership.bodyId, id), eq(governanceMembership.personId, personId), currentOn(today)))
      : [];
    return { ...row, actorRoles: roles.map((r) => r.role) };
  },

  /** The roles `personId` holds today in each of these bodies, keyed by body id (the abilities of a page). */
  async actorRolesByBody(db: DbOrTx, bodyIds: string[], personId: string | null, today: string) {
    const out = new Map<string, TBodyRole[]>();
    if (!personId || bodyIds.length === 0) return out;
    const rows = await db
      .select({ bodyId: governanceMembership.bodyId, role: governanceMembership.role })
      .from(governanceMembership)
      .where(and(inArray(governanceMembership.bodyId, bodyIds), eq(governanceMembership.personId, personId), currentOn(today)));
    for (const r of rows) out.set(r.bodyId, [...(out.get(r.bodyId) ?? []), r.role]);
    return out;
  },

  /** The region of each body, in one query. */
  async regionsOfBodies(db: DbOrTx, bodyIds: string[]): Promise<Map<string, string>> {
    if (bodyIds.length === 0) return new Map();
    const rows = await db.select({ id: governanceBody.id, regionId: governanceBody.regionId }).from(governanceBody).where(inArray(governanceBody.id, bodyIds));
    return new Map(rows.map((r) => [r.id, r.regionId]));
  },

  async regionByCode(db: DbOrTx, code: string) {
    const [row] = await db.select({ id: region.id }).from(region).where(eq(region.code, code));
    return row;
  },

  async nameTaken(db: DbOrTx, regionId: string, name: string, exceptId?: string) {
    const [row] = await db
      .select({ id: governanceBody.id })
      .from(governanceBody)
      .where(and(eq(governanceBody.regionId, regionId), sql`lower(${governanceBody.name}) = lower(${name})`, exceptId ? sql`${governanceBody.id} <> ${exceptId}` : undefined));
    return row !== undefined;
  },

  async insertBody(db: DbOrTx, values: { name: string; kind: TBodyKind; regionId: string; description: string }, now: Date): Promise<string> {
    const [row] = await db.insert(governanceBody).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: governanceBody.id });
    if (!row) throw new Error('body not inserted');
    return row.id;
  },

  /** Updates when the version matches; false when somebody else changed it first. */
  async updateBody(db: DbOrTx, id: string, version: number, values: Partial<{ name: string; kind: TBodyKind; description: string }>, now: Date): Promise<boolean> {
    const rows = await db
      .update(governanceBody)
      .set({ ...values, updatedAt: now, version: sql`${governanceBody.version} + 1` })
      .where(and(eq(governanceBody.id, id), eq(governanceBody.version, version)))
      .returning({ id: governanceBody.id });
    return rows.length === 1;
  },

  /** The body's whole membership history (or one membership): by start date, then person name. */
  members(db: DbOrTx, bodyId: string, membershipId?: string) {
    return db
      .select(memberColumns)
      .from(governanceMembership)
      .innerJoin(person, eq(person.id, governanceMembership.personId))
      .leftJoin(organisation, eq(organisation.id, governanceMembership.organisationId))
      .leftJoin(sector, eq(sector.id, governanceMembership.sectorId))
      .where(and(eq(governanceMembership.bodyId, bodyId), membershipId ? eq(governanceMembership.id, membershipId) : undefined))
      .orderBy(asc(governanceMembership.joinedOn), asc(person.name), asc(governanceMembership.id));
  },

  async lockMembership(db: DbOrTx, bodyId: string, membershipId: string) {
    const [row] = await db
      .select()
      .from(governanceMembership)
      .where(and(eq(governanceMembership.id, membershipId), eq(governanceMembership.bodyId, bodyId)))
      .for('update');
    return row;
  },

  /** Whether the person holds a membership of the body on `fromOn` or later (open-ended, or ending then or after). */
  async memberFrom(db: DbOrTx, bodyId: string, personId: string, fromOn: string): Promise<boolean> {
    const [row] = await db
      .select({ id: governanceMembership.id })
      .from(governanceMembership)
      .where(
        and(
          eq(governanceMembership.bodyId, bodyId),
          eq(governanceMembership.personId, personId),
          sql`(${governanceMembership.leftOn} is null or ${governanceMembership.leftOn} >= ${fromOn}::date)`,
        ),
      )
      .limit(1);
    return row !== undefined;
  },

  async personStatus(db: DbOrTx, personId: string) {
    const [row] = await db.select({ status: person.status }).from(person).where(eq(person.id, personId));
    return row?.status;
  },

  async organisationExists(db: DbOrTx, organisationId: string): Promise<boolean> {
    const [row] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.id, organisationId));
    return row !== undefined;
  },

  async sectorIdByCode(db: DbOrTx, code: string) {
    const [row] = await db.select({ id: sector.id }).from(sector).where(eq(sector.code, code));
    return row?.id;
  },

  async insertMembership(db: DbOrTx, values: MembershipValues, now: Date): Promise<string> {
    const [row] = await db.insert(governanceMembership).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: governanceMembership.id });
    if (!row) throw new Error('membership not inserted');
    return row.id;
  },

  /** Ends an open membership; false when it was ended already (by a request that came first). */
  async endMembership(db: DbOrTx, membershipId: string, leftOn: string, now: Date): Promise<boolean> {
    const rows = await db
      .update(governanceMembership)
      .set({ leftOn, updatedAt: now, version: sql`${governanceMembership.version} + 1` })
      .where(and(eq(governanceMembership.id, membershipId), sql`${governanceMembership.leftOn} is null`))
      .returning({ id: governanceMembership.id });
    return rows.length === 1;
  },

  /** Regions and provinces by kind then name; `regionIds` null = all. */
  async regionsFor(db: DbOrTx, regionIds: string[] | null) {
    if (regionIds !== null && regionIds.length === 0) return [];
    return db
      .select({ code: region.code, name: region.name, kind: region.kind })
      .from(region)
      .where(regionIds === null ? undefined : inArray(region.id, regionIds))
      .orderBy(sql`case ${region.kind} when 'network' then 0 else 1 end`, asc(region.name));
  },

  /**
   * Active people whose name contains `q` (at most `limit`), with the active organisations they
   * work in today and those organisations' sectors.
   */
  async candidates(db: DbOrTx, q: string, today: string, limit: number) {
    const people = await db
      .select({ personId: person.id, name: person.name })
      .from(person)
      .where(and(eq(person.status, 'active'), ilike(person.name, containsPattern(q))))
      .orderBy(asc(sql`lower(${person.name})`), asc(person.id))
      .limit(limit);
    if (people.length === 0) return [];
    const orgs = await db
      .select({
        personId: membership.personId,
        id: organisation.id,
        name: organisation.name,
        sectorCodes: sql<string[]>`coalesce((select array_agg(${sector.code} order by ${sector.code}) from ${organisationSector} join ${sector} on ${sector.id} = ${organisationSector.sectorId} where ${organisationSector.organisationId} = ${organisation.id}), '{}'::text[])`,
      })
      .from(membership)
      .innerJoin(organisation, eq(organisation.id, membership.organisationId))
      .where(
        and(
          inArray(membership.personId, people.map((p) => p.personId)),
          eq(organisation.status, 'active'),
          sql`${membership.validFrom} <= ${today}::date and (${membership.validUntil} is null or ${membership.validUntil} >= ${today}::date)`,
        ),
      )
      .orderBy(asc(organisation.name));
    return people.map((p) => ({
      ...p,
      organisations: orgs.filter((o) => o.personId === p.personId).map(({ personId: _p, ...o }) => o),
    }));
  },
};
