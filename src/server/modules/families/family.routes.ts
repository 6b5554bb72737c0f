import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
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

  /** The options of a change in the family's file: 200 with the record's id and new version. */
  const change = <P extends ZodType, B extends ZodType>(summary: string, params: P, body: B) => ({
    config,
    schema: { tags, summary, params, body, response: { 200: ZFamilyChangeResponse, ...errors } },
  });
  /** The options of a new record in the family's file: 201 (set before the handler runs) with its id and version. */
  const creation = <P extends ZodType, B extends ZodType>(summary: string, params: P, body: B) => ({
    config,
    schema: { tags, summary, params, body, response: { 201: ZFamilyChangeResponse, ...errors } },
    preHandler: async (_request: FastifyRequest, reply: FastifyReply) => void reply.code(201),
  });

  app.post(
    '/families/:id/members',
    creation('Add a family member (a child needs a birth date)', ZFamilyParams, ZMemberCreate),
    async (request) => service.addMember(request.ctx, request.params.id, request.body),
  );
  app.patch(
    '/families/:id/members/:memberId',
    change('Change a family member (409 when the version is stale)', ZFamilyMemberParams, ZMemberUpdate),
    async (request) => service.updateMember(request.ctx, request.params.id, request.params.memberId, request.body),
  );
  app.post(
    '/families/:id/members/:memberId/end',
    change('End a family member (kept in the history)', ZFamilyMemberParams, ZVersionBody),
    async (request) => service.endMember(request.ctx, request.params.id, request.params.memberId, request.body.version),
  );

  app.post(
    '/families/:id/network',
    creation('Add someone of the informal network', ZFamilyParams, ZNetworkCreate),
    async (request) => service.addNetwork(request.ctx, request.params.id, request.body),
  );
  app.patch(
    '/families/:id/network/:networkId',
    change('Change someone of the informal network (409 when the version is stale)', ZFamilyNetworkParams, ZNetworkUpdate),
    async (request) => service.updateNetwork(request.ctx, request.params.id, request.params.networkId, request.body),
  );
  app.post(
    '/families/:id/network/:networkId/end',
    change('End someone of the informal network', ZFamilyNetworkParams, ZVersionBody),
    async (request) => service.endNetwork(request.ctx, request.params.id, request.params.networkId, request.body.version),
  );

  app.post(
    '/families/:id/team',
    creation('Add a professional to the team (contact person)', ZFamilyParams, ZTeamAdd),
    async (request) => service.addTeamMember(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/families/:id/team/:teamMemberId/end',
    { config, schema: { tags, summary: "End a professional's team membership (contact person)", params: ZFamilyTeamParams, response: { 200: ZFamilyChangeResponse, ...errors } } },
    async (request) => service.endTeamMember(request.ctx, request.params.id, request.params.teamMemberId),
  );

  app.post(
    '/families/:id/consent',
    creation('Record a consent (12+ consent for themselves; parents or carers for younger children)', ZFamilyParams, ZConsentCreate),
    async (request) => service.recordConsent(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/families/:id/consent/:consentId/withdraw',
    change('Withdraw a consent or end an override (effective on the next request)', ZFamilyConsentParams, ZConsentWithdraw),
    async (request) => service.withdrawConsent(request.ctx, request.params.id, request.params.consentId, request.body),
  );
  app.post(
    '/families/:id/overrides',
    creation('Access without consent (danger, legal duty): written reason, fresh step-up, at most 72 hours', ZFamilyParams, ZOverrideCreate),
    async (request) => service.override(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/families/:id/contact',
    change('Hand the contact person over (the contact person, or a coordinator of the region)', ZFamilyParams, ZContactHandover),
    async (request) => service.handOver(request.ctx, request.params.id, request.body),
  );
};
