import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZLifeDomainAdminListResponse,
  ZLifeDomainAdminResponse,
  ZLifeDomainCreate,
  ZLifeDomainOrder,
  ZLifeDomainParams,
  ZLifeDomainUpdate,
} from '../../../shared/schemas/families/lifedomains.js';
import { platformAdminPolicy } from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { createLifeDomainsService } from './lifedomains.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['admin'];
const policy = { policy: platformAdminPolicy };

/** The platform admin's editing of the life-domain list (requests and plan goals refer to it). */
export const lifeDomainsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createLifeDomainsService(app.deps.database.db);

  app.get(
    '/admin/life-domains',
    { config: policy, schema: { tags, summary: 'Every life domain, inactive ones too, with whether requests or plans use it', response: { 200: ZLifeDomainAdminListResponse, ...errors } } },
    async () => service.list(),
  );

  app.post(
    '/admin/life-domains',
    { config: policy, schema: { tags, summary: 'Add a life domain at the end of the list (409 when the code exists)', body: ZLifeDomainCreate, response: { 201: ZLifeDomainAdminResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.create(requireFullContext(request.ctx), request.body);
    },
  );

  app.put(
    '/admin/life-domains/order',
    { config: policy, schema: { tags, summary: 'Put the list in a new order (every code exactly once)', body: ZLifeDomainOrder, response: { 200: ZLifeDomainAdminListResponse, ...errors } } },
    async (request) => service.reorder(requireFullContext(request.ctx), request.body.codes),
  );

  app.patch(
    '/admin/life-domains/:code',
    {
      config: policy,
      schema: {
        tags,
        summary: 'Rename a life domain, or retire it (inactive: refused for new requests and goals, still shown on old ones) or bring it back',
        params: ZLifeDomainParams,
        body: ZLifeDomainUpdate,
        response: { 200: ZLifeDomainAdminResponse, ...errors },
      },
    },
    async (request) => service.update(requireFullContext(request.ctx), request.params.code, request.body),
  );

  app.delete(
    '/admin/life-domains/:code',
    {
      config: policy,
      schema: { tags, summary: 'Delete a life domain nothing refers to (409 in_use when requests or plans use it)', params: ZLifeDomainParams, response: { 200: ZLifeDomainAdminListResponse, ...errors } },
    },
    async (request) => service.remove(requireFullContext(request.ctx), request.params.code),
  );
};
