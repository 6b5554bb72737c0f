import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import nl from '../shared/i18n/nl.json';
import type en from '../shared/i18n/en.json';
import type familiesNl from '../shared/i18n/families.nl.json';
import type familiesEn from '../shared/i18n/families.en.json';
import type directoryManageNl from '../shared/i18n/directory-manage.nl.json';
import type directoryManageEn from '../shared/i18n/directory-manage.en.json';
import type directoryNl from '../shared/i18n/directory.nl.json';
import type directoryEn from '../shared/i18n/directory.en.json';
import type auditNl from '../shared/i18n/audit.nl.json';
import type auditEn from '../shared/i18n/audit.en.json';
import type pagesNl from '../shared/i18n/pages.nl.json';
import type pagesEn from '../shared/i18n/pages.en.json';
import type learningNl from '../shared/i18n/learning.nl.json';
import type learningEn from '../shared/i18n/learning.en.json';
import type governanceNl from '../shared/i18n/governance.nl.json';
import type governanceEn from '../shared/i18n/governance.en.json';
import type portalNl from '../shared/i18n/portal.nl.json';
import type portalEn from '../shared/i18n/portal.en.json';

/** The UI languages, Dutch first (the default). */
export const LANGUAGES = ['nl', 'en'] as const;
export type TLanguage = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: TLanguage = 'nl';

/** The only thing Samenplan keeps in the browser's storage. */
export const LANGUAGE_STORAGE_KEY = 'samenplan.lang';

/** True only when both files of a bundle have exactly the same keys (deeply); else `never`, which fails to compile below. */
type TSameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

/** Every text bundle in Dutch and English: a line fails to compile when one language lacks a key of the other. */
export const translationsMatch: [
  TSameKeys<typeof en, typeof nl>,
  TSameKeys<typeof familiesEn, typeof familiesNl>,
  TSameKeys<typeof directoryManageEn, typeof directoryManageNl>,
  TSameKeys<typeof directoryEn, typeof directoryNl>,
  TSameKeys<typeof auditEn, typeof auditNl>,
  TSameKeys<typeof pagesEn, typeof pagesNl>,
  TSameKeys<typeof learningEn, typeof learningNl>,
  TSameKeys<typeof governanceEn, typeof governanceNl>,
  TSameKeys<typeof portalEn, typeof portalNl>,
] = [true, true, true, true, true, true, true, true, true];

/**
 * English is loaded only when someone uses it: Dutch is the default, and the first visit should not
 * download both. Resolves once the language of this visit is ready to render.
 */
async function loadLanguage(lng: TLanguage): Promise<void> {
  if (lng === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const english = (await import('../shared/i18n/en.json')).default;
    i18n.addResourceBundle('en', 'translation', english);
  }
  await Promise.all(textBundles.filter((bundle) => bundle.wanted).map((bundle) => bundle.add(lng)));
}

type TTexts = Record<string, unknown>;

interface TTextBundle {
  /** A page of the bundle was opened: a language switch loads the bundle too. */
  wanted: boolean;
  add: (lng: TLanguage) => Promise<void>;
}

const textBundles: TTextBundle[] = [];

/**
 * A module's own texts (`src/shared/i18n/<module>.{nl,en}.json`), kept out of the first visit's
 * bundle: the returned loader adds them for Dutch and the current language (and, after a language
 * switch, for the new one); the module's pages await it before they render. `also` names bundles
 * its pages need as well.
 */
export function textBundle(load: (lng: TLanguage) => Promise<{ default: TTexts }>, also: ReadonlyArray<() => Promise<void>> = []): () => Promise<void> {
  const loaded = new Set<TLanguage>();
  const bundle: TTextBundle = {
    wanted: false,
    add: async (lng) => {
      if (loaded.has(lng)) return;
      i18n.addResourceBundle(lng, 'translation', (await load(lng)).default, true, true);
      loaded.add(lng);
    },
  };
  textBundles.push(bundle);
  return async () => {
    bundle.wanted = true;
    await Promise.all([bundle.add(DEFAULT_LANGUAGE), bundle.add(currentLanguage()), ...also.map((other) => other())]);
  };
}

/**
 * The labels of audit actions and resource types (hundreds of them, read only by the audit viewer
 * and a family's access history): loaded with those pages, not on a first visit.
 */
export const loadAuditTexts = textBundle((lng) => (lng === 'en' ? import('../shared/i18n/audit.en.json') : import('../shared/i18n/audit.nl.json')));

