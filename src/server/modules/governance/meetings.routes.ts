import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZActionItemCreate,
  ZActionItemParams,
  ZActionItemResponse,
  ZActionItemUpdate,
  ZAgendaItemCreate,
  ZAgendaItemDeleteQuery,
  ZAgendaItemParams,
  ZAgendaItemUpdate,
  ZAgendaOrder,
  ZAmendmentCreate,
  ZAttendanceSet,
  ZBodyParams,
  ZMeetingCreate,
  ZMeetingListQuery,
  ZMeetingListResponse,
  ZMeetingParams,
  ZMeetingResponse,
  ZMeetingUpdate,
  ZMinutesApprove,
  ZMinutesSet,
  ZMyActionsQuery,
  ZMyActionsResponse,
} from '../../../shared/schemas/governance.js';
import { authenticatedPolicy } from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { createMeetingsService } from './meetings.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse };
const tags = ['governance'];

/** Meetings of governance bodies: agenda, attendance, minutes, amendments and action items (governance.policy.ts decides per body). */
export const meetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = createMeetingsService(app.deps.database.db);
  const config = { policy: authenticatedPolicy };
  const meeting = { 200: ZMeetingResponse, ...errors };

  app.get(
    '/governance/bodies/:id/meetings',
    { config, schema: { tags, summary: 'The meetings of a body, a page at a time by date', params: ZBodyParams, querystring: ZMeetingListQuery, response: { 200: ZMeetingListResponse, ...errors } } },
    async (request) => service.listMeetings(request.ctx, request.params.id, request.query),
  );

  app.post(
    '/governance/bodies/:id/meetings',
    { config, schema: { tags, summary: 'Plan a meeting of a body', params: ZBodyParams, body: ZMeetingCreate, response: { 201: ZMeetingResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.createMeeting(request.ctx, request.params.id, request.body);
    },
  );

  app.get(
    '/governance/meetings/:id',
    { config, schema: { tags, summary: 'A meeting with its agenda, minutes, attendance, actions and the open actions of earlier meetings (followUp)', params: ZMeetingParams, response: meeting } },
    async (request) => service.getMeeting(request.ctx, request.params.id),
  );

  app.patch(
    '/governance/meetings/:id',
    { config, schema: { tags, summary: 'Change a meeting (409 when the version is stale)', params: ZMeetingParams, body: ZMeetingUpdate, response: meeting } },
    async (request) => service.updateMeeting(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/governance/meetings/:id/items',
    { config, schema: { tags, summary: 'Add an item at the end of the agenda (409 when the minutes are approved)', params: ZMeetingParams, body: ZAgendaItemCreate, response: { 201: ZMeetingResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.addItem(request.ctx, request.params.id, request.body);
    },
  );

  app.patch(
    '/governance/meetings/:id/items/:itemId',
    { config, schema: { tags, summary: "Change an agenda item (the item's version)", params: ZAgendaItemParams, body: ZAgendaItemUpdate, response: meeting } },
    async (request) => service.updateItem(request.ctx, request.params.id, request.params.itemId, request.body),
  );

  app.delete(
    '/governance/meetings/:id/items/:itemId',
    { config, schema: { tags, summary: "Remove an agenda item (?version= the meeting's version)", params: ZAgendaItemParams, querystring: ZAgendaItemDeleteQuery, response: meeting } },
    async (request) => service.deleteItem(request.ctx, request.params.id, request.params.itemId, request.query.version),
  );

  app.post(
    '/governance/meetings/:id/agenda/order',
    { config, schema: { tags, summary: "Put the agenda in a new order (the meeting's version; 409 when somebody changed the agenda first)", params: ZMeetingParams, body: ZAgendaOrder, response: meeting } },
    async (request) => service.reorder(request.ctx, request.params.id, request.body),
  );

  app.put(
    '/governance/meetings/:id/attendance',
    { config, schema: { tags, summary: 'Set who was present, excused or absent, and the guests', params: ZMeetingParams, body: ZAttendanceSet, response: meeting } },
    async (request) => service.setAttendance(request.ctx, request.params.id, request.body),
  );

  app.put(
    '/governance/meetings/:id/items/:itemId/minutes',
    { config, schema: { tags, summary: "Save the minutes of an agenda item (the item's version; 409 once approved)", params: ZAgendaItemParams, body: ZMinutesSet, response: meeting } },
    async (request) => service.setMinutes(request.ctx, request.params.id, request.params.itemId, request.body),
  );

  app.post(
    '/governance/meetings/:id/minutes/approve',
    { config, schema: { tags, summary: 'Approve the minutes at a later meeting of the same body; they are frozen afterwards', params: ZMeetingParams, body: ZMinutesApprove, response: meeting } },
    async (request) => service.approveMinutes(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/governance/meetings/:id/items/:itemId/amendments',
    { config, schema: { tags, summary: 'Add an amendment to approved minutes of an item', params: ZAgendaItemParams, body: ZAmendmentCreate, response: { 201: ZMeetingResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.addAmendment(request.ctx, request.params.id, request.params.itemId, request.body.text);
    },
  );

  app.post(
    '/governance/meetings/:id/items/:itemId/actions',
    { config, schema: { tags, summary: 'Add an action item decided at an agenda item', params: ZAgendaItemParams, body: ZActionItemCreate, response: { 201: ZActionItemResponse, ...errors } } },
    async (request, reply) => {
      reply.code(201);
      return service.addAction(request.ctx, request.params.id, request.params.itemId, request.body);
    },
  );

  app.patch(
    '/governance/actions/:id',
    { config, schema: { tags, summary: 'Change or close an action item (its owner, the body\'s managers)', params: ZActionItemParams, body: ZActionItemUpdate, response: { 200: ZActionItemResponse, ...errors } } },
    async (request) => service.updateAction(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/governance/my-actions',
    { config, schema: { tags, summary: 'The action items I own, across bodies, a page at a time (open first, then by due date)', querystring: ZMyActionsQuery, response: { 200: ZMyActionsResponse, ...errors } } },
    async (request) => service.myActions(requireFullContext(request.ctx), request.query),
  );
};
