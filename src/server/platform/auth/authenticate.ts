import { isApiRequest } from '../http/security-headers.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { brusselsDate, type Clock } from '../clock.js';
import { AppError } from '../errors.js';
import { recordAuditAlone } from '../audit/audit.js';
import { sessionRepo, SESSION_ABSOLUTE_MS, type SessionLevel } from './session.repo.js';
import { safeEqual } from './tokens.js';
import type { TMe } from '../../../shared/schemas/auth.js';
import { isOrgRole, isPlatformRoleName, type PlatformRole } from '../../../shared/permissions.js';

const isPlatformRole = <T extends { role: string }>(r: T): r is T & { role: PlatformRole } => isPlatformRoleName(r.role);

/**
 * Which side of Samenplan a login belongs to: a professional (password and second factor) or a
 * family member or confidant (the family portal, one-time e-mail code). A family actor never
 * passes a professional policy and a professional never passes a portal policy (policy.ts).
 */
export type ActorKind = 'professional' | 'family';

/** Who is calling: the live session, its account and person, roles and memberships. */
export interface Actor {
  kind: ActorKind;
  sessionId: string;
  accountId: string;
  email: string;
  personId: string | null;
  personName: string | null;
  level: SessionLevel;
  mfaEnabled: boolean;
  csrfToken: string;
  /** When the second factor was last confirmed for a sensitive operation (step-up), if ever. */
  reauthenticatedAt: Date | null;
  platformRoles: TMe['platformRoles'];
  memberships: TMe['memberships'];
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

// Sessions are touched at most once a minute: idle time is measured to the minute, without a write per request.
const TOUCH_EVERY_MS = 60_000;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The session cookie's name: `__Host-` (Secure, no Domain, Path=/) behind TLS. */
export function sessionCookieName(config: Config): string {
  return config.secure ? '__Host-samenplan_session' : 'samenplan_session';
}

/** Sets the session cookie on the reply. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookieName(config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secure,
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secure });
}

/** The origin browsers send for this deployment (PUBLIC_URL's, else the Host the request came to). */
function expectedOrigin(request: FastifyRequest, config: Config): string {
  if (config.publicUrl) return new URL(config.publicUrl).origin;
  return `${request.protocol}://${request.host}`;
}

/**
 * Cross-site request protection for every state-changing request: a cross-site Origin or
 * Sec-Fetch-Site is refused, and a request made with a session must carry that session's CSRF token.
 */
function checkCsrf(request: FastifyRequest, config: Config): string | null {
  if (!UNSAFE_METHODS.has(request.method)) return null;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== expectedOrigin(request, config)) return 'origin';
  if (request.headers['sec-fetch-site'] === 'cross-site') return 'fetch-site';
  if (request.actor) {
    const given = request.headers['x-csrf-token'];
    if (typeof given !== 'string' || !safeEqual(given, request.actor.csrfToken)) return 'token';
  }
  return null;
}

/** Loads the caller from the session cookie on every request and enforces CSRF protection. */
export async function registerAuthentication(
  app: FastifyInstance,
  deps: { config: Config; db: Db; clock: Clock },
): Promise<void> {
  const { config, db, clock } = deps;
  await app.register(cookie);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request, reply) => {
    // Pages and static files are public and the same for everybody: no session lookup for them.
    // Decided on the route the router matched, not the raw string ('/%61pi/…' is an API route).
    if (!isApiRequest(request)) {
      // Still no cross-site change anywhere, whatever path it claims.
      if (checkCsrf(request, config)) throw new AppError(403, 'csrf_failed');
      return;
    }
    const token = request.cookies[sessionCookieName(config)];
    if (token) {
      const now = clock.now();
      const live = await sessionRepo.findLive(db, token, now, brusselsDate(now));
      if (!live) {
        clearSessionCookie(reply, config);
      } else {
        if (now.getTime() - live.lastSeenAt.getTime() > TOUCH_EVERY_MS) await sessionRepo.touch(db, live.id, now);
        // A family login is a family actor whatever its session level says; a professional
        // account's session is never a portal session.
        const kind: ActorKind = live.accountKind === 'family' ? 'family' : 'professional';
        const level = kind === 'family' ? 'portal' : live.level === 'portal' ? 'password' : live.level;
        // Roles count only once both factors are given.
        const full = kind === 'professional' && level === 'full' && live.personId !== null;
        request.actor = {
          kind,
          sessionId: live.id,
          accountId: live.accountId,
          email: live.email,
          personId: live.personId,
          personName: live.personName,
          level,
          mfaEnabled: live.mfaEnabled,
          csrfToken: live.csrfToken,
          reauthenticatedAt: live.reauthenticatedAt,
          platformRoles: full ? live.platformRoles.filter(isPlatformRole) : [],
          memberships: full ? live.memberships.map((m) => ({ ...m, roles: m.roles.filter(isOrgRole) })) : [],
        };
      }
    }
    const problem = checkCsrf(request, config);
    if (problem) {
      await recordAuditAlone(db, {
        action: 'request.csrf',
        resourceType: 'route',
        resourceId: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
        actorAccountId: request.actor?.accountId ?? null,
        actorPersonId: request.actor?.personId ?? null,
        ip: request.ip,
        outcome: 'denied',
        reason: problem,
      });
      throw new AppError(403, 'csrf_failed').alreadyAudited();
    }
  });
}
