import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { loadDirectoryManageTexts } from '../../i18n.js';
import { lazyModulePage } from '../../app/lazy-page.js';

/** A page of the module, loaded on first use together with the module's texts. */
const modulePage = <M,>(load: () => Promise<M>, pick: (m: M) => ComponentType) => lazyModulePage(load, pick, loadDirectoryManageTexts);

const ManagePage = modulePage(() => import('./manage-page.js'), (m) => m.ManagePage);
const StalePage = modulePage(() => import('./stale-page.js'), (m) => m.StalePage);
const EngagementOverviewPage = modulePage(() => import('./engagement-overview-page.js'), (m) => m.EngagementOverviewPage);

/** Keeping the directory (wired once into app/router.tsx). */
export const directoryManageRoutes: RouteObject[] = [
  { path: 'sociale-kaart/beheer', element: <ManagePage /> },
  { path: 'sociale-kaart/beheer/verouderd', element: <StalePage /> },
  { path: 'sociale-kaart/beheer/engagementen', element: <EngagementOverviewPage /> },
];
