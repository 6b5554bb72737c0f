/** Query parameter that carries the page to return to after logging in (a path only). */
export const RETURN_PARAM = 'terug';

export const LOGIN_PATH = '/aanmelden';
export const MFA_PATH = '/aanmelden/code';
export const MFA_ENROL_PATH = '/aanmelden/instellen';

/** The path to return to, if it is a safe in-app path (no other site, no login page). */
export function returnPathFrom(search: string): string {
  const value = new URLSearchParams(search).get(RETURN_PARAM);
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === LOGIN_PATH || value.startsWith(`${LOGIN_PATH}/`) || value.startsWith('/inschrijven')) return '/';
  return value;
}

/** `path`, remembering where to return to afterwards (left out when that is the home page). */
export function withReturn(path: string, returnTo: string): string {
  if (returnTo === '/' || returnTo === '') return path;
  return `${path}?${new URLSearchParams({ [RETURN_PARAM]: returnTo }).toString()}`;
}
