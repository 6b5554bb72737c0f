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
  ) {
    super(message);
  }
}

/** The i18n key of the user-facing message for any error thrown by a query. */
export function errorMessageKey(error: unknown): `errors.${TErrorCode}` {
  return `errors.${error instanceof ApiError ? error.code : 'internal'}`;
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

/**
 * GETs an API path and parses the body with the shared Zod schema.
 * Throws ApiError for network failures, error responses and unexpected bodies.
 */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  signal?: AbortSignal,
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'GET',
      headers: { Accept: 'application/json', 'Accept-Language': acceptLanguage() },
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'unavailable', 'Network request failed');
  }

  const body = await readJson(response);
  if (!response.ok) {
    const parsed = ZErrorResponse.safeParse(body);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiError(response.status, code, message, details);
    }
    throw new ApiError(response.status, codeForStatus(response.status), response.statusText);
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    console.error(`Unexpected response from ${path}`, parsed.error);
    throw new ApiError(response.status, 'internal', 'Unexpected response from the server');
  }
  return parsed.data;
}
