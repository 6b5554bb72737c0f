import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZAssessmentParams,
  ZAssessmentPut,
  ZOrganisationOptionsQuery,
  ZOrganisationOptionsResponse,
  ZPartnershipCreate,
  ZPartnershipDetailResponse,
  ZPartnershipListQuery,
  ZPartnershipListResponse,
  ZPartnershipParams,
  ZPartnershipUpdate,
  ZRoundCreate,
  ZRoundDeleteQuery,
  ZRoundParams,
  ZToolkitContentResponse,
  ZToolkitContentUpdate,
} from '../../../shared/schemas/learning-toolkit.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { partnershipCreatorPolicy, toolkitContentEditorPolicy } from './toolkit.policy.js';
import { createToolkitService } from './toolkit.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['learning'];
const base = '/learning/toolkit';

/** The collaboration toolkit: versioned texts, partnerships, rounds and each partner's view (toolkit.policy.ts decides who). */
export const toolkitRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createToolkitService(app.deps.database.db);
  const config = { policy: authenticatedPolicy };

  app.get(
    `${base}/content`,
    { config, schema: { tags, summary: 'The current texts of the barometer, phase model and checklist, and what I may do in the toolkit', response: { 200: ZToolkitContentResponse, ...errors } } },
    async (request) => service.getContent(requireFullContext(request.ctx)),
  );

  app.put(
    `${base}/content`,
    { config: { policy: toolkitContentEditorPolicy }, schema: { tags, summary: 'Save the texts as a new content version (coordinators, platform admins; 409 when stale)', body: ZToolkitContentUpdate, response: { 200: ZToolkitContentResponse, ...errors } } },
    async (request) => service.updateContent(requireFullContext(request.ctx), request.body),
  );

  app.get(
    `${base}/partnerships`,
    { config, schema: { tags, summary: 'The partnerships of my organisations (coordinators: all), by name', querystring: ZPartnershipListQuery, response: { 200: ZPartnershipListResponse, ...errors } } },
    async (request) => service.listPartnerships(requireFullContext(request.ctx), request.query),
  );

  app.post(
    `${base}/partnerships`,
    { config: { policy: partnershipCreatorPolicy }, schema: { tags, summary: 'Start a partnership of two or more organisations', body: ZPartnershipCreate, response: { 201: ZPartnershipDetailResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.createPartnership(requireFullContext(request.ctx), request.body);
    },
  );

  app.get(
    `${base}/organisations`,
    { config: { policy: partnershipCreatorPolicy }, schema: { tags, summary: 'Organisations to choose partners from (at most 50 by name)', querystring: ZOrganisationOptionsQuery, response: { 200: ZOrganisationOptionsResponse, ...errors } } },
    async (request) => service.organisationOptions(request.query.q),
  );

  app.get(
    `${base}/partnerships/:id`,
    { config, schema: { tags, summary: 'A partnership with its rounds, every partner\'s view and the wording each round used', params: ZPartnershipParams, response: { 200: ZPartnershipDetailResponse, ...errors } } },
    async (request) => service.getPartnership(request.ctx, request.params.id),
  );

  app.patch(
    `${base}/partnerships/:id`,
    { config, schema: { tags, summary: 'Change name, description or member organisations (409 when stale)', params: ZPartnershipParams, body: ZPartnershipUpdate, response: { 200: ZPartnershipDetailResponse, ...errors } } },
    async (request) => service.updatePartnership(request.ctx, request.params.id, request.body),
  );

  app.post(
    `${base}/partnerships/:id/rounds`,
    { config, schema: { tags, summary: 'Record a round of self-assessment on a day (partners)', params: ZPartnershipParams, body: ZRoundCreate, response: { 201: ZPartnershipDetailResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.createRound(request.ctx, request.params.id, request.body.date);
    },
  );

  app.delete(
    `${base}/partnerships/:id/rounds/:roundId`,
    {
      config,
      schema: {
        tags,
        summary: 'Delete a round with its views (coordinators; partners while no other partner filled in a view, else 409; 409 when the version is stale)',
        params: ZRoundParams,
        querystring: ZRoundDeleteQuery,
        response: { 200: ZPartnershipDetailResponse, ...errors },
      },
    },
    async (request) => service.deleteRound(request.ctx, request.params.id, request.params.roundId, request.query.version),
  );

  app.put(
    `${base}/partnerships/:id/rounds/:roundId/assessments/:organisationId`,
    { config, schema: { tags, summary: "Fill in or change my organisation's view in a round", params: ZAssessmentParams, body: ZAssessmentPut, response: { 200: ZPartnershipDetailResponse, ...errors } } },
    async (request) => service.putAssessment(request.ctx, request.params.id, request.params.roundId, request.params.organisationId, request.body),
  );
};
