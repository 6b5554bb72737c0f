import { z } from 'zod';

/** Error codes the server sends; the web app translates them (i18n key `errors.<code>`). */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'unauthenticated',
  'invalid_credentials',
  'mfa_required',
  'invalid_mfa_code',
  'weak_password',
  'csrf_failed',
  'reauth_required',
  'forbidden',
  'not_found',
  'route_not_found',
  'method_not_allowed',
  'conflict',
  'duplicate',
  'version_conflict',
  'in_use',
  'invalid_reference',
  'precondition_failed',
  'too_many_requests',
  'internal',
  'unavailable',
] as const;

export const ZErrorCode = z.enum(ERROR_CODES);
export type TErrorCode = z.infer<typeof ZErrorCode>;

/** One field-level problem in a validation error. */
export const ZErrorDetail = z.object({
  path: z.string().describe('Dotted path of the offending field, empty for the whole body'),
  message: z.string(),
});

/** The one error format of every route. */
export const ZErrorResponse = z
  .object({
    error: z.object({
      code: ZErrorCode,
      message: z.string(),
      details: z.array(ZErrorDetail).optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

/** Wraps a payload as `{ data }`, the envelope of every successful response. */
export function dataEnvelope<T extends z.ZodType>(schema: T) {
  return z.object({ data: schema });
}

export const ZUuid = z.uuid();

/**
 * One page of a list: the items and the opaque cursor of the next page (null on the last page).
 * Ask for the next page with `?cursor=<nextCursor>`.
 */
export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The query of a paged list: an opaque cursor, a bounded page size and an optional search term. */
export const ZPageQuery = z.object({
  cursor: z.string().min(1).max(500).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  q: z
    .string()
    .trim()
    .max(100)
    // eslint-disable-next-line no-control-regex
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'No control characters')
    .optional()
    .describe('Search: part of a name or e-mail address'),
});

/**
 * A record with the actions the caller may take on it: `{ data, abilities }`. Screens show
 * buttons from `abilities` only and never re-derive the rules.
 */
export function recordEnvelope<T extends z.ZodType, A extends z.ZodType>(schema: T, abilities: A) {
  return z.object({ data: schema, abilities });
}

/**
 * A page with the abilities of each item keyed by its id, so the items stay plain records:
 * `{ data: { items, nextCursor }, abilities: { [id]: {...} } }`.
 */
export function pageEnvelope<T extends z.ZodType, A extends z.ZodType>(item: T, abilities: A) {
  return z.object({ data: ZPage(item), abilities: z.record(z.string(), abilities) });
}
