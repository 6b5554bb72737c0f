import type { TFunction } from 'i18next';
import type { z } from 'zod';
import catalogue from '../../../shared/i18n/validation.json';
import { currentLanguage } from '../../i18n.js';

/** The schemas' own messages in both languages (the server uses the same catalogue). */
const OWN = new Map<string, { nl: string; en: string }>(catalogue.messages.flatMap((m) => [[m.en, m] as const, [m.nl, m] as const]));

/**
 * A Mantine form `validate` function from a shared Zod schema: the same rules as the server, with
 * the messages in the person's language (Zod's own messages are English).
 */
export function zodValidate<V>(schema: z.ZodType, t: TFunction, toBody: (values: V) => unknown = (v) => v) {
  return (values: V): Record<string, string> => {
    const result = schema.safeParse(toBody(values));
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      if (path === '' || errors[path]) continue;
      errors[path] = messageFor(issue, t);
    }
    return errors;
  };
}

function messageFor(issue: z.core.$ZodIssue, t: TFunction): string {
  const own = OWN.get(issue.message);
  if (own) return own[currentLanguage() === 'en' ? 'en' : 'nl'];
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array' ? t('admin.validation.chooseOne') : t('admin.validation.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'array' ? t('admin.validation.tooMany', { max: Number(issue.maximum) }) : t('admin.validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('admin.validation.email') : t('admin.validation.invalid');
    case 'custom': {
      const reason = (issue.params as { reason?: string } | undefined)?.reason;
      if (reason === 'control_characters') return t('admin.validation.controlCharacters');
      if (reason === 'bidi_characters') return t('admin.validation.bidiCharacters');
      return t('admin.validation.invalid');
    }
    default:
      return t('admin.validation.invalid');
  }
}
