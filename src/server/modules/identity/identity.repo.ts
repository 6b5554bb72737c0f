import { and, asc, eq, exists, gt, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { account, authToken, membership, organisation, organisationSector, person, platformRole, region, sector } from '../../db/schema/index.js';
import { isOrgRole, isPlatformRoleName, type OrgRole, type PlatformRole } from '../../../shared/permissions.js';
import { afterCursor, containsPattern, toPage } from '../../db/paging.js';

/** SQL for organisations, people, their memberships, roles and accounts. */
export const identityRepo = {
  async findPersonByEmail(db: DbOrTx, email: string) {
    const [row] = await db.select().from(person).where(sql`lower(${person.email}) = ${email.toLowerCase()}`);
    return row;
  },

  async insertPerson(db: DbOrTx, values: { name: string; email: string; phone?: string | null }) {
    const [row] = await db.insert(person).values(values).returning();
    if (!row) throw new Error('person insert returned nothing');
    return row;
  },

  async insertAccount(db: DbOrTx, values: { email: string; personId: string; passwordHash?: string | null; mfaSecret?: string | null; mfaEnabledAt?: Date | null }) {
    const [row] = await db.insert(account).values(values).returning();
    if (!row) throw new Error('account insert returned nothing');
    return row;
  },

  async findOrganisationByName(db: DbOrTx, name: string) {
    const [row] = await db.select().from(organisation).where(sql`lower(${organisation.name}) = ${name.toLowerCase()}`);
    return row;
  },

  async upsertOrganisation(db: DbOrTx, values: { name: string; regionId?: string | null }) {
    await db.insert(organisation).values(values).onConflictDoNothing();
    const found = await identityRepo.findOrganisationByName(db, values.name);
    if (!found) throw new Error(`organisation ${values.name} missing after insert`);
    return found;
  },

  addMembership(db: DbOrTx, values: { personId: string; organisationId: string; roles: OrgRole[]; functions?: string[] }) {
    return db
      .insert(membership)
      .values(values)
      .onConflictDoUpdate({ target: [membership.personId, membership.organisationId], set: { roles: values.roles } });
  },

  addPlatformRole(db: DbOrTx, values: { personId: string; role: PlatformRole; regionId?: string | null }) {
    return db.insert(platformRole).values(values).onConflictDoNothing();
  },

  insertAuthToken(db: DbOrTx, values: { tokenHash: string; accountId: string; purpose: 'password_reset' | 'enrolment'; expiresAt: Date }) {
    return db.insert(authToken).values(values);
  },

  /** Marks an unused, unexpired token of this purpose as used and returns its account; once only. */
  async consumeAuthToken(db: DbOrTx, tokenHash: string, purpose: 'password_reset' | 'enrolment', now: Date) {
    const [row] = await db
      .update(authToken)
      .set({ usedAt: now })
      .where(and(eq(authToken.tokenHash, tokenHash), eq(authToken.purpose, purpose), isNull(authToken.usedAt), gt(authToken.expiresAt, now)))
      .returning({ accountId: authToken.accountId });
    return row?.accountId;
  },
};

/** The columns of an organisation as the admin screens show it. */
const organisationColumns = {
  id: organisation.id,
  name: organisation.name,
  status: organisation.status,
  regionId: organisation.regionId,
  regionName: region.name,
  version: organisation.version,
  sectorCodes: sql<string[]>`coalesce((select array_agg(s.code order by s.position) from organisation_sector os join sector s on s.id = os.sector_id where os.organisation_id = ${organisation.id}), '{}')`,
  memberCount: sql<number>`(select count(*)::int from membership m where m.organisation_id = ${organisation.id})`,
};

/** The columns of a person as the admin screens show it (account facts, memberships, platform roles). */
const personColumns = {
  id: person.id,
  name: person.name,
  email: person.email,
  phone: person.phone,
  status: person.status,
  disabledBy: person.disabledBy,
  version: person.version,
  mfaEnabled: sql<boolean>`${account.mfaEnabledAt} is not null`,
  hasPassword: sql<boolean>`${account.passwordHash} is not null`,
  memberships: sql<{ organisationId: string; organisationName: string; roles: string[] }[]>`coalesce((
    select json_agg(json_build_object('organisationId', o.id, 'organisationName', o.name, 'roles', m.roles) order by o.name)
    from membership m join organisation o on o.id = m.organisation_id where m.person_id = ${person.id}), '[]'::json)`,
  platformRoles: sql<string[]>`coalesce((select array_agg(distinct pr.role) from platform_role pr where pr.person_id = ${person.id}), '{}')`,
};

export interface PageInput {
  /** The record policy's scope: only rows the caller may see. */
  scope: SQL;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Listing and updating organisations and people for the admin screens. */
export const identityAdminRepo = {
  /** One page of organisations by name, filtered in the query by scope and search. */
  async pageOrganisations(db: DbOrTx, input: PageInput) {
    const sortKey = sql`lower(${organisation.name})`;
    const rows = await db
      .select({ ...organisationColumns, sortKey: sql<string>`lower(${organisation.name})` })
      .from(organisation)
      .leftJoin(region, eq(region.id, organisation.regionId))
      .where(and(input.scope, input.q ? ilike(organisation.name, containsPattern(input.q)) : undefined, afterCursor(sortKey, organisation.id, input.cursor)))
      .orderBy(asc(sortKey), asc(organisation.id))
      .limit(input.limit + 1);
    const page = toPage(rows, input.limit, (r) => ({ key: r.sortKey, id: r.id }));
    return { items: page.items.map(({ sortKey: _omit, ...r }) => r), nextCursor: page.nextCursor };
  },

  async organisation(db: DbOrTx, id: string) {
    const [row] = await db.select(organisationColumns).from(organisation).leftJoin(region, eq(region.id, organisation.regionId)).where(eq(organisation.id, id));
    return row;
  },

  /** The facts the policy needs, with the row locked until the transaction ends (checks cannot race the write). */
  async lockOrganisation(db: DbOrTx, id: string) {
    const [row] = await db
      .select({ id: organisation.id, status: organisation.status, version: organisation.version })
      .from(organisation)
      .where(eq(organisation.id, id))
      .for('update');
    return row;
  },

  async regionIdByCode(db: DbOrTx, code: string) {
    const [row] = await db.select({ id: region.id }).from(region).where(eq(region.code, code));
    return row?.id;
  },

  async sectorIdsByCode(db: DbOrTx, codes: string[]) {
    if (codes.length === 0) return [];
    return db.select({ id: sector.id, code: sector.code }).from(sector).where(inArray(sector.code, codes));
  },

  async insertOrganisation(db: DbOrTx, values: { name: string; regionId: string | null }) {
    const [row] = await db.insert(organisation).values(values).returning({ id: organisation.id });
    if (!row) throw new Error('organisation insert returned nothing');
    return row.id;
  },

  async replaceSectors(db: DbOrTx, organisationId: string, sectorIds: string[]) {
    await db.delete(organisationSector).where(eq(organisationSector.organisationId, organisationId));
    if (sectorIds.length) await db.insert(organisationSector).values(sectorIds.map((sectorId) => ({ organisationId, sectorId })));
  },

  /** Updates when the version matches; returns false when somebody else changed it first. */
  async updateOrganisation(db: DbOrTx, id: string, version: number, values: { name?: string; status?: 'active' | 'archived' }, now: Date) {
    const rows = await db
      .update(organisation)
      .set({ ...values, updatedAt: now, version: sql`${organisation.version} + 1` })
      .where(and(eq(organisation.id, id), eq(organisation.version, version)))
      .returning({ id: organisation.id });
    return rows.length > 0;
  },

  /** One page of people by name, filtered in the query by scope, organisation and search (name or e-mail). */
  async pagePeople(db: DbOrTx, input: PageInput & { memberOf?: string | undefined }) {
    const sortKey = sql`lower(${person.name})`;
    const pattern = input.q ? containsPattern(input.q) : undefined;
    const rows = await db
      .select({ ...personColumns, sortKey: sql<string>`lower(${person.name})` })
      .from(person)
      .leftJoin(account, eq(account.personId, person.id))
      .where(
        and(
          input.scope,
          input.memberOf
            ? exists(sql`(select 1 from ${membership} where ${and(eq(membership.personId, person.id), eq(membership.organisationId, input.memberOf))})`)
            : undefined,
          pattern ? or(ilike(person.name, pattern), ilike(person.email, pattern)) : undefined,
          afterCursor(sortKey, person.id, input.cursor),
        ),
      )
      .orderBy(asc(sortKey), asc(person.id))
      .limit(input.limit + 1);
    const page = toPage(rows, input.limit, (r) => ({ key: r.sortKey, id: r.id }));
    return { items: page.items.map(({ sortKey: _omit, ...r }) => r), nextCursor: page.nextCursor };
  },

  async person(db: DbOrTx, id: string) {
    const [row] = await db.select(personColumns).from(person).leftJoin(account, eq(account.personId, person.id)).where(eq(person.id, id));
    return row;
  },

  /** The facts the policy needs, with the person row locked until the transaction ends. */
  async lockPerson(db: DbOrTx, id: string) {
    const [row] = await db
      .select({ id: person.id, status: person.status, disabledBy: person.disabledBy, version: person.version })
      .from(person)
      .where(eq(person.id, id))
      .for('update');
    if (!row) return undefined;
    const memberships = await db.select({ organisationId: membership.organisationId, roles: membership.roles }).from(membership).where(eq(membership.personId, id));
    const roles = await db.select({ role: platformRole.role }).from(platformRole).where(eq(platformRole.personId, id));
    return {
      ...row,
      memberships: memberships.map((m) => ({ organisationId: m.organisationId, roles: m.roles.filter(isOrgRole) })),
      platformRoles: [...new Set(roles.map((r) => r.role).filter(isPlatformRoleName))],
    };
  },

  /** Updates when the version matches; returns false when somebody else changed it first. */
  async updatePerson(db: DbOrTx, id: string, version: number, values: { name?: string; email?: string; phone?: string | null }, now: Date) {
    const rows = await db
      .update(person)
      .set({ ...values, updatedAt: now, version: sql`${person.version} + 1` })
      .where(and(eq(person.id, id), eq(person.version, version)))
      .returning({ id: person.id });
    if (rows.length > 0 && values.email) await db.update(account).set({ email: values.email, updatedAt: now }).where(eq(account.personId, id));
    return rows.length > 0;
  },

  async setPersonStatus(db: DbOrTx, id: string, status: 'active' | 'disabled', disabledBy: 'platform' | 'organisation' | null, now: Date) {
    await db.update(person).set({ status, disabledBy, updatedAt: now, version: sql`${person.version} + 1` }).where(eq(person.id, id));
    await db.update(account).set({ status, updatedAt: now }).where(eq(account.personId, id));
  },

  /** Sets a person's roles in one organisation, adding the membership when there is none. */
  async setMembershipRoles(db: DbOrTx, personId: string, organisationId: string, roles: OrgRole[]) {
    await db
      .insert(membership)
      .values({ personId, organisationId, roles })
      .onConflictDoUpdate({ target: [membership.personId, membership.organisationId], set: { roles } });
  },

  async accountIdOfPerson(db: DbOrTx, personId: string) {
    const [row] = await db.select({ id: account.id }).from(account).where(eq(account.personId, personId));
    return row?.id;
  },
};
