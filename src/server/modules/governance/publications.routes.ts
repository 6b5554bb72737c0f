import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZMeetingParams,
  ZPlanParams,
  ZPublicationListResponse,
  ZPublicationResponse,
  ZPublicationStateResponse,
  ZPublishedMeetingResponse,
  ZPublishedPlanResponse,
} from '../../../shared/schemas/governance.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { createPublicationsService } from './publications.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['governance'];
const deleted = { 204: z.null().describe('Withdrawn'), ...errors };

/**
 * Publishing a meeting's decisions and a regional plan to every professional of the network
 * (meetingPolicy / planPolicy decide who publishes; reading a publication needs only a full login).
 */
export const publicationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createPublicationsService(app.deps.database.db);
  const config = { policy: authenticatedPolicy };

  app.get(
    '/governance/published',
    { config, schema: { tags, summary: 'Everything published to the network (decisions of meetings, regional plans), newest first', response: { 200: ZPublicationListResponse, ...errors } } },
    async (request) => service.list(request.ctx),
  );
  app.get(
    '/governance/published/meetings/:id',
    { config, schema: { tags, summary: 'The published decisions of a meeting (404 unless published)', params: ZMeetingParams, response: { 200: ZPublishedMeetingResponse, ...errors } } },
    async (request) => service.publishedMeeting(request.ctx, request.params.id),
  );
  app.get(
    '/governance/published/plans/:id',
    { config, schema: { tags, summary: 'A published regional plan: its approved and released actions (404 unless published)', params: ZPlanParams, response: { 200: ZPublishedPlanResponse, ...errors } } },
    async (request) => service.publishedPlan(request.ctx, request.params.id),
  );

  app.get(
    '/governance/meetings/:id/publication',
    { config, schema: { tags, summary: "Whether a meeting's decisions are published (for those who see the meeting)", params: ZMeetingParams, response: { 200: ZPublicationStateResponse, ...errors } } },
    async (request) => service.meetingState(request.ctx, request.params.id),
  );
  app.post(
    '/governance/meetings/:id/publication',
    { config, schema: { tags, summary: 'Publish the decisions of a held meeting to every professional of the network', params: ZMeetingParams, response: { 201: ZPublicationResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.publishMeeting(request.ctx, request.params.id);
    },
  );
  app.delete(
    '/governance/meetings/:id/publication',
    { config, schema: { tags, summary: "Withdraw the publication of a meeting's decisions", params: ZMeetingParams, response: deleted } },
    async (request, reply) => {
      await service.unpublishMeeting(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/governance/plans/:id/publication',
    { config, schema: { tags, summary: 'Whether a regional plan is published (for those who see the plan)', params: ZPlanParams, response: { 200: ZPublicationStateResponse, ...errors } } },
    async (request) => service.planState(request.ctx, request.params.id),
  );
  app.post(
    '/governance/plans/:id/publication',
    { config, schema: { tags, summary: 'Publish a regional plan (its approved and released actions) to every professional of the network', params: ZPlanParams, response: { 201: ZPublicationResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.publishPlan(request.ctx, request.params.id);
    },
  );
  app.delete(
    '/governance/plans/:id/publication',
    { config, schema: { tags, summary: 'Withdraw the publication of a regional plan', params: ZPlanParams, response: deleted } },
    async (request, reply) => {
      await service.unpublishPlan(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
