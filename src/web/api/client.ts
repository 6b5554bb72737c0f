import type { z } from 'zod';
import { ZErrorResponse, type TErrorCode } from '../../shared/schemas/common.js';
import { acceptLanguage } from '../i18n.js';

/** One field-level problem reported by the server. */
export interface TApiErrorDetail {
  path: string;
  message: string;
}

/** Every failed API call ends in this error, carrying the server's error code. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: TErrorCode,
    message: string,
    readonly details?: TApiErrorDetail[],
    /** Seconds to wait before trying again (from `Retry-After`, on 429). */
    readonly retryAfter?: number,
    /** The whole error body, for routes that say more (a plan's 409 carries the current version). */
    readonly body?: unknown,
  ) {
    super(message);
  }
}

// ---- Session: CSRF token and the reaction to an ended session ----

/**
 * The CSRF token of the current session. In memory only (never in web storage): after a reload,
 * `GET /api/auth/me` gives it again.
 */
let csrfToken: string | null = null;

/** Remembers the CSRF token of the latest login, second-factor, enrolment or `me` answer. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let onUnauthenticated: (() => void) | null = null;

/** Registers what happens when a call finds the session ended (401): normally, go to the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/** The server refused the CSRF token: fetch a fresh one from `me`. True when one was found. */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await fetch('/api/auth/me', {
      method: 'GET',
      headers: { Accept: 'application/json', 'Accept-Language': acceptLanguage() },
      credentials: 'same-origin',
    });
    if (!response.ok) return false;
    const body = (await readJson(response)) as { data?: { csrfToken?: unknown } } | undefined;
    const token = body?.data?.csrfToken;
    if (typeof token !== 'string') return false;
    csrfToken = token;
    return true;
  } catch {
    return false;
  }
}

/** The i18n key of the user-facing message for any error thrown by a query. */
export function errorMessageKey(error: unknown): `errors.${TErrorCode}` {
  return `errors.${error instanceof ApiError ? error.code : 'internal'}`;
}

/**
 * The form field an error detail names: details are dotted paths with the part of the request
 * first (`body.name`, `query.limit`, `params.id`); forms know only the field.
 */
export function detailField(path: string): string {
  return path.replace(/^(body|query|params|querystring)\./, '');
}

/**
 * What to show beside a field for one detail: the server's own sentence (it speaks the UI's
 * language, sent as Accept-Language), or `fallback` when the detail is a bare code such as
 * `duplicate`.
 */
export function detailText(detail: TApiErrorDetail, fallback: string): string {
  return /\s/.test(detail.message) ? detail.message : fallback;
}

/** True when the server said the resource does not exist. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'not_found' || error.status === 404);
}

function codeForStatus(status: number): TErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'too_many_requests';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  if (status >= 500) return 'internal';
  return 'bad_request';
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function retryAfterOf(response: Response): number | undefined {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Options of one API call. */
export interface TRequestOptions {
  signal?: AbortSignal;
  /**
   * When the session turns out to be ended (401 `unauthenticated`), hand over to the registered
   * handler (the login page). Off for the login steps themselves. Default: on.
   */
  redirectOnUnauthenticated?: boolean;
}

type TMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(method: TMethod, path: string, body: unknown, signal: AbortSignal | undefined): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'unavailable', 'Network request failed');
  }
}

async function request<S extends z.ZodType>(
  method: TMethod,
  path: string,
  schema: S,
  body: unknown,
  options: TRequestOptions,
): Promise<z.output<S>> {
  let response = await send(method, path, body, options.signal);
  let responseBody = await readJson(response);
  let error = response.ok ? null : toApiError(response, responseBody);

  // A stale CSRF token (for instance after logging in in another tab): fetch a fresh one, try once more.
  if (error?.code === 'csrf_failed' && method !== 'GET' && (await refreshCsrfToken())) {
    response = await send(method, path, body, options.signal);
    responseBody = await readJson(response);
    error = response.ok ? null : toApiError(response, responseBody);
  }

  if (error) {
    if (error.status === 401 && error.code === 'unauthenticated' && options.redirectOnUnauthenticated !== false) {
      csrfToken = null;
      onUnauthenticated?.();
    }
    throw error;
  }

  const parsed = schema.safeParse(responseBody);
  if (!parsed.success) {
    console.error(`Unexpected response from ${path}`, parsed.error);
    throw new ApiError(response.status, 'internal', 'Unexpected response from the server');
  }
  return parsed.data;
}

function toApiError(response: Response, body: unknown): ApiError {
  const parsed = ZErrorResponse.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details, retryAfterOf(response), body);
  }
  return new ApiError(response.status, codeForStatus(response.status), response.statusText, undefined, retryAfterOf(response));
}

/**
 * POSTs (or DELETEs, …) to an API path with the session's CSRF token, and parses the answer with
 * the shared Zod schema. A stale CSRF token is refreshed once; an ended session goes to the login page.
 */
export function apiSend<S extends z.ZodType>(
  method: Exclude<TMethod, 'GET'>,
  path: string,
  schema: S,
  body?: unknown,
  options: TRequestOptions = {},
): Promise<z.output<S>> {
  return request(method, path, schema, body, options);
}

/**
 * GETs an API path and parses the body with the shared Zod schema.
 * Throws ApiError for network failures, error responses and unexpected bodies.
 */
export function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  signal?: AbortSignal,
  options: Omit<TRequestOptions, 'signal'> = {},
): Promise<z.output<S>> {
  return request('GET', path, schema, undefined, { ...options, signal });
}

/** The items of every loaded page and their abilities, merged (for lists that load more with a button). */
export function flattenPages<T, A>(data: { pages: { data: { items: T[] }; abilities: Record<string, A> }[] } | undefined): {
  items: T[];
  abilities: Record<string, A>;
} {
  const items: T[] = [];
  const abilities: Record<string, A> = {};
  for (const page of data?.pages ?? []) {
    items.push(...page.data.items);
    Object.assign(abilities, page.abilities);
  }
  return { items, abilities };
}
