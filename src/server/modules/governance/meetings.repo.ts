import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  governanceAction,
  governanceAgendaItem,
  governanceAmendment,
  governanceAttendance,
  governanceBody,
  governanceMeeting,
  governanceMembership,
  organisation,
  person,
} from '../../db/schema/index.js';
import { afterCursor, toPage } from '../../db/paging.js';
import { alias } from 'drizzle-orm/pg-core';
import type { TActionStatus, TAgendaItemKind, TAttendanceStatus, TMeetingStatus } from '../../../shared/schemas/governance.js';
import { governanceRepo } from './governance.repo.js';

/** SQL of meetings, their agenda, attendance, minutes, amendments and action items. */

const meetingColumns = {
  id: governanceMeeting.id,
  bodyId: governanceMeeting.bodyId,
  bodyName: governanceBody.name,
  meetingDate: governanceMeeting.meetingDate,
  startTime: governanceMeeting.startTime,
  endTime: governanceMeeting.endTime,
  place: governanceMeeting.place,
  onlineUrl: governanceMeeting.onlineUrl,
  status: governanceMeeting.status,
  minutesStatus: governanceMeeting.minutesStatus,
  minutesApprovedAtMeetingId: governanceMeeting.minutesApprovedAtMeetingId,
  minutesApprovedAt: governanceMeeting.minutesApprovedAt,
  version: governanceMeeting.version,
};

const originMeeting = alias(governanceMeeting, 'origin_meeting');
const carriedFromItem = alias(governanceAgendaItem, 'carried_from_item');
const carriedFromMeeting = alias(governanceMeeting, 'carried_from_meeting');
const ownerPerson = alias(person, 'owner_person');

const actionColumns = {
  id: governanceAction.id,
  bodyId: governanceAction.bodyId,
  bodyName: governanceBody.name,
  meetingId: governanceAction.meetingId,
  meetingDate: originMeeting.meetingDate,
  agendaItemId: governanceAction.agendaItemId,
  agendaItemTitle: governanceAgendaItem.title,
  description: governanceAction.description,
  ownerPersonId: governanceAction.ownerPersonId,
  ownerPersonName: ownerPerson.name,
  ownerOrganisationId: governanceAction.ownerOrganisationId,
  ownerOrganisationName: organisation.name,
  dueOn: governanceAction.dueOn,
  targetMeetingId: governanceAction.targetMeetingId,
  status: governanceAction.status,
  version: governanceAction.version,
};

function selectActions(db: DbOrTx) {
  return db
    .select(actionColumns)
    .from(governanceAction)
    .innerJoin(governanceBody, eq(governanceBody.id, governanceAction.bodyId))
    .innerJoin(originMeeting, eq(originMeeting.id, governanceAction.meetingId))
    .innerJoin(governanceAgendaItem, eq(governanceAgendaItem.id, governanceAction.agendaItemId))
    .leftJoin(ownerPerson, eq(ownerPerson.id, governanceAction.ownerPersonId))
    .leftJoin(organisation, eq(organisation.id, governanceAction.ownerOrganisationId));
}

export type MeetingRow = NonNullable<Awaited<ReturnType<typeof meetingsRepo.meeting>>>;
export type ActionRow = Awaited<ReturnType<typeof meetingsRepo.actionsOfMeeting>>[number];

export interface MeetingValues {
  meetingDate: string;
  startTime: string | null;
  endTime: string | null;
  place: string;
  onlineUrl: string | null;
  status: TMeetingStatus;
}

export interface AgendaItemValues {
  title: string;
  presenterText: string | null;
  presenterPersonId: string | null;
  kind: TAgendaItemKind;
  carriedFromItemId?: string | null;
}

export interface ActionValues {
  description: string;
  ownerPersonId: string | null;
  ownerOrganisationId: string | null;
  dueOn: string | null;
  targetMeetingId: string | null;
  status: TActionStatus;
}

