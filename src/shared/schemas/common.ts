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
