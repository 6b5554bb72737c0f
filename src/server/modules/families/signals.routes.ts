import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZFamilyIdParams,
  ZFamilySignalListResponse,
  ZFamilySignalParams,
  ZFamilySignalResponse,
  ZRegionSignalPageResponse,
  ZRegionSignalQuery,
  ZRegionSignalResponse,
  ZSignalChange,
  ZSignalIdParams,
  ZSignalRaise,
} from '../../../shared/schemas/families/care.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { coordinatorPolicy } from './signals.policy.js';
import { BLOCKED_RULES_QUEUE, createSignalsService } from './signals.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['families'];

/** Blocked trajectories: inside the family file (the team) and the coordinator's list of the region. */
export const signalsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { database, jobs, clock } = app.deps;
  const service = createSignalsService(database.db);
  const team = { policy: authenticatedPolicy };
  const coordinator = { policy: coordinatorPolicy };

  // The rules (no plan change for 60 days, a wait over 90 days, two refusals) run every hour.
  jobs.work(BLOCKED_RULES_QUEUE, async () => void (await service.runRules(clock.now())));
  jobs.every(BLOCKED_RULES_QUEUE, 3600);

  app.get(
    '/families/:id/signals',
    { config: team, schema: { tags, summary: 'The family’s blocked-trajectory signals, open ones first', params: ZFamilyIdParams, response: { 200: ZFamilySignalListResponse, ...errors } } },
    async (request) => service.listForFamily(request.ctx, request.params.id),
  );
  app.post(
    '/families/:id/signals',
    { config: team, schema: { tags, summary: 'Signal a blocked trajectory by hand, with a reason', params: ZFamilyIdParams, body: ZSignalRaise, response: { 201: ZFamilySignalResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.raise(request.ctx, request.params.id, request.body);
    },
  );
  app.post(
    '/families/:id/signals/:signalId/resolve',
    { config: team, schema: { tags, summary: 'Resolve a signal (409 when the version is stale)', params: ZFamilySignalParams, body: ZSignalChange, response: { 200: ZFamilySignalResponse, ...errors } } },
    async (request) => service.resolve(request.ctx, request.params.id, request.params.signalId, request.body),
  );
  app.post(
    '/families/:id/signals/:signalId/escalate',
    {
      config: team,
      schema: {
        tags,
        summary: 'Escalate a signal to the case table (the contact person): stores a pseudonymised case summary',
        params: ZFamilySignalParams,
        body: ZSignalChange,
        response: { 200: ZFamilySignalResponse, ...errors },
      },
    },
    async (request) => service.escalateFromFamily(request.ctx, request.params.id, request.params.signalId, request.body),
  );

  app.get(
    '/signals',
    {
      config: coordinator,
      schema: {
        tags,
        summary: 'Open blocked trajectories of my region(s), newest first, with the family’s pseudonym only',
        querystring: ZRegionSignalQuery,
        response: { 200: ZRegionSignalPageResponse, ...errors },
      },
    },
    async (request) => service.listForRegion(request.ctx, request.query),
  );
  app.get(
    '/signals/:signalId',
    { config: coordinator, schema: { tags, summary: 'One signal of my region, with its case summary once escalated', params: ZSignalIdParams, response: { 200: ZRegionSignalResponse, ...errors } } },
    async (request) => service.getForRegion(request.ctx, request.params.signalId),
  );
  app.post(
    '/signals/:signalId/escalate',
    {
      config: coordinator,
      schema: {
        tags,
        summary: 'Escalate a signal of my region to the case table: stores a pseudonymised case summary',
        params: ZSignalIdParams,
        body: ZSignalChange,
        response: { 200: ZRegionSignalResponse, ...errors },
      },
    },
    async (request) => service.escalateFromRegion(request.ctx, request.params.signalId, request.body),
  );
};
