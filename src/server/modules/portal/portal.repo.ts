import { and, desc, eq, gt, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import {
  account,
  atelier,
  auditEvent,
  bridgingHelp,
  commitment,
  consent,
  contactAssignment,
  family,
  familyMember,
  journalNote,
  lifeDomain,
  networkPerson,
  organisation,
  person,
  plan,
  planVersion,
  portalConfidant,
  portalLoginCode,
  portalObjection,
  portalVisit,
  teamMember,
  wait,
} from '../../db/schema/index.js';
import type { TDisclosure } from '../../../shared/schemas/families/enums.js';

const toDate = (d: Date | string) => (d instanceof Date ? d : new Date(d));

/** What a portal viewer may see of the disclosure-marked items (the gate's `PortalViewer` has both). */
export interface PortalSees {
  visible: readonly TDisclosure[];
  ownYouthId: string | null;
}

/**
 * The disclosure filter, in the query: the viewer's classes, except that a `youth_own` item is only
 * shown when it belongs to the viewer's own youth (the youth themself or the youth of a confidant).
 */
function disclosureFilter(disclosure: AnyPgColumn, youthMemberId: AnyPgColumn, sees: PortalSees): SQL {
  const classes = sees.visible.filter((d) => d !== 'youth_own');
  const own = sees.ownYouthId !== null && sees.visible.includes('youth_own') ? and(eq(disclosure, 'youth_own'), eq(youthMemberId, sees.ownYouthId)) : undefined;
  const base = classes.length ? inArray(disclosure, classes) : sql`false`;
  return own ? (or(base, own) as SQL) : base;
}

/** The only SQL of the family portal. Every family read takes the disclosure classes the viewer may see and filters in the query. */
export const portalRepo = {
  // ---------------------------------------------------------------- accounts and login

  accountByEmail(db: DbOrTx, email: string) {
    return db
      .select({ id: account.id, kind: account.kind, status: account.status, email: account.email })
      .from(account)
      .where(sql`lower(${account.email}) = ${email.toLowerCase()}`)
      .then((r) => r[0]);
  },

  async createFamilyAccount(db: DbOrTx, email: string, now: Date) {
    const [row] = await db.insert(account).values({ email, kind: 'family', createdAt: now, updatedAt: now }).returning({ id: account.id });
    if (!row) throw new Error('account insert returned nothing');
    return row.id;
  },

  /** Whether the family account still opens something now: an active member link or an open confidant designation. */
  async accountIsLinked(db: DbOrTx, accountId: string) {
    const [m] = await db.select({ id: familyMember.id }).from(familyMember).where(and(eq(familyMember.accountId, accountId), isNull(familyMember.endedAt))).limit(1);
    if (m) return true;
    const [c] = await db.select({ id: portalConfidant.id }).from(portalConfidant).where(and(eq(portalConfidant.accountId, accountId), isNull(portalConfidant.endedAt))).limit(1);
    return c !== undefined;
  },

  /** Another member (of any family) already uses this login. */
  async accountMember(db: DbOrTx, accountId: string) {
    const [m] = await db.select({ id: familyMember.id }).from(familyMember).where(and(eq(familyMember.accountId, accountId), isNull(familyMember.endedAt))).limit(1);
    return m;
  },

  linkMember(db: DbOrTx, memberId: string, accountId: string, now: Date) {
    return db.update(familyMember).set({ accountId, updatedAt: now, version: sql`${familyMember.version} + 1` }).where(eq(familyMember.id, memberId));
  },

  insertLoginCode(db: DbOrTx, v: { accountId: string; codeHash: string; linkHash: string; expiresAt: Date; now: Date }) {
    return db.insert(portalLoginCode).values({ accountId: v.accountId, codeHash: v.codeHash, linkHash: v.linkHash, expiresAt: v.expiresAt, createdAt: v.now });
  },

  /** Spends every unused code of the account (a new code replaces the old ones). */
  spendCodes(db: DbOrTx, accountId: string, now: Date) {
    return db.update(portalLoginCode).set({ usedAt: now }).where(and(eq(portalLoginCode.accountId, accountId), isNull(portalLoginCode.usedAt)));
  },

  /** The newest unused, unexpired code of an account, locked (one attempt at a time). */
  async liveCode(db: DbOrTx, accountId: string, now: Date) {
    const [row] = await db
      .select()
      .from(portalLoginCode)
      .where(and(eq(portalLoginCode.accountId, accountId), isNull(portalLoginCode.usedAt), gt(portalLoginCode.expiresAt, now)))
      .orderBy(desc(portalLoginCode.createdAt))
      .limit(1)
      .for('update');
    return row;
  },

  countFailure(db: DbOrTx, id: string, spend: boolean, now: Date) {
    return db
      .update(portalLoginCode)
      .set({ failures: sql`${portalLoginCode.failures} + 1`, ...(spend ? { usedAt: now } : {}) })
      .where(eq(portalLoginCode.id, id));
  },

  /** Uses a link once: marks it used and returns its account, if it was live. */
  async consumeLink(db: DbOrTx, linkHash: string, now: Date) {
    const [row] = await db
      .update(portalLoginCode)
      .set({ usedAt: now })
      .where(and(eq(portalLoginCode.linkHash, linkHash), isNull(portalLoginCode.usedAt), gt(portalLoginCode.expiresAt, now)))
      .returning({ accountId: portalLoginCode.accountId });
    return row?.accountId;
  },

  markCodeUsed(db: DbOrTx, id: string, now: Date) {
    return db.update(portalLoginCode).set({ usedAt: now }).where(eq(portalLoginCode.id, id));
  },

  // ---------------------------------------------------------------- who am I

  /** The family member behind a login (an active member of a family), if any. */
  async memberOfAccount(db: DbOrTx, accountId: string) {
    const [row] = await db
      .select({
        memberId: familyMember.id,
        familyId: familyMember.familyId,
        role: familyMember.role,
        name: familyMember.name,
        birthDate: familyMember.birthDate,
        familyName: family.name,
        familyStatus: family.status,
      })
      .from(familyMember)
      .innerJoin(family, eq(family.id, familyMember.familyId))
      .where(and(eq(familyMember.accountId, accountId), isNull(familyMember.endedAt)))
      .limit(1);
    return row;
  },

  /** The open confidant designation behind a login, with the youth. */
  async confidantOfAccount(db: DbOrTx, accountId: string) {
    const [row] = await db
      .select({
        confidantId: portalConfidant.id,
        familyId: portalConfidant.familyId,
        name: portalConfidant.name,
        youthMemberId: portalConfidant.youthMemberId,
        youthName: familyMember.name,
        youthBirthDate: familyMember.birthDate,
        familyName: family.name,
        familyStatus: family.status,
      })
      .from(portalConfidant)
      .innerJoin(familyMember, and(eq(familyMember.id, portalConfidant.youthMemberId), isNull(familyMember.endedAt)))
      .innerJoin(family, eq(family.id, portalConfidant.familyId))
      .where(and(eq(portalConfidant.accountId, accountId), isNull(portalConfidant.endedAt)))
      .limit(1);
    return row;
  },

  memberInFamily(db: DbOrTx, familyId: string, memberId: string) {
    return db
      .select({ id: familyMember.id, role: familyMember.role, name: familyMember.name, birthDate: familyMember.birthDate, accountId: familyMember.accountId })
      .from(familyMember)
      .where(and(eq(familyMember.id, memberId), eq(familyMember.familyId, familyId), isNull(familyMember.endedAt)))
      .then((r) => r[0]);
  },

  members(db: DbOrTx, familyId: string) {
    return db
      .select({ id: familyMember.id, role: familyMember.role, name: familyMember.name, birthDate: familyMember.birthDate })
      .from(familyMember)
      .where(eq(familyMember.familyId, familyId));
  },

  lockFamily(db: DbOrTx, familyId: string) {
    return db.select({ id: family.id }).from(family).where(eq(family.id, familyId)).for('update');
  },

  // ---------------------------------------------------------------- confidants

  async insertConfidant(db: DbOrTx, v: { familyId: string; youthMemberId: string; name: string; accountId: string; now: Date }) {
    const [row] = await db.insert(portalConfidant).values({ ...v, createdAt: v.now }).returning();
    if (!row) throw new Error('confidant insert returned nothing');
    return row;
  },

  confidantsOf(db: DbOrTx, youthMemberId: string) {
    return db
      .select({ id: portalConfidant.id, name: portalConfidant.name, email: account.email, createdAt: portalConfidant.createdAt, endedAt: portalConfidant.endedAt })
      .from(portalConfidant)
      .innerJoin(account, eq(account.id, portalConfidant.accountId))
      .where(eq(portalConfidant.youthMemberId, youthMemberId))
      .orderBy(portalConfidant.createdAt);
  },

  async endConfidant(db: DbOrTx, id: string, youthMemberId: string, now: Date) {
    const rows = await db
      .update(portalConfidant)
      .set({ endedAt: now })
      .where(and(eq(portalConfidant.id, id), eq(portalConfidant.youthMemberId, youthMemberId), isNull(portalConfidant.endedAt)))
      .returning({ id: portalConfidant.id, accountId: portalConfidant.accountId });
    return rows[0];
  },

  // ---------------------------------------------------------------- team

  team(db: DbOrTx, familyId: string) {
    return db
      .select({
        personId: teamMember.personId,
        name: person.name,
        organisationId: teamMember.organisationId,
        organisation: organisation.name,
        role: teamMember.role,
        since: teamMember.fromAt,
        isContact: sql<boolean>`exists (select 1 from ${contactAssignment} ca where ca.family_id = ${teamMember.familyId} and ca.person_id = ${teamMember.personId} and ca.until_at is null)`,
      })
      .from(teamMember)
      .innerJoin(person, eq(person.id, teamMember.personId))
      .innerJoin(organisation, eq(organisation.id, teamMember.organisationId))
      .where(and(eq(teamMember.familyId, familyId), isNull(teamMember.untilAt)))
      .orderBy(teamMember.fromAt);
  },

  /** Whether the person was ever on the family's team (an objection names one of them). */
  async wasOnTeam(db: DbOrTx, familyId: string, personId: string) {
    const [row] = await db.select({ id: teamMember.id }).from(teamMember).where(and(eq(teamMember.familyId, familyId), eq(teamMember.personId, personId))).limit(1);
    return row !== undefined;
  },

  async onTeamOrganisation(db: DbOrTx, familyId: string, organisationId: string) {
    const [row] = await db
      .select({ id: teamMember.id })
      .from(teamMember)
      .where(and(eq(teamMember.familyId, familyId), eq(teamMember.organisationId, organisationId), isNull(teamMember.untilAt)))
      .limit(1);
    return row !== undefined;
  },

  // ---------------------------------------------------------------- consent and objections

  /** The consents about these members, and the family's overrides (the family sees those with their reason). */
  consents(db: DbOrTx, familyId: string, subjectIds: string[]) {
    const giver = sql<string | null>`(select m.name from ${familyMember} m where m.id = ${consent.givenByMemberId})`;
    const subjectName = sql<string | null>`(select m.name from ${familyMember} m where m.id = ${consent.subjectMemberId})`;
    return db
      .select({
        id: consent.id,
        kind: consent.kind,
        subjectMemberId: consent.subjectMemberId,
        subjectName,
        givenByMemberId: consent.givenByMemberId,
        givenBy: giver,
        organisationId: consent.organisationId,
        organisation: organisation.name,
        personId: consent.personId,
        person: person.name,
        scopes: consent.scopes,
        validFrom: consent.validFrom,
        validUntil: consent.validUntil,
        withdrawnAt: consent.withdrawnAt,
        withdrawnByMemberId: consent.withdrawnByMemberId,
        overrideBasis: consent.overrideBasis,
        reason: consent.reason,
        createdAt: consent.createdAt,
      })
      .from(consent)
      .innerJoin(organisation, eq(organisation.id, consent.organisationId))
      .leftJoin(person, eq(person.id, consent.personId))
      .where(
        and(
          eq(consent.familyId, familyId),
          or(eq(consent.kind, 'override'), subjectIds.length ? inArray(consent.subjectMemberId, subjectIds) : sql`false`),
        ),
      )
      .orderBy(desc(consent.createdAt));
  },

  lockConsent(db: DbOrTx, familyId: string, consentId: string) {
    return db
      .select({ id: consent.id, kind: consent.kind, subjectMemberId: consent.subjectMemberId, withdrawnAt: consent.withdrawnAt })
      .from(consent)
      .where(and(eq(consent.id, consentId), eq(consent.familyId, familyId)))
      .for('update')
      .then((r) => r[0]);
  },

  withdrawConsent(db: DbOrTx, id: string, byMemberId: string, now: Date) {
    return db.update(consent).set({ withdrawnAt: now, withdrawnByMemberId: byMemberId }).where(and(eq(consent.id, id), isNull(consent.withdrawnAt)));
  },

  /** Whether the subject withdrew a consent for this organisation themselves (a parent may not restore it). */
  async withdrawnBySubject(db: DbOrTx, familyId: string, subjectMemberId: string, organisationId: string) {
    const [row] = await db
      .select({ id: consent.id })
      .from(consent)
      .where(
        and(
          eq(consent.familyId, familyId),
          eq(consent.subjectMemberId, subjectMemberId),
          eq(consent.organisationId, organisationId),
          isNotNull(consent.withdrawnAt),
          eq(consent.withdrawnByMemberId, subjectMemberId),
        ),
      )
      .limit(1);
    return row !== undefined;
  },

  async insertConsent(db: DbOrTx, v: { familyId: string; subjectMemberId: string; givenByMemberId: string; organisationId: string; scopes: string[]; validFrom: Date; validUntil: Date | null; now: Date }) {
    const [row] = await db
      .insert(consent)
      .values({
        familyId: v.familyId,
        kind: 'consent',
        subjectMemberId: v.subjectMemberId,
        givenByMemberId: v.givenByMemberId,
        organisationId: v.organisationId,
        scopes: v.scopes,
        validFrom: v.validFrom,
        validUntil: v.validUntil,
        createdAt: v.now,
      })
      .returning({ id: consent.id });
    if (!row) throw new Error('consent insert returned nothing');
    return row;
  },

  objections(db: DbOrTx, familyId: string, memberIds: string[]) {
    return db
      .select({ id: portalObjection.id, memberId: portalObjection.memberId, personId: portalObjection.personId, name: person.name, createdAt: portalObjection.createdAt, withdrawnAt: portalObjection.withdrawnAt })
      .from(portalObjection)
      .innerJoin(person, eq(person.id, portalObjection.personId))
      .where(and(eq(portalObjection.familyId, familyId), memberIds.length ? inArray(portalObjection.memberId, memberIds) : sql`false`))
      .orderBy(portalObjection.createdAt);
  },

  async insertObjection(db: DbOrTx, v: { familyId: string; memberId: string; personId: string; now: Date }) {
    const [row] = await db
      .insert(portalObjection)
      .values({ familyId: v.familyId, memberId: v.memberId, personId: v.personId, createdAt: v.now })
      .onConflictDoNothing()
      .returning({ id: portalObjection.id });
    return row;
  },

  async withdrawObjection(db: DbOrTx, id: string, memberId: string, now: Date) {
    const rows = await db
      .update(portalObjection)
      .set({ withdrawnAt: now })
      .where(and(eq(portalObjection.id, id), eq(portalObjection.memberId, memberId), isNull(portalObjection.withdrawnAt)))
      .returning({ id: portalObjection.id });
    return rows[0];
  },

  // ---------------------------------------------------------------- plan

  plan(db: DbOrTx, familyId: string, opts: { lock?: boolean } = {}) {
    const q = db.select().from(plan).where(eq(plan.familyId, familyId));
    return (opts.lock ? q.for('update') : q).then((r) => r[0]);
  },

  version(db: DbOrTx, familyId: string, number: number) {
    return db
      .select()
      .from(planVersion)
      .where(and(eq(planVersion.familyId, familyId), eq(planVersion.number, number)))
      .then((r) => r[0]);
  },

  versionsAfter(db: DbOrTx, familyId: string, number: number) {
    return db
      .select({ number: planVersion.number, summary: planVersion.summary, createdAt: planVersion.createdAt, authorMemberId: planVersion.authorMemberId })
      .from(planVersion)
      .where(and(eq(planVersion.familyId, familyId), gt(planVersion.number, number)))
      .orderBy(planVersion.number);
  },

  /** The family's objections still standing, with who objected and against whom (the team's view). */
  standingObjections(db: DbOrTx, familyId: string) {
    return db
      .select({ id: portalObjection.id, personId: portalObjection.personId, person: person.name, member: familyMember.name, createdAt: portalObjection.createdAt })
      .from(portalObjection)
      .innerJoin(person, eq(person.id, portalObjection.personId))
      .innerJoin(familyMember, eq(familyMember.id, portalObjection.memberId))
      .where(and(eq(portalObjection.familyId, familyId), isNull(portalObjection.withdrawnAt)))
      .orderBy(portalObjection.createdAt);
  },

  /** The plan versions family members wrote through the portal, newest first (the team's view of the family's contributions). */
  familyVersions(db: DbOrTx, familyId: string, limit: number) {
    return db
      .select({ number: planVersion.number, summary: planVersion.summary, createdAt: planVersion.createdAt, member: familyMember.name })
      .from(planVersion)
      .innerJoin(familyMember, eq(familyMember.id, planVersion.authorMemberId))
      .where(eq(planVersion.familyId, familyId))
      .orderBy(desc(planVersion.number))
      .limit(limit);
  },

  versionsBy(db: DbOrTx, memberId: string) {
    return db
      .select({ number: planVersion.number, summary: planVersion.summary, createdAt: planVersion.createdAt, content: planVersion.content })
      .from(planVersion)
      .where(eq(planVersion.authorMemberId, memberId))
      .orderBy(planVersion.number);
  },

  insertVersion(db: DbOrTx, v: { planId: string; familyId: string; number: number; memberId: string; summary: string; content: unknown; now: Date }) {
    return db.insert(planVersion).values({
      planId: v.planId,
      familyId: v.familyId,
      number: v.number,
      basedOn: v.number - 1,
      authorMemberId: v.memberId,
      summary: v.summary,
      content: v.content,
      createdAt: v.now,
    });
  },

  setAgreement(db: DbOrTx, planId: string, version: number, now: Date) {
    return db
      .update(plan)
      .set({ familyAgreedVersion: version, familyAgreedAt: now, updatedAt: now, version: sql`${plan.version} + 1` })
      .where(eq(plan.id, planId));
  },

  /** Names for the ids of the plan's content: team, members and network of the family, and the life domains. */
  async names(db: DbOrTx, familyId: string) {
    const team = await db
      .selectDistinct({ id: person.id, name: person.name })
      .from(teamMember)
      .innerJoin(person, eq(person.id, teamMember.personId))
      .where(eq(teamMember.familyId, familyId));
    const members = await db.select({ id: familyMember.id, name: familyMember.name }).from(familyMember).where(eq(familyMember.familyId, familyId));
    const network = await db.select({ id: networkPerson.id, name: networkPerson.name }).from(networkPerson).where(eq(networkPerson.familyId, familyId));
    const domains = await db.select({ code: lifeDomain.code, nameNl: lifeDomain.nameNl, nameEn: lifeDomain.nameEn, active: lifeDomain.active }).from(lifeDomain).orderBy(lifeDomain.position);
    return { people: [...team, ...members, ...network], domains };
  },

  async domainActive(db: DbOrTx, code: string) {
    const [row] = await db.select({ code: lifeDomain.code }).from(lifeDomain).where(and(eq(lifeDomain.code, code), eq(lifeDomain.active, true)));
    return row !== undefined;
  },

  visit(db: DbOrTx, accountId: string) {
    return db.select().from(portalVisit).where(eq(portalVisit.accountId, accountId)).then((r) => r[0]);
  },

  recordVisit(db: DbOrTx, accountId: string, now: Date, planVersionNumber: number) {
    return db
      .insert(portalVisit)
      .values({ accountId, lastSeenAt: now, planVersion: planVersionNumber })
      .onConflictDoUpdate({ target: portalVisit.accountId, set: { lastSeenAt: now, planVersion: planVersionNumber } });
  },

  // ---------------------------------------------------------------- the file, filtered by disclosure in the query

  waits(db: DbOrTx, familyId: string, sees: PortalSees) {
    return db
      .select({ id: wait.id, service: wait.serviceText, sinceOn: wait.sinceOn, expectedStartOn: wait.expectedStartOn, status: wait.status, endedOn: wait.endedOn, disclosure: wait.disclosure })
      .from(wait)
      .where(and(eq(wait.familyId, familyId), disclosureFilter(wait.disclosure, wait.youthMemberId, sees)))
      .orderBy(wait.sinceOn);
  },

  bridging(db: DbOrTx, waitIds: string[]) {
    if (!waitIds.length) return Promise.resolve([]);
    return db
      .select({ waitId: bridgingHelp.waitId, provider: bridgingHelp.provider, what: bridgingHelp.what, fromOn: bridgingHelp.fromOn, untilOn: bridgingHelp.untilOn })
      .from(bridgingHelp)
      .where(inArray(bridgingHelp.waitId, waitIds))
      .orderBy(bridgingHelp.fromOn);
  },

  journal(db: DbOrTx, familyId: string, sees: PortalSees) {
    return db
      .select({ id: journalNote.id, at: journalNote.createdAt, author: person.name, organisation: organisation.name, body: journalNote.body, disclosure: journalNote.disclosure })
      .from(journalNote)
      .innerJoin(person, eq(person.id, journalNote.authorPersonId))
      .innerJoin(organisation, eq(organisation.id, journalNote.authorOrganisationId))
      .where(and(eq(journalNote.familyId, familyId), disclosureFilter(journalNote.disclosure, journalNote.youthMemberId, sees)))
      .orderBy(journalNote.createdAt);
  },

  ateliers(db: DbOrTx, familyId: string, sees: PortalSees) {
    return db
      .select({ id: atelier.id, heldOn: atelier.heldOn, participants: atelier.participants, ideas: atelier.ideas, disclosure: atelier.disclosure })
      .from(atelier)
      .where(and(eq(atelier.familyId, familyId), disclosureFilter(atelier.disclosure, atelier.youthMemberId, sees)))
      .orderBy(atelier.heldOn);
  },

  commitments(db: DbOrTx, atelierIds: string[]) {
    if (!atelierIds.length) return Promise.resolve([]);
    return db
      .select({ atelierId: commitment.atelierId, description: commitment.description, owner: commitment.ownerLabel, dueOn: commitment.dueOn, status: commitment.status })
      .from(commitment)
      .where(inArray(commitment.atelierId, atelierIds));
  },

  // ---------------------------------------------------------------- who opened my file

  /** Every successful access by a professional to the family's file, newest first (keyset on seq). */
  async accessLog(db: DbOrTx, familyId: string, before: number | undefined, limit: number) {
    const rows = await db
      .select({
        seq: auditEvent.seq,
        at: auditEvent.occurredAt,
        who: person.name,
        organisation: organisation.name,
        action: auditEvent.action,
        resourceType: auditEvent.resourceType,
        details: auditEvent.details,
      })
      .from(auditEvent)
      .innerJoin(person, eq(person.id, auditEvent.actorPersonId))
      .leftJoin(organisation, eq(organisation.id, auditEvent.organisationId))
      .where(and(eq(auditEvent.familyId, familyId), eq(auditEvent.outcome, 'success'), isNotNull(auditEvent.actorPersonId), before !== undefined ? lt(auditEvent.seq, before) : undefined))
      .orderBy(desc(auditEvent.seq))
      .limit(limit + 1);
    const items = rows.slice(0, limit).map((r) => ({ ...r, seq: Number(r.seq), at: toDate(r.at) }));
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? last.seq : null };
  },
};
