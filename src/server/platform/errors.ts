import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { TErrorCode, TErrorResponse } from '../../shared/schemas/common.js';
import { translateError } from './i18n.js';

type Detail = { path: string; message: string };

/** A failure with an HTTP status and a stable code; rendered as `{ error: { code, message, details } }`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: TErrorCode,
    message?: string,
    readonly details?: Detail[],
  ) {
    super(message ?? code);
    this.explicitMessage = message;
  }
  readonly explicitMessage: string | undefined;
}

/** The record does not exist or lies outside the caller's reach (indistinguishable on purpose). */
export class NotFound extends AppError {
  constructor(message?: string) {
    super(404, 'not_found', message);
  }
}
/** The caller may not do this; use NotFound instead when the record itself must stay hidden. */
export class Forbidden extends AppError {
  constructor(message?: string) {
    super(403, 'forbidden', message);
  }
}
/** The change clashes with the current state (duplicate, stale version, …). */
export class Conflict extends AppError {
  constructor(message?: string, details?: Detail[]) {
    super(409, 'conflict', message, details);
  }
}
/** Too many attempts: try again after retryAfter seconds (sent as Retry-After). */
export class TooManyRequests extends AppError {
  constructor(readonly retryAfter: number) {
    super(429, 'too_many_requests');
  }
}
/** The input is well-formed but not acceptable. */
export class Invalid extends AppError {
  constructor(message?: string, details?: Detail[]) {
    super(400, 'validation_failed', message, details);
  }
}

const FASTIFY_CODE_MAP: Record<string, { status: number; code: TErrorCode }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'bad_request' },
};

function statusToCode(status: number): TErrorCode {
  switch (status) {
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 409:
      return 'conflict';
    case 412:
      return 'precondition_failed';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'too_many_requests';
    case 503:
      return 'unavailable';
    default:
      return status >= 500 ? 'internal' : 'bad_request';
  }
}

/** Sends the one error body for this request, in the caller's language. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: TErrorCode,
  message?: string,
  details?: Detail[],
): FastifyReply {
  const body: TErrorResponse = {
    error: { code, message: message ?? translateError(code, request.headers['accept-language']) },
  };
  if (details && details.length > 0) body.error.details = details;
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').send(body);
}

/** Installs the error and not-found handlers: every failure leaves as the one error format, never a stack trace. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfter));
      return sendError(request, reply, error.status, error.code, error.explicitMessage, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.'),
        message: v.message ?? 'invalid',
      }));
      return sendError(request, reply, 400, 'validation_failed', undefined, details);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, method: error.method, url: error.url }, 'response did not match its schema');
      return sendError(request, reply, 500, 'internal');
    }
    const mapped = error.code ? FASTIFY_CODE_MAP[error.code] : undefined;
    if (mapped) return sendError(request, reply, mapped.status, mapped.code);
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'unhandled error');
      return sendError(request, reply, status, statusToCode(status));
    }
    if (status === 429) return sendError(request, reply, 429, 'too_many_requests');
    return sendError(request, reply, status, statusToCode(status));
  });
}

/** Whether a database error is a unique-constraint violation (also when wrapped by Drizzle). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
