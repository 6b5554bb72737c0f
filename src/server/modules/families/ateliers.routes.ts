import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZAtelierCreate,
  ZAtelierListResponse,
  ZAtelierParams,
  ZAtelierResponse,
  ZAtelierUpdate,
  ZCommitmentCreate,
  ZCommitmentListQuery,
  ZCommitmentListResponse,
  ZCommitmentParams,
  ZCommitmentResponse,
  ZCommitmentToPlan,
  ZCommitmentUpdate,
  ZFamilyIdParams,
} from '../../../shared/schemas/families/care.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { createAteliersService } from './ateliers.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['families'];

/** Atelier sessions and their commitments; who may is decided per family (families.policy.ts). */
export const ateliersRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createAteliersService(app.deps.database.db);
  const config = { policy: authenticatedPolicy };

  app.get(
    '/families/:id/ateliers',
    { config, schema: { tags, summary: 'The family’s atelier sessions with their commitments, newest first', params: ZFamilyIdParams, response: { 200: ZAtelierListResponse, ...errors } } },
    async (request) => service.list(request.ctx, request.params.id),
  );
  app.post(
    '/families/:id/ateliers',
    {
      config,
      schema: { tags, summary: 'Record an atelier: date, participants of this family, ideas, commitments', params: ZFamilyIdParams, body: ZAtelierCreate, response: { 201: ZAtelierResponse, ...errors } },
    },
    async (request, reply) => {
      reply.code(201);
      return service.create(request.ctx, request.params.id, request.body);
    },
  );
  app.patch(
    '/families/:id/ateliers/:atelierId',
    { config, schema: { tags, summary: 'Change an atelier (409 when the version is stale)', params: ZAtelierParams, body: ZAtelierUpdate, response: { 200: ZAtelierResponse, ...errors } } },
    async (request) => service.update(request.ctx, request.params.id, request.params.atelierId, request.body),
  );
  app.post(
    '/families/:id/ateliers/:atelierId/commitments',
    { config, schema: { tags, summary: 'Add a commitment to an atelier', params: ZAtelierParams, body: ZCommitmentCreate, response: { 201: ZCommitmentResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.addCommitment(request.ctx, request.params.id, request.params.atelierId, request.body);
    },
  );
  app.get(
    '/families/:id/commitments',
    {
      config,
      schema: { tags, summary: 'The family’s commitments (open ones by default), by due date', params: ZFamilyIdParams, querystring: ZCommitmentListQuery, response: { 200: ZCommitmentListResponse, ...errors } },
    },
    async (request) => service.listCommitments(request.ctx, request.params.id, request.query),
  );
  app.patch(
    '/families/:id/commitments/:commitmentId',
    {
      config,
      schema: { tags, summary: 'Follow up a commitment: status done/dropped, owner, due date (409 when the version is stale)', params: ZCommitmentParams, body: ZCommitmentUpdate, response: { 200: ZCommitmentResponse, ...errors } },
    },
    async (request) => service.updateCommitment(request.ctx, request.params.id, request.params.commitmentId, request.body),
  );
  app.post(
    '/families/:id/commitments/:commitmentId/to-plan',
    {
      config,
      schema: {
        tags,
        summary: 'Make the commitment a plan action: saves a new plan version with the action (409 when the plan or the commitment changed)',
        params: ZCommitmentParams,
        body: ZCommitmentToPlan,
        response: { 200: ZCommitmentResponse, ...errors },
      },
    },
    async (request) => service.toPlan(request.ctx, request.params.id, request.params.commitmentId, request.body),
  );
};
