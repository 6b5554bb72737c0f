import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import { ZIdParams } from '../../../shared/schemas/admin.js';
import {
  ZContactCandidateListResponse,
  ZContactCandidateQuery,
  ZLifeDomainListResponse,
  ZRequestAnswer,
  ZRequestAssignContact,
  ZRequestCountsResponse,
  ZRequestCreate,
  ZRequestFirstContact,
  ZRequestListQuery,
  ZRequestListResponse,
  ZRequestResponse,
  ZRequestTriage,
} from '../../../shared/schemas/families/requests.js';
import { authenticatedPolicy, coordinatorPolicy } from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { createRequestsService } from './requests.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['requests'];

/** Requests (aanmeldingen), the one-month norm and the coordinator's board. */
export const requestsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createRequestsService(app.deps.database.db);

  app.get(
    '/families/life-domains',
    { config: { policy: authenticatedPolicy }, schema: { tags, summary: 'The life domains, active ones first (forms offer the active ones; older requests and goals may name inactive ones)', response: { 200: ZLifeDomainListResponse, ...errors } } },
    async () => ({ data: await service.lifeDomains() }),
  );

  app.get(
    '/requests',
    {
      config: { policy: authenticatedPolicy },
      schema: {
        tags,
        summary: 'Open requests I may see (coordinator: my regions; contact person: my families), by due date, with days left',
        querystring: ZRequestListQuery,
        response: { 200: ZRequestListResponse, ...errors },
      },
    },
    async (request) => service.list(requireFullContext(request.ctx), request.query),
  );

  app.get(
    '/requests/counts',
    {
      config: { policy: coordinatorPolicy },
      schema: { tags, summary: 'Open requests of my regions on time, at risk (7 days or less) and overdue', response: { 200: ZRequestCountsResponse, ...errors } },
    },
    async (request) => service.counts(requireFullContext(request.ctx)),
  );

  app.get(
    '/requests/contact-candidates',
    {
      config: { policy: coordinatorPolicy },
      schema: {
        tags,
        summary: 'Active professionals whose name contains q, with their organisations (to assign a contact person)',
        querystring: ZContactCandidateQuery,
        response: { 200: ZContactCandidateListResponse, ...errors },
      },
    },
    async (request) => service.contactCandidates(requireFullContext(request.ctx), request.query.q),
  );

  app.post(
    '/requests',
    {
      config: { policy: coordinatorPolicy },
      schema: { tags, summary: 'Register a request in my region (due one calendar month after receipt unless earlier)', body: ZRequestCreate, response: { 201: ZRequestResponse, ...errors } },
    },
    async (request, reply) => {
      reply.code(201);
      return service.create(requireFullContext(request.ctx), request.body);
    },
  );

  app.get(
    '/requests/:id',
    { config: { policy: authenticatedPolicy }, schema: { tags, summary: 'One request, with the next steps I may take', params: ZIdParams, response: { 200: ZRequestResponse, ...errors } } },
    async (request) => service.get(requireFullContext(request.ctx), request.params.id),
  );

  app.post(
    '/requests/:id/triage',
    {
      config: { policy: authenticatedPolicy },
      schema: { tags, summary: 'Start triage (409 invalid_transition when the status does not allow it)', params: ZIdParams, body: ZRequestTriage, response: { 200: ZRequestResponse, ...errors } },
    },
    async (request) => service.triage(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/requests/:id/assign-contact',
    {
      config: { policy: authenticatedPolicy },
      schema: {
        tags,
        summary: 'Assign the contact person (a professional and organisation): creates the family, its contact person and team',
        params: ZIdParams,
        body: ZRequestAssignContact,
        response: { 200: ZRequestResponse, ...errors },
      },
    },
    async (request) => service.assignContact(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/requests/:id/first-contact',
    {
      config: { policy: authenticatedPolicy },
      schema: { tags, summary: 'Record the first contact with the family', params: ZIdParams, body: ZRequestFirstContact, response: { 200: ZRequestResponse, ...errors } },
    },
    async (request) => service.recordFirstContact(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/requests/:id/answer',
    {
      config: { policy: authenticatedPolicy },
      schema: { tags, summary: 'Answer the request with its outcome', params: ZIdParams, body: ZRequestAnswer, response: { 200: ZRequestResponse, ...errors } },
    },
    async (request) => service.answer(request.ctx, request.params.id, request.body),
  );
};
