import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isFullyLoggedIn, useMe } from '../../../api/auth.js';
import { PageSkeleton } from '../../../components/skeletons.js';
import { ErrorState } from '../../../components/states.js';
import { LOGIN_PATH, withReturn } from '../../auth/return-path.js';

/** The families pages are for people with a full session: others go to the login page and come back. */
export function LoggedIn({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const me = useMe();
  if (me.isPending) return <PageSkeleton />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!isFullyLoggedIn(me.data)) return <Navigate to={withReturn(LOGIN_PATH, pathname)} replace />;
  return <>{children}</>;
}
