import { createElement, lazy } from 'react';
import type { RouteObject } from 'react-router';
import { FAMILY_TABS } from './family-tabs.js';

/** The families module's client routes (wired once into app/router.tsx); pages load on first use. */
const MyFamiliesPage = lazy(async () => ({ default: (await import('./family/my-families-page.js')).MyFamiliesPage }));
const FamilyLayout = lazy(async () => ({ default: (await import('./family/family-layout.js')).FamilyLayout }));
const RequestBoardPage = lazy(async () => ({ default: (await import('./requests/request-board-page.js')).RequestBoardPage }));
const NewRequestPage = lazy(async () => ({ default: (await import('./requests/new-request-page.js')).NewRequestPage }));
const RequestPage = lazy(async () => ({ default: (await import('./requests/request-page.js')).RequestPage }));
const SignalsPage = lazy(async () => ({ default: (await import('./care/signals-page.js')).SignalsPage }));
// The plan pages have their own header with a way back to the family; the family page links them as a tab.
const PlanPage = lazy(async () => ({ default: (await import('./plan/plan-page.js')).PlanPage }));
const PlanVersionsPage = lazy(async () => ({ default: (await import('./plan/plan-versions-page.js')).PlanVersionsPage }));
const PlanPrintPage = lazy(async () => ({ default: (await import('./plan/plan-print-page.js')).PlanPrintPage }));

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
