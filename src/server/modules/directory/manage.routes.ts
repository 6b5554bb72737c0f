import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZConfirmAllResponse,
  ZContactPointCreate,
  ZContactPointUpdate,
  ZDirectoryOrganisationUpdate,
  ZLocationCreate,
  ZLocationUpdate,
  ZManageIdParams,
  ZManageListQuery,
  ZManageOrganisationParams,
  ZManagedContactPointPage,
  ZManagedContactPointResponse,
  ZManagedLocationPage,
  ZManagedLocationResponse,
  ZManagedOrganisationResponse,
  ZManagedServicePage,
  ZManagedServiceResponse,
  ZManagedZinplekPage,
  ZManagedZinplekResponse,
  ZServiceCreate,
  ZServiceUpdate,
  ZStaleQuery,
  ZStaleResponse,
  ZZinplekCreate,
  ZZinplekUpdate,
} from '../../../shared/schemas/directory/manage.js';
import { requireFullContext } from '../../platform/context.js';
import { adminPolicy } from '../../platform/policy/policy.js';
import { staleListPolicy } from './manage.policy.js';
import { createManageService } from './manage.service.js';
import { engagementRoutes } from './engagement.routes.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['directory'];
const base = '/directory/manage';

/**
 * Keeping the directory: organisation admins (their own organisation) and platform admins (all);
 * the stale list also for network coordinators. Who may reach which record: manage.policy.ts.
 */
