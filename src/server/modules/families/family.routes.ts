import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZCandidateQuery,
  ZCandidateResponse,
  ZConsentCreate,
  ZConsentWithdraw,
  ZContactHandover,
  ZFamilyChangeResponse,
  ZFamilyConsentParams,
  ZFamilyHistoryQuery,
  ZFamilyHistoryResponse,
  ZFamilyListQuery,
  ZFamilyListResponse,
  ZFamilyMemberParams,
  ZFamilyNetworkParams,
  ZFamilyPageResponse,
  ZFamilyParams,
  ZFamilyTeamParams,
  ZMemberCreate,
  ZMemberUpdate,
  ZNetworkCreate,
  ZNetworkUpdate,
  ZOverrideCreate,
  ZTeamAdd,
  ZVersionBody,
} from '../../../shared/schemas/families/family.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { createFamilyService } from './family.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['families'];
const config = { policy: authenticatedPolicy };

/**
 * The family core: my families, the family page, members, informal network, team, consent,
 * overrides, the contact person and the family's history. Every family route answers 404 to
 * whoever is not on the family's team with consent (families.policy.ts).
 */
export const familyRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createFamilyService(app.deps.database.db);

  app.get(
    '/families',
    { config, schema: { tags, summary: 'My families: those whose file I may open, by name, a page at a time', querystring: ZFamilyListQuery, response: { 200: ZFamilyListResponse, ...errors } } },
    async (request) => service.listMine(requireFullContext(request.ctx), request.query),
  );

  app.get(
    '/families/:id',
    { config, schema: { tags, summary: 'The family page: members, network, contact person, team, consents (records my visit)', params: ZFamilyParams, response: { 200: ZFamilyPageResponse, ...errors } } },
    async (request) => service.view(request.ctx, request.params.id),
  );

  app.get(
    '/families/:id/history',
    { config, schema: { tags, summary: "The family's timeline: who did what when, newest first", params: ZFamilyParams, querystring: ZFamilyHistoryQuery, response: { 200: ZFamilyHistoryResponse, ...errors } } },
    async (request) => service.history(request.ctx, request.params.id, request.query),
  );

  app.get(
    '/families/:id/candidates',
    { config, schema: { tags, summary: 'Professionals who can join the team (search by name)', params: ZFamilyParams, querystring: ZCandidateQuery, response: { 200: ZCandidateResponse, ...errors } } },
    async (request) => service.candidates(request.ctx, request.params.id, request.query.q),
  );

  const created = { 201: ZFamilyChangeResponse, ...errors };
  const changed = { 200: ZFamilyChangeResponse, ...errors };

  app.post(
    '/families/:id/members',
    { config, schema: { tags, summary: 'Add a family member (a child needs a birth date)', params: ZFamilyParams, body: ZMemberCreate, response: created } },
    async (request, reply) => {
      reply.code(201);
      return service.addMember(request.ctx, request.params.id, request.body);
    },
  );
  app.patch(
    '/families/:id/members/:memberId',
    { config, schema: { tags, summary: 'Change a family member (409 when the version is stale)', params: ZFamilyMemberParams, body: ZMemberUpdate, response: changed } },
    async (request) => service.updateMember(request.ctx, request.params.id, request.params.memberId, request.body),
  );
  app.post(
    '/families/:id/members/:memberId/end',
    { config, schema: { tags, summary: 'End a family member (kept in the history)', params: ZFamilyMemberParams, body: ZVersionBody, response: changed } },
    async (request) => service.endMember(request.ctx, request.params.id, request.params.memberId, request.body.version),
  );

  app.post(
    '/families/:id/network',
    { config, schema: { tags, summary: 'Add someone of the informal network', params: ZFamilyParams, body: ZNetworkCreate, response: created } },
    async (request, reply) => {
      reply.code(201);
      return service.addNetwork(request.ctx, request.params.id, request.body);
    },
  );
  app.patch(
    '/families/:id/network/:networkId',
    { config, schema: { tags, summary: 'Change someone of the informal network (409 when the version is stale)', params: ZFamilyNetworkParams, body: ZNetworkUpdate, response: changed } },
    async (request) => service.updateNetwork(request.ctx, request.params.id, request.params.networkId, request.body),
  );
  app.post(
    '/families/:id/network/:networkId/end',
    { config, schema: { tags, summary: 'End someone of the informal network', params: ZFamilyNetworkParams, body: ZVersionBody, response: changed } },
    async (request) => service.endNetwork(request.ctx, request.params.id, request.params.networkId, request.body.version),
  );

  app.post(
    '/families/:id/team',
    { config, schema: { tags, summary: 'Add a professional to the team (contact person)', params: ZFamilyParams, body: ZTeamAdd, response: created } },
    async (request, reply) => {
      reply.code(201);
      return service.addTeamMember(request.ctx, request.params.id, request.body);
    },
  );
  app.post(
    '/families/:id/team/:teamMemberId/end',
    { config, schema: { tags, summary: "End a professional's team membership (contact person)", params: ZFamilyTeamParams, response: changed } },
    async (request) => service.endTeamMember(request.ctx, request.params.id, request.params.teamMemberId),
  );

  app.post(
    '/families/:id/consent',
    { config, schema: { tags, summary: 'Record a consent (12+ consent for themselves; parents or carers for younger children)', params: ZFamilyParams, body: ZConsentCreate, response: created } },
    async (request, reply) => {
      reply.code(201);
      return service.recordConsent(request.ctx, request.params.id, request.body);
    },
  );
  app.post(
    '/families/:id/consent/:consentId/withdraw',
    { config, schema: { tags, summary: 'Withdraw a consent or end an override (effective on the next request)', params: ZFamilyConsentParams, body: ZConsentWithdraw, response: changed } },
    async (request) => service.withdrawConsent(request.ctx, request.params.id, request.params.consentId, request.body),
  );
  app.post(
    '/families/:id/overrides',
    { config, schema: { tags, summary: 'Access without consent (danger, legal duty): written reason, fresh step-up, at most 72 hours', params: ZFamilyParams, body: ZOverrideCreate, response: created } },
    async (request, reply) => {
      reply.code(201);
      return service.override(request.ctx, request.params.id, request.body);
    },
  );
  app.post(
    '/families/:id/contact',
    { config, schema: { tags, summary: 'Hand the contact person over (the contact person, or a coordinator of the region)', params: ZFamilyParams, body: ZContactHandover, response: changed } },
    async (request) => service.handOver(request.ctx, request.params.id, request.body),
  );
};
