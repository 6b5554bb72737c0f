import { createBrowserRouter, type RouteObject } from 'react-router';
import { RootRouteError, RouteError } from '../components/route-error.js';
import { AccountPage } from '../modules/account/account-page.js';
import { AdminLayout } from '../modules/admin/admin-layout.js';
import { OrganisationsPanel } from '../modules/admin/organisations-panel.js';
import { PeoplePanel } from '../modules/admin/people-panel.js';
import { AuditPage } from '../modules/audit/audit-page.js';
import { EnrolLinkPage } from '../modules/auth/enrol-link-page.js';
import { LoginPage } from '../modules/auth/login-page.js';
import { MfaEnrolPage } from '../modules/auth/mfa-enrol-page.js';
import { MfaPage } from '../modules/auth/mfa-page.js';
import { PasswordResetPage } from '../modules/auth/password-reset-page.js';
import { PasswordResetRequestPage } from '../modules/auth/password-reset-request-page.js';
import { DevOutboxPage } from '../modules/dev-outbox/dev-outbox-page.js';
import { HomePage } from '../modules/home/home-page.js';
import { NotFoundPage } from '../modules/not-found/not-found-page.js';
import { ModulePlaceholderPage } from '../modules/placeholder/module-placeholder-page.js';
import { RegionPage } from '../modules/regions/region-page.js';
import { AppLayout } from './app-layout.js';
import { MODULES, type TPlannedModuleKey } from './modules.js';

const plannedModules: RouteObject[] = MODULES.filter(
  (entry): entry is typeof entry & { key: TPlannedModuleKey } => entry.key !== 'home' && entry.key !== 'admin',
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
          {
            path: 'beheer',
            element: <AdminLayout />,
            children: [
              { index: true, element: <OrganisationsPanel /> },
              { path: 'personen', element: <PeoplePanel /> },
              { path: 'audit', element: <AuditPage /> },
            ],
          },
          ...plannedModules,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/** Creates the browser router of the app. */
export function createAppRouter() {
  return createBrowserRouter(routes);
}
