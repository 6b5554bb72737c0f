import type { Db, DbOrTx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { Conflict, Invalid, NotFound, VersionConflict, detailPath } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import { boundLimit } from '../../db/paging.js';
import type {
  TActionItem,
  TActionItemCreate,
  TActionItemUpdate,
  TAgendaItem,
  TAgendaItemCreate,
  TAgendaItemUpdate,
  TAgendaOrder,
  TActionStatus,
  TAttendanceSet,
  TMeetingCreate,
  TMeetingDetail,
  TMeetingUpdate,
  TMinutesApprove,
  TMinutesSet,
} from '../../../shared/schemas/governance.js';
import { actionItemPolicy, bodyPolicy, meetingPolicy, todayOf, type ActionItemFacts, type MeetingFacts } from './governance.policy.js';
import { governanceRepo } from './governance.repo.js';
import { meetingsRepo, type ActionRow, type MeetingRow } from './meetings.repo.js';

const invalid = (path: string[], message: string) => new Invalid(message, [{ path: detailPath('body', ...path), message }]);

type Facts = NonNullable<Awaited<ReturnType<typeof meetingsRepo.meetingFacts>>>;

/**
 * Meetings of a governance body: agenda, attendance, minutes per item, amendments and action
 * items. Transaction first like governance.service.ts: every change locks the meeting row, checks
 * meeting policy inside the transaction, bumps the meeting's version (agenda and attendance
 * changes included), audits and commits. Approved minutes are frozen.
 */
export function createMeetingsService(db: Db) {
  const toMeeting = (row: MeetingRow) => ({ ...row, minutesApprovedAt: row.minutesApprovedAt ? row.minutesApprovedAt.toISOString() : null });
  const toAction = (row: ActionRow): TActionItem => row;

  async function detail(tx: DbOrTx, ctx: FullContext, facts: MeetingFacts) {
    const row = await meetingsRepo.meeting(tx, facts.id);
    if (!row) throw new NotFound();
    const items = await meetingsRepo.agendaItems(tx, row.id);
    const amendments = await meetingsRepo.amendments(tx, items.map((i) => i.id));
    const carriedTo = await meetingsRepo.carriedTo(tx, items.map((i) => i.id));
    const agenda: TAgendaItem[] = items.map(({ explanation, discussion, decision, carriedFromItemId, carriedFromMeetingId, carriedFromMeetingDate, ...i }) => ({
      ...i,
      minutes: { explanation, discussion, decision },
      carriedFrom: carriedFromItemId && carriedFromMeetingId && carriedFromMeetingDate ? { itemId: carriedFromItemId, meetingId: carriedFromMeetingId, meetingDate: carriedFromMeetingDate } : null,
      carriedTo: carriedTo.filter((c) => c.fromItemId === i.id).map(({ fromItemId: _omit, ...c }) => c),
      amendments: amendments
        .filter((a) => a.agendaItemId === i.id)
        .map(({ agendaItemId: _omit, createdAt, ...a }) => ({ ...a, createdAt: createdAt.toISOString() })),
    }));
    const data: TMeetingDetail = {
      ...toMeeting(row),
      agenda,
      attendance: await meetingsRepo.attendance(tx, row.id),
      actions: (await meetingsRepo.actionsOfMeeting(tx, row.id)).map(toAction),
      followUp: (await meetingsRepo.followUp(tx, row.bodyId, row.meetingDate)).map(toAction),
    };
    return { data, abilities: meetingPolicy.abilitiesOf(ctx, facts) };
  }

  /** Loads (with `lock`: locks) a meeting and checks the action; 404 when absent or out of reach. */
  async function authorizedMeeting(tx: DbOrTx, ctx: RequestContext, id: string, action: 'view' | 'update', lock: boolean): Promise<{ facts: Facts; full: FullContext }> {
    const facts = await meetingsRepo.meetingFacts(tx, id, ctx.actor?.personId ?? null, todayOf(ctx), lock);
    if (!facts) throw new NotFound();
    meetingPolicy.authorize(ctx, action, facts);
    return { facts, full: ctx };
  }

  function requireDraft(ctx: FullContext, facts: Facts) {
    if (facts.minutesStatus === 'approved') {
      throw new Conflict(
        tr(ctx, 'Het verslag van deze vergadering is goedgekeurd en kan niet meer gewijzigd worden. Voeg een rechtzetting toe.', 'The minutes of this meeting are approved and can no longer be changed. Add an amendment.'),
      );
    }
  }

  /** Bumps the meeting's version when it still is `version`: the agenda changed. */
  async function bump(tx: DbOrTx, ctx: FullContext, facts: Facts, version = facts.version) {
    if (!(await meetingsRepo.updateMeeting(tx, facts.id, version, {}, ctx.now))) throw new VersionConflict();
  }

  async function requireActivePerson(tx: DbOrTx, ctx: FullContext, personId: string, path: string[]) {
    if ((await governanceRepo.personStatus(tx, personId)) !== 'active') {
      throw invalid(path, tr(ctx, 'Deze persoon bestaat niet of is uitgeschakeld.', 'This person does not exist or is disabled.'));
    }
  }

  const audit = (tx: DbOrTx, ctx: FullContext, action: string, resourceType: string, resourceId: string, details: Record<string, unknown>) =>
    recordAudit(tx, { ...auditActor(ctx), action, resourceType, resourceId, outcome: 'success', details });

  function meetingValues(input: Partial<TMeetingCreate>) {
    return Object.fromEntries(
      Object.entries({ meetingDate: input.meetingDate, startTime: input.startTime, endTime: input.endTime, place: input.place, onlineUrl: input.onlineUrl }).filter(([, v]) => v !== undefined),
    );
  }

  function checkTimes(ctx: FullContext, start: string | null | undefined, end: string | null | undefined) {
    if (start && end && end <= start) throw invalid(['endTime'], tr(ctx, 'Het einduur ligt niet na het beginuur.', 'The end time is not after the start time.'));
  }

  /** Checks owner and due date / target meeting of an action item (after the merge with what it had). */
  async function checkActionValues(
    tx: DbOrTx,
    ctx: FullContext,
    bodyId: string,
    originDate: string,
    v: { ownerPersonId: string | null; ownerOrganisationId: string | null; dueOn: string | null; targetMeetingId: string | null },
    changed: { ownerPersonId?: unknown; ownerOrganisationId?: unknown; targetMeetingId?: unknown },
  ) {
    if (!v.ownerPersonId && !v.ownerOrganisationId) {
      throw invalid(['ownerPersonId'], tr(ctx, 'Geef een eigenaar: een persoon, een organisatie of beide.', 'Give an owner: a person, an organisation or both.'));
    }
    if (!v.dueOn && !v.targetMeetingId) {
      throw invalid(['dueOn'], tr(ctx, 'Geef een datum of een vergadering waartegen de actie klaar moet zijn.', 'Give a due date or the meeting by which the action must be done.'));
    }
    if (changed.ownerPersonId !== undefined && v.ownerPersonId) await requireActivePerson(tx, ctx, v.ownerPersonId, ['ownerPersonId']);
    if (changed.ownerOrganisationId !== undefined && v.ownerOrganisationId && !(await governanceRepo.organisationExists(tx, v.ownerOrganisationId))) {
      throw invalid(['ownerOrganisationId'], tr(ctx, 'Deze organisatie bestaat niet.', 'This organisation does not exist.'));
    }
    if (changed.targetMeetingId !== undefined && v.targetMeetingId) {
      const target = await meetingsRepo.meetingOfBody(tx, bodyId, v.targetMeetingId);
      if (!target || target.meetingDate <= originDate) {
        throw invalid(['targetMeetingId'], tr(ctx, 'Kies een latere vergadering van hetzelfde orgaan.', 'Choose a later meeting of the same body.'));
      }
    }
  }

  return {
    async listMeetings(ctx: RequestContext, bodyId: string, query: { cursor?: string | undefined; limit?: number | undefined }) {
      const facts = await governanceRepo.bodyFacts(db, bodyId, ctx.actor?.personId ?? null, todayOf(ctx));
      if (!facts) throw new NotFound();
      bodyPolicy.authorize(ctx, 'view', facts);
      const page = await meetingsRepo.pageMeetings(db, bodyId, { cursor: query.cursor, limit: boundLimit(query.limit) });
      const abilities = meetingPolicy.abilitiesById(ctx, page.items.map((m) => ({ id: m.id, bodyId, regionId: facts.regionId, actorRoles: facts.actorRoles })));
      return { data: { items: page.items.map(toMeeting), nextCursor: page.nextCursor }, abilities };
    },

    async createMeeting(ctx: RequestContext, bodyId: string, input: TMeetingCreate) {
      return db.transaction(async (tx) => {
        const facts = await governanceRepo.bodyFacts(tx, bodyId, ctx.actor?.personId ?? null, todayOf(ctx), true);
        if (!facts) throw new NotFound();
        // Planning meetings is managing the body: the same people as changing it.
        bodyPolicy.authorize(ctx, 'update', facts);
        checkTimes(ctx, input.startTime, input.endTime);
        const id = await meetingsRepo.insertMeeting(
          tx,
          bodyId,
          { meetingDate: input.meetingDate, startTime: input.startTime ?? null, endTime: input.endTime ?? null, place: input.place ?? '', onlineUrl: input.onlineUrl ?? null, status: 'planned' },
          ctx.now,
        );
        await audit(tx, ctx, 'governance.meeting.create', 'governance_meeting', id, { bodyId, meetingDate: input.meetingDate });
        return detail(tx, ctx, { id, bodyId, regionId: facts.regionId, actorRoles: facts.actorRoles });
      });
    },

    async getMeeting(ctx: RequestContext, id: string) {
      const { facts, full } = await authorizedMeeting(db, ctx, id, 'view', false);
      return detail(db, full, facts);
    },

    async updateMeeting(ctx: RequestContext, id: string, input: TMeetingUpdate) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedMeeting(tx, ctx, id, 'update', true);
        if (facts.version !== input.version) throw new VersionConflict();
        const current = await meetingsRepo.meeting(tx, id);
        if (!current) throw new NotFound();
        checkTimes(full, input.startTime === undefined ? current.startTime : input.startTime, input.endTime === undefined ? current.endTime : input.endTime);
        const values = { ...meetingValues(input), ...(input.status ? { status: input.status } : {}) };
        if (!(await meetingsRepo.updateMeeting(tx, id, input.version, values, full.now))) throw new VersionConflict();
        await audit(tx, full, 'governance.meeting.update', 'governance_meeting', id, { bodyId: facts.bodyId, fields: Object.keys(values) });
        return detail(tx, full, facts);
      });
    },

    async addItem(ctx: RequestContext, id: string, input: TAgendaItemCreate) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedMeeting(tx, ctx, id, 'update', true);
        requireDraft(full, facts);
        if (input.presenterPersonId) await requireActivePerson(tx, full, input.presenterPersonId, ['presenterPersonId']);
        if (input.carriedFromItemId) {
          // Carried over from an item of an earlier meeting of the same body (else nothing is added).
          const origin = await meetingsRepo.itemWithMeeting(tx, input.carriedFromItemId);
          if (!origin || origin.bodyId !== facts.bodyId || origin.meetingDate >= facts.meetingDate) {
            throw invalid(
              ['carriedFromItemId'],
              tr(full, 'Een agendapunt wordt overgedragen van een eerdere vergadering van hetzelfde orgaan.', 'An agenda item is carried over from an earlier meeting of the same body.'),
            );
          }
        }
        const position = await meetingsRepo.nextPosition(tx, id);
        const itemId = await meetingsRepo.insertItem(
          tx,
          id,
          position,
          {
            title: input.title,
            presenterText: input.presenterText ?? null,
            presenterPersonId: input.presenterPersonId ?? null,
            kind: input.kind,
            carriedFromItemId: input.carriedFromItemId ?? null,
          },
          full.now,
        );
        await bump(tx, full, facts);
        await audit(tx, full, 'governance.agenda.add', 'governance_agenda_item', itemId, {
          meetingId: id,
          kind: input.kind,
          position,
          ...(input.carriedFromItemId ? { carriedFromItemId: input.carriedFromItemId } : {}),
        });
        return detail(tx, full, facts);
      });
    },

    async updateItem(ctx: RequestContext, id: string, itemId: string, input: TAgendaItemUpdate) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedMeeting(tx, ctx, id, 'update', true);
        const item = await meetingsRepo.lockItem(tx, id, itemId);
        if (!item) throw new NotFound();
        requireDraft(full, facts);
        if (item.version !== input.version) throw new VersionConflict();
        if (input.presenterPersonId) await requireActivePerson(tx, full, input.presenterPersonId, ['presenterPersonId']);
        const values = Object.fromEntries(
          Object.entries({ title: input.title, presenterText: input.presenterText, presenterPersonId: input.presenterPersonId, kind: input.kind }).filter(([, v]) => v !== undefined),
        );
        if (!(await meetingsRepo.updateItem(tx, itemId, input.version, values, full.now))) throw new VersionConflict();
        await bump(tx, full, facts);
        await audit(tx, full, 'governance.agenda.update', 'governance_agenda_item', itemId, { meetingId: id, fields: Object.keys(values) });
        return detail(tx, full, facts);
      });
    },

    async deleteItem(ctx: RequestContext, id: string, itemId: string, version: number) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedMeeting(tx, ctx, id, 'update', true);
        const item = await meetingsRepo.lockItem(tx, id, itemId);
        if (!item) throw new NotFound();
        requireDraft(full, facts);
        if (facts.version !== version) throw new VersionConflict();
        if (await meetingsRepo.itemHasActions(tx, itemId)) {
          throw new Conflict(tr(full, 'Aan dit agendapunt hangen acties; het kan niet verwijderd worden.', 'This agenda item has action items; it cannot be deleted.'));
        }
        await meetingsRepo.deleteItem(tx, itemId);
        const rest = (await meetingsRepo.agendaItems(tx, id)).map((i) => i.id);
        await meetingsRepo.setPositions(tx, id, rest, full.now);
        await bump(tx, full, facts, version);
        await audit(tx, full, 'governance.agenda.delete', 'governance_agenda_item', itemId, { meetingId: id, title: item.title });
        return detail(tx, full, facts);
      });
    },

    async reorder(ctx: RequestContext, id: string, input: TAgendaOrder) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedMeeting(tx, ctx, id, 'update', true);
        requireDraft(full, facts);
        if (facts.version !== input.version) throw new VersionConflict();
        const current = (await meetingsRepo.agendaItems(tx, id)).map((i) => i.id);
        const given = new Set(input.itemIds);
        if (given.size !== input.itemIds.length || given.size !== current.length || !current.every((i) => given.has(i))) {
          throw invalid(['itemIds'], tr(full, 'Geef elk agendapunt van deze vergadering precies één keer.', 'List every agenda item of this meeting exactly once.'));
        }
        await meetingsRepo.setPositions(tx, id, input.itemIds, full.now);
        await bump(tx, full, facts, input.version);
        await audit(tx, full, 'governance.agenda.reorder', 'governance_meeting', id, { itemIds: input.itemIds });
        return detail(tx, full, facts);
      });
    },

    async setAttendance(ctx: RequestContext, id: string, input: TAttendanceSet) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedMeeting(tx, ctx, id, 'update', true);
        requireDraft(full, facts);
        if (facts.version !== input.version) throw new VersionConflict();
        const ids = input.members.map((m) => m.personId);
        const members = await meetingsRepo.membersOn(tx, facts.bodyId, ids, facts.meetingDate);
        for (const [i, personId] of ids.entries()) {
          if (!members.has(personId) || ids.indexOf(personId) !== i) {
            throw invalid(['members', String(i), 'personId'], tr(full, 'Deze persoon is op de dag van de vergadering geen lid van het orgaan (of staat er twee keer).', 'This person is not a member of the body on the day of the meeting (or is listed twice).'));
          }
        }
        await meetingsRepo.replaceAttendance(tx, id, input.members, input.guests, full.now);
        await bump(tx, full, facts, input.version);
        await audit(tx, full, 'governance.attendance.set', 'governance_meeting', id, { members: input.members.length, guests: input.guests.length });
        return detail(tx, full, facts);
      });
    },

    async setMinutes(ctx: RequestContext, id: string, itemId: string, input: TMinutesSet) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedMeeting(tx, ctx, id, 'update', true);
        const item = await meetingsRepo.lockItem(tx, id, itemId);
        if (!item) throw new NotFound();
        requireDraft(full, facts);
        if (item.version !== input.version) throw new VersionConflict();
        const values = { minutesExplanation: input.explanation, minutesDiscussion: input.discussion, minutesDecision: input.decision };
        if (!(await meetingsRepo.updateItem(tx, itemId, input.version, values, full.now))) throw new VersionConflict();
        await audit(tx, full, 'governance.minutes.update', 'governance_agenda_item', itemId, { meetingId: id });
        return detail(tx, full, facts);
      });
    },

    async approveMinutes(ctx: RequestContext, id: string, input: TMinutesApprove) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedMeeting(tx, ctx, id, 'update', true);
        requireDraft(full, facts);
        if (facts.version !== input.version) throw new VersionConflict();
        if (facts.status === 'cancelled') {
          throw new Conflict(tr(full, 'Deze vergadering is geannuleerd: er is geen verslag om goed te keuren.', 'This meeting was cancelled: there are no minutes to approve.'));
        }
        const at = await meetingsRepo.meetingOfBody(tx, facts.bodyId, input.approvedAtMeetingId);
        if (!at || at.meetingDate <= facts.meetingDate || at.status === 'cancelled') {
          throw invalid(['approvedAtMeetingId'], tr(full, 'Het verslag wordt goedgekeurd op een latere, niet geannuleerde vergadering van hetzelfde orgaan.', 'Minutes are approved at a later, not cancelled meeting of the same body.'));
        }
        const values = { minutesStatus: 'approved' as const, minutesApprovedAtMeetingId: at.id, minutesApprovedAt: full.now, minutesApprovedBy: full.actor.personId };
        if (!(await meetingsRepo.updateMeeting(tx, id, input.version, values, full.now))) throw new VersionConflict();
        await audit(tx, full, 'governance.minutes.approve', 'governance_meeting', id, { approvedAtMeetingId: at.id });
        return detail(tx, full, facts);
      });
    },

    async addAmendment(ctx: RequestContext, id: string, itemId: string, text: string) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedMeeting(tx, ctx, id, 'update', true);
        const item = await meetingsRepo.lockItem(tx, id, itemId);
        if (!item) throw new NotFound();
        if (facts.minutesStatus !== 'approved') {
          throw new Conflict(tr(full, 'Het verslag is nog niet goedgekeurd: pas het verslag zelf aan.', 'The minutes are not approved yet: change the minutes themselves.'));
        }
        const amendmentId = await meetingsRepo.insertAmendment(tx, itemId, text, full.actor.personId, full.now);
        await audit(tx, full, 'governance.minutes.amend', 'governance_agenda_item', itemId, { meetingId: id, amendmentId });
        return detail(tx, full, facts);
      });
    },

    async addAction(ctx: RequestContext, id: string, itemId: string, input: TActionItemCreate) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedMeeting(tx, ctx, id, 'update', true);
        const item = await meetingsRepo.lockItem(tx, id, itemId);
        if (!item) throw new NotFound();
        const values = {
          description: input.description,
          ownerPersonId: input.ownerPersonId ?? null,
          ownerOrganisationId: input.ownerOrganisationId ?? null,
          dueOn: input.dueOn ?? null,
          targetMeetingId: input.targetMeetingId ?? null,
          status: 'open' as const,
        };
        await checkActionValues(tx, full, facts.bodyId, facts.meetingDate, values, input);
        const actionId = await meetingsRepo.insertAction(tx, { ...values, bodyId: facts.bodyId, meetingId: id, agendaItemId: itemId }, full.now);
        await recordAudit(tx, {
          ...auditActor(full), action: 'governance.action.create', resourceType: 'governance_action', resourceId: actionId, outcome: 'success',
          organisationId: values.ownerOrganisationId, details: { meetingId: id, agendaItemId: itemId, ownerPersonId: values.ownerPersonId },
        });
        const row = await meetingsRepo.action(tx, actionId);
        if (!row) throw new NotFound();
        const actionFacts: ActionItemFacts = { id: actionId, bodyId: facts.bodyId, regionId: facts.regionId, actorRoles: facts.actorRoles, ownerPersonId: values.ownerPersonId };
        return { data: toAction(row), abilities: actionItemPolicy.abilitiesOf(full, actionFacts) };
      });
    },

    async updateAction(ctx: RequestContext, actionId: string, input: TActionItemUpdate) {
      return db.transaction(async (tx) => {
        const facts = await meetingsRepo.actionFacts(tx, actionId, ctx.actor?.personId ?? null, todayOf(ctx), true);
        if (!facts) throw new NotFound();
        actionItemPolicy.authorize(ctx, 'update', facts);
        if (facts.version !== input.version) throw new VersionConflict();
        const current = await meetingsRepo.action(tx, actionId);
        if (!current) throw new NotFound();
        const { version: _v, ...changes } = input;
        const merged = {
          ownerPersonId: changes.ownerPersonId === undefined ? current.ownerPersonId : changes.ownerPersonId,
          ownerOrganisationId: changes.ownerOrganisationId === undefined ? current.ownerOrganisationId : changes.ownerOrganisationId,
          dueOn: changes.dueOn === undefined ? current.dueOn : changes.dueOn,
          targetMeetingId: changes.targetMeetingId === undefined ? current.targetMeetingId : changes.targetMeetingId,
        };
        await checkActionValues(tx, ctx, facts.bodyId, current.meetingDate, merged, changes);
        const values = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
        if (!(await meetingsRepo.updateAction(tx, actionId, input.version, values, ctx.now))) throw new VersionConflict();
        await recordAudit(tx, {
          ...auditActor(ctx), action: 'governance.action.update', resourceType: 'governance_action', resourceId: actionId, outcome: 'success',
          organisationId: merged.ownerOrganisationId, details: { fields: Object.keys(values), status: input.status ?? current.status },
        });
        const row = await meetingsRepo.action(tx, actionId);
        if (!row) throw new NotFound();
        return { data: toAction(row), abilities: actionItemPolicy.abilitiesOf(ctx, { ...facts, ownerPersonId: row.ownerPersonId }) };
      });
    },

    async myActions(ctx: FullContext, query: { status?: TActionStatus | undefined; cursor?: string | undefined; limit?: number | undefined }) {
      if (!ctx.actor.personId) return { data: { items: [], nextCursor: null }, abilities: {} };
      const page = await meetingsRepo.actionsOwnedBy(db, ctx.actor.personId, { status: query.status, cursor: query.cursor, limit: boundLimit(query.limit) });
      const rows = page.items;
      const today = todayOf(ctx);
      const bodyIds = [...new Set(rows.map((r) => r.bodyId))];
      const [roles, regionOf] = await Promise.all([governanceRepo.actorRolesByBody(db, bodyIds, ctx.actor.personId, today), governanceRepo.regionsOfBodies(db, bodyIds)]);
      const abilities = actionItemPolicy.abilitiesById(
        ctx,
        rows.map((r) => ({ id: r.id, bodyId: r.bodyId, regionId: regionOf.get(r.bodyId) ?? '', actorRoles: roles.get(r.bodyId) ?? [], ownerPersonId: r.ownerPersonId })),
      );
      return { data: { items: rows.map(toAction), nextCursor: page.nextCursor }, abilities };
    },
  };
}
