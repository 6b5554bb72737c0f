import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { account, authToken, membership, organisation, organisationSector, person, platformRole, region, sector } from '../../db/schema/index.js';
import type { OrgRole, PlatformRole } from '../../../shared/permissions.js';

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

/** Listing and updating organisations and people for the admin screens. */
export const identityAdminRepo = {
  listOrganisations(db: DbOrTx, onlyIds?: string[]) {
    return db
      .select({
        id: organisation.id,
        name: organisation.name,
        status: organisation.status,
        regionId: organisation.regionId,
        regionName: region.name,
        version: organisation.version,
        sectorCodes: sql<string[]>`coalesce((select array_agg(s.code order by s.position) from organisation_sector os join sector s on s.id = os.sector_id where os.organisation_id = ${organisation.id}), '{}')`,
        memberCount: sql<number>`(select count(*)::int from membership m where m.organisation_id = ${organisation.id})`,
      })
      .from(organisation)
      .leftJoin(region, eq(region.id, organisation.regionId))
      .where(onlyIds ? (onlyIds.length ? inArray(organisation.id, onlyIds) : sql`false`) : undefined)
      .orderBy(asc(organisation.name));
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

  async organisationStatus(db: DbOrTx, id: string) {
    const [row] = await db.select({ status: organisation.status }).from(organisation).where(eq(organisation.id, id));
    return row?.status;
  },

  /** People with account facts, memberships and platform roles; optionally only members of some organisations. */
  async listPeople(db: DbOrTx, opts: { memberOf?: string[]; personIds?: string[] }) {
    const conditions = [];
    if (opts.memberOf) {
      conditions.push(
        opts.memberOf.length
          ? sql`exists (select 1 from membership m where m.person_id = ${person.id} and m.organisation_id in ${opts.memberOf})`
          : sql`false`,
      );
    }
    if (opts.personIds) conditions.push(opts.personIds.length ? inArray(person.id, opts.personIds) : sql`false`);
    const rows = await db
      .select({
        id: person.id,
        name: person.name,
        email: person.email,
        phone: person.phone,
        status: person.status,
        version: person.version,
        mfaEnabled: sql<boolean>`${account.mfaEnabledAt} is not null`,
        hasPassword: sql<boolean>`${account.passwordHash} is not null`,
        memberships: sql<{ organisationId: string; organisationName: string; roles: string[] }[]>`coalesce((
          select json_agg(json_build_object('organisationId', o.id, 'organisationName', o.name, 'roles', m.roles) order by o.name)
          from membership m join organisation o on o.id = m.organisation_id where m.person_id = ${person.id}), '[]'::json)`,
        platformRoles: sql<string[]>`coalesce((select array_agg(distinct pr.role) from platform_role pr where pr.person_id = ${person.id}), '{}')`,
      })
      .from(person)
      .leftJoin(account, eq(account.personId, person.id))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(asc(person.name));
    return rows;
  },

  async setPersonStatus(db: DbOrTx, id: string, status: 'active' | 'disabled', now: Date) {
    await db.update(person).set({ status, updatedAt: now, version: sql`${person.version} + 1` }).where(eq(person.id, id));
    await db.update(account).set({ status, updatedAt: now }).where(eq(account.personId, id));
  },

  async accountIdOfPerson(db: DbOrTx, personId: string) {
    const [row] = await db.select({ id: account.id }).from(account).where(eq(account.personId, personId));
    return row?.id;
  },
};
