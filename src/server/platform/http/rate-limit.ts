import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { Config } from '../../config.js';
import { TooManyRequests } from '../errors.js';

type Limiter = (request: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded?: boolean; max?: number; remaining?: number; ttlInSeconds?: number }>;

/**
 * General rate limiting, before any route runs (and so before the route gate audits a refusal):
 * every caller is counted per IP address (an IPv6 /56 counts as one address), and in addition per
 * session when logged in or, stricter, per IP when anonymous. Exceeding a limit answers 429 in the
 * one error format with Retry-After and the security headers (registered after them).
 *
 * Registered after authentication, whose onRequest hook tells a live session from a stale cookie.
 * Counts live in memory per process; a window of 0 or a maximum of 0 switches a limit off.
 */
export async function registerRateLimit(app: FastifyInstance, config: Config): Promise<void> {
  const { windowSeconds, ipMax, anonymousMax, sessionMax } = config.rateLimit;
  if (windowSeconds === 0 || (ipMax === 0 && anonymousMax === 0 && sessionMax === 0)) return;
  const timeWindow = windowSeconds * 1000;
  await app.register(rateLimit, { global: false, timeWindow });
  const ipOf = (request: FastifyRequest) => normalizeIP(request.ip, 56);

  const limiters: { applies(request: FastifyRequest): boolean; limit: Limiter }[] = [];
  if (ipMax > 0) {
    limiters.push({ applies: () => true, limit: app.createRateLimit({ timeWindow, max: ipMax, keyGenerator: (r) => `ip:${ipOf(r)}` }) });
  }
  if (sessionMax > 0) {
    limiters.push({
      applies: (r) => r.actor !== null,
      limit: app.createRateLimit({ timeWindow, max: sessionMax, keyGenerator: (r) => `session:${r.actor?.sessionId ?? ''}` }),
    });
  }
  if (anonymousMax > 0) {
    limiters.push({
      applies: (r) => r.actor === null,
      limit: app.createRateLimit({ timeWindow, max: anonymousMax, keyGenerator: (r) => `anonymous:${ipOf(r)}` }),
    });
  }

  app.addHook('onRequest', async (request, reply) => {
    let tightest: { max: number; remaining: number; reset: number } | undefined;
    for (const limiter of limiters) {
      if (!limiter.applies(request)) continue;
      const result = await limiter.limit(request);
      if (result.isAllowed || result.max === undefined) continue;
      const reset = result.ttlInSeconds ?? windowSeconds;
      if (result.isExceeded) {
        reply.header('x-ratelimit-limit', result.max);
        reply.header('x-ratelimit-remaining', 0);
        reply.header('x-ratelimit-reset', reset);
        throw new TooManyRequests(Math.max(1, reset));
      }
      const remaining = result.remaining ?? 0;
      if (!tightest || remaining < tightest.remaining) tightest = { max: result.max, remaining, reset };
    }
    if (tightest) {
      reply.header('x-ratelimit-limit', tightest.max);
      reply.header('x-ratelimit-remaining', tightest.remaining);
      reply.header('x-ratelimit-reset', tightest.reset);
    }
  });
}
