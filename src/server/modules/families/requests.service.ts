import { randomInt } from 'node:crypto';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import type { FullContext, RequestContext } from '../../platform/context.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { auditActor } from '../../platform/audit/actor.js';
import { AppError, Forbidden, Invalid, NotFound, VersionConflict, detailPath } from '../../platform/errors.js';
import { brusselsDate } from '../../platform/clock.js';
import { boundLimit, containsPattern } from '../../db/paging.js';
import type { z } from 'zod';
import {
  REQUEST_TRANSITIONS,
  oneMonthAfter,
  type TRequest,
  type TRequestAction,
  type ZRequestAnswer,
  type ZRequestAssignContact,
  type ZRequestCreate,
  type ZRequestFirstContact,
  type ZRequestListQuery,
} from '../../../shared/schemas/families/requests.js';
import type { TRequestStatus } from '../../../shared/schemas/families/enums.js';
import { coordinatedRegions, coordinatorScopeSql, isCoordinator, requestPolicy } from './requests.policy.js';
import { requestsRepo, summaryOf } from './requests.repo.js';
import { lifeDomainsRepo } from './lifedomains.repo.js';
import { familyRepo } from './family.repo.js';

const STATUS_NL: Record<TRequestStatus, string> = {
  received: 'ontvangen',
  triage: 'in triage',
  contact_assigned: 'aanspreekpunt toegewezen',
  first_contact: 'eerste contact',
  answered: 'beantwoord',
};
const STATUS_EN: Record<TRequestStatus, string> = {
  received: 'received',
  triage: 'triage',
  contact_assigned: 'contact person assigned',
  first_contact: 'first contact',
  answered: 'answered',
};

/** 409 `invalid_transition`: the request's status does not allow this step; the message names what is possible. */
function invalidTransition(ctx: RequestContext, from: TRequestStatus, to: TRequestStatus): AppError {
  const names = ctx.lang === 'en' ? STATUS_EN : STATUS_NL;
  const next = REQUEST_TRANSITIONS[from].map((s) => `"${names[s]}"`);
  const message =
    ctx.lang === 'en'
      ? `This request is "${names[from]}": it cannot go to "${names[to]}". ${next.length ? `Possible next step: ${next.join(' or ')}.` : 'It is answered: no further step is possible.'}`
      : `Deze aanmelding is "${names[from]}": ze kan niet naar "${names[to]}". ${next.length ? `Mogelijke volgende stap: ${next.join(' of ')}.` : 'Ze is beantwoord: er is geen volgende stap meer.'}`;
  return new AppError(409, 'invalid_transition', message);
}

const field = (name: string, message: string) => new Invalid(undefined, [{ path: detailPath('body', name), message }]);

/** A pseudonym like G-7K3Q9: letters and digits that cannot be misread (no 0/O, 1/I/L). */
const PSEUDONYM_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function newPseudonym(): string {
  let out = 'G-';
  for (let i = 0; i < 5; i++) out += PSEUDONYM_ALPHABET[randomInt(PSEUDONYM_ALPHABET.length)];
  return out;
}

/**
 * Requests (aanmeldingen) and the one-month norm. Changes run transaction first: lock the
 * request, check `requests.policy.ts` inside the transaction (404 out of reach), then the status
 * flow (409 `invalid_transition`), then the action (403), the version (409), write, audit, commit.
 */
