import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZDirectoryFacetsResponse,
  ZDirectoryIdParams,
  ZDirectoryMapQuery,
  ZDirectoryMapResponse,
  ZDirectorySearchQuery,
  ZDirectorySearchResponse,
  ZPublicOrganisationResponse,
  ZPublicServiceResponse,
  ZPublicZinplekResponse,
} from '../../../shared/schemas/directory/public.js';
import { publicPolicy } from '../../platform/policy/policy.js';
import { createDirectoryPublicService } from './public.service.js';

const tags = ['directory'];
const config = { policy: publicPolicy };

/** The public directory (sociale kaart): search, detail pages and the filters' choices. No login. */
export const directoryPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createDirectoryPublicService(app.deps.database.db);

  app.get(
    '/directory/search',
    {
      config,
      schema: {
        tags,
        summary: 'Search the services and zinplekken of listed organisations (Dutch, accent-insensitive, typo-tolerant; name matches first)',
        querystring: ZDirectorySearchQuery,
        response: { 200: ZDirectorySearchResponse, 400: ZErrorResponse },
      },
    },
    async (request) => service.search(request.ctx, request.query),
  );

  app.get(
    '/directory/facets',
    { config, schema: { tags, summary: 'What the search filters offer: sectors, regions with their municipalities', response: { 200: ZDirectoryFacetsResponse } } },
    async () => service.facets(),
  );

  app.get(
    '/directory/services/:id',
    { config, schema: { tags, summary: 'One service of a listed organisation', params: ZDirectoryIdParams, response: { 200: ZPublicServiceResponse, 400: ZErrorResponse, 404: ZErrorResponse } } },
    async (request) => ({ data: await service.service(request.ctx, request.params.id) }),
  );

  app.get(
    '/directory/organisations/:id',
    { config, schema: { tags, summary: 'One listed organisation with its services, zinplekken and places', params: ZDirectoryIdParams, response: { 200: ZPublicOrganisationResponse, 400: ZErrorResponse, 404: ZErrorResponse } } },
    async (request) => ({ data: await service.organisation(request.ctx, request.params.id) }),
  );

  app.get(
    '/directory/zinplekken/:id',
    { config, schema: { tags, summary: 'One zinplek of a listed organisation', params: ZDirectoryIdParams, response: { 200: ZPublicZinplekResponse, 400: ZErrorResponse, 404: ZErrorResponse } } },
    async (request) => ({ data: await service.zinplek(request.ctx, request.params.id) }),
  );

  app.get(
    '/directory/map',
    {
      config,
      schema: {
        tags,
        summary: "The map: Flanders' municipality outlines (the region's marked) and the located places of listed organisations in the region",
        querystring: ZDirectoryMapQuery,
        response: { 200: ZDirectoryMapResponse, 400: ZErrorResponse, 404: ZErrorResponse },
      },
    },
    async (request) => service.map(request.query),
  );
};
