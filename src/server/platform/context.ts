import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from './auth/authenticate.js';
import type { Clock } from './clock.js';
import { AppError } from './errors.js';
import { pickLanguage } from './i18n.js';

/**
 * Everything a service needs to know about the request it serves, built once per request:
 * who asks, from where, in which language, and the one "now" the whole request uses.
 * Services take a ctx instead of loose ip/actor/clock parameters.
 */
export interface RequestContext {
  actor: Actor | null;
  ip: string;
  userAgent: string | null;
  lang: 'nl' | 'en';
  now: Date;
  requestId: string;
}

/** A context whose actor has a full session (password and second factor). */
export type FullContext = RequestContext & { actor: Actor & { level: 'full' } };

/** A context whose actor is a family member or confidant logged in to the family portal. */
export type PortalContext = RequestContext & { actor: Actor & { level: 'portal'; kind: 'family' } };

declare module 'fastify' {
  interface FastifyRequest {
    /** The request context; for API routes it follows the session loaded by authentication. */
    ctx: RequestContext;
  }
}

/** Builds the context of a request; the actor is read when asked, so a login in this request is seen. */
export function contextOf(request: FastifyRequest, clock: Clock): RequestContext {
  const ua = request.headers['user-agent'];
  return {
    get actor() {
      return request.actor;
    },
    ip: request.ip,
    userAgent: typeof ua === 'string' ? ua.slice(0, 300) : null,
    lang: pickLanguage(request.headers['accept-language']),
    now: clock.now(),
    requestId: request.id,
  };
}

/** Installs `request.ctx` on every request. */
export function registerRequestContext(app: FastifyInstance, clock: Clock): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (request) => {
    request.ctx = contextOf(request, clock);
  });
}

/** The context narrowed to a full session, or a 401 saying what is missing. */
export function requireFullContext(ctx: RequestContext): FullContext {
  const actor = ctx.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  // A family login never passes a professional check, whatever else it holds.
  if (actor.kind !== 'professional') throw new AppError(403, 'forbidden');
  if (actor.level !== 'full') throw new AppError(401, 'mfa_required');
  return ctx as FullContext;
}

/** The context narrowed to a family portal session; professionals get 403, anonymous callers 401. */
export function requirePortalContext(ctx: RequestContext): PortalContext {
  const actor = ctx.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  if (actor.kind !== 'family' || actor.level !== 'portal') throw new AppError(403, 'forbidden');
  return ctx as PortalContext;
}

/** A context for work that no HTTP request started (CLI, jobs): no actor, the label says who. */
export function systemContext(clock: Clock, requestId = 'system'): RequestContext {
  return { actor: null, ip: '', userAgent: null, lang: 'nl', now: clock.now(), requestId };
}
