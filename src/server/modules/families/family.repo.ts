import { createHash } from 'node:crypto';
import { and, asc, desc, eq, ilike, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import {
  auditEvent,
  blockedSignal,
  consent,
  contactAssignment,
  family,
  familyMember,
  familyVisit,
  membership,
  municipality,
  networkPerson,
  organisation,
  person,
  plan,
  region,
  teamMember,
} from '../../db/schema/index.js';
import { afterCursor, containsPattern, toPage } from '../../db/paging.js';
import type { OVERRIDE_BASES, TConsentScope, TMemberRole } from '../../../shared/schemas/families/enums.js';

type TOverrideBasis = (typeof OVERRIDE_BASES)[number];
import { familyFactsColumns, familyScopeWithSql, toFamilyFacts } from './access.repo.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const toDate = (d: Date | string) => new Date(d);

/**
 * A current membership of an active person in an active organisation on `today` (a query joining
 * membership, person and organisation). `valid_until` is the membership's last day, as the session
 * reads it (session.repo.ts). With `professional`, only memberships with the professional role.
 */
export function currentMembershipSql(today: string, opts: { professional?: boolean } = {}): SQL | undefined {
  return and(
    opts.professional ? sql`'professional' = any(${membership.roles})` : undefined,
    sql`${membership.validFrom} <= ${today}::date and (${membership.validUntil} is null or ${membership.validUntil} >= ${today}::date)`,
    eq(person.status, 'active'),
    eq(organisation.status, 'active'),
  );
}

/** The family's people with a version of their own (members, informal network). */
type VersionedPeople = typeof familyMember | typeof networkPerson;

/** Changes a member or network person when the version matches (bumps it); undefined when somebody else changed it first. */
async function updateVersioned(db: DbOrTx, table: VersionedPeople, id: string, version: number, values: object, now: Date) {
  // Both tables have id, version and updated_at; the callers type `values` for their own table.
  const t = table as typeof familyMember;
  const [row] = await db
    .update(t)
    .set({ ...(values as Partial<typeof familyMember.$inferInsert>), updatedAt: now, version: sql`${t.version} + 1` })
    .where(and(eq(t.id, id), eq(t.version, version)))
    .returning({ id: t.id, version: t.version });
  return row;
}

/** SQL of the family core: my families, the family page, members, network, team, consent, contact person, history. */
export const familyRepo = {
  /**
   * One page of the families the person may open (`scope`: familyPolicy.scope), by name, with the
   * facts the policy needs per row (abilities) and the list columns. Driven by the person's open team rows.
   */
  async pageMyFamilies(db: DbOrTx, input: { personId: string; now: Date; scope: SQL; q?: string | undefined; cursor?: string | undefined; limit: number }) {
    const sortKey = sql`lower(${family.name})`;
    const contactPerson = alias(person, 'contact_person');
    const contactOrg = alias(organisation, 'contact_org');
    const query = db
      .select({
        ...familyFactsColumns(input.personId, input.now),
        name: family.name,
        sortKey: sql<string>`lower(${family.name})`,
        municipalityName: municipality.nameNl,
        contactPersonId: contactAssignment.personId,
        contactPersonName: contactPerson.name,
        contactOrganisationId: contactAssignment.organisationId,
        contactOrganisationName: contactOrg.name,
        nextEvaluationOn: sql<string | null>`case when ${familyScopeWithSql(input.personId, input.now, 'read_plan')} then (select p.next_evaluation_on::text from ${plan} p where p.family_id = ${family.id}) end`,
        openSignals: sql<number>`(select count(*)::int from ${blockedSignal} bs where bs.family_id = ${family.id} and bs.resolved_at is null)`,
      })
      .from(teamMember)
      .innerJoin(family, eq(family.id, teamMember.familyId))
      .innerJoin(municipality, eq(municipality.nisCode, family.municipalityNis))
      .leftJoin(contactAssignment, and(eq(contactAssignment.familyId, family.id), isNull(contactAssignment.untilAt)))
      .leftJoin(contactPerson, eq(contactPerson.id, contactAssignment.personId))
      .leftJoin(contactOrg, eq(contactOrg.id, contactAssignment.organisationId))
      .where(
        and(
          eq(teamMember.personId, input.personId),
          isNull(teamMember.untilAt),
          input.scope,
          input.q ? ilike(family.name, containsPattern(input.q)) : undefined,
          afterCursor(sortKey, family.id, input.cursor),
        ),
      )
      .orderBy(asc(sortKey), asc(family.id))
      .limit(input.limit + 1);
    // Prepared, named by its text (the same shape for every person; values are parameters): planning
    // this query cost as much as running it at 100,000 families (docs/performance.md).
    const rows = await query.prepare(`my_families_${createHash('sha1').update(query.toSQL().sql).digest('hex').slice(0, 16)}`).execute();
    const page = toPage(rows, input.limit, (r) => ({ key: r.sortKey, id: r.id }));
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((r) => ({
        facts: toFamilyFacts({ id: r.id, regionId: r.regionId, status: r.status, version: r.version, isContact: r.isContact, teamOrganisationId: r.teamOrganisationId, scopes: r.scopes, viaOverride: r.viaOverride }),
        item: {
          id: r.id,
          name: r.name,
          status: r.status,
          municipalityName: r.municipalityName,
          contact:
            r.contactPersonId && r.contactOrganisationId
              ? { personId: r.contactPersonId, personName: r.contactPersonName ?? '', organisationId: r.contactOrganisationId, organisationName: r.contactOrganisationName ?? '' }
              : null,
          myRole: r.isContact === true ? ('contact' as const) : ('team' as const),
          nextEvaluationOn: r.nextEvaluationOn,
          openSignals: Number(r.openSignals),
        },
      })),
    };
  },

  async family(db: DbOrTx, id: string) {
    const [row] = await db
      .select({
        id: family.id,
        name: family.name,
        pseudonym: family.pseudonym,
        status: family.status,
        municipalityNis: family.municipalityNis,
        municipalityName: municipality.nameNl,
        regionId: family.regionId,
        regionName: region.name,
        version: family.version,
      })
      .from(family)
      .innerJoin(municipality, eq(municipality.nisCode, family.municipalityNis))
      .innerJoin(region, eq(region.id, family.regionId))
      .where(eq(family.id, id));
    return row;
  },

  members(db: DbOrTx, familyId: string) {
    return db.select().from(familyMember).where(eq(familyMember.familyId, familyId)).orderBy(asc(familyMember.endedAt), asc(familyMember.createdAt), asc(familyMember.id));
  },

  network(db: DbOrTx, familyId: string) {
    return db.select().from(networkPerson).where(eq(networkPerson.familyId, familyId)).orderBy(asc(networkPerson.endedAt), asc(networkPerson.createdAt), asc(networkPerson.id));
  },

  async contactHistory(db: DbOrTx, familyId: string) {
    const rows = await db
      .select({
        id: contactAssignment.id,
        personId: contactAssignment.personId,
        personName: person.name,
        organisationId: contactAssignment.organisationId,
        organisationName: organisation.name,
        fromAt: contactAssignment.fromAt,
        untilAt: contactAssignment.untilAt,
      })
      .from(contactAssignment)
      .innerJoin(person, eq(person.id, contactAssignment.personId))
      .innerJoin(organisation, eq(organisation.id, contactAssignment.organisationId))
      .where(eq(contactAssignment.familyId, familyId))
      .orderBy(desc(contactAssignment.fromAt), desc(contactAssignment.id));
    return rows.map((r) => ({ ...r, fromAt: toDate(r.fromAt).toISOString(), untilAt: iso(r.untilAt) }));
  },

  async team(db: DbOrTx, familyId: string) {
    const rows = await db
      .select({
        id: teamMember.id,
        personId: teamMember.personId,
        personName: person.name,
        organisationId: teamMember.organisationId,
        organisationName: organisation.name,
        role: teamMember.role,
        fromAt: teamMember.fromAt,
        untilAt: teamMember.untilAt,
        isContact: sql<boolean>`${teamMember.untilAt} is null and exists (select 1 from ${contactAssignment} ca where ca.family_id = ${teamMember.familyId} and ca.person_id = ${teamMember.personId} and ca.until_at is null)`,
      })
      .from(teamMember)
      .innerJoin(person, eq(person.id, teamMember.personId))
      .innerJoin(organisation, eq(organisation.id, teamMember.organisationId))
      .where(eq(teamMember.familyId, familyId))
      .orderBy(sql`${teamMember.untilAt} is not null`, asc(person.name), asc(teamMember.id));
    return rows.map((r) => ({ ...r, fromAt: toDate(r.fromAt).toISOString(), untilAt: iso(r.untilAt), isContact: r.isContact === true }));
  },

  async consents(db: DbOrTx, familyId: string) {
    const subject = alias(familyMember, 'subject');
    const givenBy = alias(familyMember, 'given_by');
    const withdrawnByMember = alias(familyMember, 'withdrawn_by_member');
    const withdrawnByPerson = alias(person, 'withdrawn_by_person');
    const recordedBy = alias(person, 'recorded_by');
    const rows = await db
      .select({
        id: consent.id,
        kind: consent.kind,
        subjectMemberId: consent.subjectMemberId,
        subjectName: subject.name,
        givenByMemberId: consent.givenByMemberId,
        givenByName: givenBy.name,
        organisationId: consent.organisationId,
        organisationName: organisation.name,
        personId: consent.personId,
        personName: person.name,
        scopes: consent.scopes,
        validFrom: consent.validFrom,
        validUntil: consent.validUntil,
        withdrawnAt: consent.withdrawnAt,
        withdrawnByName: sql<string | null>`coalesce(${withdrawnByMember.name}, ${withdrawnByPerson.name})`,
        overrideBasis: consent.overrideBasis,
        reason: consent.reason,
        recordedByName: recordedBy.name,
        createdAt: consent.createdAt,
      })
      .from(consent)
      .innerJoin(organisation, eq(organisation.id, consent.organisationId))
      .leftJoin(person, eq(person.id, consent.personId))
      .leftJoin(subject, eq(subject.id, consent.subjectMemberId))
      .leftJoin(givenBy, eq(givenBy.id, consent.givenByMemberId))
      .leftJoin(withdrawnByMember, eq(withdrawnByMember.id, consent.withdrawnByMemberId))
      .leftJoin(withdrawnByPerson, eq(withdrawnByPerson.id, consent.withdrawnByPersonId))
      .leftJoin(recordedBy, eq(recordedBy.id, consent.recordedBy))
      .where(eq(consent.familyId, familyId))
      .orderBy(desc(consent.createdAt), desc(consent.id));
    return rows;
  },

  /** Records this visit and returns when the person opened the family before (null: never). */
  async touchVisit(db: DbOrTx, personId: string, familyId: string, now: Date): Promise<Date | null> {
    const [before] = await db
      .select({ lastSeenAt: familyVisit.lastSeenAt })
      .from(familyVisit)
      .where(and(eq(familyVisit.personId, personId), eq(familyVisit.familyId, familyId)));
    await db
      .insert(familyVisit)
      .values({ personId, familyId, lastSeenAt: now })
      .onConflictDoUpdate({ target: [familyVisit.personId, familyVisit.familyId], set: { lastSeenAt: now } });
    return before ? toDate(before.lastSeenAt) : null;
  },

  // ---------------------------------------------------------------- members and network

  async member(db: DbOrTx, familyId: string, memberId: string, opts: { lock?: boolean } = {}) {
    const q = db.select().from(familyMember).where(and(eq(familyMember.id, memberId), eq(familyMember.familyId, familyId)));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },

  async insertMember(db: DbOrTx, values: { familyId: string; role: TMemberRole; name: string; birthDate: string | null }) {
    const [row] = await db.insert(familyMember).values(values).returning({ id: familyMember.id, version: familyMember.version });
    if (!row) throw new Error('member insert returned nothing');
    return row;
  },

  updateMember(db: DbOrTx, id: string, version: number, values: Partial<{ role: TMemberRole; name: string; birthDate: string | null; endedAt: Date }>, now: Date) {
    return updateVersioned(db, familyMember, id, version, values, now);
  },

  async networkPerson(db: DbOrTx, familyId: string, id: string, opts: { lock?: boolean } = {}) {
    const q = db.select().from(networkPerson).where(and(eq(networkPerson.id, id), eq(networkPerson.familyId, familyId)));
    const [row] = opts.lock ? await q.for('update') : await q;
    return row;
  },

  async insertNetworkPerson(db: DbOrTx, values: { familyId: string; name: string; relation: string; roleInPlan: string | null; contact: string | null }) {
    const [row] = await db.insert(networkPerson).values(values).returning({ id: networkPerson.id, version: networkPerson.version });
    if (!row) throw new Error('network insert returned nothing');
    return row;
  },

  updateNetworkPerson(
    db: DbOrTx,
    id: string,
    version: number,
    values: Partial<{ name: string; relation: string; roleInPlan: string | null; contact: string | null; endedAt: Date }>,
    now: Date,
  ) {
    return updateVersioned(db, networkPerson, id, version, values, now);
  },

  // ---------------------------------------------------------------- team and contact person

  /**
   * Whether the person works for the organisation today: a current membership (with the
   * professional role when asked), the person and the organisation active. Team and contact person
   * (requests.service.ts) both ask here.
   */
  async activeMember(db: DbOrTx, personId: string, organisationId: string, today: string, opts: { professional?: boolean } = {}): Promise<boolean> {
    const [row] = await db
      .select({ id: membership.id })
      .from(membership)
      .innerJoin(person, eq(person.id, membership.personId))
      .innerJoin(organisation, eq(organisation.id, membership.organisationId))
      .where(and(eq(membership.personId, personId), eq(membership.organisationId, organisationId), currentMembershipSql(today, opts)));
    return row !== undefined;
  },

  /** Active professionals of active organisations, by name (the add-colleague dialog). */
  async candidates(db: DbOrTx, q: string | undefined, today: string) {
    return db
      .select({ personId: person.id, personName: person.name, organisationId: organisation.id, organisationName: organisation.name })
      .from(membership)
      .innerJoin(person, eq(person.id, membership.personId))
      .innerJoin(organisation, eq(organisation.id, membership.organisationId))
      .where(
        and(
          currentMembershipSql(today),
          q ? ilike(person.name, containsPattern(q)) : undefined,
        ),
      )
      .orderBy(asc(sql`lower(${person.name})`), asc(organisation.name))
      .limit(20);
  },

  async organisationActive(db: DbOrTx, organisationId: string): Promise<boolean> {
    const [row] = await db.select({ status: organisation.status }).from(organisation).where(eq(organisation.id, organisationId));
    return row?.status === 'active';
  },

  async openTeamRow(db: DbOrTx, familyId: string, personId: string) {
    const [row] = await db
      .select()
      .from(teamMember)
      .where(and(eq(teamMember.familyId, familyId), eq(teamMember.personId, personId), isNull(teamMember.untilAt)));
    return row;
  },

  async teamRow(db: DbOrTx, familyId: string, id: string) {
    const [row] = await db.select().from(teamMember).where(and(eq(teamMember.id, id), eq(teamMember.familyId, familyId))).for('update');
    return row;
  },

  async insertTeamMember(db: DbOrTx, values: { familyId: string; personId: string; organisationId: string; role: string | null; fromAt: Date; addedBy: string | null }) {
    const [row] = await db.insert(teamMember).values(values).returning({ id: teamMember.id });
    if (!row) throw new Error('team insert returned nothing');
    return row;
  },

  async endTeamMember(db: DbOrTx, id: string, at: Date) {
    await db.update(teamMember).set({ untilAt: at }).where(and(eq(teamMember.id, id), isNull(teamMember.untilAt)));
  },

  async openContact(db: DbOrTx, familyId: string) {
    const [row] = await db.select().from(contactAssignment).where(and(eq(contactAssignment.familyId, familyId), isNull(contactAssignment.untilAt)));
    return row;
  },

  async closeContact(db: DbOrTx, id: string, at: Date) {
    const rows = await db
      .update(contactAssignment)
      .set({ untilAt: at })
      .where(and(eq(contactAssignment.id, id), isNull(contactAssignment.untilAt)))
      .returning({ id: contactAssignment.id });
    return rows.length === 1;
  },

  async insertContact(db: DbOrTx, values: { familyId: string; personId: string; organisationId: string; fromAt: Date; assignedBy: string | null; note: string | null }) {
    const [row] = await db.insert(contactAssignment).values(values).returning({ id: contactAssignment.id });
    if (!row) throw new Error('contact insert returned nothing');
    return row;
  },

  /** Bumps the family's version (a handover): a second handover based on the old version is stale. */
  async bumpFamily(db: DbOrTx, id: string, version: number, now: Date) {
    const rows = await db
      .update(family)
      .set({ version: sql`${family.version} + 1`, updatedAt: now })
      .where(and(eq(family.id, id), eq(family.version, version)))
      .returning({ version: family.version });
    return rows[0];
  },

  // ---------------------------------------------------------------- consent and override

  async insertConsent(
    db: DbOrTx,
    values: {
      familyId: string;
      kind: 'consent' | 'override';
      subjectMemberId?: string | null;
      givenByMemberId?: string | null;
      organisationId: string;
      personId: string | null;
      scopes: TConsentScope[];
      validFrom: Date;
      validUntil: Date | null;
      overrideBasis?: TOverrideBasis | null;
      reason?: string | null;
      recordedBy: string | null;
      createdAt: Date;
    },
  ) {
    const [row] = await db.insert(consent).values(values).returning({ id: consent.id });
    if (!row) throw new Error('consent insert returned nothing');
    return row;
  },

  /** Whether the same consent (subject, organisation, person, scopes, first day, end) is recorded and not withdrawn. */
  async sameConsentExists(
    db: DbOrTx,
    v: { familyId: string; subjectMemberId: string; organisationId: string; personId: string | null; scopes: TConsentScope[]; fromDay: string; validUntil: Date | null },
  ): Promise<boolean> {
    const rows = await db
      .select({ scopes: consent.scopes })
      .from(consent)
      .where(
        and(
          eq(consent.familyId, v.familyId),
          eq(consent.kind, 'consent'),
          eq(consent.subjectMemberId, v.subjectMemberId),
          eq(consent.organisationId, v.organisationId),
          v.personId ? eq(consent.personId, v.personId) : isNull(consent.personId),
          isNull(consent.withdrawnAt),
          sql`(${consent.validFrom} at time zone 'Europe/Brussels')::date = ${v.fromDay}::date`,
          v.validUntil ? eq(consent.validUntil, v.validUntil) : isNull(consent.validUntil),
        ),
      );
    const want = [...v.scopes].sort().join(',');
    return rows.some((r) => (Array.isArray(r.scopes) ? [...r.scopes] : String(r.scopes).replace(/[{}]/g, '').split(',')).sort().join(',') === want);
  },

  async consentRow(db: DbOrTx, familyId: string, id: string) {
    const [row] = await db.select().from(consent).where(and(eq(consent.id, id), eq(consent.familyId, familyId))).for('update');
    return row;
  },

  async withdrawConsent(db: DbOrTx, id: string, at: Date, byPersonId: string | null, byMemberId: string | null) {
    await db
      .update(consent)
      .set({ withdrawnAt: at, withdrawnByPersonId: byPersonId, withdrawnByMemberId: byMemberId })
      .where(and(eq(consent.id, id), isNull(consent.withdrawnAt)));
  },

  // ---------------------------------------------------------------- history

  /** The family's audit trail, newest first, keyset on seq: who did what when (no details). */
  async history(db: DbOrTx, familyId: string, before: number | undefined, limit: number) {
    const rows = await db
      .select({
        seq: auditEvent.seq,
        occurredAt: auditEvent.occurredAt,
        action: auditEvent.action,
        resourceType: auditEvent.resourceType,
        actorName: person.name,
      })
      .from(auditEvent)
      .leftJoin(person, eq(person.id, auditEvent.actorPersonId))
      .where(and(eq(auditEvent.familyId, familyId), eq(auditEvent.outcome, 'success'), before !== undefined ? lt(auditEvent.seq, before) : undefined))
      .orderBy(desc(auditEvent.seq))
      .limit(limit + 1);
    const items = rows.slice(0, limit).map((r) => ({ ...r, seq: Number(r.seq), occurredAt: toDate(r.occurredAt).toISOString() }));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? String(last.seq) : null };
  },
};
