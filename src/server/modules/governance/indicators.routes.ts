import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZIndicatorCreate,
  ZIndicatorListResponse,
  ZIndicatorParams,
  ZIndicatorResponse,
  ZIndicatorUpdate,
  ZMeasurementCreate,
  ZPlanListQuery,
  ZPlanParams,
} from '../../../shared/schemas/governance.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { createIndicatorsService } from './indicators.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['governance'];

/** Indicators of a regional plan and their measurements (planPolicy decides per plan). */
export const indicatorsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createIndicatorsService(app.deps.database.db);
  const config = { policy: authenticatedPolicy };
  const one = { 200: ZIndicatorResponse, ...errors };

  app.get(
    '/governance/plans/:id/indicators',
    { config, schema: { tags, summary: 'The indicators of a plan with their latest measurement, by name', params: ZPlanParams, querystring: ZPlanListQuery, response: { 200: ZIndicatorListResponse, ...errors } } },
    async (request) => service.list(request.ctx, request.params.id, request.query),
  );

  app.post(
    '/governance/plans/:id/indicators',
    { config, schema: { tags, summary: 'Add an indicator (entered by hand, or computed from the system)', params: ZPlanParams, body: ZIndicatorCreate, response: { 201: ZIndicatorResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.create(request.ctx, request.params.id, request.body);
    },
  );

  app.get(
    '/governance/indicators/:id',
    { config, schema: { tags, summary: 'An indicator with its measurements over time', params: ZIndicatorParams, response: one } },
    async (request) => service.get(request.ctx, request.params.id),
  );

  app.patch(
    '/governance/indicators/:id',
    { config, schema: { tags, summary: 'Change an indicator (409 when the version is stale)', params: ZIndicatorParams, body: ZIndicatorUpdate, response: one } },
    async (request) => service.update(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/governance/indicators/:id/measurements',
    { config, schema: { tags, summary: 'Enter a measurement by hand (one per day; not for computed indicators)', params: ZIndicatorParams, body: ZMeasurementCreate, response: { 201: ZIndicatorResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.addMeasurement(request.ctx, request.params.id, request.body);
    },
  );

  app.post(
    '/governance/indicators/:id/measure',
    { config, schema: { tags, summary: 'Measure a computed indicator now ("meet nu"); stored with today\'s date', params: ZIndicatorParams, response: one } },
    async (request) => service.measureNow(request.ctx, request.params.id),
  );
};
