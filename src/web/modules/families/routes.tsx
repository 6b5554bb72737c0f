import { createElement, type ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { FAMILY_TABS } from './family-tabs.js';
import { loadFamiliesTexts } from '../../i18n.js';
import { lazyModulePage } from '../../app/lazy-page.js';

/** A page of the module, loaded on first use together with the module's texts. */
const modulePage = <M,>(load: () => Promise<M>, pick: (m: M) => ComponentType) => lazyModulePage(load, pick, loadFamiliesTexts);

/** The families module's client routes (wired once into app/router.tsx); pages load on first use. */
const MyFamiliesPage = modulePage(() => import('./family/my-families-page.js'), (m) => m.MyFamiliesPage);
const FamilyLayout = modulePage(() => import('./family/family-layout.js'), (m) => m.FamilyLayout);
const RequestBoardPage = modulePage(() => import('./requests/request-board-page.js'), (m) => m.RequestBoardPage);
const NewRequestPage = modulePage(() => import('./requests/new-request-page.js'), (m) => m.NewRequestPage);
const RequestPage = modulePage(() => import('./requests/request-page.js'), (m) => m.RequestPage);
const SignalsPage = modulePage(() => import('./care/signals-page.js'), (m) => m.SignalsPage);
// The plan pages have their own header with a way back to the family; the family page links them as a tab.
const PlanPage = modulePage(() => import('./plan/plan-page.js'), (m) => m.PlanPage);
const PlanVersionsPage = modulePage(() => import('./plan/plan-versions-page.js'), (m) => m.PlanVersionsPage);
const PlanPrintPage = modulePage(() => import('./plan/plan-print-page.js'), (m) => m.PlanPrintPage);

export const FAMILIES_PATH = '/gezinnen';
export const familyPath = (id: string, tab = '') => `${FAMILIES_PATH}/${encodeURIComponent(id)}${tab ? `/${tab}` : ''}`;

export const familyRoutes: RouteObject[] = [
  { path: 'aanmeldingen', element: <RequestBoardPage /> },
  { path: 'aanmeldingen/nieuw', element: <NewRequestPage /> },
  { path: 'aanmeldingen/:id', element: <RequestPage /> },
  { path: 'signalen', element: <SignalsPage /> },
  { path: 'gezinnen', element: <MyFamiliesPage /> },
  {
    path: 'gezinnen/:id',
    element: <FamilyLayout />,
    children: FAMILY_TABS.flatMap((tab): RouteObject[] => {
      if (!tab.page) return [];
      return tab.path === '' ? [{ index: true, element: createElement(tab.page) }] : [{ path: tab.path, element: createElement(tab.page) }];
    }),
  },
  { path: 'gezinnen/:id/plan', element: <PlanPage /> },
  { path: 'gezinnen/:id/plan/versies', element: <PlanVersionsPage /> },
  { path: 'gezinnen/:id/plan/afdruk', element: <PlanPrintPage /> },
];
