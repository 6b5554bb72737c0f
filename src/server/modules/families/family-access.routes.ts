import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import { ZFamilyAccessResponse, ZFamilyParams } from '../../../shared/schemas/families/family.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { createFamilyService } from './family.service.js';

/**
 * GET /api/families/:id/access — for a professional on the family's open team: can the file be
 * opened now, and may an override without consent be asked (the family page shows the override
 * button from it when the file itself answers 404, e.g. after the consent was withdrawn).
 */
export const familyAccessRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createFamilyService(app.deps.database.db);
  app.get(
    '/families/:id/access',
    {
      config: { policy: authenticatedPolicy },
      schema: {
        tags: ['families'],
        summary: 'On the team without access? Whether the file opens and whether an override may be asked (nothing of the file)',
        params: ZFamilyParams,
        response: { 200: ZFamilyAccessResponse, 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse },
      },
    },
    async (request) => service.access(requireFullContext(request.ctx), request.params.id),
  );
};
