import { z } from 'zod';

/** Error codes the server sends; the web app translates them (i18n key `errors.<code>`). */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'invalid_json',
  'unsupported_media_type',
  'payload_too_large',
  'uri_too_long',
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
  'invalid_transition',
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

// ---------------------------------------------------------------------------------------------
// Contract helpers: every string, number and date that enters through a contract is bounded to
// what its column holds and free of characters that break storage or mislead a reader. A value
// outside these bounds is a 400 with a clear message, never a database error (500).
// The web maps each refusal to a Dutch/English text by `params.reason` (see zod-form.ts).
// ---------------------------------------------------------------------------------------------

/** The largest and smallest values of a PostgreSQL `integer` (int4). */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

/** Why a string was refused; the web translates `validation.<reason>`. */
export type TTextReason = 'control_characters' | 'bidi_characters';

/** C0/C1 control characters (NUL included); `multiline` allows tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Bidirectional embedding/override/isolate characters that can make a name read as another. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
/** Lone UTF-16 surrogates cannot be stored as UTF-8 text. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasControlCharacters(value: string, multiline = false): boolean {
  return (multiline ? CONTROL_MULTILINE : CONTROL).test(value) || LONE_SURROGATE.test(value);
}
export function hasBidiCharacters(value: string): boolean {
  return BIDI.test(value);
}

function noControl(multiline = false) {
  return {
    check: (v: string) => !hasControlCharacters(v, multiline),
    opts: { message: 'Contains control characters', params: { reason: 'control_characters' satisfies TTextReason } },
  };
}
const noBidi = {
  check: (v: string) => !hasBidiCharacters(v),
  opts: { message: 'Contains text-direction characters', params: { reason: 'bidi_characters' satisfies TTextReason } },
};

/** Free text: trimmed, 0..max characters (min when given), no control characters (`multiline` allows line breaks). */
export function zText(opts: { min?: number; max: number; multiline?: boolean }) {
  const c = noControl(opts.multiline);
  let s = z.string().trim();
  if (opts.min !== undefined && opts.min > 0) s = s.min(opts.min, `At least ${opts.min} characters`);
  return s.max(opts.max, `At most ${opts.max} characters`).refine(c.check, c.opts);
}

/** A name people read (person, organisation): trimmed, bounded, no control or bidi-override characters. */
export function zName(opts: { min?: number; max?: number } = {}) {
  return zText({ min: opts.min ?? 2, max: opts.max ?? 200 }).refine(noBidi.check, noBidi.opts);
}

/** A code or key from a fixed vocabulary (sector code, region code, action name): 1..max, no control characters. */
export function zKey(max = 64) {
  return zText({ min: 1, max });
}

/** An e-mail address: trimmed, at most 254 characters, lower-cased. */
export const zEmail = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase());

/** A secret the caller types (password): not trimmed (spaces count), bounded, no control characters. */
export function zSecret(opts: { min?: number; max: number }) {
  const c = noControl();
  return z
    .string()
    .min(opts.min ?? 1)
    .max(opts.max)
    .refine(c.check, c.opts);
}

/** A token from a link or mail (base64url): only URL-safe characters, bounded. */
export function zCode(opts: { min?: number; max: number }) {
  return z
    .string()
    .min(opts.min ?? 1)
    .max(opts.max)
    .regex(/^[A-Za-z0-9_-]+$/, 'Only letters, digits, - and _');
}

/** A whole number that fits a PostgreSQL int4 (narrow it further with min/max). */
export function zInt4(opts: { min?: number; max?: number } = {}) {
  return z
    .number()
    .int()
    .min(Math.max(opts.min ?? INT4_MIN, INT4_MIN))
    .max(Math.min(opts.max ?? INT4_MAX, INT4_MAX));
}

/**
 * A whole number from a query string: digits only (no `1e3`, no hex, no blanks), bounded (default: int4,
 * positive). Use `max: Number.MAX_SAFE_INTEGER` for a bigint column read in number mode.
 */
export function zQueryInt(opts: { min?: number; max?: number } = {}) {
  const min = opts.min ?? 1;
  const max = opts.max ?? INT4_MAX;
  return z
    .string()
    .max(20)
    .regex(/^-?\d+$/, 'A whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** An optimistic-concurrency version (int4 column, starts at 1). */
export const zVersion = zInt4({ min: 1 }).describe('The version this change is based on (optimistic concurrency)');

function validDay(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999) return false;
  const d = new Date(Date.UTC(2000, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day && (month !== 2 || day !== 29 || isLeap(year));
}
function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
function utcYearInRange(value: string): boolean {
  const t = Date.parse(value);
  if (Number.isNaN(t)) return false;
  const y = new Date(t).getUTCFullYear();
  return y >= 1 && y <= 9999;
}
function dayParts(value: string): [number, number, number] {
  return [Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))];
}

/** A calendar date `YYYY-MM-DD` that exists, in years 1..9999 (what a PostgreSQL date holds and a person means). */
export const zDate = z.iso.date().refine((v) => validDay(...dayParts(v)), { message: 'Not a date between the years 1 and 9999' });

/** An ISO 8601 instant with offset, on a day that exists, in years 1..9999. */
export const zDateTime = z.iso
  .datetime({ offset: true })
  .refine((v) => validDay(...dayParts(v)) && utcYearInRange(v), { message: 'Not a moment between the years 1 and 9999' });

/**
 * One page of a list: the items and the opaque cursor of the next page (null on the last page).
 * Ask for the next page with `?cursor=<nextCursor>`.
 */
export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** The query of a paged list: an opaque cursor, a bounded page size and an optional search term. */
export const ZPageQuery = z.object({
  cursor: zKey(500).optional().describe('nextCursor of the previous page'),
  limit: zQueryInt({ min: 1, max: 100 }).default(50),
  q: zText({ max: 100 }).optional().describe('Search: part of a name or e-mail address'),
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
