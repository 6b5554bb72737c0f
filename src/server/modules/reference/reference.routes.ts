import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZRegionDetailResponse,
  ZRegionListResponse,
  ZRegionParams,
  ZSectorListResponse,
} from '../../../shared/schemas/reference.js';
import { publicPolicy } from '../../platform/policy/policy.js';
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

  app.get(
    '/sectors',
    {
      config: { policy: publicPolicy },
      schema: { tags: ['reference'], summary: 'Sectors of the network', response: { 200: ZSectorListResponse } },
    },
    async () => ({ data: await service.listSectors() }),
  );
};
