import { and, asc, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { learningEvent, learningPublicRequest, learningRegistration, learningSeat, learningSession, organisation, person, sector } from '../../db/schema/index.js';
import { afterCursor, toPage } from '../../db/paging.js';
import type { TAudienceRole, TEventKind, TEventStatus, TGuestRole, TSeatStatus, TSessionKind } from '../../../shared/schemas/learning.js';

/** SQL of learning events, their sessions, registrations and seats; child queries always name the event. */

/** `HH:MM:SS` from the database as `HH:MM`. */
const hhmm = (t: string) => t.slice(0, 5);

const participantsSql = sql<number>`(select count(*)::int from ${learningRegistration} where ${learningRegistration.eventId} = ${learningEvent.id} and ${learningRegistration.status} = 'registered')`;

const eventColumns = {
  id: learningEvent.id,
  kind: learningEvent.kind,
  title: learningEvent.title,
  description: learningEvent.description,
  organiserOrganisationId: learningEvent.organiserOrganisationId,
  organiserOrganisationName: organisation.name,
  organiserName: learningEvent.organiserName,
  audienceRoles: learningEvent.audienceRoles,
  audienceSectors: learningEvent.audienceSectors,
  date: learningEvent.date,
  startsAt: learningEvent.startsAt,
  endsAt: learningEvent.endsAt,
  place: learningEvent.place,
  onlineUrl: learningEvent.onlineUrl,
  feeCents: learningEvent.feeCents,
  totalCostCents: learningEvent.totalCostCents,
  funder: learningEvent.funder,
  registrationOpensAt: learningEvent.registrationOpensAt,
  registrationClosesAt: learningEvent.registrationClosesAt,
  status: learningEvent.status,
  publicRegistration: learningEvent.publicRegistration,
  participants: participantsSql,
  version: learningEvent.version,
};

/** The event as the contract shows it, with the cost split: participants × fee, the rest for the funder. */
function toEvent(row: Awaited<ReturnType<typeof selectEvents>>[number]) {
  const { participants, ...r } = row;
  const participantsPayCents = participants * r.feeCents;
  return {
    ...r,
    audienceRoles: r.audienceRoles as TAudienceRole[],
    startsAt: hhmm(r.startsAt),
    endsAt: hhmm(r.endsAt),
    registrationOpensAt: r.registrationOpensAt.toISOString(),
    registrationClosesAt: r.registrationClosesAt.toISOString(),
    costSplit: {
      participants,
      feeCents: r.feeCents,
      participantsPayCents,
      totalCostCents: r.totalCostCents,
      funderPaysCents: Math.max(0, r.totalCostCents - participantsPayCents),
      funder: r.funder,
    },
  };
}

function selectEvents(db: DbOrTx, where: SQL | undefined, limit?: number) {
  const q = db
    .select(eventColumns)
    .from(learningEvent)
    .leftJoin(organisation, eq(organisation.id, learningEvent.organiserOrganisationId))
    .where(where)
    .orderBy(asc(learningEvent.date), asc(learningEvent.id));
  return limit === undefined ? q : q.limit(limit);
}

export type EventValues = {
  kind: TEventKind;
  title: string;
  description: string;
  organiserOrganisationId: string | null;
  organiserName: string;
  audienceRoles: string[];
  audienceSectors: string[];
  date: string;
  startsAt: string;
  endsAt: string;
  place: string;
  onlineUrl: string | null;
  feeCents: number;
  totalCostCents: number;
  funder: string;
  registrationOpensAt: Date;
  registrationClosesAt: Date;
  status: TEventStatus;
  publicRegistration: boolean;
};

export type SessionValues = { title: string; room: string; kind: TSessionKind; startsAt: string; endsAt: string; capacity: number };

const sessionColumns = {
  id: learningSession.id,
  eventId: learningSession.eventId,
  title: learningSession.title,
  room: learningSession.room,
  kind: learningSession.kind,
  startsAt: learningSession.startsAt,
  endsAt: learningSession.endsAt,
  capacity: learningSession.capacity,
  taken: learningSession.taken,
  // Written out with an alias: drizzle renders columns inside a selected sql`` unqualified, and an
  // unqualified `id` in the subquery would be the seat's own id (the count was always 0).
  waiting: sql<number>`(select count(*)::int from learning_seat w where w.session_id = "learning_session"."id" and w.status = 'waiting')`,
  version: learningSession.version,
};

export const learningRepo = {
  /** A page of events by day, limited to the policy's scope. */
  async pageEvents(db: DbOrTx, input: { scope: SQL; kind?: TEventKind | undefined; status?: TEventStatus | undefined; from?: string | undefined; cursor?: string | undefined; limit: number }) {
    const sortKey = sql`${learningEvent.date}::text`;
    const rows = await selectEvents(
      db,
      and(
        input.scope,
        input.kind ? eq(learningEvent.kind, input.kind) : undefined,
        input.status ? eq(learningEvent.status, input.status) : undefined,
        input.from ? gte(learningEvent.date, input.from) : undefined,
        afterCursor(sortKey, learningEvent.id, input.cursor),
      ),
      input.limit + 1,
    );
    const page = toPage(rows, input.limit, (r) => ({ key: r.date, id: r.id }));
    return { items: page.items.map(toEvent), nextCursor: page.nextCursor };
  },

  async event(db: DbOrTx, id: string) {
    const [row] = await selectEvents(db, eq(learningEvent.id, id));
    return row ? toEvent(row) : undefined;
  },

  /** The facts the policy needs (and the window); with `lock`, the event row stays locked until the transaction ends. */
  async eventFacts(db: DbOrTx, id: string, lock = false) {
    const query = db
      .select({
        id: learningEvent.id,
        status: learningEvent.status,
        organiserOrganisationId: learningEvent.organiserOrganisationId,
        version: learningEvent.version,
        title: learningEvent.title,
        date: learningEvent.date,
        startsAt: learningEvent.startsAt,
        endsAt: learningEvent.endsAt,
        registrationOpensAt: learningEvent.registrationOpensAt,
        registrationClosesAt: learningEvent.registrationClosesAt,
      })
      .from(learningEvent)
      .where(eq(learningEvent.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },

  async organisationExists(db: DbOrTx, id: string): Promise<boolean> {
    const [row] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.id, id));
    return row !== undefined;
  },

  /** The codes among `codes` that are not a sector. */
  async unknownSectors(db: DbOrTx, codes: string[]): Promise<string[]> {
    if (!codes.length) return [];
    const rows = await db.select({ code: sector.code }).from(sector).where(inArray(sector.code, codes));
    const known = new Set(rows.map((r) => r.code));
    return codes.filter((c) => !known.has(c));
  },

  async insertEvent(db: DbOrTx, values: EventValues, createdBy: string | null, now: Date): Promise<string> {
    const [row] = await db.insert(learningEvent).values({ ...values, createdBy, createdAt: now, updatedAt: now }).returning({ id: learningEvent.id });
    if (!row) throw new Error('event not inserted');
    return row.id;
  },

  /** Updates when the version matches; false when somebody else changed it first. */
  async updateEvent(db: DbOrTx, id: string, version: number, values: Partial<EventValues>, now: Date): Promise<boolean> {
    const rows = await db
      .update(learningEvent)
      .set({ ...values, updatedAt: now, version: sql`${learningEvent.version} + 1` })
      .where(and(eq(learningEvent.id, id), eq(learningEvent.version, version)))
      .returning({ id: learningEvent.id });
    return rows.length === 1;
  },

  /** The full row, to check combined constraints (hours, window) before an update. */
  async eventRow(db: DbOrTx, id: string) {
    const [row] = await db.select().from(learningEvent).where(eq(learningEvent.id, id));
    return row;
  },

  // --- sessions -------------------------------------------------------------------------------

  async sessions(db: DbOrTx, eventId: string, sessionId?: string) {
    const rows = await db
      .select(sessionColumns)
      .from(learningSession)
      .where(and(eq(learningSession.eventId, eventId), sessionId ? eq(learningSession.id, sessionId) : undefined))
      .orderBy(asc(learningSession.startsAt), asc(learningSession.room), asc(learningSession.id));
    return rows.map((r) => ({ ...r, startsAt: hhmm(r.startsAt), endsAt: hhmm(r.endsAt) }));
  },

  async lockSession(db: DbOrTx, eventId: string, sessionId: string) {
    const [row] = await db
      .select()
      .from(learningSession)
      .where(and(eq(learningSession.id, sessionId), eq(learningSession.eventId, eventId)))
      .for('update');
    return row;
  },

  async insertSession(db: DbOrTx, eventId: string, values: SessionValues, now: Date): Promise<string> {
    const [row] = await db.insert(learningSession).values({ ...values, eventId, createdAt: now, updatedAt: now }).returning({ id: learningSession.id });
    if (!row) throw new Error('session not inserted');
    return row.id;
  },

  async updateSession(db: DbOrTx, id: string, version: number, values: Partial<SessionValues>, now: Date): Promise<boolean> {
    const rows = await db
      .update(learningSession)
      .set({ ...values, updatedAt: now, version: sql`${learningSession.version} + 1` })
      .where(and(eq(learningSession.id, id), eq(learningSession.version, version)))
      .returning({ id: learningSession.id });
    return rows.length === 1;
  },

  /** Whether any registration ever took or waited for a place in the session. */
  async sessionUsed(db: DbOrTx, sessionId: string): Promise<boolean> {
    const [row] = await db.select({ id: learningSeat.id }).from(learningSeat).where(eq(learningSeat.sessionId, sessionId)).limit(1);
    return row !== undefined;
  },

  async deleteSession(db: DbOrTx, id: string): Promise<void> {
    await db.delete(learningSession).where(eq(learningSession.id, id));
  },

  /** The time slots of the event's sessions. */
  async sessionSlots(db: DbOrTx, eventId: string) {
    const rows = await db
      .select({ id: learningSession.id, startsAt: learningSession.startsAt, endsAt: learningSession.endsAt })
      .from(learningSession)
      .where(eq(learningSession.eventId, eventId));
    return rows.map((r) => ({ ...r, startsAt: hhmm(r.startsAt), endsAt: hhmm(r.endsAt) }));
  },

  /**
   * Takes a place in the session when one is free, atomically. The session row is locked first —
   * also when the session turns out to be full — so registrations for one session take their turn
   * in arrival order until they commit: two can never both take the last place, and a waiting
   * seat's position (counted from the committed seats before it) is final when it is told. False:
   * the session is full.
   */
  async takePlace(db: DbOrTx, sessionId: string, now: Date): Promise<boolean> {
    await db.select({ id: learningSession.id }).from(learningSession).where(eq(learningSession.id, sessionId)).for('update');
    const rows = await db
      .update(learningSession)
      .set({ taken: sql`${learningSession.taken} + 1`, updatedAt: now })
      .where(and(eq(learningSession.id, sessionId), sql`${learningSession.taken} < ${learningSession.capacity}`))
      .returning({ id: learningSession.id });
    return rows.length === 1;
  },

  async releasePlace(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
    await db
      .update(learningSession)
      .set({ taken: sql`${learningSession.taken} - 1`, updatedAt: now })
      .where(and(eq(learningSession.id, sessionId), sql`${learningSession.taken} > 0`));
  },

  // --- registrations --------------------------------------------------------------------------

  async activeRegistrationOf(db: DbOrTx, eventId: string, personId: string) {
    const [row] = await db
      .select({ id: learningRegistration.id })
      .from(learningRegistration)
      .where(and(eq(learningRegistration.eventId, eventId), eq(learningRegistration.personId, personId), eq(learningRegistration.status, 'registered')));
    return row;
  },

  async insertRegistration(db: DbOrTx, values: { eventId: string; personId: string; organisationId: string | null }, now: Date): Promise<string> {
    const [row] = await db.insert(learningRegistration).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: learningRegistration.id });
    if (!row) throw new Error('registration not inserted');
    return row.id;
  },

  async insertSeat(db: DbOrTx, registrationId: string, sessionId: string, status: TSeatStatus, now: Date): Promise<void> {
    await db.insert(learningSeat).values({ registrationId, sessionId, status, createdAt: now, updatedAt: now });
  },

  async lockRegistration(db: DbOrTx, eventId: string, registrationId: string) {
    const [row] = await db
      .select()
      .from(learningRegistration)
      .where(and(eq(learningRegistration.id, registrationId), eq(learningRegistration.eventId, eventId)))
      .for('update');
    return row;
  },

  async cancelRegistration(db: DbOrTx, registrationId: string, now: Date): Promise<void> {
    await db
      .update(learningRegistration)
      .set({ status: 'cancelled', updatedAt: now, version: sql`${learningRegistration.version} + 1` })
      .where(eq(learningRegistration.id, registrationId));
  },

  async setAttendance(db: DbOrTx, registrationId: string, present: boolean, now: Date): Promise<void> {
    await db
      .update(learningRegistration)
      .set({ present, attendanceAt: now, updatedAt: now, version: sql`${learningRegistration.version} + 1` })
      .where(eq(learningRegistration.id, registrationId));
  },

  /** The registration's seats that still count (confirmed or waiting), locked. */
  /** The sessions the registration holds a place in or waits for (not locked), in the order sessions are locked. */
  async openSeatSessions(db: DbOrTx, registrationId: string): Promise<string[]> {
    const rows = await db
      .selectDistinct({ sessionId: learningSeat.sessionId })
      .from(learningSeat)
      .where(and(eq(learningSeat.registrationId, registrationId), inArray(learningSeat.status, ['confirmed', 'waiting'])));
    return rows.map((r) => r.sessionId).sort();
  },

  async lockOpenSeats(db: DbOrTx, registrationId: string) {
    return db
      .select({ id: learningSeat.id, sessionId: learningSeat.sessionId, status: learningSeat.status })
      .from(learningSeat)
      .where(and(eq(learningSeat.registrationId, registrationId), inArray(learningSeat.status, ['confirmed', 'waiting'])))
      .orderBy(asc(learningSeat.sessionId))
      .for('update');
  },

  async setSeatStatus(db: DbOrTx, seatId: string, status: TSeatStatus, now: Date): Promise<void> {
    await db.update(learningSeat).set({ status, updatedAt: now }).where(eq(learningSeat.id, seatId));
  },

  /** The first on the session's waiting list (locked), with who to tell. */
  async firstWaiting(db: DbOrTx, sessionId: string) {
    const [row] = await db
      .select({
        id: learningSeat.id,
        registrationId: learningSeat.registrationId,
        email: sql<string>`coalesce(${person.email}, ${learningRegistration.guestEmail})`,
        personName: sql<string>`coalesce(${person.name}, ${learningRegistration.guestName})`,
        personId: learningRegistration.personId,
      })
      .from(learningSeat)
      .innerJoin(learningRegistration, eq(learningRegistration.id, learningSeat.registrationId))
      .leftJoin(person, eq(person.id, learningRegistration.personId))
      .where(and(eq(learningSeat.sessionId, sessionId), eq(learningSeat.status, 'waiting')))
      .orderBy(asc(learningSeat.seq))
      .limit(1)
      .for('update', { of: learningSeat });
    return row;
  },

  /** Registrations of the event (or one), with person, organisation and seats; by time of registration. */
  async registrations(db: DbOrTx, eventId: string, opts: { registrationId?: string; personId?: string; activeOnly?: boolean } = {}) {
    const regs = await db
      .select({
        id: learningRegistration.id,
        eventId: learningRegistration.eventId,
        personId: learningRegistration.personId,
        personName: sql<string>`coalesce(${person.name}, ${learningRegistration.guestName})`,
        personEmail: sql<string>`coalesce(${person.email}, ${learningRegistration.guestEmail})`,
        guestRole: learningRegistration.guestRole,
        organisationName: organisation.name,
        status: learningRegistration.status,
        present: learningRegistration.present,
        createdAt: learningRegistration.createdAt,
        version: learningRegistration.version,
      })
      .from(learningRegistration)
      .leftJoin(person, eq(person.id, learningRegistration.personId))
      .leftJoin(organisation, eq(organisation.id, learningRegistration.organisationId))
      .where(
        and(
          eq(learningRegistration.eventId, eventId),
          opts.registrationId ? eq(learningRegistration.id, opts.registrationId) : undefined,
          opts.personId ? eq(learningRegistration.personId, opts.personId) : undefined,
          opts.activeOnly ? eq(learningRegistration.status, 'registered') : undefined,
        ),
      )
      .orderBy(asc(learningRegistration.createdAt), asc(learningRegistration.id));
    if (!regs.length) return [];
    const seats = await db
      .select({
        registrationId: learningSeat.registrationId,
        sessionId: learningSeat.sessionId,
        sessionTitle: learningSession.title,
        status: learningSeat.status,
        waitingPosition: sql<number | null>`case when ${learningSeat.status} = 'waiting' then (select count(*)::int from ${learningSeat} w where w.session_id = ${learningSeat.sessionId} and w.status = 'waiting' and w.seq <= ${learningSeat.seq}) end`,
      })
      .from(learningSeat)
      .innerJoin(learningSession, eq(learningSession.id, learningSeat.sessionId))
      .where(inArray(learningSeat.registrationId, regs.map((r) => r.id)))
      .orderBy(asc(learningSession.startsAt), asc(learningSession.room));
    return regs.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      seats: seats.filter((s) => s.registrationId === r.id).map(({ registrationId: _omit, ...s }) => s),
    }));
  },

  // --- the public form ------------------------------------------------------------------------

  async insertPublicRequest(
    db: DbOrTx,
    values: { eventId: string; name: string; email: string; role: TGuestRole; sessionIds: string[]; tokenHash: string; expiresAt: Date },
    now: Date,
  ): Promise<string> {
    const [row] = await db.insert(learningPublicRequest).values({ ...values, createdAt: now }).returning({ id: learningPublicRequest.id });
    if (!row) throw new Error('public request not inserted');
    return row.id;
  },

  /** The pending public registration of a confirmation link (by the token's hash), locked. */
  async lockPublicRequest(db: DbOrTx, tokenHash: string) {
    const [row] = await db.select().from(learningPublicRequest).where(eq(learningPublicRequest.tokenHash, tokenHash)).for('update');
    return row;
  },

  async markPublicRequestUsed(db: DbOrTx, id: string, registrationId: string, now: Date): Promise<void> {
    await db.update(learningPublicRequest).set({ usedAt: now, registrationId }).where(eq(learningPublicRequest.id, id));
  },

  /** The active registration of a parent or young person with this address for the event. */
  async activeGuestRegistration(db: DbOrTx, eventId: string, email: string) {
    const [row] = await db
      .select({ id: learningRegistration.id })
      .from(learningRegistration)
      .where(and(eq(learningRegistration.eventId, eventId), sql`lower(${learningRegistration.guestEmail}) = ${email.toLowerCase()}`, eq(learningRegistration.status, 'registered')));
    return row;
  },

  async insertGuestRegistration(
    db: DbOrTx,
    values: { eventId: string; guestName: string; guestEmail: string; guestRole: TGuestRole; cancelTokenHash: string },
    now: Date,
  ): Promise<string> {
    const [row] = await db.insert(learningRegistration).values({ ...values, personId: null, organisationId: null, createdAt: now, updatedAt: now }).returning({ id: learningRegistration.id });
    if (!row) throw new Error('registration not inserted');
    return row.id;
  },

  /** The registration of a cancellation link (by the token's hash), locked. */
  async lockRegistrationByCancelToken(db: DbOrTx, tokenHash: string) {
    const [row] = await db.select().from(learningRegistration).where(eq(learningRegistration.cancelTokenHash, tokenHash)).for('update');
    return row;
  },
};
