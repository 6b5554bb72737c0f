import type { ReactElement } from 'react';
import { Navigate, useLocation } from 'react-router';
import { isFullyLoggedIn, useMe } from '../../api/auth.js';
import type { TMe } from '../../../shared/schemas/auth.js';
import { PageSkeleton } from '../../components/skeletons.js';
import { ErrorState } from '../../components/states.js';
import { LOGIN_PATH, withReturn } from './return-path.js';

export type FullMe = TMe & { level: 'full' };

/**
 * For a page that needs a full session (password and second factor). Gives either the signed-in
 * person, or what to show instead: a skeleton while it is asked, an error with a retry, or a
 * redirect to the login page that comes back to this very page — path and query, so a filtered
 * list or an opened tab is where the person left it.
 *
 *     const login = useFullLogin();
 *     // …other hooks…
 *     if (login.me === null) return login.gate;
 *     const me = login.me;
 */
export function useFullLogin(): { me: null; gate: ReactElement } | { me: FullMe; gate: null } {
  const { pathname, search } = useLocation();
  const me = useMe();
  if (me.isPending) return { me: null, gate: <PageSkeleton /> };
  if (me.isError) return { me: null, gate: <ErrorState error={me.error} onRetry={() => void me.refetch()} /> };
  if (!isFullyLoggedIn(me.data)) return { me: null, gate: <Navigate to={withReturn(LOGIN_PATH, pathname + search)} replace /> };
  return { me: me.data, gate: null };
}
