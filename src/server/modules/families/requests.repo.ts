import { and, asc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  contactAssignment,
  family,
  familyRequest,
  membership,
  municipality,
  organisation,
  person,
  platformRole,
  region,
  regionMunicipality,
  requestReminder,
  teamMember,
} from '../../db/schema/index.js';
import { decodeCursor, encodeCursor } from '../../db/paging.js';
import { brusselsDate } from '../../platform/clock.js';
import { currentMembershipSql } from './family.repo.js';
import type { TRequestOutcome, TRequestStatus, TRequestUrgency } from '../../../shared/schemas/families/enums.js';
import type { RequestFacts } from './requests.policy.js';
import { daysBetween, flagOf, type TRequestSummary } from '../../../shared/schemas/families/requests.js';

/** SQL of requests (aanmeldingen), the one-month norm and its reminders. */

/** The open contact assignment of the request's family (joined as `ca`). */
const openContact = and(eq(contactAssignment.familyId, familyRequest.familyId), isNull(contactAssignment.untilAt));

const summaryColumns = {
  id: familyRequest.id,
  regionId: familyRequest.regionId,
  regionName: region.name,
  municipalityNis: familyRequest.municipalityNis,
  municipalityName: municipality.nameNl,
  familyName: familyRequest.familyName,
  receivedOn: familyRequest.receivedOn,
  dueOn: familyRequest.dueOn,
  channel: familyRequest.channel,
  lifeDomains: familyRequest.lifeDomains,
  urgency: familyRequest.urgency,
  status: familyRequest.status,
  outcome: familyRequest.outcome,
  familyId: familyRequest.familyId,
  contactPersonId: contactAssignment.personId,
  contactPersonName: person.name,
  contactOrganisationId: contactAssignment.organisationId,
  contactOrganisationName: organisation.name,
  version: familyRequest.version,
};

const detailColumns = {
  ...summaryColumns,
  referrer: familyRequest.referrer,
  contactInfo: familyRequest.contactInfo,
  question: familyRequest.question,
  familyPseudonym: family.pseudonym,
  firstContactOn: familyRequest.firstContactOn,
  answeredOn: familyRequest.answeredOn,
  createdAt: familyRequest.createdAt,
};

/** A request summary joined with its region, municipality and open contact person. */
function selectSummaries(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(familyRequest)
    .innerJoin(region, eq(region.id, familyRequest.regionId))
    .innerJoin(municipality, eq(municipality.nisCode, familyRequest.municipalityNis))
    .leftJoin(contactAssignment, openContact)
    .leftJoin(person, eq(person.id, contactAssignment.personId))
    .leftJoin(organisation, eq(organisation.id, contactAssignment.organisationId));
}

export type RequestSummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummaries>['execute']>>[number];

const openRequest = ne(familyRequest.status, 'answered');

