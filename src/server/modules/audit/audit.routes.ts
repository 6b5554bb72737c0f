import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import { ZAuditPage, ZAuditQuery } from '../../../shared/schemas/admin.js';
import { platformAdminPolicy } from '../../platform/policy/policy.js';
import { auditRepo } from './audit.repo.js';

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
      const q = request.query;
      const rows = await auditRepo.page(db, {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      const page = rows.slice(0, q.limit);
      return {
        data: page.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() })),
        nextBefore: rows.length > q.limit ? (page[page.length - 1]?.seq ?? null) : null,
      };
    },
  );
};
