import type { FastifySchemaCompiler } from 'fastify';
import * as z from 'zod';
import { safeParse, type $ZodType } from 'zod/v4/core';
import catalogue from '../../shared/i18n/validation.json' with { type: 'json' };

/**
 * Field-level validation messages in the caller's language.
 *
 * Routes validate with Zod through `validatorCompiler` (below), which keeps each issue's input so
 * the message can be written afresh when the error is sent: Zod's built-in messages ("Too small:
 * expected string to have >=1 characters") become a short sentence a person understands, in Dutch
 * or English; the schemas' own messages are looked up in `src/shared/i18n/validation.json`.
 */

/** Marks an entry of `error.validation` as a Zod issue (the same global symbol fastify-type-provider-zod uses). */
const ZOD_VALIDATION_ERROR = Symbol.for('ZodFastifySchemaValidationError');

/** One Zod issue as the error handler receives it (`keyword` is the issue code, `params` the rest). */
export interface ValidationEntry {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * fastify-type-provider-zod's validator, with the input kept on each issue (`reportInput`), so that
 * a missing field can be told from a wrong one and the message rewritten in the caller's language.
 */
export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema }) =>
  (data) => {
    const result = safeParse(schema, data, { reportInput: true });
    if (!result.error) return { value: result.data };
    return {
      error: result.error.issues.map((issue) => {
        const { path, code, message, ...params } = issue;
        return {
          [ZOD_VALIDATION_ERROR]: true,
          keyword: code,
          instancePath: `/${path.join('/')}`,
          schemaPath: `#/${path.join('/')}/${code}`,
          message,
          params,
        };
      }) as unknown as Error,
    };
  };

type Lang = 'nl' | 'en';
const own = new Map<string, { nl: string; en: string }>();
for (const m of catalogue.messages) {
  own.set(m.en, m);
  own.set(m.nl, m);
}

/** The schemas' own messages (validation.json), for the coverage test. */
export const ownMessages = (): ReadonlySet<string> => new Set(own.keys());

const englishDefault = z.locales.en().localeError;

const TYPE_NAMES: Record<string, { nl: string; en: string }> = {
  string: { nl: 'een tekst', en: 'text' },
  number: { nl: 'een getal', en: 'a number' },
  int: { nl: 'een geheel getal', en: 'a whole number' },
  bigint: { nl: 'een geheel getal', en: 'a whole number' },
  boolean: { nl: 'ja of nee (true of false)', en: 'yes or no (true or false)' },
  array: { nl: 'een lijst', en: 'a list' },
  object: { nl: 'een object', en: 'an object' },
  date: { nl: 'een datum', en: 'a date' },
  null: { nl: 'niets (null)', en: 'nothing (null)' },
};

const FORMATS: Record<string, { nl: string; en: string }> = {
  email: { nl: 'Geen geldig e-mailadres.', en: 'Not a valid e-mail address.' },
  uuid: { nl: 'Geen geldige id.', en: 'Not a valid id.' },
  guid: { nl: 'Geen geldige id.', en: 'Not a valid id.' },
  url: { nl: 'Geen geldig webadres.', en: 'Not a valid web address.' },
  date: { nl: 'Geen geldige datum (JJJJ-MM-DD).', en: 'Not a valid date (YYYY-MM-DD).' },
  datetime: { nl: 'Geen geldig tijdstip (datum en uur).', en: 'Not a valid moment (date and time).' },
  time: { nl: 'Geen geldig uur (UU:MM).', en: 'Not a valid time (HH:MM).' },
};

const num = (v: unknown, lang: Lang): string =>
  typeof v === 'number' || typeof v === 'bigint' ? v.toLocaleString(lang === 'nl' ? 'nl-BE' : 'en-GB') : String(v);