export const directoryManageRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createManageService(app.deps.database.db);
  const config = { policy: adminPolicy };

  app.get(
    `${base}/organisations/:organisationId`,
    { config, schema: { tags, summary: "The organisation's own directory entry", params: ZManageOrganisationParams, response: { 200: ZManagedOrganisationResponse, ...errors } } },
    async (request) => service.getOrganisation(request.ctx, request.params.organisationId),
  );
  app.patch(
    `${base}/organisations/:organisationId`,
    {
      config,
      schema: {
        tags,
        summary: "Change the organisation's directory entry and served municipalities (409 when the version is stale)",
        params: ZManageOrganisationParams,
        body: ZDirectoryOrganisationUpdate,
        response: { 200: ZManagedOrganisationResponse, ...errors },
      },
    },
    async (request) => service.updateOrganisation(request.ctx, request.params.organisationId, request.body),
  );
  app.post(
    `${base}/organisations/:organisationId/confirm`,
    { config, schema: { tags, summary: "Confirm the organisation's own entry is current", params: ZManageOrganisationParams, response: { 200: ZManagedOrganisationResponse, ...errors } } },
    async (request) => service.confirmOrganisation(request.ctx, request.params.organisationId),
  );
  app.post(
    `${base}/organisations/:organisationId/confirm-all`,
    { config, schema: { tags, summary: 'Confirm the organisation and every entry of it at once', params: ZManageOrganisationParams, response: { 200: ZConfirmAllResponse, ...errors } } },
    async (request) => service.confirmAll(request.ctx, request.params.organisationId),
  );

  // --- locations ---
  app.get(
    `${base}/organisations/:organisationId/locations`,
    { config, schema: { tags, summary: 'The locations of an organisation, by name', params: ZManageOrganisationParams, querystring: ZManageListQuery, response: { 200: ZManagedLocationPage, ...errors } } },
    async (request) => service.listLocations(request.ctx, request.params.organisationId, request.query),
  );
  app.post(
    `${base}/organisations/:organisationId/locations`,
    { config, schema: { tags, summary: 'Add a location', params: ZManageOrganisationParams, body: ZLocationCreate, response: { 201: ZManagedLocationResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.createLocation(request.ctx, request.params.organisationId, request.body);
    },
  );
  app.get(
    `${base}/locations/:id`,
    { config, schema: { tags, summary: 'One location', params: ZManageIdParams, response: { 200: ZManagedLocationResponse, ...errors } } },
    async (request) => service.getLocation(request.ctx, request.params.id),
  );
  app.patch(
    `${base}/locations/:id`,
    { config, schema: { tags, summary: 'Change a location; this confirms it too (409 when the version is stale)', params: ZManageIdParams, body: ZLocationUpdate, response: { 200: ZManagedLocationResponse, ...errors } } },
    async (request) => service.updateLocation(request.ctx, request.params.id, request.body),
  );
  app.delete(
    `${base}/locations/:id`,
    { config, schema: { tags, summary: 'Delete a location', params: ZManageIdParams, response: { 204: z.null().describe('Deleted'), ...errors } } },
    async (request, reply) => {
      await service.deleteLocation(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    `${base}/locations/:id/confirm`,
    { config, schema: { tags, summary: 'Confirm a location is current', params: ZManageIdParams, response: { 200: ZManagedLocationResponse, ...errors } } },
    async (request) => service.confirmLocation(request.ctx, request.params.id),
  );

  // --- services ---
  app.get(
    `${base}/organisations/:organisationId/services`,
    { config, schema: { tags, summary: 'The services of an organisation, by name', params: ZManageOrganisationParams, querystring: ZManageListQuery, response: { 200: ZManagedServicePage, ...errors } } },
    async (request) => service.listServices(request.ctx, request.params.organisationId, request.query),
  );
  app.post(
    `${base}/organisations/:organisationId/services`,
    { config, schema: { tags, summary: 'Add a service', params: ZManageOrganisationParams, body: ZServiceCreate, response: { 201: ZManagedServiceResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.createService(request.ctx, request.params.organisationId, request.body);
    },
  );
  app.get(
    `${base}/services/:id`,
    { config, schema: { tags, summary: 'One service', params: ZManageIdParams, response: { 200: ZManagedServiceResponse, ...errors } } },
    async (request) => service.getService(request.ctx, request.params.id),
  );
  app.patch(
    `${base}/services/:id`,
    { config, schema: { tags, summary: 'Change a service; this confirms it too (409 when the version is stale)', params: ZManageIdParams, body: ZServiceUpdate, response: { 200: ZManagedServiceResponse, ...errors } } },
    async (request) => service.updateService(request.ctx, request.params.id, request.body),
  );
  app.delete(
    `${base}/services/:id`,
    { config, schema: { tags, summary: 'Delete a service', params: ZManageIdParams, response: { 204: z.null().describe('Deleted'), ...errors } } },
    async (request, reply) => {
      await service.deleteService(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    `${base}/services/:id/confirm`,
    { config, schema: { tags, summary: 'Confirm a service is current', params: ZManageIdParams, response: { 200: ZManagedServiceResponse, ...errors } } },
    async (request) => service.confirmService(request.ctx, request.params.id),
  );

  // --- contact points ---
  app.get(
    `${base}/organisations/:organisationId/contact-points`,
    { config, schema: { tags, summary: 'The contact points of an organisation, by name', params: ZManageOrganisationParams, querystring: ZManageListQuery, response: { 200: ZManagedContactPointPage, ...errors } } },
    async (request) => service.listContactPoints(request.ctx, request.params.organisationId, request.query),
  );
  app.post(
    `${base}/organisations/:organisationId/contact-points`,
    { config, schema: { tags, summary: 'Add a contact point', params: ZManageOrganisationParams, body: ZContactPointCreate, response: { 201: ZManagedContactPointResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.createContactPoint(request.ctx, request.params.organisationId, request.body);
    },
  );
  app.get(
    `${base}/contact-points/:id`,
    { config, schema: { tags, summary: 'One contact point', params: ZManageIdParams, response: { 200: ZManagedContactPointResponse, ...errors } } },
    async (request) => service.getContactPoint(request.ctx, request.params.id),
  );
  app.patch(
    `${base}/contact-points/:id`,
    { config, schema: { tags, summary: 'Change a contact point; this confirms it too (409 when the version is stale)', params: ZManageIdParams, body: ZContactPointUpdate, response: { 200: ZManagedContactPointResponse, ...errors } } },
    async (request) => service.updateContactPoint(request.ctx, request.params.id, request.body),
  );
  app.delete(
    `${base}/contact-points/:id`,
    { config, schema: { tags, summary: 'Delete a contact point', params: ZManageIdParams, response: { 204: z.null().describe('Deleted'), ...errors } } },
    async (request, reply) => {
      await service.deleteContactPoint(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    `${base}/contact-points/:id/confirm`,
    { config, schema: { tags, summary: 'Confirm a contact point is current', params: ZManageIdParams, response: { 200: ZManagedContactPointResponse, ...errors } } },
    async (request) => service.confirmContactPoint(request.ctx, request.params.id),
  );

  // --- zinpleks ---
  app.get(
    `${base}/organisations/:organisationId/zinplekken`,
    { config, schema: { tags, summary: 'The zinpleks of an organisation, by name', params: ZManageOrganisationParams, querystring: ZManageListQuery, response: { 200: ZManagedZinplekPage, ...errors } } },
    async (request) => service.listZinplekken(request.ctx, request.params.organisationId, request.query),
  );
  app.post(
    `${base}/organisations/:organisationId/zinplekken`,
    { config, schema: { tags, summary: 'Add a zinplek', params: ZManageOrganisationParams, body: ZZinplekCreate, response: { 201: ZManagedZinplekResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.createZinplek(request.ctx, request.params.organisationId, request.body);
    },
  );
  app.get(
    `${base}/zinplekken/:id`,
    { config, schema: { tags, summary: 'One zinplek', params: ZManageIdParams, response: { 200: ZManagedZinplekResponse, ...errors } } },
    async (request) => service.getZinplek(request.ctx, request.params.id),
  );
  app.patch(
    `${base}/zinplekken/:id`,
    { config, schema: { tags, summary: 'Change a zinplek; this confirms it too (409 when the version is stale)', params: ZManageIdParams, body: ZZinplekUpdate, response: { 200: ZManagedZinplekResponse, ...errors } } },
    async (request) => service.updateZinplek(request.ctx, request.params.id, request.body),
  );
  app.delete(
    `${base}/zinplekken/:id`,
    { config, schema: { tags, summary: 'Delete a zinplek', params: ZManageIdParams, response: { 204: z.null().describe('Deleted'), ...errors } } },
    async (request, reply) => {
      await service.deleteZinplek(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    `${base}/zinplekken/:id/confirm`,
    { config, schema: { tags, summary: 'Confirm a zinplek is current', params: ZManageIdParams, response: { 200: ZManagedZinplekResponse, ...errors } } },
    async (request) => service.confirmZinplek(request.ctx, request.params.id),
  );

  app.get(
    `${base}/stale`,
    {
      config: { policy: staleListPolicy },
      schema: {
        tags,
        summary: 'Entries not confirmed for six months, oldest first: every organisation for coordinators and platform admins, their own for organisation admins',
        querystring: ZStaleQuery,
        response: { 200: ZStaleResponse, ...errors },
      },
    },
    async (request) => service.listStale(requireFullContext(request.ctx), request.query),
  );

  // Engagement declarations and a region's overview (engagement.routes.ts).
  await app.register(engagementRoutes);
};
