import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import { ATTACHMENT_BODY_LIMIT } from '../../../shared/schemas/attachments.js';
import {
  ZPracticeAttachmentParams,
  ZPracticeAttachmentUpload,
  ZPracticeCreate,
  ZPracticeListQuery,
  ZPracticeListResponse,
  ZPracticeParams,
  ZPracticeResponse,
  ZPracticeSectorsResponse,
  ZPracticeStatusChange,
  ZPracticeUpdate,
} from '../../../shared/schemas/learning-practices.js';
import { ZOrganisationOptionsQuery, ZOrganisationOptionsResponse } from '../../../shared/schemas/learning-toolkit.js';
import { attachmentDisposition } from '../../platform/csv.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { practiceProposerPolicy } from './practices.policy.js';
import { createPracticesService } from './practices.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['learning'];
const base = '/learning/practices';

/** The good practices library (practices.policy.ts decides who). */
export const practicesRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createPracticesService(app.deps.database.db);
  const config = { policy: authenticatedPolicy };

  app.get(
    base,
    { config, schema: { tags, summary: 'Good practices by title: published ones, and the drafts of my organisation (coordinators: all); Dutch search and a sector filter', querystring: ZPracticeListQuery, response: { 200: ZPracticeListResponse, ...errors } } },
    async (request) => service.list(requireFullContext(request.ctx), request.query),
  );

  app.get(
    `${base}/sectors`,
    { config, schema: { tags, summary: 'The sectors to filter on and choose from', response: { 200: ZPracticeSectorsResponse, ...errors } } },
    async (request) => service.sectors(requireFullContext(request.ctx)),
  );

  app.get(
    `${base}/organisations`,
    { config: { policy: practiceProposerPolicy }, schema: { tags, summary: 'Organisations to choose the involved ones from (at most 50 by name; whoever may propose a practice)', querystring: ZOrganisationOptionsQuery, response: { 200: ZOrganisationOptionsResponse, ...errors } } },
    async (request) => service.organisationOptions(request.query.q),
  );

  app.post(
    base,
    { config: { policy: practiceProposerPolicy }, schema: { tags, summary: 'Propose a good practice (a draft of my organisation)', body: ZPracticeCreate, response: { 201: ZPracticeResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.create(requireFullContext(request.ctx), request.body);
    },
  );

  app.get(
    `${base}/:id`,
    { config, schema: { tags, summary: 'A good practice with its contacts and attachments', params: ZPracticeParams, response: { 200: ZPracticeResponse, ...errors } } },
    async (request) => service.get(request.ctx, request.params.id),
  );

  app.patch(
    `${base}/:id`,
    { config, schema: { tags, summary: 'Change a good practice (its organisation, coordinators; 409 when stale)', params: ZPracticeParams, body: ZPracticeUpdate, response: { 200: ZPracticeResponse, ...errors } } },
    async (request) => service.update(request.ctx, request.params.id, request.body),
  );

  app.post(
    `${base}/:id/publish`,
    { config, schema: { tags, summary: 'Publish to every network partner (coordinators)', params: ZPracticeParams, body: ZPracticeStatusChange, response: { 200: ZPracticeResponse, ...errors } } },
    async (request) => service.publish(request.ctx, request.params.id, request.body.version),
  );

  app.post(
    `${base}/:id/withdraw`,
    { config, schema: { tags, summary: 'Withdraw a published practice (coordinators)', params: ZPracticeParams, body: ZPracticeStatusChange, response: { 200: ZPracticeResponse, ...errors } } },
    async (request) => service.withdraw(request.ctx, request.params.id, request.body.version),
  );

  app.post(
    `${base}/:id/attachments`,
    {
      config,
      bodyLimit: ATTACHMENT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Attach a file: PDF, DOCX, XLSX, PPTX, PNG or JPEG (checked on its content), at most 10 MiB, base64 in JSON',
        params: ZPracticeParams,
        body: ZPracticeAttachmentUpload,
        response: { 201: ZPracticeResponse, ...errors, 413: ZErrorResponse },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return service.upload(request.ctx, request.params.id, request.body);
    },
  );

  app.get(
    `${base}/:id/attachments/:attachmentId`,
    { config, schema: { tags, summary: 'Download a file of a practice (with its own media type)', params: ZPracticeAttachmentParams, response: { 200: z.unknown().describe('The file'), ...errors } } },
    async (request, reply) => {
      const file = await service.download(request.ctx, request.params.id, request.params.attachmentId);
      return reply.type(file.mediaType).header('content-disposition', attachmentDisposition(file.fileName)).header('cache-control', 'no-store').send(file.content);
    },
  );

  app.delete(
    `${base}/:id/attachments/:attachmentId`,
    { config, schema: { tags, summary: 'Delete a file of a practice', params: ZPracticeAttachmentParams, response: { 204: z.null().describe('Deleted'), ...errors } } },
    async (request, reply) => {
      await service.deleteAttachment(request.ctx, request.params.id, request.params.attachmentId);
      return reply.code(204).send(null);
    },
  );
};
