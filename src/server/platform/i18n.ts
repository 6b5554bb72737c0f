import nl from '../../shared/i18n/nl.json' with { type: 'json' };
import en from '../../shared/i18n/en.json' with { type: 'json' };
import type { TErrorCode } from '../../shared/schemas/common.js';

type Catalogue = { errors?: Record<string, string> };
const catalogues: Record<'nl' | 'en', Catalogue> = { nl: nl as Catalogue, en: en as Catalogue };

/** Picks 'en' when the caller prefers English over Dutch, else Dutch (the default of the product). */
export function pickLanguage(acceptLanguage: string | undefined): 'nl' | 'en' {
  if (!acceptLanguage) return 'nl';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().slice(0, 2), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.lang === 'nl' || x.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang === 'en' ? 'en' : 'nl';
}

/** The human message for an error code in the caller's language (the same texts the web app shows). */
export function translateError(code: TErrorCode, acceptLanguage: string | undefined): string {
  const lang = pickLanguage(acceptLanguage);
  return catalogues[lang].errors?.[code] ?? catalogues.nl.errors?.[code] ?? code;
}

/** A message in the caller's language, for texts a service writes itself (field details, refusals). */
export const tr = (ctx: { lang: 'nl' | 'en' }, nl: string, en: string): string => (ctx.lang === 'nl' ? nl : en);