function sizeMessage(kind: 'small' | 'big', p: Record<string, unknown>, lang: Lang): string | undefined {
  const origin = p.origin;
  const limit = kind === 'small' ? p.minimum : p.maximum;
  const n = num(limit, lang);
  const strict = p.inclusive === false;
  const nl = lang === 'nl';
  if (origin === 'string') {
    if (kind === 'small')
      return limit === 1 || (strict && limit === 0)
        ? nl ? 'Mag niet leeg zijn.' : 'Must not be empty.'
        : nl ? `Te kort: minstens ${n} tekens.` : `Too short: at least ${n} characters.`;
    return nl ? `Te lang: hoogstens ${n} tekens.` : `Too long: at most ${n} characters.`;
  }
  if (origin === 'array' || origin === 'set') {
    if (kind === 'small')
      return limit === 1 ? (nl ? 'Kies er minstens één.' : 'Choose at least one.') : nl ? `Te weinig: minstens ${n}.` : `Too few: at least ${n}.`;
    return nl ? `Te veel: hoogstens ${n}.` : `Too many: at most ${n}.`;
  }
  if (origin === 'number' || origin === 'bigint' || origin === 'int') {
    if (kind === 'small')
      return strict ? (nl ? `Te klein: meer dan ${n}.` : `Too small: more than ${n}.`) : nl ? `Te klein: minstens ${n}.` : `Too small: at least ${n}.`;
    return strict ? (nl ? `Te groot: minder dan ${n}.` : `Too large: less than ${n}.`) : nl ? `Te groot: hoogstens ${n}.` : `Too large: at most ${n}.`;
  }
  if (origin === 'file') return kind === 'small' ? (nl ? 'Het bestand is te klein.' : 'The file is too small.') : nl ? 'Het bestand is te groot.' : 'The file is too large.';
  if (origin === 'date') return kind === 'small' ? (nl ? 'Te vroeg.' : 'Too early.') : nl ? 'Te laat.' : 'Too late.';
  return undefined;
}

function builtIn(code: string, p: Record<string, unknown>, lang: Lang): string | undefined {
  const nl = lang === 'nl';
  switch (code) {
    case 'invalid_type': {
      if (p.input === undefined) return nl ? 'Dit veld is verplicht.' : 'This field is required.';
      const t = TYPE_NAMES[String(p.expected)];
      if (!t) return nl ? 'Ongeldige waarde.' : 'Invalid value.';
      return nl ? `Ongeldige waarde: hier hoort ${t.nl}.` : `Invalid value: expected ${t.en}.`;
    }
    case 'too_small':
      return sizeMessage('small', p, lang);
    case 'too_big':
      return sizeMessage('big', p, lang);
    case 'invalid_format': {
      const f = FORMATS[String(p.format)];
      if (f) return f[lang];
      return nl ? 'Ongeldige vorm.' : 'Invalid format.';
    }
    case 'not_multiple_of':
      return nl ? `Moet een veelvoud van ${num(p.divisor, lang)} zijn.` : `Must be a multiple of ${num(p.divisor, lang)}.`;
    case 'invalid_value': {
      const values = Array.isArray(p.values) ? p.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : [];
      if (values.length === 0 || values.length > 12) return nl ? 'Geen geldige keuze.' : 'Not a valid choice.';
      if (values.length === 1) return nl ? `Hier hoort ${values[0]}.` : `Expected ${values[0]}.`;
      return nl ? `Kies één van: ${values.join(', ')}.` : `Choose one of: ${values.join(', ')}.`;
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? p.keys.map(String) : [];
      const shown = keys.slice(0, 5).join(', ') + (keys.length > 5 ? ', …' : '');
      return keys.length === 1 ? (nl ? `Onbekend veld: ${shown}.` : `Unknown field: ${shown}.`) : nl ? `Onbekende velden: ${shown}.` : `Unknown fields: ${shown}.`;
    }
    case 'invalid_key':
      return nl ? 'Ongeldige sleutel.' : 'Invalid key.';
    case 'invalid_element':
      return nl ? 'Ongeldige waarde in de lijst.' : 'Invalid value in the list.';
    case 'invalid_union':
    case 'custom':
      return nl ? 'Ongeldige waarde.' : 'Invalid value.';
    default:
      return undefined;
  }
}

/**
 * The message of one validation entry in the caller's language: a schema's own message from the
 * catalogue, Zod's built-in one rewritten; a message found in neither stays as the schema wrote it.
 */
export function localizeValidationMessage(entry: ValidationEntry, lang: Lang): string {
  const message = entry.message ?? '';
  const mine = own.get(message);
  if (mine) return mine[lang];
  const params = entry.params ?? {};
  let isDefault = message === '' || message === 'Invalid input';
  if (!isDefault) {
    try {
      isDefault = englishDefault({ ...params, code: entry.keyword, message } as never) === message;
    } catch {
      isDefault = false;
    }
  }
  if (!isDefault) return message;
  return builtIn(entry.keyword, params, lang) ?? (message || (lang === 'nl' ? 'Ongeldige waarde.' : 'Invalid value.'));
}
