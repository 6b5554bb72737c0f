import { lazy, type ComponentType } from 'react';
import { Navigate, useLocation } from 'react-router';
import { loadAuditTexts, textBundle } from '../../i18n.js';
import { PortalLayout } from './portal-layout.js';
import { PortalLoginPage } from './portal-login-page.js';

/**
 * The portal's texts (`src/shared/i18n/portal.{nl,en}.json`; "who looked" shows audit labels too).
 * Made here rather than in i18n.ts to keep the first visit's bundle within its budget; the router
 * awaits it before the portal renders.
 */
export const loadPortalTexts = textBundle((lng) => (lng === 'en' ? import('../../../shared/i18n/portal.en.json') : import('../../../shared/i18n/portal.nl.json')), [loadAuditTexts]);

/** A page of the portal, loaded on first use (the portal's texts are loaded with the portal). */
const page = <M,>(load: () => Promise<M>, pick: (m: M) => ComponentType) => lazy(async () => ({ default: pick(await load()) }));

const PlanPage = page(() => import('./plan-page.js'), (m) => m.PlanPage);
const TeamPage = page(() => import('./team-page.js'), (m) => m.TeamPage);
const ConsentPage = page(() => import('./consent-page.js'), (m) => m.ConsentPage);
const AccessPage = page(() => import('./access-page.js'), (m) => m.AccessPage);
const DataPage = page(() => import('./data-page.js'), (m) => m.DataPage);

/** The pages under /gezin/…, by the rest of the path. */
const PAGES: Record<string, ComponentType> = { '': PlanPage, team: TeamPage, toestemming: ConsentPage, 'wie-keek': AccessPage, gegevens: DataPage };

/**
 * The family portal under /gezin (wired once into app/router.tsx as `gezin/*`, beside the
 * professional shell). It picks its page itself rather than with <Routes>, which the first visit's
 * bundle would then carry.
 */
export function PortalApp() {
  const { pathname } = useLocation();
  const rest = pathname.replace(/^\/gezin\/?/, '').replace(/\/$/, '');
  if (rest === 'aanmelden') return <PortalLoginPage />;
  const Page = Object.hasOwn(PAGES, rest) ? PAGES[rest] : undefined;
  if (!Page) return <Navigate to="/gezin" replace />;
  return (
    <PortalLayout>
      <Page />
    </PortalLayout>
  );
}

export { PortalLinkPage } from './portal-link-page.js';
