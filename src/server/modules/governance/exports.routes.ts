import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import { ZBodyParams, ZCalendarFeedResponse, ZCalendarTokenParams, ZMeetingParams, ZPlanParams } from '../../../shared/schemas/governance.js';
import { authenticatedPolicy, publicPolicy } from '../../platform/policy/policy.js';
import { attachmentDisposition } from '../../platform/csv.js';
import { createExportsService } from './exports.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['governance'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Exports: minutes as Word and print page, meetings as iCalendar (per meeting and a private feed per body), the regional plan as CSV. */
export const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createExportsService(app.deps.database.db, app.deps.config.baseUrl);
  const config = { policy: authenticatedPolicy };

  app.get(
    '/governance/meetings/:id/minutes.docx',
    { config, schema: { tags, summary: 'The minutes of a meeting as a Word document', params: ZMeetingParams, response: { 200: z.any().describe(DOCX), ...errors } } },
    async (request, reply) => {
      const { file, fileName } = await service.minutesDocx(request.ctx, request.params.id);
      return reply.type(DOCX).header('content-disposition', attachmentDisposition(fileName)).header('cache-control', 'no-store').send(file);
    },
  );

  app.get(
    '/governance/meetings/:id/print',
    { config, schema: { tags, summary: 'The minutes of a meeting as a page to print', params: ZMeetingParams, response: { 200: z.string().describe('text/html'), ...errors } } },
    async (request, reply) => {
      const html = await service.minutesPrint(request.ctx, request.params.id);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  );

  app.get(
    '/governance/meetings/:id/meeting.ics',
    { config, schema: { tags, summary: 'A meeting as an iCalendar file', params: ZMeetingParams, response: { 200: z.string().describe('text/calendar'), ...errors } } },
    async (request, reply) => {
      const { ics, fileName } = await service.meetingIcs(request.ctx, request.params.id);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', attachmentDisposition(fileName)).header('cache-control', 'no-store').send(ics);
    },
  );

  app.post(
    '/governance/bodies/:id/calendar-feed',
    { config, schema: { tags, summary: 'A new private calendar feed URL of a body (shown once; the previous URL stops working)', params: ZBodyParams, response: { 201: ZCalendarFeedResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.regenerateFeed(request.ctx, request.params.id);
    },
  );

  app.delete(
    '/governance/bodies/:id/calendar-feed',
    { config, schema: { tags, summary: 'Revoke the private calendar feed of a body', params: ZBodyParams, response: { 204: z.null().describe('Revoked'), ...errors } } },
    async (request, reply) => {
      await service.revokeFeed(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/governance/calendar/:token',
    {
      config: { policy: publicPolicy },
      schema: { tags, summary: 'The private calendar feed of a body (the token is the key; 404 once regenerated or revoked)', params: ZCalendarTokenParams, response: { 200: z.string().describe('text/calendar'), ...errors } },
    },
    async (request, reply) => {
      const ics = await service.feed(request.ctx.now, request.params.token);
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer').send(ics);
    },
  );

  app.get(
    '/governance/plans/:id/print',
    { config, schema: { tags, summary: 'The regional plan as a page to print: totals, actions, indicators', params: ZPlanParams, response: { 200: z.string().describe('text/html'), ...errors } } },
    async (request, reply) => {
      const html = await service.planPrint(request.ctx, request.params.id);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  );

  app.get(
    '/governance/plans/:id/plan.csv',
    { config, schema: { tags, summary: 'The regional plan as CSV (formulas neutralised)', params: ZPlanParams, response: { 200: z.string().describe('text/csv'), ...errors } } },
    async (request, reply) => {
      const { csv, fileName } = await service.planCsv(request.ctx, request.params.id);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', attachmentDisposition(fileName)).header('cache-control', 'no-store').send(csv);
    },
  );
};
