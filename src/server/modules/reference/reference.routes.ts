import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZRegionDetailResponse,
  ZRegionListResponse,
  ZRegionMunicipalityAdd,
  ZRegionMunicipalityParams,
  ZRegionMunicipalityRemoveQuery,
  ZRegionParams,
  ZSectorListResponse,
} from '../../../shared/schemas/reference.js';
import { platformAdminPolicy, publicPolicy } from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { createReferenceService } from './reference.service.js';

/** Public reference data: regions with their municipalities and population, and sectors. */
export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createReferenceService(app.deps.database.db);

  app.get(
    '/regions',
    {
      config: { policy: publicPolicy },
      schema: {
        tags: ['reference'],
        summary: 'Regions (1G1P networks and provinces) with population computed from their municipalities',
        response: { 200: ZRegionListResponse },
      },
    },
    async () => ({ data: await service.listRegions() }),
  );

  app.get(
    '/regions/:code',
    {
      config: { policy: publicPolicy },
      schema: {
        tags: ['reference'],
        summary: 'One region with its municipalities',
        params: ZRegionParams,
        response: { 200: ZRegionDetailResponse, 404: ZErrorResponse },
      },
    },
    async (request) => ({ data: await service.getRegion(request.params.code) }),
  );

  // Editing a region's municipalities: platform admins (product.md: they keep regions and sectors).
  const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };
  app.post(
    '/regions/:code/municipalities',
    {
      config: { policy: platformAdminPolicy },
      schema: {
        tags: ['reference'],
        summary: 'Add a municipality to a region (409 when it is in another 1G1P region already, or the version is stale)',
        params: ZRegionParams,
        body: ZRegionMunicipalityAdd,
        response: { 200: ZRegionDetailResponse, ...errors },
      },
    },
    async (request) => ({ data: await service.addMunicipality(requireFullContext(request.ctx), request.params.code, request.body) }),
  );
  app.delete(
    '/regions/:code/municipalities/:nisCode',
    {
      config: { policy: platformAdminPolicy },
      schema: {
        tags: ['reference'],
        summary: "Remove a municipality from a region (?version= the region's version)",
        params: ZRegionMunicipalityParams,
        querystring: ZRegionMunicipalityRemoveQuery,
        response: { 200: ZRegionDetailResponse, ...errors },
      },
    },
    async (request) => ({ data: await service.removeMunicipality(requireFullContext(request.ctx), request.params.code, request.params.nisCode, request.query.version) }),
  );

  app.get(
    '/sectors',
    {
      config: { policy: publicPolicy },
      schema: { tags: ['reference'], summary: 'Sectors of the network', response: { 200: ZSectorListResponse } },
    },
    async () => ({ data: await service.listSectors() }),
  );
};
