import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZBridgingCreate,
  ZBridgingParams,
  ZBridgingUpdate,
  ZFamilyIdParams,
  ZWaitCreate,
  ZWaitListResponse,
  ZWaitParams,
  ZWaitResponse,
  ZWaitUpdate,
} from '../../../shared/schemas/families/care.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { createWaitsService } from './waits.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['families'];

/** Waits of a family and the bridging help per wait; who may is decided per family (families.policy.ts). */
export const waitsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createWaitsService(app.deps.database.db);
  const config = { policy: authenticatedPolicy };

  app.get(
    '/families/:id/waits',
    { config, schema: { tags, summary: 'The services the family waits for, with the bridging help per wait', params: ZFamilyIdParams, response: { 200: ZWaitListResponse, ...errors } } },
    async (request) => service.list(request.ctx, request.params.id),
  );

  app.post(
    '/families/:id/waits',
    { config, schema: { tags, summary: 'Record a service the family waits for', params: ZFamilyIdParams, body: ZWaitCreate, response: { 201: ZWaitResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.create(request.ctx, request.params.id, request.body);
    },
  );

  app.patch(
    '/families/:id/waits/:waitId',
    {
      config,
      schema: { tags, summary: 'Change a wait, e.g. its status (409 when the version is stale)', params: ZWaitParams, body: ZWaitUpdate, response: { 200: ZWaitResponse, ...errors } },
    },
    async (request) => service.update(request.ctx, request.params.id, request.params.waitId, request.body),
  );

  app.post(
    '/families/:id/waits/:waitId/bridging',
    { config, schema: { tags, summary: 'Add bridging help to a wait', params: ZWaitParams, body: ZBridgingCreate, response: { 201: ZWaitResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.addBridging(request.ctx, request.params.id, request.params.waitId, request.body);
    },
  );

  app.patch(
    '/families/:id/waits/:waitId/bridging/:bridgingId',
    {
      config,
      schema: { tags, summary: 'Change bridging help (409 when the version is stale)', params: ZBridgingParams, body: ZBridgingUpdate, response: { 200: ZWaitResponse, ...errors } },
    },
    async (request) => service.updateBridging(request.ctx, request.params.id, request.params.waitId, request.params.bridgingId, request.body),
  );
};
