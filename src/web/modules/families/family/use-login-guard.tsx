import type { ReactNode } from 'react';
import { useFullLogin } from '../../auth/use-full-login.js';

/** The families pages are for people with a full session: others go to the login page and come back. */
export function LoggedIn({ children }: { children: ReactNode }) {
  const login = useFullLogin();
  if (login.me === null) return login.gate;
  return <>{children}</>;
}
