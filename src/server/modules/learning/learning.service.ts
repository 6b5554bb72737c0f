import type { Db, DbOrTx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { Conflict, Duplicate, Forbidden, Invalid, NotFound, TooManyRequests, VersionConflict, detailPath } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import { boundLimit } from '../../db/paging.js';
import { toCsv } from '../../platform/csv.js';
import { certificatePdf } from './certificate.pdf.js';
import { randomToken, sha256 } from '../../platform/auth/tokens.js';
import { LIMITS, forgiveAttempt, takeAttempts, type ThrottleLimit } from '../../platform/auth/throttle.js';
import type {
  TEvent,
  TEventCreate,
  TEventKind,
  TEventStatus,
  TEventUpdate,
  TGuestRole,
  TPublicEvent,
  TPublicRegistration,
  TPublicRegistrationCreate,
  TRegistration,
  TRegistrationCreate,
  TSession,
  TSessionCreate,
  TSessionUpdate,
} from '../../../shared/schemas/learning.js';
import { eventPolicy, mayOrganiseFor, type EventFacts } from './learning.policy.js';
import { learningRepo, type EventValues, type SessionValues } from './learning.repo.js';

const invalid = (field: string, message: string) => new Invalid(message, [{ path: detailPath('body', field), message }]);

type Action = 'view' | 'update' | 'manage' | 'register';

/** The confirmation link of the public form is valid for 48 hours. */
export const PUBLIC_CONFIRM_TTL_MS = 48 * 60 * 60_000;
/** Mails of the public form: at most 5 an hour to one address, 30 per quarter from one address (every request counts). */
export const PUBLIC_LIMITS = {
  requestPerEmail: { maxFailures: 5, windowMs: 60 * 60_000, lockMs: 60 * 60_000 },
  requestPerIp: LIMITS.ip,
  linkPerIp: LIMITS.ip,
} satisfies Record<string, ThrottleLimit>;

const ROLE_NL: Record<TGuestRole, string> = { parent: 'ouder', youth: 'jongere' };

/**
 * Learning events, their sessions and registrations. Every change runs transaction first: open the
 * transaction, load and lock the event, check learning.policy.ts inside it, write, audit, commit.
 * A place in a session is taken with a conditional update of the session row (learningRepo.takePlace),
 * so concurrent registrations never overbook; a full session puts the registration on its waiting
 * list, promoted in order when a place frees up (with a mail to the promoted person, after commit).
 */
export function createLearningService(db: Db, mailer: Mailer, baseUrl: string) {
  async function authorizedEvent(tx: DbOrTx, ctx: RequestContext, id: string, action: Action, lock: boolean) {
    const facts = await learningRepo.eventFacts(tx, id, lock);
    if (!facts) throw new NotFound();
    eventPolicy.authorize(ctx, action, facts);
    return { facts, full: ctx };
  }

  async function eventView(tx: DbOrTx, ctx: FullContext, facts: EventFacts) {
    const row = await learningRepo.event(tx, facts.id);
    if (!row) throw new NotFound();
    return { data: row satisfies TEvent, abilities: eventPolicy.abilitiesOf(ctx, facts) };
  }

  async function oneSession(tx: DbOrTx, eventId: string, sessionId: string): Promise<TSession> {
    const [row] = await learningRepo.sessions(tx, eventId, sessionId);
    if (!row) throw new NotFound();
    return row;
  }

  async function oneRegistration(tx: DbOrTx, eventId: string, registrationId: string): Promise<TRegistration> {
    const [row] = await learningRepo.registrations(tx, eventId, { registrationId });
    if (!row) throw new NotFound();
    const { personEmail: _omit, ...rest } = row;
    return rest;
  }

  /** Sectors must exist; the organiser is an organisation the caller may organise for, or a name. */
  async function checkEventInput(tx: DbOrTx, ctx: FullContext, v: Partial<EventValues>, organiserChecked: boolean) {
    if (v.audienceSectors?.length) {
      const unknown = await learningRepo.unknownSectors(tx, v.audienceSectors);
      if (unknown.length) throw invalid('audienceSectors', tr(ctx, `Onbekende sector: ${unknown.join(', ')}.`, `Unknown sector: ${unknown.join(', ')}.`));
    }
    if (!organiserChecked) return;
    if (v.organiserOrganisationId) {
      if (!(await learningRepo.organisationExists(tx, v.organiserOrganisationId))) {
        throw invalid('organiserOrganisationId', tr(ctx, 'Deze organisatie bestaat niet.', 'This organisation does not exist.'));
      }
    } else if (!v.organiserName) {
      throw invalid('organiserName', tr(ctx, 'Kies een organiserende organisatie of geef de naam van de organisator.', 'Choose an organising organisation or give the organiser\'s name.'));
    }
    if (!mayOrganiseFor(ctx.actor, v.organiserOrganisationId ?? null)) {
      throw new Forbidden(tr(ctx, 'Je mag geen activiteiten organiseren voor deze organisatie.', 'You may not organise events for this organisation.'));
    }
  }

  function checkCombined(ctx: FullContext, v: { startsAt: string; endsAt: string; registrationOpensAt: Date; registrationClosesAt: Date }) {
    if (v.endsAt <= v.startsAt) throw invalid('endsAt', tr(ctx, 'Het einduur ligt niet na het beginuur.', 'The end time is not after the start time.'));
    if (v.registrationClosesAt <= v.registrationOpensAt) {
      throw invalid('registrationClosesAt', tr(ctx, 'De inschrijving sluit niet na de opening.', 'Registration does not close after it opens.'));
    }
  }

  /** Frees a confirmed place: the first on the waiting list takes it, else the session has one place more. */
  async function freePlace(tx: DbOrTx, eventId: string, sessionId: string, now: Date) {
    // The session row first: a registration that is taking a place or joining the waiting list
    // holds it until it commits, so the waiting list read next includes it.
    await learningRepo.lockSession(tx, eventId, sessionId);
    const next = await learningRepo.firstWaiting(tx, sessionId);
    if (!next) {
      await learningRepo.releasePlace(tx, sessionId, now);
      return null;
    }
    await learningRepo.setSeatStatus(tx, next.id, 'confirmed', now);
    return { ...next, sessionId };
  }

  /** The chosen sessions belong to the event, at least one when it has any, and never two at the same time. */
  async function checkSessions(tx: DbOrTx, ctx: { lang: 'nl' | 'en' }, id: string, sessionIds: string[]) {
    const slots = await learningRepo.sessionSlots(tx, id);
    const chosen = slots.filter((s) => sessionIds.includes(s.id));
    if (chosen.length !== sessionIds.length) {
      throw invalid('sessionIds', tr(ctx, 'Deze sessie hoort niet bij deze activiteit.', 'This session does not belong to this event.'));
    }
    if (slots.length > 0 && chosen.length === 0) {
      throw invalid('sessionIds', tr(ctx, 'Kies minstens één sessie.', 'Choose at least one session.'));
    }
    // Parallel sessions in the same time slot: one at a time.
    if (chosen.some((a, i) => chosen.some((b, j) => j > i && a.startsAt < b.endsAt && b.startsAt < a.endsAt))) {
      throw invalid('sessionIds', tr(ctx, 'Deze sessies lopen tegelijk; kies er één.', 'These sessions run at the same time; choose one.'));
    }
  }

  /** A place in each session, or the waiting list when it is full (one conditional update per session). */
  async function takeSeats(tx: DbOrTx, registrationId: string, sessionIds: string[], now: Date) {
    // Sessions in a fixed order, so two registrations never wait on each other's locks crosswise.
    const seats: Record<string, 'confirmed' | 'waiting'> = {};
    for (const sessionId of [...sessionIds].sort()) {
      const status = (await learningRepo.takePlace(tx, sessionId, now)) ? 'confirmed' : 'waiting';
      await learningRepo.insertSeat(tx, registrationId, sessionId, status, now);
      seats[sessionId] = status;
    }
    return seats;
  }

  /** Cancels the registration and its seats; each freed place goes to the first on that waiting list. */
  async function cancelAndPromote(tx: DbOrTx, facts: { id: string; title: string; date: string }, registrationId: string, now: Date) {
    await learningRepo.cancelRegistration(tx, registrationId, now);
    // Sessions before seats, each in the same order as registering and promoting lock them: locking
    // our own seats first deadlocked against a cancellation that held one of our sessions and waited
    // for our waiting seat there (found by the interleaving property in learning.test.ts). Holding the
    // sessions also keeps our seats' statuses still: only a holder of its session promotes a seat.
    for (const sessionId of await learningRepo.openSeatSessions(tx, registrationId)) await learningRepo.lockSession(tx, facts.id, sessionId);
    const promoted = [];
    for (const seat of await learningRepo.lockOpenSeats(tx, registrationId)) {
      await learningRepo.setSeatStatus(tx, seat.id, 'cancelled', now);
      if (seat.status !== 'confirmed') continue;
      const next = await freePlace(tx, facts.id, seat.sessionId, now);
      if (next) {
        const [session] = await learningRepo.sessions(tx, facts.id, seat.sessionId);
        promoted.push({ ...next, sessionTitle: session?.title ?? '', eventTitle: facts.title, eventDate: facts.date, eventId: facts.id });
      }
    }
    return promoted;
  }

  async function notifyPromoted(promoted: { email: string; personName: string; personId: string | null; sessionTitle: string; eventTitle: string; eventDate: string; eventId: string }[]) {
    for (const p of promoted) {
      // A parent or young person of the public form has no login: they cancel by the link in their confirmation mail.
      const where = p.personId ? `${baseUrl}/samen-leren/${p.eventId}` : 'Uitschrijven kan met de link in de bevestigingsmail die je kreeg.';
      try {
        await mailer.send({
          to: p.email,
          subject: `Je hebt een plaats: ${p.eventTitle}`,
          text:
            `Beste ${p.personName},\n\nEr kwam een plaats vrij. Je staat niet langer op de wachtlijst van "${p.sessionTitle}" ` +
            `op ${p.eventTitle} (${p.eventDate}): je inschrijving is bevestigd.\n\n${where}\n\nKan je toch niet komen? Schrijf je dan uit, zodat iemand anders je plaats krijgt.`,
        });
      } catch {
        // The mailer logged the failure and marked it in the outbox; the promotion itself stands.
      }
    }
  }

  return {
    async listEvents(ctx: FullContext, query: { kind?: TEventKind | undefined; status?: TEventStatus | undefined; from?: string | undefined; cursor?: string | undefined; limit?: number | undefined }) {
      const page = await learningRepo.pageEvents(db, { scope: eventPolicy.scope(ctx), kind: query.kind, status: query.status, from: query.from, cursor: query.cursor, limit: boundLimit(query.limit) });
      return { data: page, abilities: eventPolicy.abilitiesById(ctx, page.items) };
    },

    async getEvent(ctx: RequestContext, id: string) {
      const { facts, full } = await authorizedEvent(db, ctx, id, 'view', false);
      return eventView(db, full, facts);
    },

    async createEvent(ctx: FullContext, input: TEventCreate) {
      return db.transaction(async (tx) => {
        const values: EventValues = {
          ...input,
          registrationOpensAt: new Date(input.registrationOpensAt),
          registrationClosesAt: new Date(input.registrationClosesAt),
        };
        checkCombined(ctx, values);
        await checkEventInput(tx, ctx, values, true);
        const id = await learningRepo.insertEvent(tx, values, ctx.actor.personId, ctx.now);
        await recordAudit(tx, {
          ...auditActor(ctx), action: 'learning.event.create', resourceType: 'learning_event', resourceId: id,
          organisationId: values.organiserOrganisationId, outcome: 'success', details: { kind: values.kind, status: values.status, date: values.date },
        });
        return eventView(tx, ctx, { id, status: values.status, organiserOrganisationId: values.organiserOrganisationId });
      });
    },

    async updateEvent(ctx: RequestContext, id: string, input: TEventUpdate) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedEvent(tx, ctx, id, 'update', true);
        if (facts.version !== input.version) throw new VersionConflict();
        const { version, registrationOpensAt, registrationClosesAt, ...rest } = input;
        const values: Partial<EventValues> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
        if (registrationOpensAt !== undefined) values.registrationOpensAt = new Date(registrationOpensAt);
        if (registrationClosesAt !== undefined) values.registrationClosesAt = new Date(registrationClosesAt);
        const current = await learningRepo.eventRow(tx, id);
        if (!current) throw new NotFound();
        checkCombined(full, { ...current, ...values, startsAt: (values.startsAt ?? current.startsAt).slice(0, 5), endsAt: (values.endsAt ?? current.endsAt).slice(0, 5) });
        if (values.organiserName === '' && current.organiserOrganisationId === null) {
          throw invalid('organiserName', tr(full, 'Geef de naam van de organisator.', 'Give the organiser\'s name.'));
        }
        await checkEventInput(tx, full, values, false);
        if (!(await learningRepo.updateEvent(tx, id, version, values, full.now))) throw new VersionConflict();
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.event.update', resourceType: 'learning_event', resourceId: id,
          organisationId: facts.organiserOrganisationId, outcome: 'success', details: { fields: Object.keys(values) },
        });
        return eventView(tx, full, { ...facts, status: values.status ?? facts.status });
      });
    },

    // --- sessions -----------------------------------------------------------------------------

    async listSessions(ctx: RequestContext, id: string) {
      const { facts, full } = await authorizedEvent(db, ctx, id, 'view', false);
      return { data: { items: await learningRepo.sessions(db, id) }, abilities: eventPolicy.abilitiesOf(full, facts) };
    },

    async createSession(ctx: RequestContext, id: string, input: TSessionCreate) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedEvent(tx, ctx, id, 'manage', true);
        if (input.endsAt <= input.startsAt) throw invalid('endsAt', tr(full, 'Het einduur ligt niet na het beginuur.', 'The end time is not after the start time.'));
        const sessionId = await learningRepo.insertSession(tx, id, input, full.now);
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.session.create', resourceType: 'learning_session', resourceId: sessionId,
          organisationId: facts.organiserOrganisationId, outcome: 'success', details: { eventId: id, capacity: input.capacity, kind: input.kind },
        });
        return { data: await oneSession(tx, id, sessionId), abilities: eventPolicy.abilitiesOf(full, facts) };
      });
    },

    async updateSession(ctx: RequestContext, id: string, sessionId: string, input: TSessionUpdate) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedEvent(tx, ctx, id, 'manage', true);
        const current = await learningRepo.lockSession(tx, id, sessionId);
        if (!current) throw new NotFound();
        if (current.version !== input.version) throw new VersionConflict();
        const { version, ...rest } = input;
        const values: Partial<SessionValues> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
        const startsAt = values.startsAt ?? current.startsAt.slice(0, 5);
        const endsAt = values.endsAt ?? current.endsAt.slice(0, 5);
        if (endsAt <= startsAt) throw invalid('endsAt', tr(full, 'Het einduur ligt niet na het beginuur.', 'The end time is not after the start time.'));
        if (values.capacity !== undefined && values.capacity < current.taken) {
          throw new Conflict(tr(full, `Er zijn al ${current.taken} plaatsen ingenomen; de capaciteit kan niet lager.`, `${current.taken} places are taken already; the capacity cannot be lower.`));
        }
        if (!(await learningRepo.updateSession(tx, sessionId, version, values, full.now))) throw new VersionConflict();
        // A larger room: the waiting list moves up into the new places.
        const promoted = [];
        if (values.capacity !== undefined) {
          for (let free = values.capacity - current.taken; free > 0; free--) {
            const next = await learningRepo.firstWaiting(tx, sessionId);
            if (!next) break;
            await learningRepo.setSeatStatus(tx, next.id, 'confirmed', full.now);
            if (!(await learningRepo.takePlace(tx, sessionId, full.now))) throw new Error('capacity accounting broken');
            promoted.push({ ...next, sessionTitle: values.title ?? current.title, eventTitle: facts.title, eventDate: facts.date, eventId: id });
          }
        }
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.session.update', resourceType: 'learning_session', resourceId: sessionId,
          organisationId: facts.organiserOrganisationId, outcome: 'success',
          details: { eventId: id, fields: Object.keys(values), promotedRegistrationIds: promoted.map((p) => p.registrationId) },
        });
        for (const p of promoted) {
          await recordAudit(tx, {
            ...auditActor(full), action: 'learning.registration.promote', resourceType: 'learning_registration', resourceId: p.registrationId,
            outcome: 'success', details: { eventId: id, sessionId, personId: p.personId },
          });
        }
        const result = { data: await oneSession(tx, id, sessionId), abilities: eventPolicy.abilitiesOf(full, facts) };
        return { result, promoted };
      }).then(async ({ result, promoted }) => {
        await notifyPromoted(promoted);
        return result;
      });
    },

    async deleteSession(ctx: RequestContext, id: string, sessionId: string, version: number) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedEvent(tx, ctx, id, 'manage', true);
        const current = await learningRepo.lockSession(tx, id, sessionId);
        if (!current) throw new NotFound();
        if (current.version !== version) throw new VersionConflict();
        if (await learningRepo.sessionUsed(tx, sessionId)) {
          throw new Conflict(tr(full, 'Voor deze sessie zijn al inschrijvingen; ze kan niet meer weg.', 'This session has registrations; it cannot be removed.'));
        }
        await learningRepo.deleteSession(tx, sessionId);
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.session.delete', resourceType: 'learning_session', resourceId: sessionId,
          organisationId: facts.organiserOrganisationId, outcome: 'success', details: { eventId: id, title: current.title },
        });
        return { data: { id: sessionId } };
      });
    },

    // --- registrations ------------------------------------------------------------------------

    async register(ctx: RequestContext, id: string, input: TRegistrationCreate) {
      return db.transaction(async (tx) => {
        // The event row is only read (not locked): registrations of one event run side by side and
        // meet only on the session rows they take places in.
        const { facts, full } = await authorizedEvent(tx, ctx, id, 'register', false);
        const personId = full.actor.personId;
        if (!personId) throw new Forbidden();
        if (full.now < facts.registrationOpensAt || full.now > facts.registrationClosesAt) {
          throw new Conflict(tr(full, 'De inschrijvingen voor deze activiteit zijn niet open.', 'Registration for this event is not open.'));
        }
        await checkSessions(tx, full, id, input.sessionIds);
        if (await learningRepo.activeRegistrationOf(tx, id, personId)) {
          throw new Duplicate('eventId', tr(full, 'Je bent al ingeschreven voor deze activiteit.', 'You are already registered for this event.'));
        }
        const organisationId = full.actor.memberships[0]?.organisationId ?? null;
        const registrationId = await learningRepo.insertRegistration(tx, { eventId: id, personId, organisationId }, full.now);
        const seats = await takeSeats(tx, registrationId, input.sessionIds, full.now);
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.registration.create', resourceType: 'learning_registration', resourceId: registrationId,
          organisationId, outcome: 'success', details: { eventId: id, seats },
        });
        return { data: await oneRegistration(tx, id, registrationId), abilities: eventPolicy.abilitiesOf(full, facts) };
      });
    },

    /** The caller's own active registration for the event (null when not registered). */
    async myRegistration(ctx: RequestContext, id: string) {
      const { facts, full } = await authorizedEvent(db, ctx, id, 'view', false);
      const personId = full.actor.personId;
      const [row] = personId ? await learningRepo.registrations(db, id, { personId, activeOnly: true }) : [];
      const data = row ? (({ personEmail: _omit, ...rest }) => rest)(row) : null;
      return { data: data satisfies TRegistration | null, abilities: eventPolicy.abilitiesOf(full, facts) };
    },

    async listRegistrations(ctx: RequestContext, id: string) {
      const { facts, full } = await authorizedEvent(db, ctx, id, 'manage', false);
      const rows = await learningRepo.registrations(db, id);
      return { data: { items: rows.map(({ personEmail: _omit, ...r }) => r) }, abilities: eventPolicy.abilitiesOf(full, facts) };
    },

    /** Cancels a registration (the person themselves, or the organiser); freed places go to the waiting lists in order. */
    async cancelRegistration(ctx: RequestContext, id: string, registrationId: string) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedEvent(tx, ctx, id, 'view', false);
        const reg = await learningRepo.lockRegistration(tx, id, registrationId);
        const own = reg !== undefined && reg.personId !== null && reg.personId === full.actor.personId;
        // Somebody else's registration is unknown to anyone but the organiser.
        if (!reg || (!own && !eventPolicy.can(full, 'manage', facts))) throw new NotFound();
        if (reg.status === 'cancelled') throw new Conflict(tr(full, 'Deze inschrijving is al geannuleerd.', 'This registration has been cancelled already.'));
        const promoted = await cancelAndPromote(tx, facts, registrationId, full.now);
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.registration.cancel', resourceType: 'learning_registration', resourceId: registrationId,
          organisationId: reg.organisationId, outcome: 'success',
          details: { eventId: id, byOrganiser: !own, promotedRegistrationIds: promoted.map((p) => p.registrationId) },
        });
        for (const p of promoted) {
          await recordAudit(tx, {
            ...auditActor(full), action: 'learning.registration.promote', resourceType: 'learning_registration', resourceId: p.registrationId,
            outcome: 'success', details: { eventId: id, sessionId: p.sessionId, personId: p.personId },
          });
        }
        const result = { data: await oneRegistration(tx, id, registrationId), abilities: eventPolicy.abilitiesOf(full, facts) };
        return { result, promoted };
      }).then(async ({ result, promoted }) => {
        await notifyPromoted(promoted);
        return result;
      });
    },

    async setAttendance(ctx: RequestContext, id: string, registrationId: string, present: boolean) {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedEvent(tx, ctx, id, 'manage', false);
        const reg = await learningRepo.lockRegistration(tx, id, registrationId);
        if (!reg) throw new NotFound();
        if (reg.status === 'cancelled') throw new Conflict(tr(full, 'Deze inschrijving is geannuleerd.', 'This registration has been cancelled.'));
        await learningRepo.setAttendance(tx, registrationId, present, full.now);
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.registration.attendance', resourceType: 'learning_registration', resourceId: registrationId,
          organisationId: reg.organisationId, outcome: 'success', details: { eventId: id, present },
        });
        return { data: await oneRegistration(tx, id, registrationId), abilities: eventPolicy.abilitiesOf(full, facts) };
      });
    },

    /**
     * A certificate of attendance as PDF, for the participant themselves or the organiser, only
     * when the person was checked in as present; audited.
     */
    async certificate(ctx: RequestContext, id: string, registrationId: string): Promise<{ fileName: string; pdf: Uint8Array }> {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedEvent(tx, ctx, id, 'view', false);
        const [reg] = await learningRepo.registrations(tx, id, { registrationId });
        const own = reg !== undefined && reg.personId !== null && reg.personId === full.actor.personId;
        if (!reg || (!own && !eventPolicy.can(full, 'manage', facts))) throw new NotFound();
        if (reg.status !== 'registered' || reg.present !== true) {
          throw new Conflict(tr(full, 'Een attest van deelname bestaat alleen voor wie als aanwezig aangemeld werd.', 'A certificate of attendance exists only for someone checked in as present.'));
        }
        const event = await learningRepo.event(tx, id);
        if (!event) throw new NotFound();
        const day = new Intl.DateTimeFormat('nl-BE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
        const issued = new Intl.DateTimeFormat('nl-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Brussels' });
        const kinds: Record<TEventKind, string> = { network_day: 'Netwerkdag', training: 'Vorming', intervision: 'Intervisie', fair: 'Beurs', webinar: 'Webinar' };
        const pdf = await certificatePdf({
          personName: reg.personName,
          organisationName: reg.organisationName,
          eventTitle: event.title,
          eventKind: kinds[event.kind],
          day: day.format(new Date(`${event.date}T00:00:00Z`)),
          hours: `${event.startsAt.slice(0, 5)}–${event.endsAt.slice(0, 5)}`,
          place: event.place || (event.onlineUrl ? 'online' : ''),
          organiser: [event.organiserOrganisationName, event.organiserName].filter(Boolean).join(' · '),
          sessions: reg.seats.filter((s) => s.status === 'confirmed').map((s) => s.sessionTitle),
          issuedOn: issued.format(full.now),
          reference: registrationId,
        });
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.certificate.issue', resourceType: 'learning_registration', resourceId: registrationId,
          organisationId: facts.organiserOrganisationId, outcome: 'success', details: { eventId: id, byOrganiser: !own },
        });
        return { fileName: `attest-${event.date}.pdf`, pdf };
      });
    },

    /** The participant list as CSV (formulas neutralised), for the organiser; the export is audited. */
    async exportParticipants(ctx: RequestContext, id: string): Promise<{ fileName: string; csv: string }> {
      return db.transaction(async (tx) => {
        const { facts, full } = await authorizedEvent(tx, ctx, id, 'manage', false);
        const rows = await learningRepo.registrations(tx, id, { activeOnly: true });
        const status = (s: string) => (s === 'confirmed' ? 'bevestigd' : s === 'waiting' ? 'wachtlijst' : 'geannuleerd');
        const csv = toCsv(
          ['Naam', 'E-mail', 'Organisatie', 'Sessies', 'Aanwezig', 'Ingeschreven op'],
          rows.map((r) => [
            r.personName,
            r.personEmail,
            r.organisationName ?? '',
            r.seats.filter((s) => s.status !== 'cancelled').map((s) => `${s.sessionTitle} (${status(s.status)})`).join(', '),
            r.present === null ? '' : r.present ? 'ja' : 'nee',
            r.createdAt,
          ]),
        );
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.participants.export', resourceType: 'learning_event', resourceId: id,
          organisationId: facts.organiserOrganisationId, outcome: 'success', details: { rows: rows.length },
        });
        return { fileName: `deelnemers-${facts.date}.csv`, csv };
      });
    },
    // --- the public form (parents and young people, no login) --------------------------------

    /** The event as the public form shows it; 404 unless published with the public form opened by the organiser. */
    async publicEvent(ctx: RequestContext, id: string): Promise<{ data: TPublicEvent }> {
      const event = await learningRepo.event(db, id);
      if (!event || event.status !== 'published' || !event.publicRegistration) throw new NotFound();
      const sessions = await learningRepo.sessions(db, id);
      const opens = new Date(event.registrationOpensAt);
      const closes = new Date(event.registrationClosesAt);
      return {
        data: {
          id: event.id, kind: event.kind, title: event.title, description: event.description,
          organiser: [event.organiserOrganisationName, event.organiserName].filter(Boolean).join(' · '),
          date: event.date, startsAt: event.startsAt, endsAt: event.endsAt, place: event.place, onlineUrl: event.onlineUrl, feeCents: event.feeCents,
          registrationOpensAt: event.registrationOpensAt, registrationClosesAt: event.registrationClosesAt,
          open: ctx.now >= opens && ctx.now <= closes,
          sessions: sessions.map((x) => ({ id: x.id, title: x.title, room: x.room, kind: x.kind, startsAt: x.startsAt, endsAt: x.endsAt, full: x.taken >= x.capacity })),
        },
      };
    },

    /**
     * A parent or young person registers through the public form: nothing is reserved yet, a mail
     * with a confirmation link (single use, 48 hours, only its hash is kept) goes to the address.
     * Every request counts against the address and the IP, so the form cannot flood an inbox.
     */
    async publicRegister(ctx: RequestContext, id: string, input: TPublicRegistrationCreate): Promise<void> {
      const wait = await takeAttempts(db, [[`learning-public:ip:${ctx.ip}`, PUBLIC_LIMITS.requestPerIp], [`learning-public:email:${input.email}`, PUBLIC_LIMITS.requestPerEmail]], ctx.now);
      if (wait > 0) throw new TooManyRequests(wait);
      const token = randomToken();
      const event = await db.transaction(async (tx) => {
        const facts = await learningRepo.eventRow(tx, id);
        if (!facts || facts.status !== 'published' || !facts.publicRegistration) throw new NotFound();
        if (ctx.now < facts.registrationOpensAt || ctx.now > facts.registrationClosesAt) {
          throw new Conflict(tr(ctx, 'De inschrijvingen voor deze activiteit zijn niet open.', 'Registration for this event is not open.'));
        }
        await checkSessions(tx, ctx, id, input.sessionIds);
        const requestId = await learningRepo.insertPublicRequest(
          tx,
          { eventId: id, name: input.name, email: input.email, role: input.role, sessionIds: input.sessionIds, tokenHash: sha256(token), expiresAt: new Date(ctx.now.getTime() + PUBLIC_CONFIRM_TTL_MS) },
          ctx.now,
        );
        await recordAudit(tx, {
          action: 'learning.registration.public_request', resourceType: 'learning_event', resourceId: id, organisationId: facts.organiserOrganisationId,
          actorLabel: input.email, ip: ctx.ip, outcome: 'success', details: { requestId, role: input.role, sessions: input.sessionIds.length },
        });
        return facts;
      });
      await mailer.send({
        to: input.email,
        subject: `Bevestig je inschrijving: ${event.title}`,
        text:
          `Beste ${input.name},\n\nJe schreef je in als ${ROLE_NL[input.role]} voor "${event.title}" op ${event.date}.\n` +
          `Bevestig je inschrijving met deze link (48 uur geldig, één keer te gebruiken):\n\n${baseUrl}/samen-leren/inschrijving/bevestigen#${token}\n\n` +
          'Pas na je bevestiging krijg je een plaats. Schreef je je niet in? Dan mag je deze mail negeren.',
      });
    },

    /** Confirms a public registration by the mail's link: takes the places (or the waiting list), mails the cancellation link. */
    async publicConfirm(ctx: RequestContext, token: string): Promise<{ data: TPublicRegistration }> {
      const key = `learning-public-link:ip:${ctx.ip}`;
      const wait = await takeAttempts(db, [[key, PUBLIC_LIMITS.linkPerIp]], ctx.now);
      if (wait > 0) throw new TooManyRequests(wait);
      const cancelToken = randomToken();
      const result = await db.transaction(async (tx) => {
        const req = await learningRepo.lockPublicRequest(tx, sha256(token));
        if (!req) throw new NotFound(tr(ctx, 'Deze link is niet geldig.', 'This link is not valid.'));
        await forgiveAttempt(tx, key, ctx.now);
        if (req.usedAt) throw new Conflict(tr(ctx, 'Deze link werd al gebruikt: je inschrijving is al bevestigd.', 'This link has been used already: your registration is confirmed.'));
        if (req.expiresAt < ctx.now) throw new Conflict(tr(ctx, 'Deze link is verlopen. Schrijf je opnieuw in.', 'This link has expired. Please register again.'));
        const facts = await learningRepo.eventFacts(tx, req.eventId);
        const event = await learningRepo.eventRow(tx, req.eventId);
        if (!facts || !event || event.status !== 'published' || !event.publicRegistration) throw new NotFound();
        if (ctx.now > facts.registrationClosesAt) {
          throw new Conflict(tr(ctx, 'De inschrijvingen voor deze activiteit zijn intussen gesloten.', 'Registration for this event has closed in the meantime.'));
        }
        if (await learningRepo.activeGuestRegistration(tx, req.eventId, req.email)) {
          throw new Duplicate('email', tr(ctx, 'Met dit e-mailadres is al iemand ingeschreven voor deze activiteit.', 'Someone with this e-mail address is already registered for this event.'));
        }
        const slots = await learningRepo.sessionSlots(tx, req.eventId);
        if (req.sessionIds.some((sid) => !slots.some((x) => x.id === sid))) {
          throw new Conflict(tr(ctx, 'Het programma werd intussen gewijzigd. Schrijf je opnieuw in.', 'The programme has changed in the meantime. Please register again.'));
        }
        const registrationId = await learningRepo.insertGuestRegistration(
          tx,
          { eventId: req.eventId, guestName: req.name, guestEmail: req.email, guestRole: req.role, cancelTokenHash: sha256(cancelToken) },
          ctx.now,
        );
        const seats = await takeSeats(tx, registrationId, req.sessionIds, ctx.now);
        await learningRepo.markPublicRequestUsed(tx, req.id, registrationId, ctx.now);
        await recordAudit(tx, {
          action: 'learning.registration.create', resourceType: 'learning_registration', resourceId: registrationId, organisationId: facts.organiserOrganisationId,
          actorLabel: req.email, ip: ctx.ip, outcome: 'success', details: { eventId: req.eventId, seats, public: true, role: req.role },
        });
        const [reg] = await learningRepo.registrations(tx, req.eventId, { registrationId });
        if (!reg) throw new NotFound();
        return { data: { eventId: facts.id, eventTitle: facts.title, date: facts.date, startsAt: facts.startsAt.slice(0, 5), name: req.name, status: reg.status, seats: reg.seats }, email: req.email };
      });
      const list = result.data.seats.map((x) => `- ${x.sessionTitle}: ${x.status === 'confirmed' ? 'je hebt een plaats' : `wachtlijst (plaats ${x.waitingPosition ?? '?'})`}`).join('\n');
      try {
        await mailer.send({
          to: result.email,
          subject: `Inschrijving bevestigd: ${result.data.eventTitle}`,
          text:
            `Beste ${result.data.name},\n\nJe inschrijving voor "${result.data.eventTitle}" op ${result.data.date} om ${result.data.startsAt} is bevestigd.\n` +
            (list ? `${list}\n` : '') +
            `\nKan je toch niet komen? Schrijf je dan uit met deze link, zodat iemand anders je plaats krijgt:\n${baseUrl}/samen-leren/inschrijving/annuleren#${cancelToken}\n`,
        });
      } catch {
        // The mailer logged the failure; the registration stands.
      }
      return { data: result.data };
    },

    /** Cancels a public registration by the link in the confirmation mail; freed places go to the waiting lists. */
    async publicCancel(ctx: RequestContext, token: string): Promise<{ data: TPublicRegistration }> {
      const key = `learning-public-link:ip:${ctx.ip}`;
      const wait = await takeAttempts(db, [[key, PUBLIC_LIMITS.linkPerIp]], ctx.now);
      if (wait > 0) throw new TooManyRequests(wait);
      const { result, promoted } = await db.transaction(async (tx) => {
        const reg = await learningRepo.lockRegistrationByCancelToken(tx, sha256(token));
        if (!reg) throw new NotFound(tr(ctx, 'Deze link is niet geldig.', 'This link is not valid.'));
        await forgiveAttempt(tx, key, ctx.now);
        if (reg.status === 'cancelled') throw new Conflict(tr(ctx, 'Deze inschrijving is al geannuleerd.', 'This registration has been cancelled already.'));
        const facts = await learningRepo.eventFacts(tx, reg.eventId);
        if (!facts) throw new NotFound();
        const promoted = await cancelAndPromote(tx, facts, reg.id, ctx.now);
        await recordAudit(tx, {
          action: 'learning.registration.cancel', resourceType: 'learning_registration', resourceId: reg.id, organisationId: facts.organiserOrganisationId,
          actorLabel: reg.guestEmail, ip: ctx.ip, outcome: 'success', details: { eventId: reg.eventId, public: true, promotedRegistrationIds: promoted.map((p) => p.registrationId) },
        });
        for (const p of promoted) {
          await recordAudit(tx, {
            action: 'learning.registration.promote', resourceType: 'learning_registration', resourceId: p.registrationId,
            actorLabel: reg.guestEmail, ip: ctx.ip, outcome: 'success', details: { eventId: reg.eventId, sessionId: p.sessionId, personId: p.personId },
          });
        }
        const [row] = await learningRepo.registrations(tx, reg.eventId, { registrationId: reg.id });
        if (!row) throw new NotFound();
        const data: TPublicRegistration = { eventId: facts.id, eventTitle: facts.title, date: facts.date, startsAt: facts.startsAt.slice(0, 5), name: row.personName, status: row.status, seats: row.seats };
        return { result: { data }, promoted };
      });
      await notifyPromoted(promoted);
      return result;
    },
  };
}
