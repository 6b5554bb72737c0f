import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZPlanAgreement,
  ZPlanCompareQuery,
  ZPlanCompareResponse,
  ZPlanConflictResponse,
  ZPlanParams,
  ZPlanResponse,
  ZPlanSave,
  ZPlanVersionListQuery,
  ZPlanVersionListResponse,
  ZPlanVersionParams,
  ZPlanVersionResponse,
  type TPlanConflictResponse,
} from '../../../shared/schemas/families/plan.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { translateError } from '../../platform/i18n.js';
import { PlanVersionConflict, createPlanService } from './plan.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const writeErrors = { ...errors, 409: ZPlanConflictResponse };

/** The family's one plan: the current version, saving a new one, the versions, comparing two, the family's agreement. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createPlanService(app.deps.database.db);
  const policy = authenticatedPolicy;
  const tags = ['families'];

  /** A stale save or agreement: 409 `version_conflict` with the version somebody else saved first. */
  async function conflictAware<T>(request: FastifyRequest, reply: FastifyReply, work: () => Promise<T>) {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof PlanVersionConflict)) throw err;
      const body: TPlanConflictResponse = {
        error: { code: 'version_conflict', message: translateError('version_conflict', request.headers['accept-language']), current: err.current },
      };
      return reply.code(409).send(body);
    }
  }

  app.get(
    '/families/:id/plan',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'The family’s plan: the current version (version 0 when nothing was saved yet), the family’s agreement, the next evaluation',
        params: ZPlanParams,
        response: { 200: ZPlanResponse, ...errors },
      },
    },
    async (request) => service.get(request.ctx, request.params.id),
  );

  app.put(
    '/families/:id/plan',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Save a new version of the plan based on `basedOn` (409 version_conflict with the current version when somebody saved first)',
        params: ZPlanParams,
        body: ZPlanSave,
        response: { 200: ZPlanResponse, ...writeErrors },
      },
    },
    async (request, reply) => conflictAware(request, reply, () => service.save(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/families/:id/plan/versions',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'The versions of the plan, newest first: number, author, time, summary',
        params: ZPlanParams,
        querystring: ZPlanVersionListQuery,
        response: { 200: ZPlanVersionListResponse, ...errors },
      },
    },
    async (request) => service.listVersions(request.ctx, request.params.id, request.query),
  );

  app.get(
    '/families/:id/plan/versions/:number',
    {
      config: { policy },
      schema: { tags, summary: 'One version of the plan with its content', params: ZPlanVersionParams, response: { 200: ZPlanVersionResponse, ...errors } },
    },
    async (request) => service.getVersion(request.ctx, request.params.id, request.params.number),
  );

  app.get(
    '/families/:id/plan/compare',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Two versions side by side, with what changed per section (goals and actions matched by key)',
        params: ZPlanParams,
        querystring: ZPlanCompareQuery,
        response: { 200: ZPlanCompareResponse, ...errors },
      },
    },
    async (request) => service.compare(request.ctx, request.params.id, request.query),
  );

  app.post(
    '/families/:id/plan/agreement',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Record that the family agrees with version N (the current one; 409 when a newer version exists)',
        params: ZPlanParams,
        body: ZPlanAgreement,
        response: { 200: ZPlanResponse, ...writeErrors },
      },
    },
    async (request, reply) => conflictAware(request, reply, () => service.agree(request.ctx, request.params.id, request.body)),
  );
};