export interface RequestPageInput {
  scope: SQL;
  /** Today in Europe/Brussels (YYYY-MM-DD). */
  today: string;
  status?: TRequestStatus | undefined;
  urgency?: TRequestUrgency | undefined;
  overdue?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

export const requestsRepo = {
  /** The regions that hold this municipality, network regions first. */
  regionsOfMunicipality(db: DbOrTx, nisCode: string) {
    return db
      .select({ id: region.id, kind: region.kind })
      .from(regionMunicipality)
      .innerJoin(region, eq(region.id, regionMunicipality.regionId))
      .where(eq(regionMunicipality.nisCode, nisCode))
      .orderBy(sql`case ${region.kind} when 'network' then 0 else 1 end`, asc(region.name));
  },

  async municipalityExists(db: DbOrTx, nisCode: string) {
    const [row] = await db.select({ nis: municipality.nisCode }).from(municipality).where(eq(municipality.nisCode, nisCode));
    return row !== undefined;
  },

  async insert(
    db: DbOrTx,
    values: {
      regionId: string; municipalityNis: string; receivedOn: string; dueOn: string; channel: (typeof familyRequest.$inferInsert)['channel'];
      referrer: string | null; familyName: string; contactInfo: string | null; question: string; lifeDomains: string[];
      urgency: TRequestUrgency; registeredBy: string | null; now: Date;
    },
  ) {
    const { now, ...rest } = values;
    const [row] = await db.insert(familyRequest).values({ ...rest, createdAt: now, updatedAt: now }).returning({ id: familyRequest.id });
    if (!row) throw new Error('request insert returned nothing');
    return row.id;
  },

  /** One page of requests in scope, by due date (open ones unless a status is asked for). */
  async page(db: DbOrTx, input: RequestPageInput) {
    const after = input.cursor ? decodeCursor(input.cursor) : undefined;
    // The page's ids first (index-only over request_open_due_scope_idx), then the joins for those rows:
    // joined first, every open request of the scope was read and joined before the limit.
    const pageIds = db
      .select({ id: familyRequest.id })
      .from(familyRequest)
      .where(
        and(
          input.scope,
          input.status ? eq(familyRequest.status, input.status) : openRequest,
          input.urgency ? eq(familyRequest.urgency, input.urgency) : undefined,
          input.overdue === true ? sql`${familyRequest.dueOn} < ${input.today}::date and ${openRequest}` : undefined,
          input.overdue === false ? sql`${familyRequest.dueOn} >= ${input.today}::date` : undefined,
          after ? sql`(${familyRequest.dueOn}, ${familyRequest.id}) > (${after.key}::date, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(familyRequest.dueOn), asc(familyRequest.id))
      .limit(input.limit + 1);
    const rows = await selectSummaries(db)
      .where(inArray(familyRequest.id, pageIds))
      .orderBy(asc(familyRequest.dueOn), asc(familyRequest.id));
    const items = rows.slice(0, input.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > input.limit && last ? encodeCursor({ key: last.dueOn, id: last.id }) : null };
  },

  /** Open requests in scope by where they stand against the norm, counted in the query. */
  async counts(db: DbOrTx, scope: SQL, today: string) {
    const [row] = await db
      .select({
        onTime: sql<number>`count(*) filter (where ${familyRequest.dueOn} > ${today}::date + 7)::int`,
        atRisk: sql<number>`count(*) filter (where ${familyRequest.dueOn} >= ${today}::date and ${familyRequest.dueOn} <= ${today}::date + 7)::int`,
        overdue: sql<number>`count(*) filter (where ${familyRequest.dueOn} < ${today}::date)::int`,
      })
      .from(familyRequest)
      .where(and(scope, openRequest));
    return { onTime: Number(row?.onTime ?? 0), atRisk: Number(row?.atRisk ?? 0), overdue: Number(row?.overdue ?? 0) };
  },

  async detail(db: DbOrTx, id: string) {
    const [row] = await db
      .select(detailColumns)
      .from(familyRequest)
      .innerJoin(region, eq(region.id, familyRequest.regionId))
      .innerJoin(municipality, eq(municipality.nisCode, familyRequest.municipalityNis))
      .leftJoin(family, eq(family.id, familyRequest.familyId))
      .leftJoin(contactAssignment, openContact)
      .leftJoin(person, eq(person.id, contactAssignment.personId))
      .leftJoin(organisation, eq(organisation.id, contactAssignment.organisationId))
      .where(eq(familyRequest.id, id));
    return row;
  },

  /** The facts the policy needs, optionally with the request row locked until the transaction ends. */
  async facts(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<(RequestFacts & RequestLockedExtra) | undefined> {
    const q = db
      .select({
        id: familyRequest.id,
        regionId: familyRequest.regionId,
        status: familyRequest.status,
        version: familyRequest.version,
        receivedOn: familyRequest.receivedOn,
        familyName: familyRequest.familyName,
        municipalityNis: familyRequest.municipalityNis,
        familyId: familyRequest.familyId,
        contactPersonId: contactAssignment.personId,
      })
      .from(familyRequest)
      .leftJoin(contactAssignment, openContact)
      .where(eq(familyRequest.id, id));
    const [row] = opts.lock ? await q.for('update', { of: familyRequest }) : await q;
    return row ? { ...row, version: Number(row.version) } : undefined;
  },

  /** Updates when the version matches; returns false when somebody else changed it first. */
  async update(
    db: DbOrTx,
    id: string,
    version: number,
    values: { status: TRequestStatus; outcome?: TRequestOutcome; familyId?: string; firstContactOn?: string; answeredOn?: string },
    now: Date,
  ) {
    const rows = await db
      .update(familyRequest)
      .set({ ...values, updatedAt: now, version: sql`${familyRequest.version} + 1` })
      .where(and(eq(familyRequest.id, id), eq(familyRequest.version, version)))
      .returning({ id: familyRequest.id });
    return rows.length > 0;
  },

  /** Active professionals whose name contains the term, with the organisations they work for (at most 20). */
  async contactCandidates(db: DbOrTx, pattern: string, today: string) {
    const rows = await db
      .select({ personId: person.id, name: person.name, organisationId: organisation.id, organisationName: organisation.name })
      .from(person)
      .innerJoin(membership, eq(membership.personId, person.id))
      .innerJoin(organisation, eq(organisation.id, membership.organisationId))
      .where(
        and(
          sql`${person.name} ilike ${pattern}`,
          currentMembershipSql(today, { professional: true }),
        ),
      )
      .orderBy(sql`lower(${person.name})`, person.id, sql`lower(${organisation.name})`)
      .limit(60);
    const byPerson = new Map<string, { personId: string; name: string; organisations: { organisationId: string; organisationName: string }[] }>();
    for (const r of rows) {
      const entry = byPerson.get(r.personId) ?? { personId: r.personId, name: r.name, organisations: [] };
      entry.organisations.push({ organisationId: r.organisationId, organisationName: r.organisationName });
      byPerson.set(r.personId, entry);
    }
    return [...byPerson.values()].slice(0, 20);
  },

  async pseudonymTaken(db: DbOrTx, pseudonym: string) {
    const [row] = await db.select({ id: family.id }).from(family).where(eq(family.pseudonym, pseudonym));
    return row !== undefined;
  },

  /** The family of a request, its contact person and that person on the team — one transaction, the caller's. */
  async createFamilyWithContact(
    db: DbOrTx,
    values: { regionId: string; municipalityNis: string; name: string; pseudonym: string; personId: string; organisationId: string; assignedBy: string | null; now: Date },
  ) {
    const [f] = await db
      .insert(family)
      .values({ regionId: values.regionId, municipalityNis: values.municipalityNis, name: values.name, pseudonym: values.pseudonym, createdAt: values.now, updatedAt: values.now })
      .returning({ id: family.id });
    if (!f) throw new Error('family insert returned nothing');
    await db.insert(contactAssignment).values({ familyId: f.id, personId: values.personId, organisationId: values.organisationId, fromAt: values.now, assignedBy: values.assignedBy });
    await db.insert(teamMember).values({ familyId: f.id, personId: values.personId, organisationId: values.organisationId, fromAt: values.now, addedBy: values.assignedBy });
    return f.id;
  },

  /**
   * A contact person's open requests by due date (for "my work"): the requests of families where
   * the person is the open contact person, not answered yet, with days left against `today`.
   */
  async dueForContact(db: DbOrTx, personId: string, now: Date, limit = 20) {
    const today = brusselsDate(now);
    const rows = await selectSummaries(db)
      .where(and(eq(contactAssignment.personId, personId), openRequest))
      .orderBy(asc(familyRequest.dueOn), asc(familyRequest.id))
      .limit(limit);
    return rows.map((r) => summaryOf(r, today));
  },

  /**
   * Open requests with `minDaysLeft` to `daysBefore` days left at `today` that had no reminder
   * `daysBefore` yet, with the family's pseudonym and open contact person.
   */
  async remindersDue(db: DbOrTx, today: string, minDaysLeft: number, daysBefore: number) {
    return db
      .select({
        id: familyRequest.id, regionId: familyRequest.regionId, dueOn: familyRequest.dueOn, familyId: familyRequest.familyId,
        familyPseudonym: family.pseudonym, contactPersonId: contactAssignment.personId,
      })
      .from(familyRequest)
      .leftJoin(family, eq(family.id, familyRequest.familyId))
      .leftJoin(contactAssignment, openContact)
      .where(
        and(
          openRequest,
          sql`${familyRequest.dueOn} between ${today}::date + ${minDaysLeft}::int and ${today}::date + ${daysBefore}::int`,
          sql`not exists (select 1 from ${requestReminder} rr where rr.request_id = ${familyRequest.id} and rr.days_before = ${daysBefore})`,
        ),
      );
  },

  /** Marks a reminder as sent; false when another run marked it first (then nothing is mailed twice). */
  async claimReminder(db: DbOrTx, requestId: string, daysBefore: number, now: Date) {
    const rows = await db.insert(requestReminder).values({ requestId, daysBefore, sentAt: now }).onConflictDoNothing().returning({ requestId: requestReminder.requestId });
    return rows.length > 0;
  },

  async unclaimReminder(db: DbOrTx, requestId: string, daysBefore: number) {
    await db.delete(requestReminder).where(and(eq(requestReminder.requestId, requestId), eq(requestReminder.daysBefore, daysBefore)));
  },

  /** The e-mail addresses of the people (active) and of the coordinators of a region (or of every region). */
  async reminderRecipients(db: DbOrTx, regionId: string, contactPersonId: string | null) {
    const coordinators = await db
      .select({ email: person.email })
      .from(platformRole)
      .innerJoin(person, eq(person.id, platformRole.personId))
      .where(and(eq(platformRole.role, 'network_coordinator'), sql`(${platformRole.regionId} = ${regionId} or ${platformRole.regionId} is null)`, eq(person.status, 'active')));
    const contact = contactPersonId
      ? await db.select({ email: person.email }).from(person).where(and(inArray(person.id, [contactPersonId]), eq(person.status, 'active')))
      : [];
    return [...new Set([...contact, ...coordinators].map((r) => r.email.toLowerCase()))];
  },
};

/** Extra facts a locked request carries for the writes (not used by the rules). */
export interface RequestLockedExtra {
  receivedOn: string;
  familyName: string;
  municipalityNis: string;
  familyId: string | null;
}

/** A summary row as the contract shows it: the contact person as one object, days left and the flag against `today`. */
export function summaryOf(row: RequestSummaryRow, today: string): TRequestSummary {
  const { contactPersonId, contactPersonName, contactOrganisationId, contactOrganisationName, ...rest } = row;
  const open = row.status !== 'answered';
  const daysLeft = open ? daysBetween(today, row.dueOn) : null;
  return {
    ...rest,
    version: Number(row.version),
    contactPerson:
      contactPersonId && contactPersonName && contactOrganisationId && contactOrganisationName
        ? { personId: contactPersonId, name: contactPersonName, organisationId: contactOrganisationId, organisationName: contactOrganisationName }
        : null,
    daysLeft,
    flag: daysLeft === null ? null : flagOf(daysLeft),
  };
}
