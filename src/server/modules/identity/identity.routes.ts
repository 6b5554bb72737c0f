import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZIdParams,
  ZOrganisationCreate,
  ZOrganisationListResponse,
  ZOrganisationResponse,
  ZOrganisationUpdate,
  ZPersonCreate,
  ZPersonCreatedResponse,
  ZPersonListQuery,
  ZPersonListResponse,
  ZPersonResponse,
} from '../../../shared/schemas/admin.js';
import { adminPolicy, platformAdminPolicy, requireFull } from '../../platform/policy/policy.js';
import { createIdentityAdminService } from './identity.admin.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/** Administration of organisations and their staff. */
export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database, clock } = app.deps;
  const service = createIdentityAdminService(database.db, clock, config.baseUrl);

  app.get(
    '/admin/organisations',
    { config: { policy: adminPolicy }, schema: { tags: ['admin'], summary: 'Organisations I administer (all, for platform admins)', response: { 200: ZOrganisationListResponse, ...errors } } },
    async (request) => ({ data: await service.listOrganisations(requireFull(request)) }),
  );

  app.post(
    '/admin/organisations',
    {
      config: { policy: platformAdminPolicy },
      schema: { tags: ['admin'], summary: 'Create an organisation', body: ZOrganisationCreate, response: { 201: ZOrganisationResponse, ...errors } },
    },
    async (request, reply) => {
      reply.code(201);
      return { data: await service.createOrganisation(requireFull(request), request.body, request.ip) };
    },
  );

  app.get(
    '/admin/organisations/:id',
    { config: { policy: adminPolicy }, schema: { tags: ['admin'], summary: 'One organisation', params: ZIdParams, response: { 200: ZOrganisationResponse, ...errors } } },
    async (request) => ({ data: await service.getOrganisation(requireFull(request), request.params.id) }),
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
    async (request) => ({ data: await service.updateOrganisation(requireFull(request), request.params.id, request.body, request.ip) }),
  );

  app.get(
    '/admin/people',
    {
      config: { policy: adminPolicy },
      schema: { tags: ['admin'], summary: 'People of the organisations I administer', querystring: ZPersonListQuery, response: { 200: ZPersonListResponse, ...errors } },
    },
    async (request) => ({ data: await service.listPeople(requireFull(request), request.query.organisationId) }),
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
      return { data: await service.createPerson(requireFull(request), request.body, request.ip) };
    },
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
      async (request) => ({ data: await service.setPersonStatus(requireFull(request), request.params.id, status, request.ip) }),
    );
  }
};
