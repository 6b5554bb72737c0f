import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  DIRECTORY_IMPORT_MAX_BYTES,
  ZDirectoryImportCreate,
  ZDirectoryImportListQuery,
  ZDirectoryImportListResponse,
  ZDirectoryImportParams,
  ZDirectoryImportResponse,
} from '../../../shared/schemas/directory/hsds.js';
import { platformAdminPolicy } from '../../platform/policy/policy.js';
import { createDirectoryImportService } from './imports.service.js';

/** HSDS imports from the admin UI: upload (queued as a job), the list, and one import's progress and report. */
export const directoryImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const imports = createDirectoryImportService({ db: app.deps.database.db, jobs: app.deps.jobs });
  const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse };

  app.post(
    '/directory/imports',
    {
      config: { policy: platformAdminPolicy },
      bodyLimit: DIRECTORY_IMPORT_MAX_BYTES,
      schema: {
        tags: ['directory'],
        summary: 'Start an HSDS import (a JSON dataset or the CSV files of a tabular package); runs in the background',
        body: ZDirectoryImportCreate,
        response: { 202: ZDirectoryImportResponse, ...errors, 413: ZErrorResponse },
      },
    },
    async (request, reply) => reply.code(202).send({ data: await imports.create(request.ctx, request.body) }),
  );

  app.get(
    '/directory/imports',
    {
      config: { policy: platformAdminPolicy },
      schema: { tags: ['directory'], summary: 'HSDS imports, newest first', querystring: ZDirectoryImportListQuery, response: { 200: ZDirectoryImportListResponse, ...errors } },
    },
    async (request) => ({ data: await imports.list(request.query) }),
  );

  app.get(
    '/directory/imports/:id',
    {
      config: { policy: platformAdminPolicy },
      schema: { tags: ['directory'], summary: 'One HSDS import: status, progress and report', params: ZDirectoryImportParams, response: { 200: ZDirectoryImportResponse, ...errors, 404: ZErrorResponse } },
    },
    async (request) => ({ data: await imports.get(request.params.id) }),
  );
};
