import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  HSDS_VERSION,
  ZHsdsIdParams,
  ZHsdsMeta,
  ZHsdsOrganization,
  ZHsdsOrganizationPage,
  ZHsdsPageQuery,
  ZHsdsService,
  ZHsdsServiceAtLocationPage,
  ZHsdsServiceAtLocationQuery,
  ZHsdsServicePage,
  ZHsdsServiceQuery,
} from '../../../shared/schemas/directory/hsds.js';
import { publicPolicy } from '../../platform/policy/policy.js';
import { createHsdsService } from './hsds.service.js';

/**
 * The directory as Open Referral HSDS 3, following the HSDS API reference (public, like the
 * directory itself; read-only). Registered under /api/hsds.
 */
export const hsdsRoutes: FastifyPluginAsyncZod = async (app) => {
  const hsds = createHsdsService(app.deps.database.db);
  const errors = { 400: ZErrorResponse, 404: ZErrorResponse };

  app.get(
    '/',
    {
      config: { policy: publicPolicy },
      schema: { tags: ['hsds'], summary: 'HSDS version and profile of this API', response: { 200: ZHsdsMeta } },
    },
    async () => ({ version: HSDS_VERSION, profile: 'https://openreferral.org/hsds/3.0', openapi_url: '/api/openapi.json' }),
  );

  app.get(
    '/organizations',
    {
      config: { policy: publicPolicy },
      schema: {
        tags: ['hsds'],
        summary: 'Organisations of the public directory (paged; full=true nests locations, contacts, phones, attributes)',
        querystring: ZHsdsPageQuery,
        response: { 200: ZHsdsOrganizationPage, 400: ZErrorResponse },
      },
    },
    async (request) => hsds.organizations(request.query),
  );

  app.get(
    '/organizations/:id',
    {
      config: { policy: publicPolicy },
      schema: { tags: ['hsds'], summary: 'One organisation, fully nested', params: ZHsdsIdParams, response: { 200: ZHsdsOrganization, ...errors } },
    },
    async (request) => hsds.organization(request.params.id),
  );

  app.get(
    '/services',
    {
      config: { policy: publicPolicy },
      schema: {
        tags: ['hsds'],
        summary: 'Services and zinplekken of the public directory (paged; filter by organisation or modification time)',
        querystring: ZHsdsServiceQuery,
        response: { 200: ZHsdsServicePage, 400: ZErrorResponse },
      },
    },
    async (request) => hsds.services(request.query),
  );

  app.get(
    '/services/:id',
    {
      config: { policy: publicPolicy },
      schema: { tags: ['hsds'], summary: 'One service, fully nested', params: ZHsdsIdParams, response: { 200: ZHsdsService, ...errors } },
    },
    async (request) => hsds.service(request.params.id),
  );

  app.get(
    '/service_at_locations',
    {
      config: { policy: publicPolicy },
      schema: {
        tags: ['hsds'],
        summary: 'Where services are offered (paged; full=true nests the location)',
        querystring: ZHsdsServiceAtLocationQuery,
        response: { 200: ZHsdsServiceAtLocationPage, 400: ZErrorResponse },
      },
    },
    async (request) => hsds.serviceAtLocations(request.query),
  );
};
