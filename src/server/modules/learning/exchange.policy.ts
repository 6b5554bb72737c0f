import { sql, type SQL } from 'drizzle-orm';
import type { FullContext } from '../../platform/context.js';
import type { Actor } from '../../platform/auth/authenticate.js';
import { requireFullContext } from '../../platform/context.js';
import { Forbidden } from '../../platform/errors.js';
import { defineRecordPolicy, type RecordPolicy } from '../../platform/policy/record.js';
import type { RoutePolicy } from '../../platform/policy/policy.js';
import { learningExchangeOffer, learningExchangeRequest } from '../../db/schema/index.js';
import {
  EXCHANGE_REQUEST_ACTIONS,
  OFFER_ACTIONS,
  type TExchangeRequestAction,
  type TOfferAction,
  type TOfferStatus,
} from '../../../shared/schemas/exchange.js';
import { adminOrganisations, isPlatformAdmin } from './learning.policy.js';

/**
 * Who may do what in exchange learning — the one place these rules live.
 * - Offers: the organisation admins of the offering organisation publish, change and withdraw
 *   them; everyone with a full session reads published offers; a withdrawn offer is 404 for
 *   anyone but its organisation's admins.
 * - A professional (anyone with a person who works in an organisation) asks for a day of a
 *   published offer of ANOTHER organisation (a person working in the host organisation: 403).
 * - A request is known only to its visitor and the admins of the host organisation (else 404):
 *   `host` = accept, decline, propose a day, the host's reflection; `visit` = accept or decline a
 *   proposal, cancel, the visitor's reflection. Which of these the status allows now is the
 *   service's transition table (409 in Dutch).
 * - The sector × sector matrix: network coordinators and platform admins (route gate).
 */

const hosts = (actor: Actor, organisationId: string) => adminOrganisations(actor).includes(organisationId);
const worksIn = (actor: Actor, organisationId: string) => actor.memberships.some((m) => m.organisationId === organisationId);
const uuidList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

/** Route gate of publishing an offer: organisation admins (the service checks the organisation). */
export const exchangeHostPolicy: RoutePolicy = {
  name: 'learning-exchange-host',
  description: 'Organisation administrators (offers of their organisation)',
  check: (request) => {
    const { actor } = requireFullContext(request.ctx);
    if (adminOrganisations(actor).length === 0) throw new Forbidden();
  },
};

/** Route gate of the sector × sector matrix: network coordinators and platform admins. */
export const exchangeMatrixPolicy: RoutePolicy = {
  name: 'learning-exchange-matrix',
  description: 'Network coordinators and platform administrators',
  check: (request) => {
    const { actor } = requireFullContext(request.ctx);
    if (!isPlatformAdmin(actor) && !actor.platformRoles.some((r) => r.role === 'network_coordinator')) throw new Forbidden();
  },
};

export interface OfferFacts {
  id: string;
  status: TOfferStatus;
  organisationId: string;
}

export const offerPolicy: RecordPolicy<TOfferAction, OfferFacts> = defineRecordPolicy({
  resourceType: 'learning_exchange_offer',
  actions: OFFER_ACTIONS,
  idOf: (o: OfferFacts) => o.id,
  // Must agree with scope.
  visible: (ctx, o) => o.status === 'published' || hosts(ctx.actor, o.organisationId),
  scope: (ctx: FullContext): SQL => {
    const orgs = adminOrganisations(ctx.actor);
    const shown = sql`${learningExchangeOffer.status} = 'published'`;
    if (!orgs.length) return shown;
    return sql`(${shown} or ${learningExchangeOffer.organisationId} in (${uuidList(orgs)}))`;
  },
  rules: {
    view: () => true,
    update: (ctx, o) => o.status === 'published' && hosts(ctx.actor, o.organisationId),
    request: (ctx, o) => o.status === 'published' && ctx.actor.personId !== null && ctx.actor.memberships.length > 0 && !worksIn(ctx.actor, o.organisationId),
  },
});

export interface ExchangeRequestFacts {
  id: string;
  visitorPersonId: string;
  hostOrganisationId: string;
}

const isVisitor = (ctx: FullContext, r: ExchangeRequestFacts) => ctx.actor.personId !== null && ctx.actor.personId === r.visitorPersonId;

export const exchangeRequestPolicy: RecordPolicy<TExchangeRequestAction, ExchangeRequestFacts> = defineRecordPolicy({
  resourceType: 'learning_exchange_request',
  actions: EXCHANGE_REQUEST_ACTIONS,
  idOf: (r: ExchangeRequestFacts) => r.id,
  // Must agree with scope.
  visible: (ctx, r) => isVisitor(ctx, r) || hosts(ctx.actor, r.hostOrganisationId),
  scope: (ctx: FullContext): SQL => {
    const parts: SQL[] = [];
    if (ctx.actor.personId) parts.push(sql`${learningExchangeRequest.visitorPersonId} = ${ctx.actor.personId}::uuid`);
    const orgs = adminOrganisations(ctx.actor);
    if (orgs.length) parts.push(sql`${learningExchangeRequest.hostOrganisationId} in (${uuidList(orgs)})`);
    return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
  },
  rules: {
    view: () => true,
    host: (ctx, r) => hosts(ctx.actor, r.hostOrganisationId),
    visit: (ctx, r) => isVisitor(ctx, r),
  },
});
