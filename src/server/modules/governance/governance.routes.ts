import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZBodyCreate,
  ZBodyListQuery,
  ZBodyListResponse,
  ZBodyMemberCreate,
  ZBodyMemberLeave,
  ZBodyMemberLeftResponse,
  ZBodyMemberListResponse,
  ZBodyMemberResponse,
  ZBodyOptionsResponse,
  ZMemberCandidatesQuery,
  ZMemberCandidatesResponse,
  ZBodyParams,
  ZBodyResponse,
  ZBodyUpdate,
  ZMembershipParams,
} from '../../../shared/schemas/governance.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { governanceAdminPolicy } from './governance.policy.js';
import { createGovernanceService } from './governance.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['governance'];

/** Governance bodies and their members; who may is decided per body (governance.policy.ts). */
export const governanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createGovernanceService(app.deps.database.db);
  const config = { policy: authenticatedPolicy };

  app.get(
    '/governance/bodies',
    {
      config,
      schema: {
        tags,
        summary: 'Bodies I am a member of (coordinators: of their regions; platform admins: all), a page at a time by name',
        querystring: ZBodyListQuery,
        response: { 200: ZBodyListResponse, ...errors },
      },
    },
    async (request) => service.listBodies(requireFullContext(request.ctx), request.query),
  );

  app.post(
    '/governance/bodies',
    {
      config: { policy: governanceAdminPolicy },
      schema: { tags, summary: 'Create a body of a region or province (its coordinators, platform admins)', body: ZBodyCreate, response: { 201: ZBodyResponse, ...errors } },
    },
    async (request, reply) => {
      reply.code(201);
      return service.createBody(requireFullContext(request.ctx), request.body);
    },
  );

  app.get(
    '/governance/body-options',
    {
      config,
      schema: { tags, summary: 'The regions and provinces the caller may start a body in (createBody false: none)', response: { 200: ZBodyOptionsResponse, ...errors } },
    },
    async (request) => service.bodyOptions(requireFullContext(request.ctx)),
  );

  app.get(
    '/governance/bodies/:id/candidates',
    {
      config,
      schema: {
        tags,
        summary: 'People to add as a member, by part of their name, with the organisations they work in (those who keep the members)',
        params: ZBodyParams,
        querystring: ZMemberCandidatesQuery,
        response: { 200: ZMemberCandidatesResponse, ...errors },
      },
    },
    async (request) => service.candidates(request.ctx, request.params.id, request.query.q),
  );

  app.get(
    '/governance/bodies/:id',
    { config, schema: { tags, summary: 'One body', params: ZBodyParams, response: { 200: ZBodyResponse, ...errors } } },
    async (request) => service.getBody(request.ctx, request.params.id),
  );

  app.patch(
    '/governance/bodies/:id',
    {
      config,
      schema: { tags, summary: 'Change a body (409 when the version is stale)', params: ZBodyParams, body: ZBodyUpdate, response: { 200: ZBodyResponse, ...errors } },
    },
    async (request) => service.updateBody(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/governance/bodies/:id/members',
    { config, schema: { tags, summary: 'The membership history of a body: current members first, ended memberships included', params: ZBodyParams, response: { 200: ZBodyMemberListResponse, ...errors } } },
    async (request) => service.listMembers(request.ctx, request.params.id),
  );

  app.post(
    '/governance/bodies/:id/members',
    {
      config,
      schema: { tags, summary: 'Add a member from a date with a role (409 when already a member)', params: ZBodyParams, body: ZBodyMemberCreate, response: { 201: ZBodyMemberResponse, ...errors } },
    },
    async (request, reply) => {
      reply.code(201);
      return service.addMember(request.ctx, request.params.id, request.body);
    },
  );

  app.post(
    '/governance/bodies/:id/members/:membershipId/leave',
    {
      config,
      schema: {
        tags,
        summary: 'End a membership on a day; a successor takes over from the next day with the same role and organisation (409 when ended already)',
        params: ZMembershipParams,
        body: ZBodyMemberLeave,
        response: { 200: ZBodyMemberLeftResponse, ...errors },
      },
    },
    async (request) => service.leave(request.ctx, request.params.id, request.params.membershipId, request.body),
  );
};
