import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZAttendance,
  ZDeleted,
  ZEventCreate,
  ZEventListQuery,
  ZEventListResponse,
  ZEventParams,
  ZEventResponse,
  ZEventUpdate,
  ZMyRegistrationResponse,
  ZPublicAccepted,
  ZPublicEventResponse,
  ZPublicRegistrationCreate,
  ZPublicRegistrationResponse,
  ZPublicToken,
  ZRegistrationCreate,
  ZRegistrationListResponse,
  ZRegistrationParams,
  ZRegistrationResponse,
  ZSessionCreate,
  ZSessionDeleteQuery,
  ZSessionListResponse,
  ZSessionParams,
  ZSessionResponse,
  ZSessionUpdate,
} from '../../../shared/schemas/learning.js';
import { authenticatedPolicy, publicPolicy } from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { attachmentDisposition } from '../../platform/csv.js';
import { learningOrganiserPolicy } from './learning.policy.js';
import { createLearningService } from './learning.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['learning'];

/** Learning events, their sessions and registrations; who may is decided per event (learning.policy.ts). */
export const learningRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createLearningService(app.deps.database.db, app.deps.mailer, app.deps.config.baseUrl);
  const config = { policy: authenticatedPolicy };

  app.get(
    '/learning/events',
    { config, schema: { tags, summary: 'Events I may see (published ones; organisers also their drafts), a page at a time by day', querystring: ZEventListQuery, response: { 200: ZEventListResponse, ...errors } } },
    async (request) => service.listEvents(requireFullContext(request.ctx), request.query),
  );

  app.post(
    '/learning/events',
    {
      config: { policy: learningOrganiserPolicy },
      schema: { tags, summary: 'Create an event (coordinators, platform admins; organisation admins for their organisation)', body: ZEventCreate, response: { 201: ZEventResponse, ...errors } },
    },
    async (request, reply) => {
      reply.code(201);
      return service.createEvent(requireFullContext(request.ctx), request.body);
    },
  );

  app.get(
    '/learning/events/:id',
    { config, schema: { tags, summary: 'One event with its cost split', params: ZEventParams, response: { 200: ZEventResponse, ...errors } } },
    async (request) => service.getEvent(request.ctx, request.params.id),
  );

  app.patch(
    '/learning/events/:id',
    { config, schema: { tags, summary: 'Change an event (409 when the version is stale)', params: ZEventParams, body: ZEventUpdate, response: { 200: ZEventResponse, ...errors } } },
    async (request) => service.updateEvent(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/learning/events/:id/sessions',
    { config, schema: { tags, summary: 'The sessions of an event with places taken and waiting', params: ZEventParams, response: { 200: ZSessionListResponse, ...errors } } },
    async (request) => service.listSessions(request.ctx, request.params.id),
  );

  app.post(
    '/learning/events/:id/sessions',
    { config, schema: { tags, summary: 'Add a session in a room with a capacity', params: ZEventParams, body: ZSessionCreate, response: { 201: ZSessionResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.createSession(request.ctx, request.params.id, request.body);
    },
  );

  app.patch(
    '/learning/events/:id/sessions/:sessionId',
    {
      config,
      schema: { tags, summary: 'Change a session (409 when stale or the capacity drops below the places taken)', params: ZSessionParams, body: ZSessionUpdate, response: { 200: ZSessionResponse, ...errors } },
    },
    async (request) => service.updateSession(request.ctx, request.params.id, request.params.sessionId, request.body),
  );

  app.delete(
    '/learning/events/:id/sessions/:sessionId',
    {
      config,
      schema: { tags, summary: 'Remove a session without registrations (409 otherwise)', params: ZSessionParams, querystring: ZSessionDeleteQuery, response: { 200: ZDeleted, ...errors } },
    },
    async (request) => service.deleteSession(request.ctx, request.params.id, request.params.sessionId, request.query.version),
  );

  app.get(
    '/learning/events/:id/registrations',
    { config, schema: { tags, summary: 'The registrations of an event (the organiser: check-in list)', params: ZEventParams, response: { 200: ZRegistrationListResponse, ...errors } } },
    async (request) => service.listRegistrations(request.ctx, request.params.id),
  );

  app.get(
    '/learning/events/:id/my-registration',
    { config, schema: { tags, summary: 'My own registration for the event with my places and waiting-list positions (null when not registered)', params: ZEventParams, response: { 200: ZMyRegistrationResponse, ...errors } } },
    async (request) => service.myRegistration(request.ctx, request.params.id),
  );

  app.post(
    '/learning/events/:id/registrations',
    {
      config,
      schema: {
        tags,
        summary: 'Register for an event and its sessions; a full session puts you on its waiting list (409 outside the window or when registered already)',
        params: ZEventParams,
        body: ZRegistrationCreate,
        response: { 201: ZRegistrationResponse, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return service.register(request.ctx, request.params.id, request.body);
    },
  );

  app.delete(
    '/learning/events/:id/registrations/:registrationId',
    { config, schema: { tags, summary: 'Cancel a registration; the first on each waiting list gets the place (and a mail)', params: ZRegistrationParams, response: { 200: ZRegistrationResponse, ...errors } } },
    async (request) => service.cancelRegistration(request.ctx, request.params.id, request.params.registrationId),
  );

  app.post(
    '/learning/events/:id/registrations/:registrationId/attendance',
    { config, schema: { tags, summary: 'Check a participant in (present) or out on the day', params: ZRegistrationParams, body: ZAttendance, response: { 200: ZRegistrationResponse, ...errors } } },
    async (request) => service.setAttendance(request.ctx, request.params.id, request.params.registrationId, request.body.present),
  );

  app.get(
    '/learning/events/:id/registrations/:registrationId/certificate.pdf',
    {
      config,
      schema: {
        tags,
        summary: 'A certificate of attendance (PDF) for a participant checked in as present — the person themselves or the organiser (409 when not present)',
        params: ZRegistrationParams,
        response: { 200: z.unknown().describe('application/pdf'), ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, pdf } = await service.certificate(request.ctx, request.params.id, request.params.registrationId);
      return reply.type('application/pdf').header('content-disposition', attachmentDisposition(fileName)).header('cache-control', 'no-store').send(Buffer.from(pdf));
    },
  );

  app.get(
    '/learning/events/:id/participants.csv',
    { config, schema: { tags, summary: 'The participant list as CSV (formulas neutralised), for the organiser', params: ZEventParams, response: { 200: z.string().describe('text/csv'), ...errors } } },
    async (request, reply) => {
      const { fileName, csv } = await service.exportParticipants(request.ctx, request.params.id);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', attachmentDisposition(fileName)).header('cache-control', 'no-store').send(csv);
    },
  );

  // --- the public form: parents and young people register without a login when the organiser opened it ---

  const open = { policy: publicPolicy };
  const publicErrors = { ...errors, 429: ZErrorResponse, 503: ZErrorResponse };

  app.get(
    '/learning/public/events/:id',
    { config: open, schema: { tags, summary: 'The event for the public form (404 unless published with the public form opened)', params: ZEventParams, response: { 200: ZPublicEventResponse, ...publicErrors } } },
    async (request) => service.publicEvent(request.ctx, request.params.id),
  );

  app.post(
    '/learning/public/events/:id/registrations',
    {
      config: open,
      schema: {
        tags,
        summary: 'Register as a parent or young person: mails a confirmation link (48 h, single use); no place is taken until it is confirmed (throttled per address and IP)',
        params: ZEventParams,
        body: ZPublicRegistrationCreate,
        response: { 202: ZPublicAccepted, ...publicErrors },
      },
    },
    async (request, reply) => {
      await service.publicRegister(request.ctx, request.params.id, request.body);
      reply.code(202);
      return { data: { ok: true as const } };
    },
  );

  app.post(
    '/learning/public/confirm',
    {
      config: open,
      schema: { tags, summary: 'Confirm a public registration by the token of the mail: takes the places or the waiting list (404 unknown, 409 used or expired)', body: ZPublicToken, response: { 200: ZPublicRegistrationResponse, ...publicErrors } },
    },
    async (request) => service.publicConfirm(request.ctx, request.body.token),
  );

  app.post(
    '/learning/public/cancel',
    {
      config: open,
      schema: { tags, summary: 'Cancel a public registration by the token of the confirmation mail; the waiting list moves up', body: ZPublicToken, response: { 200: ZPublicRegistrationResponse, ...publicErrors } },
    },
    async (request) => service.publicCancel(request.ctx, request.body.token),
  );
};
