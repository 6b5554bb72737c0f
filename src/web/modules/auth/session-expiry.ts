import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { setCsrfToken, setUnauthenticatedHandler } from '../../api/client.js';
import { authKeys } from '../../api/auth.js';
import { LOGIN_PATH, withReturn } from './return-path.js';

/**
 * When any call finds the session ended (idle or too long), forget who was logged in and go to
 * the login page, remembering the page (path and query) to come back to.
 */
export function useSessionExpiryRedirect(): void {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { pathname, search } = useLocation();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      queryClient.setQueryData(authKeys.me, null);
      setCsrfToken(null);
      if (pathname === LOGIN_PATH || pathname.startsWith(`${LOGIN_PATH}/`)) return;
      void navigate(withReturn(LOGIN_PATH, pathname + search), { replace: true });
    });
    return () => setUnauthenticatedHandler(null);
  }, [navigate, queryClient, pathname, search]);
}
