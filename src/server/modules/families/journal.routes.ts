import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import { ZFamilyIdParams, ZJournalCreate, ZJournalMark, ZJournalNoteParams, ZJournalNoteResponse, ZJournalPageResponse, ZJournalQuery } from '../../../shared/schemas/families/care.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { createJournalService } from './journal.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['families'];

/** The family's journal; who may read and write is decided per family (families.policy.ts). */
export const journalRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createJournalService(app.deps.database.db);
  const config = { policy: authenticatedPolicy };

  app.get(
    '/families/:id/journal',
    {
      config,
      schema: {
        tags,
        summary: 'Journal notes I may see, newest first, a page at a time (notes for one organisation only reach its team members)',
        params: ZFamilyIdParams,
        querystring: ZJournalQuery,
        response: { 200: ZJournalPageResponse, ...errors },
      },
    },
    async (request) => service.list(request.ctx, request.params.id, request.query),
  );

  app.post(
    '/families/:id/journal',
    {
      config,
      schema: { tags, summary: 'Add a journal note for the whole team or my organisation only', params: ZFamilyIdParams, body: ZJournalCreate, response: { 201: ZJournalNoteResponse, ...errors } },
    },
    async (request, reply) => {
      reply.code(201);
      return service.add(request.ctx, request.params.id, request.body);
    },
  );

  app.patch(
    '/families/:id/journal/:noteId/marking',
    {
      config,
      schema: {
        tags,
        summary: "Correct what the family sees of a note (its marking): the note's author or the contact person; 409 when the version is stale",
        params: ZJournalNoteParams,
        body: ZJournalMark,
        response: { 200: ZJournalNoteResponse, ...errors },
      },
    },
    async (request) => service.mark(request.ctx, request.params.id, request.params.noteId, request.body),
  );
};
