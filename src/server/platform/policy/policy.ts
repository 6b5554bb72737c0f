import type { FastifyInstance, FastifyPluginAsync, FastifyPluginCallback, FastifyRequest, RouteOptions } from 'fastify';
import { AppError, Forbidden, NotFound } from '../errors.js';
import { requireFullContext, requirePortalContext } from '../context.js';
import { recordAuditAlone } from '../audit/audit.js';

/**
 * A route's declared access rule. Every route must declare one (deny by default):
 * the app refuses to start when a route has none, and a test lists every route.
 */
export interface RoutePolicy {
  /** Stable name shown in docs and the route inventory, e.g. 'public'. */
  readonly name: string;
  /** One line for humans: who may call the route. */
  readonly description: string;
  /** Decides for this request; throw an AppError to refuse. */
  check(request: FastifyRequest): void | Promise<void>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

/** Anyone, logged in or not: public reference data, health, the web app itself. */
export const publicPolicy: RoutePolicy = {
  name: 'public',
  description: 'Anyone, without logging in',
  check: () => undefined,
};

/** A caller with a full session: password and second factor. */
export const authenticatedPolicy: RoutePolicy = {
  name: 'authenticated',
  description: 'Anyone logged in with password and second factor',
  check: (request) => {
    requireFullContext(request.ctx);
  },
};

/** A caller who gave the password but not yet the second factor (MFA step and enrolment only). */
export const passwordStagePolicy: RoutePolicy = {
  name: 'password-stage',
  description: 'A session after the password, before the second factor',
  check: (request) => {
    if (!request.actor) throw new AppError(401, 'unauthenticated');
    // The second factor and its enrolment are a professional's; a family login has none.
    if (request.actor.kind !== 'professional') throw new Forbidden();
  },
};

/** A family member or confidant logged in to the family portal (never a professional). */
export const portalPolicy: RoutePolicy = {
  name: 'portal',
  description: 'A family member or confidant logged in to the family portal',
  check: (request) => {
    requirePortalContext(request.ctx);
  },
};

/** Platform administrators. */
export const platformAdminPolicy: RoutePolicy = {
  name: 'platform-admin',
  description: 'Platform administrators',
  check: (request) => {
    const { actor } = requireFullContext(request.ctx);
    if (!actor.platformRoles.some((r) => r.role === 'platform_admin')) throw new Forbidden();
  },
};

/** Platform administrators and organisation administrators; services narrow it to what each may reach. */
export const adminPolicy: RoutePolicy = {
  name: 'admin',
  description: 'Platform administrators (everything) and organisation administrators (their own organisations)',
  check: (request) => {
    const { actor } = requireFullContext(request.ctx);
    const platformAdmin = actor.platformRoles.some((r) => r.role === 'platform_admin');
    const orgAdmin = actor.memberships.some((m) => m.roles.includes('org_admin'));
    if (!platformAdmin && !orgAdmin) throw new Forbidden();
  },
};

/** Network coordinators (of a region or of every region); services narrow it to their regions. */
export const coordinatorPolicy: RoutePolicy = {
  name: 'network-coordinator',
  description: 'Network coordinators (their regions)',
  check: (request) => {
    const { actor } = requireFullContext(request.ctx);
    if (!actor.platformRoles.some((r) => r.role === 'network_coordinator')) throw new Forbidden();
  },
};

/** A route known to the policy layer, for the route inventory and its test. */
export interface DeclaredRoute {
  method: string;
  url: string;
  policy: string | undefined;
}

/**
 * Installs deny-by-default: every route gets its policy checked before the handler; a route
 * without a policy makes start-up (app.ready) fail. Returns the inventory of declared routes.
 */
export function registerPolicyEnforcement(app: FastifyInstance): DeclaredRoute[] {
  const routes: RouteOptions[] = [];
  const inventory: DeclaredRoute[] = [];
  // Checked once all hooks ran, so a scope may assign a policy to the routes of a plugin it wraps.
  app.addHook('onRoute', (route: RouteOptions) => {
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    inventory.length = 0;
    for (const route of routes) {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) inventory.push({ method, url: route.url, policy: route.config?.policy?.name });
    }
    const missing = inventory.filter((r) => !r.policy);
    if (missing.length > 0) {
      throw new Error(`Routes without a declared policy (config.policy): ${missing.map((r) => `${r.method} ${r.url}`).join(', ')}`);
    }
  });
  // The gate runs before the body is parsed and validated (preParsing follows authentication in
  // onRequest): a caller who may not use the route learns nothing about the shape of its body.
  app.addHook('preParsing', async (request, _reply, payload) => {
    // The not-found handler serves only the error body or the public index.html.
    if (request.is404) return payload;
    const policy = request.routeOptions.config.policy;
    // Unreachable while onRoute enforces declarations; kept so a gap can never mean "allowed".
    if (!policy) throw new NotFound();
    await policy.check(request);
    return payload;
  });
  registerRefusalAudit(app);
  return inventory;
}

const REFUSALS = new Set([401, 403, 404]);

/**
 * The one place refusals are audited: every 401, 403 or 404 answered on a non-public route —
 * from the route gate, a record policy, a service's NotFound — writes exactly one
 * `request.denied` row (outcome `denied`), naming the record when a record policy refused and
 * the route otherwise. Code that already audited its refusal in its own words (a wrong
 * password, a CSRF failure) marks the error `alreadyAudited()` and is skipped. Services never
 * audit refusals themselves.
 */
function registerRefusalAudit(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!REFUSALS.has(reply.statusCode) || request.is404) return payload;
    const policy = request.routeOptions.config?.policy;
    if (!policy || policy.name === publicPolicy.name) return payload;
    const failure = request.failure;
    if (failure?.audited) return payload;
    const route = `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
    await recordAuditAlone(app.deps.database.db, {
      action: 'request.denied',
      resourceType: failure?.resource?.type ?? 'route',
      resourceId: failure?.resource?.id ?? route,
      actorAccountId: request.actor?.accountId ?? null,
      actorPersonId: request.actor?.personId ?? null,
      ip: request.ip,
      outcome: 'denied',
      reason: failure?.code ?? String(reply.statusCode),
      details: failure?.resource ? { route } : null,
    });
    return payload;
  });
}

/**
 * Registers a third-party plugin (API docs, static web files) whose routes all serve public,
 * non-personal content, declaring the public policy on each of them.
 */
export async function registerPublicPlugin<O extends object>(
  app: FastifyInstance,
  plugin: FastifyPluginAsync<O> | FastifyPluginCallback<O>,
  options: O,
): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, policy: publicPolicy };
    });
    await scope.register(plugin, options);
  });
}
