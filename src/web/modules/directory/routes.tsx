import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { loadDirectoryTexts } from '../../i18n.js';
import { lazyModulePage } from '../../app/lazy-page.js';

/** A page of the directory, loaded on first use together with its texts. */
const modulePage = <M,>(load: () => Promise<M>, pick: (m: M) => ComponentType) => lazyModulePage(load, pick, loadDirectoryTexts);

const SearchPage = modulePage(() => import('./search-page.js'), (m) => m.DirectorySearchPage);
const ServicePage = modulePage(() => import('./detail-pages.js'), (m) => m.DirectoryServicePage);
const OrganisationPage = modulePage(() => import('./detail-pages.js'), (m) => m.DirectoryOrganisationPage);
const ZinplekPage = modulePage(() => import('./detail-pages.js'), (m) => m.DirectoryZinplekPage);

/** The public directory's client routes (no login); wired once into app/router.tsx. */
export const directoryRoutes: RouteObject[] = [
  { path: 'sociale-kaart', element: <SearchPage /> },
  { path: 'sociale-kaart/aanbod/:id', element: <ServicePage /> },
  { path: 'sociale-kaart/organisaties/:id', element: <OrganisationPage /> },
  { path: 'sociale-kaart/zinplekken/:id', element: <ZinplekPage /> },
];
