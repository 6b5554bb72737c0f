import type { Db, DbOrTx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import type { Mailer, MailMessage } from '../../platform/mail/mailer.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { Conflict, Forbidden, Invalid, NotFound, VersionConflict, detailPath } from '../../platform/errors.js';
import { tr } from '../../platform/i18n.js';
import { brusselsDate } from '../../platform/clock.js';
import { boundLimit } from '../../db/paging.js';
import type {
  TExchangeRequest,
  TExchangeRequestCreate,
  TExchangeRequestStatus,
  TOffer,
  TOfferCreate,
  TOfferUpdate,
} from '../../../shared/schemas/exchange.js';
import { exchangeRequestPolicy, offerPolicy, type ExchangeRequestFacts, type OfferFacts } from './exchange.policy.js';
import { exchangeRepo, type OfferValues } from './exchange.repo.js';

const invalid = (field: string, message: string) => new Invalid(message, [{ path: detailPath('body', field), message }]);

const STATUS_NL: Record<TExchangeRequestStatus, string> = {
  requested: 'aangevraagd',
  proposed: 'met een voorstel van een andere dag',
  accepted: 'aanvaard',
  declined: 'geweigerd',
  cancelled: 'geannuleerd',
};
const STATUS_EN: Record<TExchangeRequestStatus, string> = {
  requested: 'requested',
  proposed: 'awaiting an answer to another day',
  accepted: 'accepted',
  declined: 'declined',
  cancelled: 'cancelled',
};

type Step = 'accept' | 'decline' | 'propose' | 'cancel';
type Side = 'host' | 'visit';

/**
 * The status flow of a request: which side may take which step from which status, and where it
 * leads. Anything else is a 409 in Dutch ("Deze aanvraag is … ; dat kan nu niet meer.").
 */
const TRANSITIONS: Record<Step, Partial<Record<TExchangeRequestStatus, { side: Side; to: TExchangeRequestStatus }>>> = {
  accept: { requested: { side: 'host', to: 'accepted' }, proposed: { side: 'visit', to: 'accepted' } },
  decline: { requested: { side: 'host', to: 'declined' }, proposed: { side: 'visit', to: 'declined' } },
  propose: { requested: { side: 'host', to: 'proposed' } },
  cancel: { requested: { side: 'visit', to: 'cancelled' }, proposed: { side: 'visit', to: 'cancelled' }, accepted: { side: 'visit', to: 'cancelled' } },
};

/**
 * Exchange learning: host offers, requests for a day with the status flow above, reflections and
 * the coordinator's sector × sector matrix. Transaction first; the accepts of one offer are
 * serialised by locking the offer row, then the accepted visitors of the day are counted against
 * `visitorsPerDay`, so parallel accepts never put more visitors on a day than the offer allows.
 * The other side gets a mail after the commit (a failed mail does not undo the step).
 */
export function createExchangeService(db: Db, mailer: Mailer, baseUrl: string) {
  async function authorizedOffer(tx: DbOrTx, ctx: RequestContext, id: string, action: 'view' | 'update' | 'request', lock: boolean) {
    const row = await exchangeRepo.offerFacts(tx, id, lock);
    if (!row) throw new NotFound();
    const facts: OfferFacts = { id: row.id, status: row.status, organisationId: row.organisationId };
    offerPolicy.authorize(ctx, action, facts);
    return { row, facts, full: ctx };
  }

  async function offerView(tx: DbOrTx, ctx: FullContext, facts: OfferFacts) {
    const data = await exchangeRepo.offer(tx, facts.id);
    if (!data) throw new NotFound();
    return { data: data satisfies TOffer, abilities: offerPolicy.abilitiesOf(ctx, facts) };
  }

  function requestFacts(r: { id: string; visitorPersonId: string; hostOrganisationId: string }): ExchangeRequestFacts {
    return { id: r.id, visitorPersonId: r.visitorPersonId, hostOrganisationId: r.hostOrganisationId };
  }

  async function requestView(tx: DbOrTx, ctx: FullContext, id: string) {
    const row = await exchangeRepo.request(tx, id);
    if (!row) throw new NotFound();
    const { visitorEmail: _e, hostReflectionBy: _b, ...data } = row;
    return { data: data satisfies TExchangeRequest, abilities: exchangeRequestPolicy.abilitiesOf(ctx, requestFacts(row)) };
  }

  async function checkSector(tx: DbOrTx, ctx: FullContext, organisationId: string, code: string) {
    const sectors = await exchangeRepo.organisationSectors(tx, organisationId);
    if (!sectors.includes(code)) {
      throw invalid('sector', tr(ctx, 'Kies een sector waarin je organisatie werkt.', 'Choose a sector your organisation works in.'));
    }
  }

  /** The visitors per day must hold for the days already accepted. */
  async function checkCapacity(tx: DbOrTx, ctx: FullContext, offerId: string, visitorsPerDay: number) {
    for (const [day, n] of await exchangeRepo.acceptedPerDay(tx, offerId)) {
      if (n > visitorsPerDay) {
        throw new Conflict(tr(ctx, `Op ${day} zijn al ${n} bezoekers aanvaard; het aantal per dag kan niet lager.`, `${n} visitors are accepted on ${day} already; the number per day cannot be lower.`));
      }
    }
  }

  async function send(messages: MailMessage[]) {
    for (const m of messages) {
      try {
        await mailer.send(m);
      } catch {
        // The mailer logged the failure and marked it in the outbox; the step itself stands.
      }
    }
  }

  async function mailHost(tx: DbOrTx, hostOrganisationId: string, subject: string, text: string): Promise<MailMessage[]> {
    return (await exchangeRepo.adminEmails(tx, hostOrganisationId)).map((to) => ({ to, subject, text }));
  }

  return {
    // --- offers -------------------------------------------------------------------------------

    async listOffers(ctx: FullContext, query: { sector?: string | undefined; from?: string | undefined; cursor?: string | undefined; limit?: number | undefined }) {
      const page = await exchangeRepo.pageOffers(db, { scope: offerPolicy.scope(ctx), sector: query.sector, from: query.from, cursor: query.cursor, limit: boundLimit(query.limit) });
      return { data: page, abilities: offerPolicy.abilitiesById(ctx, page.items) };
    },

    async getOffer(ctx: RequestContext, id: string) {
      const { facts, full } = await authorizedOffer(db, ctx, id, 'view', false);
      return offerView(db, full, facts);
    },

    async createOffer(ctx: FullContext, input: TOfferCreate) {
      return db.transaction(async (tx) => {
        if (!ctx.actor.memberships.some((m) => m.organisationId === input.organisationId && m.roles.includes('org_admin'))) {
          throw new Forbidden(tr(ctx, 'Je mag alleen gastplaatsen aanbieden voor een organisatie die je beheert.', 'You may offer host days only for an organisation you administer.'));
        }
        await checkSector(tx, ctx, input.organisationId, input.sector);
        const values: OfferValues = { organisationId: input.organisationId, sectorCode: input.sector, team: input.team, description: input.description, dates: [...input.dates].sort(), visitorsPerDay: input.visitorsPerDay };
        const id = await exchangeRepo.insertOffer(tx, values, ctx.actor.personId, ctx.now);
        await recordAudit(tx, {
          ...auditActor(ctx), action: 'learning.exchange.offer.create', resourceType: 'learning_exchange_offer', resourceId: id,
          organisationId: input.organisationId, outcome: 'success', details: { sector: input.sector, days: values.dates.length, visitorsPerDay: input.visitorsPerDay },
        });
        return offerView(tx, ctx, { id, status: 'published', organisationId: input.organisationId });
      });
    },

    async updateOffer(ctx: RequestContext, id: string, input: TOfferUpdate) {
      return db.transaction(async (tx) => {
        const { row, facts, full } = await authorizedOffer(tx, ctx, id, 'update', true);
        if (row.version !== input.version) throw new VersionConflict();
        const values: Partial<OfferValues> = {};
        if (input.sector !== undefined) {
          await checkSector(tx, full, row.organisationId, input.sector);
          values.sectorCode = input.sector;
        }
        if (input.team !== undefined) values.team = input.team;
        if (input.description !== undefined) values.description = input.description;
        if (input.dates !== undefined) values.dates = [...input.dates].sort();
        if (input.visitorsPerDay !== undefined) values.visitorsPerDay = input.visitorsPerDay;
        if (values.visitorsPerDay !== undefined) await checkCapacity(tx, full, id, values.visitorsPerDay);
        if (!(await exchangeRepo.updateOffer(tx, id, input.version, values, full.now))) throw new VersionConflict();
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.exchange.offer.update', resourceType: 'learning_exchange_offer', resourceId: id,
          organisationId: row.organisationId, outcome: 'success', details: { fields: Object.keys(values) },
        });
        return offerView(tx, full, facts);
      });
    },

    /** Withdraws a published offer: no new requests; requests already made keep their status. */
    async withdrawOffer(ctx: RequestContext, id: string, version: number) {
      return db.transaction(async (tx) => {
        const { row, facts, full } = await authorizedOffer(tx, ctx, id, 'update', true);
        if (row.version !== version) throw new VersionConflict();
        if (!(await exchangeRepo.updateOffer(tx, id, version, { status: 'withdrawn' }, full.now))) throw new VersionConflict();
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.exchange.offer.withdraw', resourceType: 'learning_exchange_offer', resourceId: id,
          organisationId: row.organisationId, outcome: 'success', details: {},
        });
        return offerView(tx, full, { ...facts, status: 'withdrawn' });
      });
    },

    // --- requests -----------------------------------------------------------------------------

    async createRequest(ctx: RequestContext, offerId: string, input: TExchangeRequestCreate) {
      return db.transaction(async (tx) => {
        const row = await exchangeRepo.offerFacts(tx, offerId, false);
        if (!row) throw new NotFound();
        const facts: OfferFacts = { id: row.id, status: row.status, organisationId: row.organisationId };
        offerPolicy.authorize(ctx, 'view', facts);
        const full = ctx;
        if (full.actor.memberships.some((m) => m.organisationId === row.organisationId)) {
          throw new Forbidden(tr(full, 'Je kan geen dag meedraaien in je eigen organisatie.', 'You cannot ask for a day in your own organisation.'));
        }
        if (row.status !== 'published') throw new Conflict(tr(full, 'Dit aanbod is ingetrokken.', 'This offer has been withdrawn.'));
        offerPolicy.authorize(ctx, 'request', facts);
        const visitorOrganisationId = input.organisationId ?? full.actor.memberships[0]?.organisationId;
        if (!visitorOrganisationId || !full.actor.memberships.some((m) => m.organisationId === visitorOrganisationId)) {
          throw invalid('organisationId', tr(full, 'Kies een organisatie waarin je werkt.', 'Choose an organisation you work in.'));
        }
        const today = brusselsDate(full.now);
        if (input.day <= today) throw invalid('day', tr(full, 'Kies een dag in de toekomst.', 'Choose a day in the future.'));
        if (await exchangeRepo.openRequestExists(tx, offerId, full.actor.personId as string, input.day)) {
          throw new Conflict(tr(full, 'Je vroeg deze dag al aan bij dit aanbod.', 'You asked for this day of this offer already.'));
        }
        const [visitorSector] = await exchangeRepo.organisationSectors(tx, visitorOrganisationId);
        const id = await exchangeRepo.insertRequest(
          tx,
          {
            offerId, hostOrganisationId: row.organisationId, hostSectorCode: row.sectorCode, visitorPersonId: full.actor.personId as string,
            visitorOrganisationId, visitorSectorCode: visitorSector ?? null, day: input.day, motivation: input.motivation,
          },
          full.now,
        );
        await recordAudit(tx, {
          ...auditActor(full), action: 'learning.exchange.request.create', resourceType: 'learning_exchange_request', resourceId: id,
          organisationId: row.organisationId, outcome: 'success', details: { offerId, day: input.day, offeredDay: row.dates.includes(input.day) },
        });
        const view = await requestView(tx, full, id);
        const mails = await mailHost(
          tx, row.organisationId, `Vraag om mee te draaien: ${row.team}`,
          `${view.data.visitorName} (${view.data.visitorOrganisationName}) vraagt om op ${input.day} mee te draaien met ${row.team}` +
            `${row.dates.includes(input.day) ? '' : ' (een dag die niet in het aanbod staat)'}.\n\nMotivatie:\n${input.motivation}\n\n${baseUrl}/samen-leren/wisselleren/aanvragen/${id}`,
        );
        return { view, mails };
      }).then(async ({ view, mails }) => {
        await send(mails);
        return view;
      });
    },

    async listRequests(ctx: FullContext, query: { side?: 'visitor' | 'host' | undefined; status?: TExchangeRequestStatus | undefined; cursor?: string | undefined; limit?: number | undefined }) {
      const side = query.side ? { side: query.side, personId: ctx.actor.personId } : undefined;
      const page = await exchangeRepo.pageRequests(db, { scope: exchangeRequestPolicy.scope(ctx), side, status: query.status, cursor: query.cursor, limit: boundLimit(query.limit) });
      const items = page.items.map(({ visitorEmail: _e, hostReflectionBy: _b, ...r }) => r);
      return { data: { items, nextCursor: page.nextCursor }, abilities: exchangeRequestPolicy.abilitiesById(ctx, items) };
    },

    async getRequest(ctx: RequestContext, id: string) {
      const row = await exchangeRepo.request(db, id);
      if (!row) throw new NotFound();
      exchangeRequestPolicy.authorize(ctx, 'view', requestFacts(row));
      return requestView(db, ctx, id);
    },

    /** One step of the status flow (TRANSITIONS): accept, decline, propose another day, cancel. */
    async step(ctx: RequestContext, id: string, step: Step, version: number, proposedDay?: string) {
      return db.transaction(async (tx) => {
        const current = await exchangeRepo.lockRequest(tx, id);
        if (!current) throw new NotFound();
        const facts = requestFacts(current);
        exchangeRequestPolicy.authorize(ctx, 'view', facts);
        const full = ctx;
        const transition = TRANSITIONS[step][current.status];
        if (!transition) {
          throw new Conflict(tr(full, `Deze aanvraag is ${STATUS_NL[current.status]}; dat kan nu niet meer.`, `This request is ${STATUS_EN[current.status]}; that is no longer possible.`));
        }
        exchangeRequestPolicy.authorize(full, transition.side, facts);
        if (current.version !== version) throw new VersionConflict();
        const today = brusselsDate(full.now);
        const values: { status: TExchangeRequestStatus; day?: string; proposedDay?: string | null } = { status: transition.to };
        if (step === 'propose') {
          if (!proposedDay || proposedDay <= today) throw invalid('day', tr(full, 'Kies een dag in de toekomst.', 'Choose a day in the future.'));
          if (proposedDay === current.day) throw invalid('day', tr(full, 'Stel een andere dag voor dan de gevraagde.', 'Propose a day other than the one asked for.'));
          values.proposedDay = proposedDay;
        }
        if (step === 'accept') {
          const day = current.status === 'proposed' ? (current.proposedDay as string) : current.day;
          if (day <= today) throw new Conflict(tr(full, 'Deze dag is al voorbij.', 'This day has passed.'));
          // The offer row lock serialises every accept of this offer: the count below sees all committed accepts.
          const offer = await exchangeRepo.offerFacts(tx, current.offerId, true);
          if (!offer) throw new NotFound();
          const taken = (await exchangeRepo.acceptedPerDay(tx, current.offerId)).get(day) ?? 0;
          if (taken >= offer.visitorsPerDay) {
            throw new Conflict(tr(full, `Op ${day} zijn alle ${offer.visitorsPerDay} plaatsen voor bezoekers al ingenomen.`, `All ${offer.visitorsPerDay} visitor places on ${day} are taken.`));
          }
          values.day = day;
          values.proposedDay = null;
        }
        if (!(await exchangeRepo.updateRequest(tx, id, version, values, full.now))) throw new VersionConflict();
        await recordAudit(tx, {
          ...auditActor(full), action: `learning.exchange.request.${step}`, resourceType: 'learning_exchange_request', resourceId: id,
          organisationId: current.hostOrganisationId, outcome: 'success',
          details: { from: current.status, to: transition.to, day: values.day ?? current.day, ...(values.proposedDay ? { proposedDay: values.proposedDay } : {}), by: transition.side },
        });
        const view = await requestView(tx, full, id);
        const r = view.data;
        const link = `${baseUrl}/samen-leren/wisselleren/aanvragen/${id}`;
        let mails: MailMessage[];
        if (transition.side === 'host') {
          const texts: Record<string, [string, string]> = {
            accept: [`Je bent welkom: ${r.offerTeam}`, `${r.hostOrganisationName} aanvaardt je vraag: je draait op ${r.day} mee met ${r.offerTeam}.`],
            decline: [`Geen dag bij ${r.hostOrganisationName}`, `${r.hostOrganisationName} kan je vraag om op ${r.day} mee te draaien met ${r.offerTeam} niet aanvaarden.`],
            propose: [`Een andere dag: ${r.offerTeam}`, `${r.hostOrganisationName} stelt ${r.proposedDay} voor in plaats van ${r.day}. Aanvaard of weiger het voorstel.`],
          };
          const [subject, text] = texts[step] ?? ['', ''];
          const to = (await exchangeRepo.request(tx, id))?.visitorEmail;
          mails = to ? [{ to, subject, text: `Beste ${r.visitorName},\n\n${text}\n\n${link}` }] : [];
        } else {
          const texts: Record<string, [string, string]> = {
            accept: [`Voorstel aanvaard: ${r.offerTeam}`, `${r.visitorName} aanvaardt de voorgestelde dag ${r.day}.`],
            decline: [`Voorstel geweigerd: ${r.offerTeam}`, `${r.visitorName} weigert de voorgestelde dag; de aanvraag is afgesloten.`],
            cancel: [`Aanvraag geannuleerd: ${r.offerTeam}`, `${r.visitorName} annuleert de aanvraag om op ${r.day} mee te draaien.`],
          };
          const [subject, text] = texts[step] ?? ['', ''];
          mails = await mailHost(tx, current.hostOrganisationId, subject, `${text}\n\n${link}`);
        }
        return { view, mails };
      }).then(async ({ view, mails }) => {
        await send(mails);
        return view;
      });
    },

    /**
     * The caller's reflection after the visit day: the visitor's, or the host's (written once by an
     * admin of the host organisation; only that author changes it afterwards).
     */
    async reflect(ctx: RequestContext, id: string, version: number, text: string) {
      return db.transaction(async (tx) => {
        const current = await exchangeRepo.lockRequest(tx, id);
        if (!current) throw new NotFound();
        const facts = requestFacts(current);
        exchangeRequestPolicy.authorize(ctx, 'view', facts);
        const full = ctx;
        const side: Side = exchangeRequestPolicy.can(full, 'visit', facts) ? 'visit' : 'host';
        exchangeRequestPolicy.authorize(full, side, facts);
        if (current.status !== 'accepted' || current.day >= brusselsDate(full.now)) {
          throw new Conflict(tr(full, 'Een reflectie schrijf je na een aanvaarde bezoekdag.', 'A reflection is written after an accepted visit day.'));
        }
        if (side === 'host' && current.hostReflectionBy !== null && current.hostReflectionBy !== full.actor.personId) {
          throw new Conflict(tr(full, 'De gastorganisatie schreef al een reflectie; alleen wie ze schreef, kan ze aanpassen.', 'The host already wrote a reflection; only its author can change it.'));
        }
        if (current.version !== version) throw new VersionConflict();
        const existed = side === 'visit' ? current.visitorReflection !== null : current.hostReflection !== null;
        const values = side === 'visit' ? { visitorReflection: text } : { hostReflection: text, hostReflectionBy: full.actor.personId as string };
        if (!(await exchangeRepo.updateRequest(tx, id, version, values, full.now))) throw new VersionConflict();
        await recordAudit(tx, {
          ...auditActor(full), action: `learning.exchange.reflection.${existed ? 'update' : 'create'}`, resourceType: 'learning_exchange_request', resourceId: id,
          organisationId: current.hostOrganisationId, outcome: 'success', details: { side: side === 'visit' ? 'visitor' : 'host' },
        });
        return requestView(tx, full, id);
      });
    },

    /** The coordinator's sector × sector matrix of the visits that took place in a year. */
    async matrix(ctx: FullContext, year: number | undefined) {
      const today = brusselsDate(ctx.now);
      const y = year ?? Number(today.slice(0, 4));
      const cells = await exchangeRepo.matrix(db, y, today);
      const codes = [...new Set(cells.flatMap((c) => [c.visitorSector, c.hostSector]))];
      const sectors = await exchangeRepo.sectors(db, codes, ctx.lang);
      return { data: { year: y, sectors, cells, total: cells.reduce((n, c) => n + c.count, 0) } };
    },
  };
}
