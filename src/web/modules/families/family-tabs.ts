import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { TFamilyAbilities } from '../../../shared/schemas/families/family.js';

/**
 * The tabs of the family page (`/gezinnen/:id/<path>`), in order: each is a child route of the
 * family page, loaded on first use. An area adds its tab here (one entry) once its page exists;
 * `ability` hides the tab from someone who may not use it (the server checks again).
 * The page reads the family with `useFamilyContext()` (family-layout.tsx).
 */
export interface TFamilyTab {
  /** '' for the overview (the index route). */
  path: string;
  /** i18n key of the tab's label. */
  labelKey: string;
  ability?: keyof TFamilyAbilities;
  /** The tab's page inside the family page; without one, the tab links to a page of its own (routes.tsx). */
  page?: LazyExoticComponent<ComponentType>;
}

export const FAMILY_TABS: readonly TFamilyTab[] = [
  {
    path: '',
    labelKey: 'families.tabs.overview',
    page: lazy(async () => ({ default: (await import('./family/family-overview.js')).FamilyOverview })),
  },
  // The plan has pages of its own (editor, versions, print view) with a way back to the family.
  { path: 'plan', labelKey: 'families.tabs.plan', ability: 'readPlan' },
  // The care part of the file: waits with bridging help, ateliers with their commitments, the journal, blocked-trajectory signals.
  {
    path: 'wachten',
    labelKey: 'care.tabs.waits',
    ability: 'readPlan',
    page: lazy(async () => ({ default: (await import('./care/waits-tab.js')).WaitsTab })),
  },
  {
    path: 'ateliers',
    labelKey: 'care.tabs.ateliers',
    ability: 'readPlan',
    page: lazy(async () => ({ default: (await import('./care/ateliers-tab.js')).AteliersTab })),
  },
  {
    path: 'logboek',
    labelKey: 'care.tabs.journal',
    ability: 'readJournal',
    page: lazy(async () => ({ default: (await import('./care/journal-tab.js')).JournalTab })),
  },
  {
    path: 'signalen',
    labelKey: 'care.tabs.signals',
    page: lazy(async () => ({ default: (await import('./care/family-signals-tab.js')).FamilySignalsTab })),
  },
  {
    path: 'geschiedenis',
    labelKey: 'families.tabs.history',
    page: lazy(async () => ({ default: (await import('./family/family-history.js')).FamilyHistory })),
  },
];
