import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import { ZWorkResponse } from '../../../shared/schemas/families/work.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { createWorkService } from './work.service.js';

/**
 * "My work", the professional's landing page: requests near or past the one-month norm, plan
 * actions and evaluations due, what changed in my families since my last visit, who is waiting.
 * Everyone with a full session may ask; the answer only covers families whose file they may open.
 */
export const workRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createWorkService(app.deps.database.db);
  app.get(
    '/work',
    {
      config: { policy: authenticatedPolicy },
      schema: {
        tags: ['families'],
        summary: 'My work: what is due, what changed in my families since my last visit, who is waiting',
        response: { 200: ZWorkResponse, 401: ZErrorResponse, 403: ZErrorResponse },
      },
    },
    async (request) => service.mine(requireFullContext(request.ctx)),
  );
};
