import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { TErrorCode, TErrorResponse } from '../../shared/schemas/common.js';
import { pickLanguage, translateError } from './i18n.js';
import { localizeValidationMessage } from './validation.js';

/** One field-level problem; `path` is dotted (`body.name`, `query.limit`, `params.id`), empty for the whole input. */
export type Detail = { path: string; message: string };

/** Builds the one detail-path format from the parts of a path (location first, then keys and indexes). */
export function detailPath(...parts: (string | number | undefined)[]): string {
  return parts.filter((p) => p !== undefined && p !== '').join('.');
}

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
  /** True when the code that threw already wrote the audit row for this refusal (the refusal audit skips it). */
  audited = false;
  /** The record a refusal concerns, for the refusal's audit row (set by record policies). */
  resource: { type: string; id: string } | undefined;
  /** Marks the refusal as on the record already, so the central refusal audit writes no second row. */
  alreadyAudited(): this {
    this.audited = true;
    return this;
  }
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
/** The change was based on an older version of the record: somebody else changed it first. */
export class VersionConflict extends AppError {
  constructor(message?: string) {
    super(409, 'version_conflict', message);
  }
}
/** A unique value is taken already; `field` names it (e.g. 'name'). */
export class Duplicate extends AppError {
  constructor(field: string, message?: string) {
    super(409, 'duplicate', message, [{ path: detailPath('body', field), message: 'duplicate' }]);
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
    case 422:
      return 'invalid_reference';
    case 412:
      return 'precondition_failed';
    case 413:
      return 'payload_too_large';
    case 414:
      return 'uri_too_long';
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

/**
 * The framework's own early refusals (a URL that is not valid percent-encoding → 400, a path
 * parameter over the router's limit → 414) in the one error format, with no FST_ code shown.
 * They never reach the hooks, so the caller adds the security headers.
 */
export function frameworkErrorStatus(error: FastifyError): { status: number; code: TErrorCode } {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return { status: 414, code: 'uri_too_long' };
  if (error.code === 'FST_ERR_BAD_URL') return { status: 400, code: 'bad_request' };
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
  return { status, code: statusToCode(status) };
}

/** Installs the error and not-found handlers: every failure leaves as the one error format, never a stack trace. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.decorateRequest('failure', null);
  app.setErrorHandler((raw: FastifyError | AppError, request, reply) => {
    const error = raw instanceof AppError ? raw : (mapDatabaseError(raw) ?? raw);
    // Kept for observers (the refusal audit reads the code and whether it is on the record already).
    request.failure = error instanceof AppError ? error : null;
    if (error instanceof AppError) {
      if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfter));
      return sendError(request, reply, error.status, error.code, error.explicitMessage, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const lang = pickLanguage(request.headers['accept-language']);
      const details = error.validation.map((v) => ({
        path: detailPath(error.validationContext === 'querystring' ? 'query' : error.validationContext, ...v.instancePath.split('/')),
        message: localizeValidationMessage(v, lang),
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

declare module 'fastify' {
  interface FastifyRequest {
    /** The AppError this request ends with, if any (set by the error handler). */
    failure: AppError | null;
  }
}

interface PgErrorLike {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  detail?: unknown;
  message?: unknown;
}

/** The PostgreSQL error inside a driver or Drizzle wrapper (pg and PGlite both carry a SQLSTATE `code`). */
function pgErrorOf(err: unknown): PgErrorLike | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as PgErrorLike).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return e as PgErrorLike;
  }
  return undefined;
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The field a unique index guards, by the naming convention `<table>_<column(s)>_key`
 * (organisation_name_key → name, person_email_key → email).
 */
function uniqueField(e: PgErrorLike): string {
  const constraint = typeof e.constraint === 'string' ? e.constraint : '';
  const table = typeof e.table === 'string' ? e.table : '';
  let rest = constraint.replace(/_key$/, '');
  if (table && rest.startsWith(`${table}_`)) rest = rest.slice(table.length + 1);
  if (rest) return camel(rest);
  const m = typeof e.detail === 'string' ? /^Key \((?:lower\()?([a-z_]+)/.exec(e.detail) : null;
  return m?.[1] ? camel(m[1]) : '';
}

/**
 * Maps a database error to the AppError a caller should see, or undefined when it is a real
 * fault (a 500). One place, so no service has to catch unique violations itself:
 * unique → 409 `duplicate` naming the field; foreign key → 409 `in_use` (the row is still
 * referenced) or 422 `invalid_reference` (the referenced row does not exist); values the
 * column cannot hold (out of range, bad encoding, bad date) → 400 `validation_failed`.
 */
export function mapDatabaseError(err: unknown): AppError | undefined {
  const e = pgErrorOf(err);
  if (!e) return undefined;
  switch (e.code) {
    case '23505': {
      const field = uniqueField(e);
      return new AppError(409, 'duplicate', undefined, field ? [{ path: detailPath('body', field), message: 'duplicate' }] : undefined);
    }
    case '23503': {
      const text = `${typeof e.detail === 'string' ? e.detail : ''} ${typeof e.message === 'string' ? e.message : ''}`;
      return /still referenced|update or delete/i.test(text) ? new AppError(409, 'in_use') : new AppError(422, 'invalid_reference');
    }
    case '22001': // string too long
    case '22003': // numeric out of range
    case '22007': // invalid datetime format
    case '22008': // datetime out of range
    case '22021': // bad byte sequence (a NUL byte)
    case '22P02': // invalid text representation
    case '23514': // check constraint
      return new Invalid();
    default:
      return undefined;
  }
}

/** Whether a database error is a unique-constraint violation (also when wrapped by Drizzle). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