/** Texts of pages that are never a first visit (region page, directory import, dev outbox): loaded with those pages. */
export const loadPageTexts = textBundle((lng) => (lng === 'en' ? import('../shared/i18n/pages.en.json') : import('../shared/i18n/pages.nl.json')));

/** The families module's texts (requests, family page, plan, care); its pages show audit labels too. */
export const loadFamiliesTexts = textBundle(
  (lng) => (lng === 'en' ? import('../shared/i18n/families.en.json') : import('../shared/i18n/families.nl.json')),
  [loadAuditTexts],
);

/** The texts of the directory management pages (sociale kaart, beheer). */
export const loadDirectoryManageTexts = textBundle((lng) =>
  lng === 'en' ? import('../shared/i18n/directory-manage.en.json') : import('../shared/i18n/directory-manage.nl.json'),
);

/** The texts of learning together (events, registration, check-in). */
export const loadLearningTexts = textBundle((lng) => (lng === 'en' ? import('../shared/i18n/learning.en.json') : import('../shared/i18n/learning.nl.json')));

/** The texts of consultation (bodies, meetings, minutes, actions). */
export const loadGovernanceTexts = textBundle((lng) => (lng === 'en' ? import('../shared/i18n/governance.en.json') : import('../shared/i18n/governance.nl.json')));

/** The texts of the public directory (sociale kaart). */
export const loadDirectoryTexts = textBundle((lng) => (lng === 'en' ? import('../shared/i18n/directory.en.json') : import('../shared/i18n/directory.nl.json')));

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl & typeof familiesNl & typeof directoryManageNl & typeof directoryNl & typeof auditNl & typeof pagesNl & typeof learningNl & typeof governanceNl & typeof portalNl };
  }
}

/** Narrows any string to a supported language, or undefined. */
export function toLanguage(value: string | null | undefined): TLanguage | undefined {
  const base = value?.toLowerCase().split('-')[0];
  return LANGUAGES.find((lng) => lng === base);
}

function readStoredLanguage(): TLanguage | undefined {
  try {
    return toLanguage(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    // Storage can be unavailable (privacy settings); Dutch is fine then.
    return undefined;
  }
}

function storeLanguage(lng: TLanguage): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // Not remembering the choice is acceptable.
  }
}

/** Locale used for numbers and dates: Belgian Dutch, or British English. */
export function localeFor(lng: string): 'nl-BE' | 'en-GB' {
  return toLanguage(lng) === 'en' ? 'en-GB' : 'nl-BE';
}

/** Value of the Accept-Language header for the current UI language. */
export function acceptLanguage(): string {
  return toLanguage(i18n.language) === 'en' ? 'en-GB,en;q=0.9' : 'nl-BE,nl;q=0.9';
}

/** The current UI language (always a supported one). */
export function currentLanguage(): TLanguage {
  return toLanguage(i18n.language) ?? DEFAULT_LANGUAGE;
}

function applyToDocument(lng: TLanguage): void {
  document.documentElement.lang = lng;
}

const initialLanguage = readStoredLanguage() ?? DEFAULT_LANGUAGE;

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: nl } },
  partialBundledLanguages: true,
  lng: initialLanguage,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  nonExplicitSupportedLngs: false,
  initAsync: false,
  returnNull: false,
  interpolation: { escapeValue: false }, // React escapes already
});

/** Resolves when the translations of the starting language are loaded (at once for Dutch). */
export const i18nReady: Promise<void> =
  initialLanguage === DEFAULT_LANGUAGE ? Promise.resolve() : loadLanguage(initialLanguage).catch(() => undefined);

applyToDocument(currentLanguage());
i18n.on('languageChanged', (lng) => {
  const language = toLanguage(lng) ?? DEFAULT_LANGUAGE;
  applyToDocument(language);
  storeLanguage(language);
});

/** Switches the UI language; remembered for the next visit. */
export async function changeLanguage(lng: TLanguage): Promise<unknown> {
  await loadLanguage(lng);
  return i18n.changeLanguage(lng);
}

/** Number formatting in the locale of the current UI language. */
export function useFormat() {
  const { i18n: instance } = useTranslation();
  const locale = localeFor(instance.language);
  const numberFormat = new Intl.NumberFormat(locale);
  return {
    locale,
    number: (value: number) => numberFormat.format(value),
    collator: new Intl.Collator(locale, { sensitivity: 'base', numeric: true }),
  };
}

export default i18n;
