import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  MEETING_ATTACHMENT_BODY_LIMIT,
  ZMeetingAttachmentListResponse,
  ZMeetingAttachmentParams,
  ZMeetingAttachmentResponse,
  ZMeetingAttachmentUpload,
  ZMeetingParams,
} from '../../../shared/schemas/governance.js';
import { attachmentDisposition } from '../../platform/csv.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { createAttachmentsService } from './attachments.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['governance'];

/** Files of meetings and agenda items (meetingPolicy decides: members read, chair/secretary/coordinators write). */
export const attachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createAttachmentsService(app.deps.database.db);
  const config = { policy: authenticatedPolicy };

  app.get(
    '/governance/meetings/:id/attachments',
    { config, schema: { tags, summary: 'The files of a meeting and of its agenda items, oldest first', params: ZMeetingParams, response: { 200: ZMeetingAttachmentListResponse, ...errors } } },
    async (request) => service.list(request.ctx, request.params.id),
  );

  app.post(
    '/governance/meetings/:id/attachments',
    {
      config,
      bodyLimit: MEETING_ATTACHMENT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Attach a file to a meeting or one of its agenda items: PDF, DOCX, XLSX, PPTX, PNG or JPEG (checked on its content), at most 10 MiB, base64 in JSON',
        params: ZMeetingParams,
        body: ZMeetingAttachmentUpload,
        response: { 201: ZMeetingAttachmentResponse, ...errors, 413: ZErrorResponse },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return service.upload(request.ctx, request.params.id, request.body);
    },
  );

  app.get(
    '/governance/meeting-attachments/:id',
    { config, schema: { tags, summary: 'Download a file of a meeting (with its own media type)', params: ZMeetingAttachmentParams, response: { 200: z.unknown().describe('The file'), ...errors } } },
    async (request, reply) => {
      const file = await service.download(request.ctx, request.params.id);
      return reply.type(file.mediaType).header('content-disposition', attachmentDisposition(file.fileName)).header('cache-control', 'no-store').send(file.content);
    },
  );

  app.delete(
    '/governance/meeting-attachments/:id',
    { config, schema: { tags, summary: 'Delete a file of a meeting', params: ZMeetingAttachmentParams, response: { 204: z.null().describe('Deleted'), ...errors } } },
    async (request, reply) => {
      await service.delete(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
