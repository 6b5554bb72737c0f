import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZBodyParams,
  ZPlanActionCreate,
  ZPlanActionListQuery,
  ZPlanActionListResponse,
  ZPlanActionParams,
  ZPlanActionResponse,
  ZPlanActionTransition,
  ZPlanActionUpdate,
  ZPlanCreate,
  ZPlanDecisionItemListQuery,
  ZPlanDecisionItemListResponse,
  ZPlanListQuery,
  ZPlanListResponse,
  ZPlanParams,
  ZPlanResponse,
  ZPlanUpdate,
} from '../../../shared/schemas/governance.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { createPlansService } from './plans.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['governance'];

/** The regional plan of a body per year, its actions and their status history (planPolicy decides per plan). */
export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createPlansService(app.deps.database.db);
  const config = { policy: authenticatedPolicy };

  app.get(
    '/governance/bodies/:id/plans',
    { config, schema: { tags, summary: 'The regional plans a body keeps, a page at a time by year', params: ZBodyParams, querystring: ZPlanListQuery, response: { 200: ZPlanListResponse, ...errors } } },
    async (request) => service.listPlans(request.ctx, request.params.id, request.query),
  );

  app.post(
    '/governance/bodies/:id/plans',
    { config, schema: { tags, summary: 'Start the regional plan of a year (one per body and year)', params: ZBodyParams, body: ZPlanCreate, response: { 201: ZPlanResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.createPlan(request.ctx, request.params.id, request.body);
    },
  );

  app.get(
    '/governance/plans/:id',
    { config, schema: { tags, summary: 'A regional plan with its totals per status', params: ZPlanParams, response: { 200: ZPlanResponse, ...errors } } },
    async (request) => service.getPlan(request.ctx, request.params.id),
  );

  app.patch(
    '/governance/plans/:id',
    { config, schema: { tags, summary: 'Change the title or description of a plan (409 when the version is stale)', params: ZPlanParams, body: ZPlanUpdate, response: { 200: ZPlanResponse, ...errors } } },
    async (request) => service.updatePlan(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/governance/plans/:id/decision-items',
    {
      config,
      schema: {
        tags,
        summary: 'The decision items (agenda items of kind decision of the body\'s meetings, not cancelled) a status change may point at; for those who keep the plan',
        params: ZPlanParams,
        querystring: ZPlanDecisionItemListQuery,
        response: { 200: ZPlanDecisionItemListResponse, ...errors },
      },
    },
    async (request) => service.decisionItems(request.ctx, request.params.id, request.query.q),
  );

  app.get(
    '/governance/plans/:id/actions',
    { config, schema: { tags, summary: 'The actions of a plan by number, optionally of one status', params: ZPlanParams, querystring: ZPlanActionListQuery, response: { 200: ZPlanActionListResponse, ...errors } } },
    async (request) => service.listActions(request.ctx, request.params.id, request.query),
  );

  app.post(
    '/governance/plans/:id/actions',
    { config, schema: { tags, summary: 'Add an action to a plan (agreed in principle)', params: ZPlanParams, body: ZPlanActionCreate, response: { 201: ZPlanActionResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.createAction(request.ctx, request.params.id, request.body);
    },
  );

  app.get(
    '/governance/plan-actions/:id',
    { config, schema: { tags, summary: 'A plan action with its status history and the decisions behind it', params: ZPlanActionParams, response: { 200: ZPlanActionResponse, ...errors } } },
    async (request) => service.getAction(request.ctx, request.params.id),
  );

  app.patch(
    '/governance/plan-actions/:id',
    { config, schema: { tags, summary: 'Change a plan action (not once released, moved or dropped)', params: ZPlanActionParams, body: ZPlanActionUpdate, response: { 200: ZPlanActionResponse, ...errors } } },
    async (request) => service.updateAction(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/governance/plan-actions/:id/status',
    { config, schema: { tags, summary: 'Change the status of a plan action (409 for a change the status path does not allow)', params: ZPlanActionParams, body: ZPlanActionTransition, response: { 200: ZPlanActionResponse, ...errors } } },
    async (request) => service.transition(request.ctx, request.params.id, request.body),
  );
};
