import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import {
  ZEnrolRequest,
  ZLoginRequest,
  ZLoginResponse,
  ZMeResponse,
  ZSessionStateResponse,
  ZMfaEnabledResponse,
  ZMfaRequest,
  ZMfaSetupResponse,
  ZOk,
  ZPasswordChange,
  ZPasswordResetConfirm,
  ZPasswordResetRequest,
  ZOutboxResponse,
  ZReauthResponse,
  ZRecoveryCodesResponse,
  ZMfaReplacedResponse,
  ZSessionListResponse,
  ZSessionParams,
} from '../../../shared/schemas/auth.js';
import {
  authenticatedPolicy,
  passwordStagePolicy,
  platformAdminPolicy,
  publicPolicy,
} from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/authenticate.js';
import { createAuthService } from './auth.service.js';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 429: ZErrorResponse };

/** Login with password and TOTP, enrolment, logout, my sessions and password. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database } = app.deps;
  const service = createAuthService(database.db, app.deps.secrets);

  app.post(
    '/auth/login',
    {
      config: { policy: publicPolicy },
      schema: {
        tags: ['auth'],
        summary: 'Check e-mail and password; starts a session that still needs the second factor',
        body: ZLoginRequest,
        response: { 200: ZLoginResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await service.login(request.ctx, request.body.email, request.body.password);
      setSessionCookie(reply, config, result.token);
      return { data: { next: result.next, csrfToken: result.csrfToken } };
    },
  );

  app.post(
    '/auth/enrol',
    {
      config: { policy: publicPolicy },
      schema: {
        tags: ['auth'],
        summary: 'Choose a first password through a one-time enrolment link; the second factor is set up next',
        body: ZEnrolRequest,
        response: { 200: ZLoginResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await service.enrol(request.ctx, request.body.token, request.body.password);
      setSessionCookie(reply, config, result.token);
      return { data: { next: result.next, csrfToken: result.csrfToken } };
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { policy: publicPolicy },
      schema: {
        tags: ['auth'],
        summary: 'Mail a password-reset link (same answer whether or not the address is known)',
        body: ZPasswordResetRequest,
        response: { 202: ZOk, ...errors },
      },
    },
    async (request, reply) => {
      await service.requestPasswordReset(
        request.ctx,
        request.body.email,
        app.deps.mailer,
        (token) => `${config.baseUrl}/wachtwoord-herstellen#${token}`,
      );
      reply.code(202);
      return { data: { ok: true as const } };
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { policy: publicPolicy },
      schema: {
        tags: ['auth'],
        summary: 'Choose a new password with the link from the mail; all sessions end; the second factor is asked next',
        body: ZPasswordResetConfirm,
        response: { 200: ZLoginResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await service.confirmPasswordReset(request.ctx, request.body.token, request.body.password);
      setSessionCookie(reply, config, result.token);
      return { data: { next: result.next, csrfToken: result.csrfToken } };
    },
  );

  app.get(
    '/dev/outbox',
    {
      config: { policy: platformAdminPolicy },
      schema: {
        tags: ['platform'],
        summary: 'Mail kept in the development outbox when no SMTP server is configured (platform admins)',
        response: { 200: ZOutboxResponse, ...errors },
      },
    },
    async () => {
      const rows = await app.deps.mailer.outbox(50);
      return { data: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
    },
  );

  app.post(
    '/auth/mfa',
    {
      config: { policy: passwordStagePolicy },
      schema: {
        tags: ['auth'],
        summary: 'Give the second factor (a TOTP code or a recovery code)',
        body: ZMfaRequest,
        response: { 200: ZLoginResponse, 409: ZErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const session = await service.verifyMfa(request.ctx, request.body.code);
      setSessionCookie(reply, config, session.token);
      return { data: { next: 'mfa' as const, csrfToken: session.csrfToken } };
    },
  );

  app.post(
    '/auth/mfa/setup',
    {
      config: { policy: passwordStagePolicy },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment: a new secret and its QR code',
        response: { 200: ZMfaSetupResponse, 409: ZErrorResponse, ...errors },
      },
    },
    async (request) => ({ data: await service.setupMfa(request.ctx) }),
  );

  app.post(
    '/auth/mfa/enable',
    {
      config: { policy: passwordStagePolicy },
      schema: {
        tags: ['auth'],
        summary: 'Confirm TOTP enrolment with a first code; returns one-time recovery codes',
        body: ZMfaRequest,
        response: { 200: ZMfaEnabledResponse, 409: ZErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const { session, recoveryCodes } = await service.enableMfa(request.ctx, request.body.code);
      setSessionCookie(reply, config, session.token);
      return { data: { recoveryCodes, csrfToken: session.csrfToken } };
    },
  );

  app.post(
    '/auth/reauthenticate',
    {
      config: { policy: authenticatedPolicy },
      schema: {
        tags: ['auth'],
        summary: 'Step-up: confirm the second factor again; sensitive operations are allowed for five minutes',
        body: ZMfaRequest,
        response: { 200: ZReauthResponse, 409: ZErrorResponse, ...errors },
      },
    },
    async (request) => ({ data: await service.reauthenticate(requireFullContext(request.ctx), request.body.code) }),
  );

  app.get(
    '/auth/session',
    {
      config: { policy: publicPolicy },
      schema: {
        tags: ['auth'],
        summary: 'Who is logged in on this browser, or null: the web app asks this on every page',
        response: { 200: ZSessionStateResponse },
      },
    },
    async (request) => ({ data: request.ctx.actor?.kind === 'professional' ? service.me(request.ctx) : null }),
  );

  app.get(
    '/auth/me',
    {
      config: { policy: passwordStagePolicy },
      schema: { tags: ['auth'], summary: 'Who I am, my roles and abilities', response: { 200: ZMeResponse, ...errors } },
    },
    async (request) => ({ data: service.me(request.ctx) }),
  );

  app.post(
    '/auth/logout',
    {
      config: { policy: passwordStagePolicy },
      schema: { tags: ['auth'], summary: 'End this session', response: { 200: ZOk, ...errors } },
    },
    async (request, reply) => {
      await service.logout(request.ctx);
      clearSessionCookie(reply, config);
      return { data: { ok: true as const } };
    },
  );

  app.post(
    '/auth/logout-all',
    {
      config: { policy: authenticatedPolicy },
      schema: { tags: ['auth'], summary: 'End all my sessions, on every device', response: { 200: ZOk, ...errors } },
    },
    async (request, reply) => {
      await service.logoutEverywhere(requireFullContext(request.ctx));
      clearSessionCookie(reply, config);
      return { data: { ok: true as const } };
    },
  );

  app.get(
    '/auth/sessions',
    {
      config: { policy: authenticatedPolicy },
      schema: { tags: ['auth'], summary: 'My active sessions', response: { 200: ZSessionListResponse, ...errors } },
    },
    async (request) => ({ data: await service.listSessions(requireFullContext(request.ctx)) }),
  );

  app.delete(
    '/auth/sessions/:id',
    {
      config: { policy: authenticatedPolicy },
      schema: {
        tags: ['auth'],
        summary: 'End one of my sessions',
        params: ZSessionParams,
        response: { 200: ZOk, 404: ZErrorResponse, ...errors },
      },
    },
    async (request) => {
      await service.revokeSession(requireFullContext(request.ctx), request.params.id);
      return { data: { ok: true as const } };
    },
  );

  app.post(
    '/auth/password',
    {
      config: { policy: authenticatedPolicy },
      schema: {
        tags: ['auth'],
        summary: 'Change my password; my other sessions end',
        body: ZPasswordChange,
        response: { 200: ZOk, ...errors },
      },
    },
    async (request) => {
      await service.changePassword(requireFullContext(request.ctx), request.body.currentPassword, request.body.newPassword);
      return { data: { ok: true as const } };
    },
  );

  app.post(
    '/auth/recovery-codes',
    {
      config: { policy: authenticatedPolicy },
      schema: {
        tags: ['auth'],
        summary: 'New recovery codes (after a fresh step-up); the earlier ones stop working',
        response: { 200: ZRecoveryCodesResponse, ...errors },
      },
    },
    async (request) => ({ data: await service.renewRecoveryCodes(requireFullContext(request.ctx)) }),
  );

  app.post(
    '/auth/mfa/replace',
    {
      config: { policy: authenticatedPolicy },
      schema: {
        tags: ['auth'],
        summary: 'Move the second factor to a new phone (after a fresh step-up): a new secret and its QR code; the current one works until the new one is confirmed',
        response: { 200: ZMfaSetupResponse, 409: ZErrorResponse, ...errors },
      },
    },
    async (request) => ({ data: await service.startMfaReplacement(requireFullContext(request.ctx)) }),
  );

  app.post(
    '/auth/mfa/replace/confirm',
    {
      config: { policy: authenticatedPolicy },
      schema: {
        tags: ['auth'],
        summary: 'Confirm the new phone with a code from it: from now on only the new phone works',
        body: ZMfaRequest,
        response: { 200: ZMfaReplacedResponse, 409: ZErrorResponse, ...errors },
      },
    },
    async (request) => ({ data: await service.confirmMfaReplacement(requireFullContext(request.ctx), request.body.code) }),
  );
};
