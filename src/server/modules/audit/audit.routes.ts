import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import { ZAuditPage, ZAuditQuery } from '../../../shared/schemas/admin.js';
import { platformAdminPolicy } from '../../platform/policy/policy.js';
import { auditPage } from './audit.service.js';

/** The audit viewer for platform admins: filters and keyset pages, newest first. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps.database;
  app.get(
    '/audit',
    {
      config: { policy: platformAdminPolicy },
      schema: {
        tags: ['audit'],
        summary: 'Audit trail, newest first (platform admins)',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage, 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      return auditPage(db, { ...rest, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined });
    },
  );
};
