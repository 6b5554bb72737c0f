import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse, dataEnvelope } from '../../../shared/schemas/common.js';
import {
  ZConfidantCreate,
  ZConfidantParams,
  ZConfidantResponse,
  ZConfidant,
  ZPortalAccepted,
  ZPortalAccessQuery,
  ZPortalAccessResponse,
  ZPortalCodeLogin,
  ZPortalConsentGive,
  ZPortalConsentListResponse,
  ZPortalConsentParams,
  ZPortalConsentResponse,
  ZPortalContributionsParams,
  ZPortalContributionsResponse,
  ZPortalExportResponse,
  ZPortalInvite,
  ZPortalInviteParams,
  ZPortalInviteResponse,
  ZPortalLinkLogin,
  ZPortalLoginRequest,
  ZPortalMeResponse,
  ZPortalObjectionCreate,
  ZPortalObjectionParams,
  ZPortalObjectionResponse,
  ZPortalPlanResponse,
  ZPortalTeamResponse,
  ZPortalVoice,
} from '../../../shared/schemas/portal.js';
import { authenticatedPolicy, portalPolicy, publicPolicy } from '../../platform/policy/policy.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/authenticate.js';
import { createPortalAuthService } from './portal-auth.service.js';
import { createPortalService } from './portal.service.js';
import { attachmentDisposition } from '../../platform/csv.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse, 422: ZErrorResponse, 429: ZErrorResponse };
const tags = ['portal'];
const portal = { policy: portalPolicy };
const ZLoggedIn = dataEnvelope(z.object({ csrfToken: z.string() }));
const ZVoiceResponse = dataEnvelope(z.object({ version: z.number().int() }));

