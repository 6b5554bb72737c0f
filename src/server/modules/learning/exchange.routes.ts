import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZExchangeMatrixQuery,
  ZExchangeMatrixResponse,
  ZExchangePropose,
  ZExchangeReflection,
  ZExchangeRequestCreate,
  ZExchangeRequestListQuery,
  ZExchangeRequestListResponse,
  ZExchangeRequestParams,
  ZExchangeRequestResponse,
  ZOfferCreate,
  ZOfferListQuery,
  ZOfferListResponse,
  ZOfferParams,
  ZOfferResponse,
  ZOfferUpdate,
  ZVersionBody,
} from '../../../shared/schemas/exchange.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { exchangeHostPolicy, exchangeMatrixPolicy } from './exchange.policy.js';
import { createExchangeService } from './exchange.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['learning'];
const base = '/learning/exchanges';

/** Exchange learning ("wisselleren"): host offers, requests for a day, reflections, the sector matrix (exchange.policy.ts decides who). */
export const exchangeRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createExchangeService(app.deps.database.db, app.deps.mailer, app.deps.config.baseUrl);
  const config = { policy: authenticatedPolicy };

  app.get(
    `${base}/offers`,
    { config, schema: { tags, summary: 'Published host offers (and my organisations\' withdrawn ones), a page at a time; filter by sector and from-day', querystring: ZOfferListQuery, response: { 200: ZOfferListResponse, ...errors } } },
    async (request) => service.listOffers(requireFullContext(request.ctx), request.query),
  );

  app.post(
    `${base}/offers`,
    { config: { policy: exchangeHostPolicy }, schema: { tags, summary: 'Publish a host offer for an organisation I administer', body: ZOfferCreate, response: { 201: ZOfferResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.createOffer(requireFullContext(request.ctx), request.body);
    },
  );

  app.get(
    `${base}/offers/:id`,
    { config, schema: { tags, summary: 'One host offer', params: ZOfferParams, response: { 200: ZOfferResponse, ...errors } } },
    async (request) => service.getOffer(request.ctx, request.params.id),
  );

  app.patch(
    `${base}/offers/:id`,
    { config, schema: { tags, summary: 'Change a host offer (409 when stale or below the visitors accepted on a day)', params: ZOfferParams, body: ZOfferUpdate, response: { 200: ZOfferResponse, ...errors } } },
    async (request) => service.updateOffer(request.ctx, request.params.id, request.body),
  );

  app.post(
    `${base}/offers/:id/withdraw`,
    { config, schema: { tags, summary: 'Withdraw a host offer (no new requests)', params: ZOfferParams, body: ZVersionBody, response: { 200: ZOfferResponse, ...errors } } },
    async (request) => service.withdrawOffer(request.ctx, request.params.id, request.body.version),
  );

  app.post(
    `${base}/offers/:id/requests`,
    {
      config,
      schema: { tags, summary: "Ask for a day (one of the offer's days or another) in another organisation", params: ZOfferParams, body: ZExchangeRequestCreate, response: { 201: ZExchangeRequestResponse, ...errors } },
    },
    async (request, reply) => {
      reply.code(201);
      return service.createRequest(request.ctx, request.params.id, request.body);
    },
  );

  app.get(
    `${base}/requests`,
    { config, schema: { tags, summary: 'My requests and those to organisations I administer, by day', querystring: ZExchangeRequestListQuery, response: { 200: ZExchangeRequestListResponse, ...errors } } },
    async (request) => service.listRequests(requireFullContext(request.ctx), request.query),
  );

  app.get(
    `${base}/requests/:requestId`,
    { config, schema: { tags, summary: 'One request (its visitor and the host organisation\'s admins)', params: ZExchangeRequestParams, response: { 200: ZExchangeRequestResponse, ...errors } } },
    async (request) => service.getRequest(request.ctx, request.params.requestId),
  );

  for (const step of ['accept', 'decline', 'cancel'] as const) {
    app.post(
      `${base}/requests/:requestId/${step}`,
      {
        config,
        schema: {
          tags,
          summary: {
            accept: 'Accept: the host a request, the visitor a proposed day (409 when the day is full or the status does not allow it)',
            decline: 'Decline: the host a request, the visitor a proposed day',
            cancel: 'Cancel my request (the visitor)',
          }[step],
          params: ZExchangeRequestParams,
          body: ZVersionBody,
          response: { 200: ZExchangeRequestResponse, ...errors },
        },
      },
      async (request) => service.step(request.ctx, request.params.requestId, step, request.body.version),
    );
  }

  app.post(
    `${base}/requests/:requestId/propose`,
    { config, schema: { tags, summary: 'The host proposes another day', params: ZExchangeRequestParams, body: ZExchangePropose, response: { 200: ZExchangeRequestResponse, ...errors } } },
    async (request) => service.step(request.ctx, request.params.requestId, 'propose', request.body.version, request.body.day),
  );

  app.put(
    `${base}/requests/:requestId/reflection`,
    { config, schema: { tags, summary: 'Write or change my side\'s reflection after the visit day', params: ZExchangeRequestParams, body: ZExchangeReflection, response: { 200: ZExchangeRequestResponse, ...errors } } },
    async (request) => service.reflect(request.ctx, request.params.requestId, request.body.version, request.body.text),
  );

  app.get(
    `${base}/matrix`,
    { config: { policy: exchangeMatrixPolicy }, schema: { tags, summary: "This year's visits that took place, visitor's sector × host sector (coordinators)", querystring: ZExchangeMatrixQuery, response: { 200: ZExchangeMatrixResponse, ...errors } } },
    async (request) => service.matrix(requireFullContext(request.ctx), request.query.year),
  );
};
