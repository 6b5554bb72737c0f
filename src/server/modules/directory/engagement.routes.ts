import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import { ZManageOrganisationParams } from '../../../shared/schemas/directory/manage.js';
import {
  ENGAGEMENT_UPLOAD_BODY_LIMIT,
  ZEngagementCreate,
  ZEngagementDocumentUpload,
  ZEngagementListResponse,
  ZEngagementOverviewParams,
  ZEngagementOverviewQuery,
  ZEngagementOverviewResponse,
  ZEngagementParams,
  ZEngagementResponse,
  ZEngagementUpdate,
} from '../../../shared/schemas/directory/engagement.js';
import { requireFullContext } from '../../platform/context.js';
import { attachmentDisposition } from '../../platform/csv.js';
import { adminPolicy } from '../../platform/policy/policy.js';
import { engagementOverviewPolicy, engagementReadPolicy } from './engagement.policy.js';
import { createEngagementService } from './engagement.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['directory'];
const base = '/directory/manage';

/**
 * Engagement declarations: the organisation admin keeps their organisation's (platform admins all);
 * coordinators read those of their regions and see a region's overview. Rules: engagement.policy.ts.
 */
export const engagementRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createEngagementService(app.deps.database.db);
  const keep = { policy: adminPolicy };
  const read = { policy: engagementReadPolicy };

  app.get(
    `${base}/organisations/:organisationId/engagements`,
    { config: keep, schema: { tags, summary: "The organisation's engagement declarations, one per region at most, by region", params: ZManageOrganisationParams, response: { 200: ZEngagementListResponse, ...errors } } },
    async (request) => service.list(request.ctx, request.params.organisationId),
  );
  app.post(
    `${base}/organisations/:organisationId/engagements`,
    {
      config: keep,
      schema: {
        tags,
        summary: 'Add an engagement declaration for a region (received needs receivedOn, expected needs expectedBy; 409 when the region has one already)',
        params: ZManageOrganisationParams,
        body: ZEngagementCreate,
        response: { 201: ZEngagementResponse, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return service.create(request.ctx, request.params.organisationId, request.body);
    },
  );
  app.get(
    `${base}/engagements/:id`,
    { config: read, schema: { tags, summary: 'One engagement declaration', params: ZEngagementParams, response: { 200: ZEngagementResponse, ...errors } } },
    async (request) => service.get(request.ctx, request.params.id),
  );
  app.patch(
    `${base}/engagements/:id`,
    {
      config: keep,
      schema: { tags, summary: 'Change an engagement declaration (409 when the version is stale)', params: ZEngagementParams, body: ZEngagementUpdate, response: { 200: ZEngagementResponse, ...errors } },
    },
    async (request) => service.update(request.ctx, request.params.id, request.body),
  );
  app.delete(
    `${base}/engagements/:id`,
    { config: keep, schema: { tags, summary: 'Delete an engagement declaration and its signed documents', params: ZEngagementParams, response: { 204: z.null().describe('Deleted'), ...errors } } },
    async (request, reply) => {
      await service.delete(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.put(
    `${base}/engagements/:id/document`,
    {
      config: keep,
      bodyLimit: ENGAGEMENT_UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Upload the signed declaration: a PDF (checked on its content) of at most 5 MiB, base64 in JSON; replacing keeps the earlier file as its own attachment',
        params: ZEngagementParams,
        body: ZEngagementDocumentUpload,
        response: { 200: ZEngagementResponse, ...errors, 413: ZErrorResponse },
      },
    },
    async (request) => service.upload(request.ctx, request.params.id, request.body),
  );
  app.get(
    `${base}/engagements/:id/document`,
    {
      config: read,
      schema: { tags, summary: 'Download the signed declaration (PDF)', params: ZEngagementParams, response: { 200: z.unknown().describe('application/pdf'), ...errors } },
    },
    async (request, reply) => {
      const doc = await service.download(request.ctx, request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachmentDisposition(doc.fileName))
        .header('cache-control', 'no-store')
        .send(doc.content);
    },
  );
  app.get(
    `${base}/regions/:regionId/engagements`,
    {
      config: { policy: engagementOverviewPolicy },
      schema: {
        tags,
        summary: "A region's overview: its organisations with their declaration (received, expected, overdue, under consideration) or none, by name",
        params: ZEngagementOverviewParams,
        querystring: ZEngagementOverviewQuery,
        response: { 200: ZEngagementOverviewResponse, ...errors },
      },
    },
    async (request) => service.overview(requireFullContext(request.ctx), request.params.regionId, request.query),
  );
};
