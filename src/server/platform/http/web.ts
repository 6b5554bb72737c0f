import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_DIST_DIR } from '../../paths.js';
import { sendError } from '../errors.js';
import { decodedPath } from './security-headers.js';
import { registerPublicPlugin } from '../policy/policy.js';

/** Whether a built web app exists in webDir. */
export function hasWebApp(webDir = WEB_DIST_DIR): boolean {
  return existsSync(join(webDir, 'index.html'));
}

/**
 * Serves the built web app at `/`: hashed assets cached for good, index.html always fresh. The build
 * writes a brotli and a gzip copy of each asset (scripts/compress-assets.mjs); they are sent as they
 * are, with `Content-Encoding`, to browsers that accept them.
 */
export async function registerWebApp(app: FastifyInstance, webDir = WEB_DIST_DIR): Promise<void> {
  if (hasWebApp(webDir)) {
    await registerPublicPlugin(app, fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      cacheControl: false,
      preCompressed: true,
      // Hashed assets never change; index.html must always be fetched fresh.
      setHeaders: (res, path) => {
        res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        // The same URL answers brotli, gzip or plain by the request's Accept-Encoding.
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
}

/**
 * Unmatched requests: under /api the JSON error format; a page path gets index.html so the web app's
 * router decides (and shows its own 404). Must be installed before any prefixed plugin.
 */
export function registerNotFound(app: FastifyInstance, webDir = WEB_DIST_DIR): void {
  // Read once: the page is small, and a deploy restarts the server anyway.
  const indexHtml = hasWebApp(webDir) ? readFileSync(join(webDir, 'index.html')) : null;
  app.setNotFoundHandler((request, reply) => {
    // The decoded path, as the router sees it ('/%61pi/x' is under /api).
    const path = decodedPath(request.url) ?? '';
    if (path === '/api' || path.startsWith('/api/')) return sendError(request, reply, 404, 'route_not_found');
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !/\.[a-z0-9]+$/i.test(path);
    if (!wantsPage) return sendError(request, reply, 404, 'not_found');
    if (!indexHtml) {
      return sendError(request, reply, 503, 'unavailable', 'The web app is not built yet: run `npm run build`.');
    }
    return reply.code(200).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  });
}