export function createRequestsService(db: Db) {
  async function view(tx: DbOrTx, ctx: FullContext, id: string) {
    const row = await requestsRepo.detail(tx, id);
    if (!row) throw new NotFound();
    const { referrer, contactInfo, question, familyPseudonym, firstContactOn, answeredOn, createdAt, ...summary } = row;
    const data: TRequest = {
      ...summaryOf(summary, brusselsDate(ctx.now)),
      referrer,
      contactInfo,
      question,
      familyPseudonym,
      firstContactOn,
      answeredOn,
      createdAt: createdAt.toISOString(),
    };
    const facts = await requestsRepo.facts(tx, id);
    if (!facts) throw new NotFound();
    return { data, abilities: requestPolicy.abilitiesOf(ctx, facts) };
  }

  /** Locks the request, checks visibility, the step and the action; returns the facts and a full context. */
  async function step(tx: Tx, ctx: RequestContext, id: string, action: TRequestAction, to: TRequestStatus, version: number) {
    const facts = await requestsRepo.facts(tx, id, { lock: true });
    if (!facts) throw new NotFound();
    requestPolicy.authorize(ctx, 'view', facts);
    if (!REQUEST_TRANSITIONS[facts.status].includes(to)) throw invalidTransition(ctx, facts.status, to);
    requestPolicy.authorize(ctx, action, facts);
    if (facts.version !== version) throw new VersionConflict();
    return { facts, ctx: ctx as FullContext };
  }

  function audit(tx: Tx, ctx: FullContext, action: string, requestId: string, familyId: string | null, details?: Record<string, unknown>) {
    return recordAudit(tx, { ...auditActor(ctx), action, resourceType: 'request', resourceId: requestId, familyId, outcome: 'success', details: details ?? null });
  }

  return {
    /** Every life domain, active ones first: forms offer the active ones, older requests still name retired ones. */
    lifeDomains() {
      return lifeDomainsRepo.all(db);
    },

    async create(ctx: FullContext, input: z.output<typeof ZRequestCreate>) {
      if (!isCoordinator(ctx.actor)) throw new Forbidden();
      const today = brusselsDate(ctx.now);
      if (input.receivedOn > today) throw field('receivedOn', 'The date of receipt cannot lie in the future');
      const dueOn = input.dueOn ?? oneMonthAfter(input.receivedOn);
      if (dueOn < input.receivedOn) throw field('dueOn', 'The due date cannot lie before the date of receipt');
      if (input.dueOn && input.dueOn > oneMonthAfter(input.receivedOn)) throw field('dueOn', 'The due date can be earlier than one month after receipt, not later');
      return db.transaction(async (tx) => {
        const domains = [...new Set(input.lifeDomains)];
        const all = new Map((await lifeDomainsRepo.all(tx)).map((d) => [d.code, d.active]));
        const unknown = domains.filter((d) => !all.has(d));
        if (unknown.length) throw field('lifeDomains', `Unknown life domain: ${unknown.join(', ')}`);
        // A retired domain stays named on older requests, but a new one cannot choose it.
        const retired = domains.filter((d) => all.get(d) === false);
        if (retired.length) throw field('lifeDomains', `Life domain no longer in use: ${retired.join(', ')}`);
        if (!(await requestsRepo.municipalityExists(tx, input.municipalityNis))) throw field('municipalityNis', 'Unknown municipality');
        const regions = await requestsRepo.regionsOfMunicipality(tx, input.municipalityNis);
        const mine = coordinatedRegions(ctx.actor);
        const region = mine.all ? regions.find((r) => r.kind === 'network') : regions.find((r) => mine.regionIds.includes(r.id));
        if (!region) {
          throw field(
            'municipalityNis',
            mine.all ? 'This municipality belongs to no network region' : 'This municipality does not belong to the region you coordinate',
          );
        }
        const id = await requestsRepo.insert(tx, {
          regionId: region.id,
          municipalityNis: input.municipalityNis,
          receivedOn: input.receivedOn,
          dueOn,
          channel: input.channel,
          referrer: input.referrer ?? null,
          familyName: input.familyName,
          contactInfo: input.contactInfo ?? null,
          question: input.question,
          lifeDomains: domains,
          urgency: input.urgency,
          registeredBy: ctx.actor.personId,
          now: ctx.now,
        });
        await audit(tx, ctx, 'request.create', id, null, { regionId: region.id, channel: input.channel, urgency: input.urgency, dueOn });
        return view(tx, ctx, id);
      });
    },

    async list(ctx: FullContext, query: z.output<typeof ZRequestListQuery>) {
      const today = brusselsDate(ctx.now);
      const page = await requestsRepo.page(db, {
        scope: requestPolicy.scope(ctx),
        today,
        status: query.status,
        urgency: query.urgency,
        overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
        cursor: query.cursor,
        limit: boundLimit(query.limit),
      });
      const items = page.items.map((r) => summaryOf(r, today));
      const abilities = requestPolicy.abilitiesById(
        ctx,
        page.items.map((r) => ({ id: r.id, regionId: r.regionId, status: r.status, version: r.version, contactPersonId: r.contactPersonId })),
      );
      return { data: { items, nextCursor: page.nextCursor }, abilities };
    },

    /** The board's counts: the coordinator's open requests on time / at risk / overdue. */
    async counts(ctx: FullContext) {
      return { data: await requestsRepo.counts(db, coordinatorScopeSql(ctx), brusselsDate(ctx.now)) };
    },

    async get(ctx: FullContext, id: string) {
      return db.transaction(async (tx) => {
        const facts = await requestsRepo.facts(tx, id);
        if (!facts) throw new NotFound();
        requestPolicy.authorize(ctx, 'view', facts);
        await audit(tx, ctx, 'request.view', id, facts.familyId);
        return view(tx, ctx, id);
      });
    },

    async triage(ctx: RequestContext, id: string, input: { version: number }) {
      return db.transaction(async (tx) => {
        const { ctx: full } = await step(tx, ctx, id, 'triage', 'triage', input.version);
        if (!(await requestsRepo.update(tx, id, input.version, { status: 'triage' }, full.now))) throw new VersionConflict();
        await audit(tx, full, 'request.triage', id, null);
        return view(tx, full, id);
      });
    },

    /**
     * Assigns the contact person: creates the family (name, region and municipality of the
     * request, a new pseudonym), the contact assignment and the team membership, in one transaction.
     */
    async assignContact(ctx: RequestContext, id: string, input: z.output<typeof ZRequestAssignContact>) {
      return db.transaction(async (tx) => {
        const { facts, ctx: full } = await step(tx, ctx, id, 'assignContact', 'contact_assigned', input.version);
        if (!(await familyRepo.activeMember(tx, input.personId, input.organisationId, brusselsDate(full.now), { professional: true }))) {
          throw field('personId', 'Not an active professional of this organisation');
        }
        let pseudonym = newPseudonym();
        for (let i = 0; i < 5 && (await requestsRepo.pseudonymTaken(tx, pseudonym)); i++) pseudonym = newPseudonym();
        const familyId = await requestsRepo.createFamilyWithContact(tx, {
          regionId: facts.regionId,
          municipalityNis: facts.municipalityNis,
          name: facts.familyName,
          pseudonym,
          personId: input.personId,
          organisationId: input.organisationId,
          assignedBy: full.actor.personId,
          now: full.now,
        });
        if (!(await requestsRepo.update(tx, id, input.version, { status: 'contact_assigned', familyId }, full.now))) throw new VersionConflict();
        await audit(tx, full, 'request.assign_contact', id, familyId, { personId: input.personId, organisationId: input.organisationId });
        return view(tx, full, id);
      });
    },

    async recordFirstContact(ctx: RequestContext, id: string, input: z.output<typeof ZRequestFirstContact>) {
      return db.transaction(async (tx) => {
        const { facts, ctx: full } = await step(tx, ctx, id, 'recordFirstContact', 'first_contact', input.version);
        if (input.on < facts.receivedOn) throw field('on', 'The first contact cannot lie before the date of receipt');
        if (input.on > brusselsDate(full.now)) throw field('on', 'The first contact cannot lie in the future');
        if (!(await requestsRepo.update(tx, id, input.version, { status: 'first_contact', firstContactOn: input.on }, full.now))) throw new VersionConflict();
        await audit(tx, full, 'request.first_contact', id, facts.familyId);
        return view(tx, full, id);
      });
    },

    async answer(ctx: RequestContext, id: string, input: z.output<typeof ZRequestAnswer>) {
      return db.transaction(async (tx) => {
        const { facts, ctx: full } = await step(tx, ctx, id, 'answer', 'answered', input.version);
        const on = input.on ?? brusselsDate(full.now);
        if (on < facts.receivedOn) throw field('on', 'The answer cannot lie before the date of receipt');
        if (on > brusselsDate(full.now)) throw field('on', 'The answer cannot lie in the future');
        if (input.outcome === 'plan_started' && !facts.familyId) throw field('outcome', 'A plan needs a family with a contact person first');
        if (!(await requestsRepo.update(tx, id, input.version, { status: 'answered', outcome: input.outcome, answeredOn: on }, full.now))) throw new VersionConflict();
        await audit(tx, full, 'request.answer', id, facts.familyId, { outcome: input.outcome });
        return view(tx, full, id);
      });
    },

    /** Active professionals by name, for assigning a contact person (coordinators only). */
    async contactCandidates(ctx: FullContext, q: string) {
      if (!isCoordinator(ctx.actor)) throw new Forbidden();
      return { data: await requestsRepo.contactCandidates(db, containsPattern(q), brusselsDate(ctx.now)) };
    },
  };
}
