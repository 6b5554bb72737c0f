import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZAuthProvidersResponse,
  ZLoginResponse,
  ZOutboxResponse,
  ZSessionStateResponse,
  ZMfaEnabledResponse,
  ZMfaSetupResponse,
  ZOk,
  ZSessionListResponse,
  ZRecoveryCodesResponse,
  ZMfaReplacedResponse,
  type TMe,
} from '../../shared/schemas/auth.js';
import { apiGet, apiSend, setCsrfToken } from './client.js';

/** Query keys of the login and account screens. */
export const authKeys = {
  me: ['auth', 'me'] as const,
  sessions: ['auth', 'sessions'] as const,
  mfaSetup: ['auth', 'mfa-setup'] as const,
};

function remember(csrfToken: string | null): void {
  setCsrfToken(csrfToken);
}

/** Calls that are part of logging in: a 401 there is an answer, not an ended session. */
const noRedirect = { redirectOnUnauthenticated: false } as const;

/** Who is logged in, or `null` when nobody is. Also refreshes the CSRF token. */
export const meQuery = queryOptions({
  queryKey: authKeys.me,
  queryFn: async ({ signal }): Promise<TMe | null> => {
    // `session` answers null when nobody is logged in, so a logged-out visit makes no failing request.
    const me = (await apiGet('/api/auth/session', ZSessionStateResponse, signal, noRedirect)).data;
    remember(me?.csrfToken ?? null);
    return me;
  },
  staleTime: 60_000,
  retry: false,
});

/** The logged-in account (any level), `null` when logged out. */
export const useMe = () => useQuery(meQuery);

/** True once the person gave password and second factor. */
export const isFullyLoggedIn = (me: TMe | null | undefined): me is TMe & { level: 'full' } => me?.level === 'full';

/** Step 1: e-mail and password. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { email: string; password: string }) =>
      (await apiSend('POST', '/api/auth/login', ZLoginResponse, body, noRedirect)).data,
    onSuccess: async (result) => {
      remember(result.csrfToken);
      // Fresh `me` before the next step renders, so its guard never sees the old answer.
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    },
  });
}

/** Step 2: the code from the authenticator app, or a recovery code. */
export function useMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => (await apiSend('POST', '/api/auth/mfa', ZLoginResponse, { code }, noRedirect)).data,
    onSuccess: async (result) => {
      remember(result.csrfToken);
      // Fresh `me` before the next step renders, so its guard never sees the old answer.
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    },
  });
}

/** A new TOTP secret and its QR code; a query so it is asked only once per visit. */
export const useMfaSetup = (enabled: boolean) =>
  useQuery({
    queryKey: authKeys.mfaSetup,
    queryFn: async () => (await apiSend('POST', '/api/auth/mfa/setup', ZMfaSetupResponse, undefined, noRedirect)).data,
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

/** Confirms the new second factor with a first code; answers with the recovery codes. */
export function useMfaEnable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) =>
      (await apiSend('POST', '/api/auth/mfa/enable', ZMfaEnabledResponse, { code }, noRedirect)).data,
    onSuccess: (result) => {
      remember(result.csrfToken);
      queryClient.removeQueries({ queryKey: authKeys.mfaSetup });
    },
  });
}

/** First password through an enrolment link. */
export function useEnrol() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { token: string; password: string }) =>
      (await apiSend('POST', '/api/auth/enrol', ZLoginResponse, body, noRedirect)).data,
    onSuccess: async (result) => {
      remember(result.csrfToken);
      // Fresh `me` before the next step renders, so its guard never sees the old answer.
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    },
  });
}

/** Ends this session (or all of mine) and forgets every cached answer. */
export function useLogout(everywhere = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      apiSend('POST', everywhere ? '/api/auth/logout-all' : '/api/auth/logout', ZOk, undefined, noRedirect),
    onSettled: () => {
      remember(null);
      queryClient.clear();
      queryClient.setQueryData(authKeys.me, null);
    },
  });
}

/** My active sessions. */
export const useSessions = (enabled: boolean) =>
  useQuery({
    queryKey: authKeys.sessions,
    queryFn: async ({ signal }) => (await apiGet('/api/auth/sessions', ZSessionListResponse, signal)).data,
    enabled,
    staleTime: 0,
  });

/** Ends one of my other sessions. */
export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => apiSend('DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`, ZOk),
    onSettled: () => queryClient.invalidateQueries({ queryKey: authKeys.sessions }),
  });
}

/** Changes my password; my other sessions end. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) =>
      apiSend('POST', '/api/auth/password', ZOk, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.sessions }),
  });
}

// ---- Password reset, external login (OIDC) and the development outbox ----

/** Asks for a password-reset mail; the answer is the same whether or not the address is known. */
export function usePasswordResetRequest() {
  return useMutation({
    mutationFn: async (email: string) =>
      apiSend('POST', '/api/auth/password-reset', ZOk, { email }, noRedirect),
  });
}

/** Chooses a new password through the link in the mail; the second factor is asked next. */
export function usePasswordResetConfirm() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { token: string; password: string }) =>
      (await apiSend('POST', '/api/auth/password-reset/confirm', ZLoginResponse, body, noRedirect)).data,
    onSuccess: async (result) => {
      remember(result.csrfToken);
      // Fresh `me` before the next step renders, so its guard never sees the old answer.
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    },
  });
}

/** Which external login providers this deployment offers (`oidc: null` when none). */
export const useAuthProviders = () =>
  useQuery({
    queryKey: ['auth', 'providers'] as const,
    queryFn: async ({ signal }) => (await apiGet('/api/auth/providers', ZAuthProvidersResponse, signal, noRedirect)).data,
    staleTime: 5 * 60_000,
    retry: false,
  });

/** Where the external login starts: a full-page navigation, not a fetch. */
export function oidcStartUrl(returnTo: string): string {
  return returnTo === '/' || returnTo === ''
    ? '/api/auth/oidc/start'
    : `/api/auth/oidc/start?${new URLSearchParams({ returnTo }).toString()}`;
}

/** Links my account to an external identity: a full-page navigation, not a fetch. */
export const OIDC_LINK_URL = '/api/auth/oidc/link';

/** The mails in the development outbox (platform admins; only without an SMTP server). */
export const useDevOutbox = (enabled: boolean) =>
  useQuery({
    queryKey: ['dev', 'outbox'] as const,
    queryFn: async ({ signal }) => (await apiGet('/api/dev/outbox', ZOutboxResponse, signal)).data,
    enabled,
    staleTime: 0,
  });

/** New recovery codes (the earlier ones stop working); `wrap` asks for the step-up code when needed. */
export function useRenewRecoveryCodes(wrap: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn()) {
  return useMutation({
    mutationFn: async () => wrap(async () => (await apiSend('POST', '/api/auth/recovery-codes', ZRecoveryCodesResponse)).data),
  });
}

/** Moving the second factor to a new phone, step one: a new secret and its QR code (after step-up). */
export function useStartMfaReplacement(wrap: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn()) {
  return useMutation({
    mutationFn: async () => wrap(async () => (await apiSend('POST', '/api/auth/mfa/replace', ZMfaSetupResponse)).data),
  });
}

/** Step two: a code from the new phone confirms it. */
export function useConfirmMfaReplacement() {
  return useMutation({
    mutationFn: async (code: string) => (await apiSend('POST', '/api/auth/mfa/replace/confirm', ZMfaReplacedResponse, { code })).data,
  });
}
