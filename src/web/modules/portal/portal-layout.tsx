import { Suspense, useEffect, type ReactNode } from 'react';
import { NavLink, Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { IconClipboardList, IconDownload, IconEye, IconShieldCheck, IconUsers } from '@tabler/icons-react';
import { setUnauthenticatedHandler } from '../../api/client.js';
import { usePortalLogout, usePortalMe } from '../../api/portal.js';
import { PageSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { PortalFrame } from './portal-frame.js';
import { PortalViewerContext } from './use-portal-me.js';
import classes from './portal.module.css';

export const PORTAL_HOME = '/gezin';
export const PORTAL_LOGIN = '/gezin/aanmelden';

const TABS = [
  { key: 'plan', to: PORTAL_HOME, icon: IconClipboardList, end: true },
  { key: 'team', to: `${PORTAL_HOME}/team`, icon: IconUsers, end: false },
  { key: 'consent', to: `${PORTAL_HOME}/toestemming`, icon: IconShieldCheck, end: false },
  { key: 'access', to: `${PORTAL_HOME}/wie-keek`, icon: IconEye, end: false },
  { key: 'data', to: `${PORTAL_HOME}/gegevens`, icon: IconDownload, end: false },
] as const;

function PortalTabs() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('portal.tabs.label')} className={classes.tabs}>
      <ul className={classes.tabList}>
        {TABS.map(({ key, to, icon: Icon, end }) => (
          <li key={key}>
            <NavLink to={to} end={end} className={classes.tab}>
              <Icon size={22} stroke={1.7} aria-hidden="true" />
              <span>{t(`portal.tabs.${key}`)}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The logged-in portal: header with the family's name, the tab bar, the page. Not logged in → the portal login. */
export function PortalLayout({ children }: { children: ReactNode }) {
  const me = usePortalMe();
  const logout = usePortalLogout();
  const navigate = useNavigate();

  // An ended session (idle, 8 hours, a confidant whose designation ended) goes back to the portal login.
  useEffect(() => {
    setUnauthenticatedHandler(() => void navigate(PORTAL_LOGIN, { replace: true }));
    return () => setUnauthenticatedHandler(null);
  }, [navigate]);

  if (me.isPending) {
    return (
      <PortalFrame>
        <PageSkeleton />
      </PortalFrame>
    );
  }
  if (me.isError) {
    return (
      <PortalFrame>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} retrying={me.isFetching} />
      </PortalFrame>
    );
  }
  if (!me.data) return <Navigate to={PORTAL_LOGIN} replace />;

  return (
    <PortalFrame
      familyName={me.data.familyName}
      onLogout={() => logout.mutate(undefined, { onSettled: () => void navigate(PORTAL_LOGIN, { replace: true }) })}
      loggingOut={logout.isPending}
      nav={<PortalTabs />}
    >
      <Suspense fallback={<PageSkeleton />}>
        <PortalViewerContext.Provider value={me.data}>{children}</PortalViewerContext.Provider>
      </Suspense>
    </PortalFrame>
  );
}
