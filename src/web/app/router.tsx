import { Suspense, lazy, type ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RootRouteError, RouteError } from '../components/route-error.js';
import { AppLayout } from './app-layout.js';
import { GLOSSARY_PATH, MODULES, type TPlannedModuleKey } from './modules.js';
import { familyRoutes } from '../modules/families/routes.js';
import { directoryManageRoutes } from '../modules/directory-manage/routes.js';
import { directoryRoutes } from '../modules/directory/routes.js';
import { learningRoutes } from '../modules/learning/routes.js';
import { governanceRoutes } from '../modules/governance/routes.js';
import { loadAuditTexts, loadPageTexts } from '../i18n.js';

/**
 * A page loaded on first use, so the first visit only downloads the shell and that page.
 * The shell shows at once; `<Suspense>` in the layouts shows a skeleton while a page loads.
 */
function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

/** A page whose texts live in pages.{nl,en}.json: the texts load with it. */
function pageWithTexts<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return page(async () => (await Promise.all([load(), loadPageTexts()]))[0], name);
}

const HomePage = page(() => import('../modules/home/home-page.js'), 'HomePage');
const RegionPage = pageWithTexts(() => import('../modules/regions/region-page.js'), 'RegionPage');
const LoginPage = page(() => import('../modules/auth/login-page.js'), 'LoginPage');
const MfaPage = page(() => import('../modules/auth/mfa-page.js'), 'MfaPage');
const MfaEnrolPage = page(() => import('../modules/auth/mfa-enrol-page.js'), 'MfaEnrolPage');
const EnrolLinkPage = page(() => import('../modules/auth/enrol-link-page.js'), 'EnrolLinkPage');
const PasswordResetRequestPage = page(
  () => import('../modules/auth/password-reset-request-page.js'),
  'PasswordResetRequestPage',
);
const PasswordResetPage = page(() => import('../modules/auth/password-reset-page.js'), 'PasswordResetPage');
const DevOutboxPage = pageWithTexts(() => import('../modules/dev-outbox/dev-outbox-page.js'), 'DevOutboxPage');
const AccountPage = page(() => import('../modules/account/account-page.js'), 'AccountPage');
const AdminLayout = page(() => import('../modules/admin/admin-layout.js'), 'AdminLayout');
const OrganisationsPanel = page(() => import('../modules/admin/organisations-panel.js'), 'OrganisationsPanel');
const PeoplePanel = page(() => import('../modules/admin/people-panel.js'), 'PeoplePanel');
const LifeDomainsPanel = page(() => import('../modules/admin/life-domains-panel.js'), 'LifeDomainsPanel');
const DirectoryImportPanel = pageWithTexts(() => import('../modules/admin/directory-import-panel.js'), 'DirectoryImportPanel');
const AuditPage = page(async () => (await Promise.all([import('../modules/audit/audit-page.js'), loadAuditTexts()]))[0], 'AuditPage');
const NotFoundPage = page(() => import('../modules/not-found/not-found-page.js'), 'NotFoundPage');
const ModulePlaceholderPage = lazy(async () => ({
  default: (await import('../modules/placeholder/module-placeholder-page.js')).ModulePlaceholderPage,
}));

// The family portal: its own layout, routes and texts (modules/portal/portal-app.tsx).
const portalPart = () => import('../modules/portal/portal-app.js').then(async (m) => (await m.loadPortalTexts(), m));
const PortalApp = page(portalPart, 'PortalApp');
const PortalLinkPage = page(portalPart, 'PortalLinkPage');

const GlossaryPage = page(() => import('../modules/glossary/glossary-page.js'), 'GlossaryPage');

// Modules still being built keep their address (bookmarks, links in mails) with an honest page.
const plannedModules: RouteObject[] = MODULES.filter(
  (entry): entry is typeof entry & { key: TPlannedModuleKey } => entry.planned === true,
).map((entry) => ({
  path: entry.path.slice(1),
  element: <ModulePlaceholderPage key={entry.key} module={entry.key} />,
}));

/** All client routes. A page that throws is shown inside the shell; a broken shell gets a bare page. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RootRouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'regio/:code', element: <RegionPage /> },
          { path: 'aanmelden', element: <LoginPage /> },
          { path: 'aanmelden/code', element: <MfaPage /> },
          { path: 'aanmelden/instellen', element: <MfaEnrolPage /> },
          { path: 'inschrijven', element: <EnrolLinkPage /> },
          { path: 'wachtwoord-vergeten', element: <PasswordResetRequestPage /> },
          { path: 'wachtwoord-herstellen', element: <PasswordResetPage /> },
          { path: 'ontwikkeling/mails', element: <DevOutboxPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: GLOSSARY_PATH.slice(1), element: <GlossaryPage /> },
          {
            path: 'beheer',
            element: <AdminLayout />,
            children: [
              { index: true, element: <OrganisationsPanel /> },
              { path: 'personen', element: <PeoplePanel /> },
              { path: 'levensdomeinen', element: <LifeDomainsPanel /> },
              { path: 'audit', element: <AuditPage /> },
              { path: 'sociale-kaart-import', element: <DirectoryImportPanel /> },
            ],
          },
          ...familyRoutes,
          ...directoryManageRoutes,
          ...directoryRoutes,
          ...learningRoutes,
          ...governanceRoutes,
          ...plannedModules,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
  // The family portal: its own simple layout, no professional navigation; /portaal is the login mail's link.
  { path: 'gezin/*', element: <Suspense fallback={null}><PortalApp /></Suspense>, errorElement: <RootRouteError /> },
  { path: 'portaal', element: <Suspense fallback={null}><PortalLinkPage /></Suspense>, errorElement: <RootRouteError /> },
];

/** Creates the browser router of the app. */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
