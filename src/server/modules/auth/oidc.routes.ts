import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { ZErrorResponse } from '../../../shared/schemas/common.js';
import { ZAuthProvidersResponse, ZOidcStartQuery } from '../../../shared/schemas/auth.js';
import { authenticatedPolicy, publicPolicy } from '../../platform/policy/policy.js';
import { requireFullContext } from '../../platform/context.js';
import { Forbidden, NotFound } from '../../platform/errors.js';
import { setSessionCookie } from '../../platform/auth/authenticate.js';
import { createOidcClient, OidcFailure } from '../../platform/auth/oidc.js';
import { recordAuditAlone } from '../../platform/audit/audit.js';
import { createOidcService, OIDC_REDIRECTS, OIDC_STATE_TTL_MS } from './oidc.service.js';

/** The short-lived cookie that binds a started login to the browser that started it. */
export function oidcStateCookieName(config: Config): string {
  return config.secure ? '__Host-samenplan_oidc' : 'samenplan_oidc';
}

/** Our callback URL as registered at the provider: PUBLIC_URL's, else localhost on our port. */
export function oidcRedirectUri(config: Config): string {
  const base = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  return `${base}/api/auth/oidc/callback`;
}

/** External login with OpenID Connect: providers, start, link and callback. */
export const oidcRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database, clock } = app.deps;
  const settings = config.oidc;
  const service = settings
    ? createOidcService(
        database.db,
        createOidcClient(
          {
            issuer: settings.issuer,
            clientId: settings.clientId,
            clientSecret: settings.clientSecret,
            redirectUri: oidcRedirectUri(config),
            allowHttp: config.env !== 'production' && new URL(settings.issuer).protocol === 'http:',
          },
          clock,
        ),
        { strongAuth: settings.strongAuth },
      )
    : undefined;
  const cookieName = oidcStateCookieName(config);
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secure };

  /** Sends the browser to the provider, remembering the state in the database and a cookie. */
  async function redirectToProvider(
    request: FastifyRequest,
    reply: FastifyReply,
    input: { linkAccountId: string | null; returnTo: unknown },
  ) {
    if (!service) throw new NotFound();
    try {
      const started = await service.start(request.ctx, input);
      reply.setCookie(cookieName, started.state, { ...cookieOptions, maxAge: Math.floor(OIDC_STATE_TTL_MS / 1000) });
      return reply.redirect(started.url, 302);
    } catch (err) {
      if (!(err instanceof OidcFailure)) throw err;
      // The provider cannot be reached (or its metadata is unusable): back to the login page.
      request.log.warn({ reason: err.reason, err: err.cause }, 'OpenID Connect provider unavailable');
      await recordAuditAlone(database.db, {
        action: input.linkAccountId ? 'auth.oidc_link' : 'auth.login', resourceType: 'account', actorAccountId: input.linkAccountId,
        actorLabel: 'oidc', ip: request.ctx.ip, outcome: 'failed', reason: err.reason,
      });
      return reply.redirect(input.linkAccountId ? OIDC_REDIRECTS.linkFailed : OIDC_REDIRECTS.failed, 302);
    }
  }

  app.get(
    '/auth/providers',
    {
      config: { policy: publicPolicy },
      schema: { tags: ['auth'], summary: 'External login providers offered on the login page', response: { 200: ZAuthProvidersResponse } },
    },
    async () => ({ data: { oidc: settings ? { label: settings.label } : null } }),
  );

  app.get(
    '/auth/oidc/start',
    {
      config: { policy: publicPolicy },
      schema: {
        tags: ['auth'],
        summary: 'Start an external login: redirects to the OpenID Connect provider',
        querystring: ZOidcStartQuery,
        response: { 404: ZErrorResponse },
      },
    },
    async (request, reply) => redirectToProvider(request, reply, { linkAccountId: null, returnTo: request.query.returnTo }),
  );

  app.get(
    '/auth/oidc/link',
    {
      config: { policy: authenticatedPolicy },
      schema: {
        tags: ['auth'],
        summary: 'Link my account to an external identity: redirects to the OpenID Connect provider',
        response: { 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse },
      },
    },
    async (request, reply) => {
      const { actor } = requireFullContext(request.ctx);
      // A GET, so refuse a navigation started by another site (linking is a security change).
      if (request.headers['sec-fetch-site'] === 'cross-site') throw new Forbidden();
      return redirectToProvider(request, reply, { linkAccountId: actor.accountId, returnTo: undefined });
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { policy: publicPolicy },
      schema: {
        tags: ['auth'],
        summary: 'Where the OpenID Connect provider sends the browser back (code, state); redirects into the app',
        response: { 404: ZErrorResponse },
      },
    },
    async (request, reply) => {
      if (!service) throw new NotFound();
      const query = new URL(request.url, 'http://callback.invalid').searchParams;
      const boundState = request.cookies[cookieName];
      reply.clearCookie(cookieName, cookieOptions);
      let outcome;
      try {
        outcome = await service.callback(request.ctx, { query, boundState });
      } catch (err) {
        // Whatever went wrong, the browser lands on the login page without a session (never a 500).
        request.log.error({ err }, 'OpenID Connect callback failed');
        await recordAuditAlone(database.db, {
          action: 'auth.login', resourceType: 'account', actorLabel: 'oidc', ip: request.ctx.ip, outcome: 'failed', reason: 'internal_error',
        }).catch(() => undefined);
        return reply.redirect(OIDC_REDIRECTS.failed, 302);
      }
      if (outcome.session) setSessionCookie(reply, config, outcome.session.token);
      return reply.redirect(outcome.redirect, 302);
    },
  );
};