/**
 * The family portal (docs/portal.md). Login without a password (public: code or link by e-mail);
 * everything else under /portal answers only a family login (portalPolicy: professionals get 403),
 * and the invitation is a professional's route behind the family's consent gate.
 */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database, mailer } = app.deps;
  const auth = createPortalAuthService(database.db, mailer, config.baseUrl);
  const service = createPortalService(database.db);

  // ------------------------------------------------------------------ invitation (professional)

  app.post(
    '/families/:id/members/:memberId/portal-access',
    {
      config: { policy: authenticatedPolicy },
      schema: {
        tags,
        summary: 'Invite a family member to the portal (a youth of 12+, a parent or carer): links the member to a family login for this address',
        params: ZPortalInviteParams,
        body: ZPortalInvite,
        response: { 201: ZPortalInviteResponse, ...errors },
      },
    },
    async (request, reply) => {
      const data = await auth.invite(request.ctx, request.params.id, request.params.memberId, request.body.email);
      reply.code(201);
      return { data };
    },
  );

  app.get(
    '/families/:id/portal-contributions',
    {
      config: { policy: authenticatedPolicy },
      schema: {
        tags,
        summary: 'What the family said through the portal, for the team: standing objections, the family’s comments, the versions they wrote, their agreement (behind the consent gate, read_plan)',
        params: ZPortalContributionsParams,
        response: { 200: ZPortalContributionsResponse, ...errors },
      },
    },
    async (request) => ({ data: await service.contributionsForTeam(request.ctx, request.params.id) }),
  );

  // ------------------------------------------------------------------ login

  app.post(
    '/portal/login',
    {
      config: { policy: publicPolicy },
      schema: { tags, summary: 'Mail a one-time code and link (the same answer whether or not the address is known)', body: ZPortalLoginRequest, response: { 202: ZPortalAccepted, ...errors } },
    },
    async (request, reply) => {
      await auth.requestCode(request.ctx, request.body.email);
      reply.code(202);
      return { data: { ok: true as const } };
    },
  );

  app.post(
    '/portal/login/code',
    {
      config: { policy: publicPolicy },
      schema: { tags, summary: 'Log in with the 6-digit code from the mail', body: ZPortalCodeLogin, response: { 200: ZLoggedIn, ...errors } },
    },
    async (request, reply) => {
      const session = await auth.loginWithCode(request.ctx, request.body.email, request.body.code);
      setSessionCookie(reply, config, session.token);
      return { data: { csrfToken: session.csrfToken } };
    },
  );

  app.post(
    '/portal/login/link',
    {
      config: { policy: publicPolicy },
      schema: { tags, summary: 'Log in with the link from the mail', body: ZPortalLinkLogin, response: { 200: ZLoggedIn, ...errors } },
    },
    async (request, reply) => {
      const session = await auth.loginWithLink(request.ctx, request.body.token);
      setSessionCookie(reply, config, session.token);
      return { data: { csrfToken: session.csrfToken } };
    },
  );

  app.post(
    '/portal/logout',
    { config: portal, schema: { tags, summary: 'End this portal session', response: { 200: ZPortalAccepted, ...errors } } },
    async (request, reply) => {
      const data = await service.logout(request.ctx);
      clearSessionCookie(reply, config);
      return { data };
    },
  );

  app.get(
    '/portal/me',
    { config: portal, schema: { tags, summary: 'Who I am in the portal and what I may do', response: { 200: ZPortalMeResponse, ...errors } } },
    async (request) => ({ data: await service.me(request.ctx) }),
  );

  // ------------------------------------------------------------------ my plan, my voice, my team

  app.get(
    '/portal/plan',
    { config: portal, schema: { tags, summary: 'My plan: the current version, next evaluation, waits, and what changed since my last visit', response: { 200: ZPortalPlanResponse, ...errors } } },
    async (request) => service.plan(request.ctx),
  );

  app.post(
    '/portal/plan/voice',
    {
      config: portal,
      schema: { tags, summary: 'Add my voice: a goal, a comment, an action done (a new plan version) or my agreement; stale base version → 409', body: ZPortalVoice, response: { 201: ZVoiceResponse, ...errors } },
    },
    async (request, reply) => {
      const data = await service.voice(request.ctx, request.body);
      reply.code(201);
      return { data };
    },
  );

  app.get(
    '/portal/team',
    { config: portal, schema: { tags, summary: 'My team: the contact person and the professionals with organisation, role and since when', response: { 200: ZPortalTeamResponse, ...errors } } },
    async (request) => ({ data: await service.team(request.ctx) }),
  );

  // ------------------------------------------------------------------ consent

  app.get(
    '/portal/consents',
    { config: portal, schema: { tags, summary: 'The consents about me, the overrides with their reason, my objections', response: { 200: ZPortalConsentListResponse, ...errors } } },
    async (request) => ({ data: await service.consents(request.ctx) }),
  );

  app.post(
    '/portal/consents',
    {
      config: portal,
      schema: { tags, summary: 'Give a consent (a youth of 12+ for themselves; a parent for themselves or a child under 12)', body: ZPortalConsentGive, response: { 201: ZPortalConsentResponse, ...errors } },
    },
    async (request, reply) => {
      const data = await service.giveConsent(request.ctx, request.body);
      reply.code(201);
      return { data };
    },
  );

  app.post(
    '/portal/consents/:consentId/withdraw',
    { config: portal, schema: { tags, summary: 'Withdraw a consent, effective at once', params: ZPortalConsentParams, response: { 200: ZPortalConsentResponse, ...errors } } },
    async (request) => ({ data: await service.withdrawConsent(request.ctx, request.params.consentId) }),
  );

  app.post(
    '/portal/objections',
    {
      config: portal,
      schema: { tags, summary: 'Object to access by a named professional of the team (a youth of 12+)', body: ZPortalObjectionCreate, response: { 201: ZPortalObjectionResponse, ...errors } },
    },
    async (request, reply) => {
      const data = await service.object(request.ctx, request.body.personId);
      reply.code(201);
      return { data };
    },
  );

  app.post(
    '/portal/objections/:objectionId/withdraw',
    { config: portal, schema: { tags, summary: 'Withdraw my objection: the person’s consents count again', params: ZPortalObjectionParams, response: { 200: ZPortalObjectionResponse, ...errors } } },
    async (request) => ({ data: await service.withdrawObjection(request.ctx, request.params.objectionId) }),
  );

  // ------------------------------------------------------------------ confidant

  app.get(
    '/portal/confidants',
    { config: portal, schema: { tags, summary: 'My confidants (a youth of 12+)', response: { 200: dataEnvelope(z.array(ZConfidant)), ...errors } } },
    async (request) => ({ data: await service.confidants(request.ctx) }),
  );

  app.post(
    '/portal/confidants',
    {
      config: portal,
      schema: { tags, summary: 'Designate a confidant: an adult not involved in the care, who gets their own login', body: ZConfidantCreate, response: { 201: ZConfidantResponse, ...errors } },
    },
    async (request, reply) => {
      const data = await auth.designateConfidant(request.ctx, request.body);
      reply.code(201);
      return { data };
    },
  );

  app.post(
    '/portal/confidants/:confidantId/end',
    { config: portal, schema: { tags, summary: 'End a confidant’s access at once', params: ZConfidantParams, response: { 200: ZPortalAccepted, ...errors } } },
    async (request) => ({ data: await auth.endConfidant(request.ctx, request.params.confidantId) }),
  );

  // ------------------------------------------------------------------ who opened my file, my data

  app.get(
    '/portal/access-log',
    { config: portal, schema: { tags, summary: 'Who opened my file: every access by a professional, and the overrides with their reason', querystring: ZPortalAccessQuery, response: { 200: ZPortalAccessResponse, ...errors } } },
    async (request) => ({ data: await service.accessLog(request.ctx, request.query) }),
  );

  app.get(
    '/portal/export',
    { config: portal, schema: { tags, summary: 'My data: everything Samenplan holds about me, as JSON (what the law keeps from me left out)', response: { 200: ZPortalExportResponse, ...errors } } },
    async (request, reply) => {
      const data = await service.exportMine(request.ctx);
      reply.header('content-disposition', 'attachment; filename="samenplan-mijn-gegevens.json"');
      return { data };
    },
  );

  app.get(
    '/portal/export.pdf',
    {
      config: portal,
      schema: { tags, summary: 'My data as a readable document (PDF): the same data as the JSON export, with the same items left out', response: { 200: z.unknown().describe('application/pdf'), ...errors } },
    },
    async (request, reply) => {
      const { fileName, pdf } = await service.exportDocument(request.ctx);
      return reply.type('application/pdf').header('content-disposition', attachmentDisposition(fileName)).header('cache-control', 'no-store').send(Buffer.from(pdf));
    },
  );
};