export const meetingsRepo = {
  /** A page of a body's meetings by date (then id). */
  async pageMeetings(db: DbOrTx, bodyId: string, input: { cursor?: string | undefined; limit: number }) {
    const sortKey = sql`${governanceMeeting.meetingDate}::text`;
    const rows = await db
      .select({ ...meetingColumns, sortKey: sql<string>`${governanceMeeting.meetingDate}::text` })
      .from(governanceMeeting)
      .innerJoin(governanceBody, eq(governanceBody.id, governanceMeeting.bodyId))
      .where(and(eq(governanceMeeting.bodyId, bodyId), afterCursor(sortKey, governanceMeeting.id, input.cursor)))
      .orderBy(asc(sortKey), asc(governanceMeeting.id))
      .limit(input.limit + 1);
    const page = toPage(rows, input.limit, (r) => ({ key: r.sortKey, id: r.id }));
    return { items: page.items.map(({ sortKey: _omit, ...r }) => r), nextCursor: page.nextCursor };
  },

  async meeting(db: DbOrTx, id: string) {
    const [row] = await db.select(meetingColumns).from(governanceMeeting).innerJoin(governanceBody, eq(governanceBody.id, governanceMeeting.bodyId)).where(eq(governanceMeeting.id, id));
    return row;
  },

  /**
   * The facts the policy and the service need about a meeting, with the actor's roles in its body
   * today; with `lock`, the meeting row stays locked until the transaction ends, so changes of one
   * meeting (and its agenda) happen one after the other.
   */
  async meetingFacts(db: DbOrTx, id: string, personId: string | null, today: string, lock = false) {
    const query = db
      .select({
        id: governanceMeeting.id,
        bodyId: governanceMeeting.bodyId,
        regionId: governanceBody.regionId,
        meetingDate: governanceMeeting.meetingDate,
        status: governanceMeeting.status,
        minutesStatus: governanceMeeting.minutesStatus,
        version: governanceMeeting.version,
      })
      .from(governanceMeeting)
      .innerJoin(governanceBody, eq(governanceBody.id, governanceMeeting.bodyId))
      .where(eq(governanceMeeting.id, id));
    const [row] = lock ? await query.for('update', { of: governanceMeeting }) : await query;
    if (!row) return undefined;
    const roles = await governanceRepo.actorRolesByBody(db, [row.bodyId], personId, today);
    return { ...row, actorRoles: roles.get(row.bodyId) ?? [] };
  },

  async insertMeeting(db: DbOrTx, bodyId: string, values: MeetingValues, now: Date): Promise<string> {
    const [row] = await db.insert(governanceMeeting).values({ bodyId, ...values, createdAt: now, updatedAt: now }).returning({ id: governanceMeeting.id });
    if (!row) throw new Error('meeting not inserted');
    return row.id;
  },

  /** Changes the meeting (possibly nothing but its version) when the version matches; false when somebody else came first. */
  async updateMeeting(
    db: DbOrTx,
    id: string,
    version: number,
    values: Partial<MeetingValues & { minutesStatus: 'approved'; minutesApprovedAtMeetingId: string; minutesApprovedAt: Date; minutesApprovedBy: string | null }>,
    now: Date,
  ): Promise<boolean> {
    const rows = await db
      .update(governanceMeeting)
      .set({ ...values, updatedAt: now, version: sql`${governanceMeeting.version} + 1` })
      .where(and(eq(governanceMeeting.id, id), eq(governanceMeeting.version, version)))
      .returning({ id: governanceMeeting.id });
    return rows.length === 1;
  },

  /** A meeting of the body (for "approved at" and "target meeting"). */
  async meetingOfBody(db: DbOrTx, bodyId: string, meetingId: string) {
    const [row] = await db
      .select({ id: governanceMeeting.id, meetingDate: governanceMeeting.meetingDate, status: governanceMeeting.status })
      .from(governanceMeeting)
      .where(and(eq(governanceMeeting.id, meetingId), eq(governanceMeeting.bodyId, bodyId)));
    return row;
  },

  agendaItems(db: DbOrTx, meetingId: string) {
    return db
      .select({
        id: governanceAgendaItem.id,
        position: governanceAgendaItem.position,
        title: governanceAgendaItem.title,
        presenterText: governanceAgendaItem.presenterText,
        presenterPersonId: governanceAgendaItem.presenterPersonId,
        presenterPersonName: person.name,
        kind: governanceAgendaItem.kind,
        explanation: governanceAgendaItem.minutesExplanation,
        discussion: governanceAgendaItem.minutesDiscussion,
        decision: governanceAgendaItem.minutesDecision,
        carriedFromItemId: governanceAgendaItem.carriedFromItemId,
        carriedFromMeetingId: carriedFromItem.meetingId,
        carriedFromMeetingDate: carriedFromMeeting.meetingDate,
        version: governanceAgendaItem.version,
      })
      .from(governanceAgendaItem)
      .leftJoin(person, eq(person.id, governanceAgendaItem.presenterPersonId))
      .leftJoin(carriedFromItem, eq(carriedFromItem.id, governanceAgendaItem.carriedFromItemId))
      .leftJoin(carriedFromMeeting, eq(carriedFromMeeting.id, carriedFromItem.meetingId))
      .where(eq(governanceAgendaItem.meetingId, meetingId))
      .orderBy(asc(governanceAgendaItem.position), asc(governanceAgendaItem.id));
  },

  /** The items carried over from any of `itemIds`, with their meeting and its day (by day). */
  carriedTo(db: DbOrTx, itemIds: string[]) {
    if (itemIds.length === 0) return Promise.resolve([]);
    return db
      .select({
        fromItemId: sql<string>`${governanceAgendaItem.carriedFromItemId}`,
        itemId: governanceAgendaItem.id,
        meetingId: governanceAgendaItem.meetingId,
        meetingDate: governanceMeeting.meetingDate,
      })
      .from(governanceAgendaItem)
      .innerJoin(governanceMeeting, eq(governanceMeeting.id, governanceAgendaItem.meetingId))
      .where(inArray(governanceAgendaItem.carriedFromItemId, itemIds))
      .orderBy(asc(governanceMeeting.meetingDate), asc(governanceAgendaItem.id));
  },

  /** An agenda item with its meeting's body and day (the origin of a carry-over). */
  async itemWithMeeting(db: DbOrTx, itemId: string) {
    const [row] = await db
      .select({ id: governanceAgendaItem.id, meetingId: governanceMeeting.id, bodyId: governanceMeeting.bodyId, meetingDate: governanceMeeting.meetingDate })
      .from(governanceAgendaItem)
      .innerJoin(governanceMeeting, eq(governanceMeeting.id, governanceAgendaItem.meetingId))
      .where(eq(governanceAgendaItem.id, itemId));
    return row;
  },

  amendments(db: DbOrTx, itemIds: string[]) {
    if (itemIds.length === 0) return Promise.resolve([]);
    return db
      .select({
        id: governanceAmendment.id,
        agendaItemId: governanceAmendment.agendaItemId,
        text: governanceAmendment.text,
        authorPersonId: governanceAmendment.authorPersonId,
        authorName: person.name,
        createdAt: governanceAmendment.createdAt,
      })
      .from(governanceAmendment)
      .leftJoin(person, eq(person.id, governanceAmendment.authorPersonId))
      .where(inArray(governanceAmendment.agendaItemId, itemIds))
      .orderBy(asc(governanceAmendment.createdAt), asc(governanceAmendment.id));
  },

  async lockItem(db: DbOrTx, meetingId: string, itemId: string) {
    const [row] = await db
      .select()
      .from(governanceAgendaItem)
      .where(and(eq(governanceAgendaItem.id, itemId), eq(governanceAgendaItem.meetingId, meetingId)))
      .for('update');
    return row;
  },

  async nextPosition(db: DbOrTx, meetingId: string): Promise<number> {
    const [row] = await db
      .select({ next: sql<number>`coalesce(max(${governanceAgendaItem.position}), 0)::int + 1` })
      .from(governanceAgendaItem)
      .where(eq(governanceAgendaItem.meetingId, meetingId));
    return row?.next ?? 1;
  },

  async insertItem(db: DbOrTx, meetingId: string, position: number, values: AgendaItemValues, now: Date): Promise<string> {
    const [row] = await db.insert(governanceAgendaItem).values({ meetingId, position, ...values, createdAt: now, updatedAt: now }).returning({ id: governanceAgendaItem.id });
    if (!row) throw new Error('agenda item not inserted');
    return row.id;
  },

  async updateItem(
    db: DbOrTx,
    itemId: string,
    version: number,
    values: Partial<AgendaItemValues & { minutesExplanation: string; minutesDiscussion: string; minutesDecision: string }>,
    now: Date,
  ): Promise<boolean> {
    const rows = await db
      .update(governanceAgendaItem)
      .set({ ...values, updatedAt: now, version: sql`${governanceAgendaItem.version} + 1` })
      .where(and(eq(governanceAgendaItem.id, itemId), eq(governanceAgendaItem.version, version)))
      .returning({ id: governanceAgendaItem.id });
    return rows.length === 1;
  },

  async deleteItem(db: DbOrTx, itemId: string): Promise<void> {
    await db.delete(governanceAgendaItem).where(eq(governanceAgendaItem.id, itemId));
  },

  /** Numbers the items 1, 2, 3 … in the given order. */
  async setPositions(db: DbOrTx, meetingId: string, itemIds: string[], now: Date): Promise<void> {
    for (const [i, id] of itemIds.entries()) {
      await db
        .update(governanceAgendaItem)
        .set({ position: i + 1, updatedAt: now })
        .where(and(eq(governanceAgendaItem.id, id), eq(governanceAgendaItem.meetingId, meetingId)));
    }
  },

  async itemHasActions(db: DbOrTx, itemId: string): Promise<boolean> {
    const [row] = await db.select({ id: governanceAction.id }).from(governanceAction).where(eq(governanceAction.agendaItemId, itemId)).limit(1);
    return row !== undefined;
  },

  async attendance(db: DbOrTx, meetingId: string) {
    const rows = await db
      .select({
        personId: governanceAttendance.personId,
        personName: person.name,
        status: governanceAttendance.status,
        guestName: governanceAttendance.guestName,
        guestOrganisation: governanceAttendance.guestOrganisation,
      })
      .from(governanceAttendance)
      .leftJoin(person, eq(person.id, governanceAttendance.personId))
      .where(eq(governanceAttendance.meetingId, meetingId))
      .orderBy(asc(person.name), asc(governanceAttendance.guestName), asc(governanceAttendance.id));
    const members: { personId: string; personName: string; status: TAttendanceStatus }[] = [];
    const guests: { name: string; organisation: string }[] = [];
    for (const r of rows) {
      if (r.personId && r.status) members.push({ personId: r.personId, personName: r.personName ?? '', status: r.status });
      else if (r.guestName !== null) guests.push({ name: r.guestName, organisation: r.guestOrganisation ?? '' });
    }
    return { members, guests };
  },

  async replaceAttendance(
    db: DbOrTx,
    meetingId: string,
    members: { personId: string; status: TAttendanceStatus }[],
    guests: { name: string; organisation: string }[],
    now: Date,
  ): Promise<void> {
    await db.delete(governanceAttendance).where(eq(governanceAttendance.meetingId, meetingId));
    const values = [
      ...members.map((m) => ({ meetingId, personId: m.personId, status: m.status, createdAt: now })),
      ...guests.map((g) => ({ meetingId, guestName: g.name, guestOrganisation: g.organisation, createdAt: now })),
    ];
    if (values.length) await db.insert(governanceAttendance).values(values);
  },

  /** The people among `personIds` who hold a membership of the body on `day`. */
  async membersOn(db: DbOrTx, bodyId: string, personIds: string[], day: string): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await db
      .selectDistinct({ personId: governanceMembership.personId })
      .from(governanceMembership)
      .where(
        and(
          eq(governanceMembership.bodyId, bodyId),
          inArray(governanceMembership.personId, personIds),
          sql`${governanceMembership.joinedOn} <= ${day}::date and (${governanceMembership.leftOn} is null or ${governanceMembership.leftOn} >= ${day}::date)`,
        ),
      );
    return new Set(rows.map((r) => r.personId));
  },

  async insertAmendment(db: DbOrTx, itemId: string, text: string, authorPersonId: string | null, now: Date): Promise<string> {
    const [row] = await db.insert(governanceAmendment).values({ agendaItemId: itemId, text, authorPersonId, createdAt: now }).returning({ id: governanceAmendment.id });
    if (!row) throw new Error('amendment not inserted');
    return row.id;
  },

  actionsOfMeeting(db: DbOrTx, meetingId: string) {
    return selectActions(db).where(eq(governanceAction.meetingId, meetingId)).orderBy(asc(governanceAgendaItem.position), asc(governanceAction.createdAt), asc(governanceAction.id));
  },

  /** Open actions of the body decided at meetings before `meetingDate`: they come back until closed. */
  followUp(db: DbOrTx, bodyId: string, meetingDate: string) {
    return selectActions(db)
      .where(and(eq(governanceAction.bodyId, bodyId), eq(governanceAction.status, 'open'), lt(originMeeting.meetingDate, meetingDate)))
      .orderBy(asc(originMeeting.meetingDate), asc(governanceAgendaItem.position), asc(governanceAction.createdAt), asc(governanceAction.id));
  },

  action(db: DbOrTx, id: string) {
    return selectActions(db).where(eq(governanceAction.id, id)).then((rows) => rows[0]);
  },

  /** The actions owned by a person, open ones first, by due date. */
  /**
   * A page of the actions a person owns: open ones first, then by due date (none last), then by the
   * meeting they came from. One sort key (a string that sorts in that order) pages by keyset; the
   * owner index narrows to the person's own actions first.
   */
  async actionsOwnedBy(db: DbOrTx, personId: string, input: { status?: TActionStatus | undefined; cursor?: string | undefined; limit: number }) {
    const sortKey = sql<string>`(case when ${governanceAction.status} = 'open' then '0' else '1' end || coalesce(${governanceAction.dueOn}::text, '9999-12-31') || ${originMeeting.meetingDate}::text)`;
    const rows = await selectActions(db)
      .where(and(eq(governanceAction.ownerPersonId, personId), input.status ? eq(governanceAction.status, input.status) : undefined, afterCursor(sortKey, governanceAction.id, input.cursor)))
      .orderBy(sortKey, asc(governanceAction.id))
      .limit(input.limit + 1);
    return toPage(rows, input.limit, (r) => ({ key: `${r.status === 'open' ? '0' : '1'}${r.dueOn ?? '9999-12-31'}${r.meetingDate}`, id: r.id }));
  },

  async actionFacts(db: DbOrTx, id: string, personId: string | null, today: string, lock = false) {
    const query = db
      .select({
        id: governanceAction.id,
        bodyId: governanceAction.bodyId,
        regionId: governanceBody.regionId,
        ownerPersonId: governanceAction.ownerPersonId,
        version: governanceAction.version,
      })
      .from(governanceAction)
      .innerJoin(governanceBody, eq(governanceBody.id, governanceAction.bodyId))
      .where(eq(governanceAction.id, id));
    const [row] = lock ? await query.for('update', { of: governanceAction }) : await query;
    if (!row) return undefined;
    const roles = await governanceRepo.actorRolesByBody(db, [row.bodyId], personId, today);
    return { ...row, actorRoles: roles.get(row.bodyId) ?? [] };
  },

  async insertAction(db: DbOrTx, values: ActionValues & { bodyId: string; meetingId: string; agendaItemId: string }, now: Date): Promise<string> {
    const [row] = await db.insert(governanceAction).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: governanceAction.id });
    if (!row) throw new Error('action not inserted');
    return row.id;
  },

  async updateAction(db: DbOrTx, id: string, version: number, values: Partial<ActionValues>, now: Date): Promise<boolean> {
    const rows = await db
      .update(governanceAction)
      .set({ ...values, updatedAt: now, version: sql`${governanceAction.version} + 1` })
      .where(and(eq(governanceAction.id, id), eq(governanceAction.version, version)))
      .returning({ id: governanceAction.id });
    return rows.length === 1;
  },
};
