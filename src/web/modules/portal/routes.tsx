import { Suspense, type ComponentType, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { loadPortalTexts } from '../../i18n.js';
import { lazyModulePage } from '../../app/lazy-page.js';
import { RootRouteError } from '../../components/route-error.js';

/** A page of the portal, loaded on first use together with the portal's texts. */
const modulePage = <M,>(load: () => Promise<M>, pick: (m: M) => ComponentType) => lazyModulePage(load, pick, loadPortalTexts);

const PortalLayout = modulePage(() => import('./portal-layout.js'), (m) => m.PortalLayout);
const PortalLoginPage = modulePage(() => import('./portal-login-page.js'), (m) => m.PortalLoginPage);
const PortalLinkPage = modulePage(() => import('./portal-link-page.js'), (m) => m.PortalLinkPage);
const PlanPage = modulePage(() => import('./plan-page.js'), (m) => m.PlanPage);
const TeamPage = modulePage(() => import('./team-page.js'), (m) => m.TeamPage);
const ConsentPage = modulePage(() => import('./consent-page.js'), (m) => m.ConsentPage);
const AccessPage = modulePage(() => import('./access-page.js'), (m) => m.AccessPage);
const DataPage = modulePage(() => import('./data-page.js'), (m) => m.DataPage);

/** The portal has its own layout (no professional shell): these routes sit beside AppLayout. */
const bare = (element: ReactNode) => <Suspense fallback={null}>{element}</Suspense>;

/** The family portal (wired once into app/router.tsx, next to the professional shell). */
export const portalRoutes: RouteObject[] = [
  { path: 'gezin/aanmelden', element: bare(<PortalLoginPage />), errorElement: <RootRouteError /> },
  // The login mail's link: /portaal#<token> (portal-auth.service.ts).
  { path: 'portaal', element: bare(<PortalLinkPage />), errorElement: <RootRouteError /> },
  {
    path: 'gezin',
    element: bare(<PortalLayout />),
    errorElement: <RootRouteError />,
    children: [
      { index: true, element: <PlanPage /> },
      { path: 'team', element: <TeamPage /> },
      { path: 'toestemming', element: <ConsentPage /> },
      { path: 'wie-keek', element: <AccessPage /> },
      { path: 'gegevens', element: <DataPage /> },
    ],
  },
];
