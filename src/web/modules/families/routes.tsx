import { createElement, lazy } from 'react';
import type { RouteObject } from 'react-router';
import { FAMILY_TABS } from './family-tabs.js';

/** The families module's client routes (wired once into app/router.tsx); pages load on first use. */
const MyFamiliesPage = lazy(async () => ({ default: (await import('./family/my-families-page.js')).MyFamiliesPage }));
const FamilyLayout = lazy(async () => ({ default: (await import('./family/family-layout.js')).FamilyLayout }));

export const FAMILIES_PATH = '/gezinnen';
export const familyPath = (id: string, tab = '') => `${FAMILIES_PATH}/${encodeURIComponent(id)}${tab ? `/${tab}` : ''}`;

export const familyRoutes: RouteObject[] = [
  { path: 'gezinnen', element: <MyFamiliesPage /> },
  {
    path: 'gezinnen/:id',
    element: <FamilyLayout />,
    children: FAMILY_TABS.map((tab) => (tab.path === '' ? { index: true, element: createElement(tab.page) } : { path: tab.path, element: createElement(tab.page) })),
  },
];
