import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZIdParams,
  ZOrganisationCreate,
  ZOrganisationListQuery,
  ZOrganisationListResponse,
  ZOrganisationResponse,
  ZOrganisationUpdate,
  ZPersonCreate,
  ZPersonCreatedResponse,
  ZPersonListQuery,
  ZPersonListResponse,
  ZPersonResponse,
  ZPersonUpdate,
} from '../../../shared/schemas/admin.js';
import { adminPolicy, platformAdminPolicy } from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { createIdentityAdminService } from './identity.admin.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };

/** Administration of organisations and their staff. */
export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database } = app.deps;
  const service = createIdentityAdminService(database.db, config.baseUrl);

  app.get(
    '/admin/organisations',
    {
      config: { policy: adminPolicy },
      schema: {
        tags: ['admin'],
        summary: 'Organisations I administer (all, for platform admins), a page at a time, with search on the name',
        querystring: ZOrganisationListQuery,
        response: { 200: ZOrganisationListResponse, ...errors },
      },
    },
    async (request) => service.listOrganisations(requireFullContext(request.ctx), request.query),
  );

  app.post(
    '/admin/organisations',
    {
      config: { policy: platformAdminPolicy },
      schema: { tags: ['admin'], summary: 'Create an organisation', body: ZOrganisationCreate, response: { 201: ZOrganisationResponse, ...errors } },
    },
    async (request, reply) => {
      reply.code(201);
      return service.createOrganisation(requireFullContext(request.ctx), request.body);
    },
  );

  app.get(
    '/admin/organisations/:id',
    { config: { policy: adminPolicy }, schema: { tags: ['admin'], summary: 'One organisation', params: ZIdParams, response: { 200: ZOrganisationResponse, ...errors } } },
    async (request) => service.getOrganisation(requireFullContext(request.ctx), request.params.id),
  );

  app.patch(
    '/admin/organisations/:id',
    {
      config: { policy: adminPolicy },
      schema: {
        tags: ['admin'],
        summary: 'Change an organisation (409 when the version is stale)',
        params: ZIdParams,
        body: ZOrganisationUpdate,
        response: { 200: ZOrganisationResponse, ...errors },
      },
    },
    async (request) => service.updateOrganisation(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/admin/people',
    {
      config: { policy: adminPolicy },
      schema: {
        tags: ['admin'],
        summary: 'People of the organisations I administer, a page at a time, with search on name and e-mail',
        querystring: ZPersonListQuery,
        response: { 200: ZPersonListResponse, ...errors },
      },
    },
    async (request) => service.listPeople(requireFullContext(request.ctx), request.query),
  );

  app.post(
    '/admin/people',
    {
      config: { policy: adminPolicy },
      schema: {
        tags: ['admin'],
        summary: 'Add a person with a login; returns a one-time enrolment link',
        body: ZPersonCreate,
        response: { 201: ZPersonCreatedResponse, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return service.createPerson(requireFullContext(request.ctx), request.body);
    },
  );

  app.get(
    '/admin/people/:id',
    { config: { policy: adminPolicy }, schema: { tags: ['admin'], summary: 'One person, with what I may do with them', params: ZIdParams, response: { 200: ZPersonResponse, ...errors } } },
    async (request) => service.getPerson(requireFullContext(request.ctx), request.params.id),
  );

  app.patch(
    '/admin/people/:id',
    {
      config: { policy: adminPolicy },
      schema: {
        tags: ['admin'],
        summary: 'Change a person (409 when the version is stale; a new e-mail address or org_admin role needs step-up)',
        params: ZIdParams,
        body: ZPersonUpdate,
        response: { 200: ZPersonResponse, ...errors },
      },
    },
    async (request) => service.updatePerson(request.ctx, request.params.id, request.body),
  );

  for (const [path, status] of [['disable', 'disabled'], ['enable', 'active']] as const) {
    app.post(
      `/admin/people/:id/${path}`,
      {
        config: { policy: adminPolicy },
        schema: {
          tags: ['admin'],
          summary: status === 'disabled' ? 'Disable a person and their login; their sessions end at once' : 'Enable a person again',
          params: ZIdParams,
          response: { 200: ZPersonResponse, ...errors },
        },
      },
      async (request) => service.setPersonStatus(request.ctx, request.params.id, status),
    );
  }
};
