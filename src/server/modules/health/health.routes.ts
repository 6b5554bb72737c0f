import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZHealth } from '../../../shared/schemas/health.js';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import { publicPolicy } from '../../platform/policy/policy.js';
import { AppError } from '../../platform/errors.js';

/** GET /api/health: liveness plus a round trip to the database. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { policy: publicPolicy },
      schema: {
        tags: ['platform'],
        summary: 'Health of the service and its database (the version only for a full session)',
        response: { 200: ZHealth, 503: ZErrorResponse },
      },
    },
    async (request) => {
      try {
        await app.deps.database.ping();
      } catch (err) {
        app.log.error({ err }, 'health check: database unreachable');
        throw new AppError(503, 'unavailable');
      }
      const full = request.actor?.level === 'full';
      return { status: 'ok' as const, database: app.deps.database.kind, ...(full ? { version: app.deps.config.version } : {}) };
    },
  );
};
