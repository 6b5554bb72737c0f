import { all, fullSession, type MatrixRow } from './matrix.js';

const NO_SUCH_TOKEN = 'x'.repeat(43);
const WRONG_CODE = { code: '000000' };

/**
 * Login, second factor, sessions and the account. Public steps answer everyone alike; the steps
 * after the password need at least a password-stage session; the rest a full session. Requests
 * here carry wrong codes or unknown tokens on purpose: the matrix is about who gets past the gate.
 */
export const rows: MatrixRow[] = [
  { route: 'POST /api/auth/login', request: (f) => ({ url: '/api/auth/login', payload: { email: `niemand-${f.unique()}@example.test`, password: 'verkeerd-wachtwoord' } }), expect: all(401) },
  { route: 'POST /api/auth/enrol', request: () => ({ url: '/api/auth/enrol', payload: { token: NO_SUCH_TOKEN, password: 'Een-lang-genoeg-wachtwoord-9' } }), expect: all(400) },
  { route: 'POST /api/auth/password-reset', request: (f) => ({ url: '/api/auth/password-reset', payload: { email: `niemand-${f.unique()}@example.test` } }), expect: all(202), note: 'the same answer whether or not the address is known' },
  { route: 'POST /api/auth/password-reset/confirm', request: () => ({ url: '/api/auth/password-reset/confirm', payload: { token: NO_SUCH_TOKEN, password: 'Een-lang-genoeg-wachtwoord-9' } }), expect: all(400) },
  { route: 'GET /api/auth/session', expect: all(200) },
  { route: 'GET /api/auth/providers', expect: all(200) },
  { route: 'GET /api/auth/oidc/start', expect: all(404), note: 'no OpenID Connect provider configured in this test' },
  { route: 'GET /api/auth/oidc/callback', expect: all(404), note: 'no OpenID Connect provider configured in this test' },
  { route: 'GET /api/auth/oidc/link', expect: fullSession(404), note: 'no OpenID Connect provider configured in this test' },
  { route: 'POST /api/auth/mfa', request: () => ({ url: '/api/auth/mfa', payload: WRONG_CODE }), fresh: true, expect: all(401), note: 'a wrong code: 401 unauthenticated without a session, invalid_mfa_code with one' },
  { route: 'POST /api/auth/mfa/setup', fresh: true, expect: { ...all(409), anonymous: 401 } },
  { route: 'POST /api/auth/mfa/enable', request: () => ({ url: '/api/auth/mfa/enable', payload: WRONG_CODE }), fresh: true, expect: { ...all(409), anonymous: 401 } },
  { route: 'GET /api/auth/me', expect: { ...all(200), anonymous: 401 } },
  { route: 'POST /api/auth/logout', fresh: true, expect: { ...all(200), anonymous: 401 } },
  { route: 'POST /api/auth/logout-all', fresh: true, expect: fullSession(200) },
  { route: 'GET /api/auth/sessions', expect: fullSession(200) },
  { route: 'DELETE /api/auth/sessions/:id', request: () => ({ url: '/api/auth/sessions/00000000-0000-4000-8000-000000000000' }), expect: fullSession(404) },
  { route: 'POST /api/auth/password', request: () => ({ url: '/api/auth/password', payload: { currentPassword: 'niet-het-wachtwoord', newPassword: 'Een-lang-genoeg-wachtwoord-9' } }), fresh: true, expect: fullSession(401) },
  { route: 'POST /api/auth/reauthenticate', request: () => ({ url: '/api/auth/reauthenticate', payload: WRONG_CODE }), fresh: true, expect: fullSession(401) },
  { route: 'POST /api/auth/recovery-codes', stepUp: true, expect: fullSession(200), note: 'needs a fresh step-up (401 reauth_required without)' },
  { route: 'POST /api/auth/mfa/replace', stepUp: true, fresh: true, expect: fullSession(200), note: 'needs a fresh step-up (401 reauth_required without)' },
  { route: 'POST /api/auth/mfa/replace/confirm', request: () => ({ url: '/api/auth/mfa/replace/confirm', payload: WRONG_CODE }), fresh: true, expect: fullSession(409), note: 'a new session has no new phone waiting to be confirmed' },
  { route: 'GET /api/dev/outbox', expect: { ...fullSession(403), platformAdmin: 200 } },
];
