import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { NotFound } from '../errors.js';

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

/** A route known to the policy layer, for the route inventory and its test. */
export interface DeclaredRoute {
  method: string;
  url: string;
  policy: string | undefined;
}

// Routes that plugins register (API docs UI, static web files) carry no config of ours: they serve
// public, non-personal content, and are named here, in one place, instead of anywhere else.
const FRAMEWORK_PUBLIC_PREFIXES = ['/api/docs'];
const FRAMEWORK_PUBLIC_EXACT = new Set(['/', '/*', '/assets/*']);

function isFrameworkPublic(url: string): boolean {
  return FRAMEWORK_PUBLIC_EXACT.has(url) || FRAMEWORK_PUBLIC_PREFIXES.some((p) => url === p || url.startsWith(p + '/'));
}

/**
 * Installs deny-by-default: every route gets its policy checked before the handler; a route
 * without a policy makes start-up fail. Returns the inventory of declared routes.
 */
export function registerPolicyEnforcement(app: FastifyInstance): DeclaredRoute[] {
  const inventory: DeclaredRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let policy = route.config?.policy;
    if (!policy && isFrameworkPublic(route.url)) {
      policy = publicPolicy;
      route.config = { ...route.config, policy };
    }
    for (const method of methods) inventory.push({ method, url: route.url, policy: policy?.name });
    if (!policy) {
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no policy (config.policy)`);
    }
  });
  app.addHook('preHandler', async (request) => {
    // The not-found handler serves only the error body or the public index.html.
    if (request.is404) return;
    const policy = request.routeOptions.config.policy;
    // Unreachable while onRoute enforces declarations; kept so a gap can never mean "allowed".
    if (!policy) throw new NotFound();
    await policy.check(request);
  });
  return inventory;
}
