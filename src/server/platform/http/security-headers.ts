import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';

/** The features a page of Samenplan never uses; the copy buttons write to the clipboard themselves only. */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'usb=()',
  'clipboard-read=()',
  'clipboard-write=(self)',
  'browsing-topics=()',
].join(', ');

/**
 * The security headers of every response, one fixed set computed once: the app's own answers, the
 * web app's files, and the framework's early refusals (bad URL encoding, too long parameter) that
 * never reach the hooks.
 */
export function securityHeaders(config: Config): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "script-src-attr 'none'",
    // Mantine sets CSS variables through style attributes and one style element.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(config.secure ? ['upgrade-insecure-requests'] : []),
  ].join(';');
  return {
    'content-security-policy': csp,
    'permissions-policy': PERMISSIONS_POLICY,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(config.secure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** The path as the router understood it, percent-decoded ('/%61pi/x' is '/api/x'); null when it cannot be decoded. */
export function decodedPath(url: string): string | null {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * Whether a request is for the API, decided on the route the router matched (its declared URL),
 * never on the raw string: `/%61pi/auth/login` reaches the route `/api/auth/login` and is an API
 * request. Unmatched requests are judged on their decoded path.
 */
export function isApiRequest(request: FastifyRequest): boolean {
  const path = request.routeOptions.url ?? decodedPath(request.url) ?? request.url;
  return path === '/api' || path.startsWith('/api/');
}

function isApiDocs(request: FastifyRequest): boolean {
  const path = request.routeOptions.url ?? decodedPath(request.url) ?? request.url;
  return path === '/api/docs' || path.startsWith('/api/docs/');
}

/** Strict headers on every response, and no caching of API answers (they may hold personal data). */
export function registerSecurityHeaders(app: FastifyInstance, config: Config): void {
  const headers = securityHeaders(config);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (isApiRequest(request) && !isApiDocs(request)) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
    return payload;
  });
}
