import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { dataEnvelope } from '../../shared/schemas/common.js';
import {
  ZPortalAccepted,
  ZPortalAccessResponse,
  ZPortalConsentListResponse,
  ZPortalConsentResponse,
  ZPortalContributionsResponse,
  ZConfidant,
  ZConfidantResponse,
  ZPortalObjectionResponse,
  ZPortalExportResponse,
  ZPortalMeResponse,
  ZPortalPlanResponse,
  ZPortalTeamResponse,
  type TPortalVoice,
} from '../../shared/schemas/portal.js';
import type { CONSENT_SCOPES } from '../../shared/schemas/families/enums.js';
import { ApiError, apiGet, apiSend, setCsrfToken } from './client.js';

const BASE = '/api/portal';
const enc = encodeURIComponent;
const ZLoggedIn = dataEnvelope(z.object({ csrfToken: z.string() }));
const ZVoiceResponse = dataEnvelope(z.object({ version: z.number().int() }));

/** Query keys of the family portal; logging out clears them all. */
export const portalKeys = {
  all: ['portal'] as const,
  me: ['portal', 'me'] as const,
  plan: ['portal', 'plan'] as const,
  team: ['portal', 'team'] as const,
  consents: ['portal', 'consents'] as const,
  access: ['portal', 'access'] as const,
  confidants: ['portal', 'confidants'] as const,
};

/** Who is logged in to the portal (null: nobody, or a professional's session). Keeps the CSRF token. */
export const usePortalMe = () =>
  useQuery({
    queryKey: portalKeys.me,
    queryFn: async ({ signal }) => {
      try {
        const me = (await apiGet(`${BASE}/me`, ZPortalMeResponse, signal, { redirectOnUnauthenticated: false })).data;
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
        throw error;
      }
    },
    retry: false,
    staleTime: 60_000,
  });

/** Step one: ask a code by e-mail (the answer is the same whether the address is known or not). */
export function usePortalAskCode() {
  return useMutation({
    mutationFn: async (email: string) => apiSend('POST', `${BASE}/login`, ZPortalAccepted, { email }, { redirectOnUnauthenticated: false }),
  });
}

function useLoggedIn() {
  const queryClient = useQueryClient();
  return async (csrfToken: string) => {
    setCsrfToken(csrfToken);
    queryClient.removeQueries({ queryKey: portalKeys.all });
    await queryClient.fetchQuery({ queryKey: portalKeys.me, queryFn: async () => {
      const me = (await apiGet(`${BASE}/me`, ZPortalMeResponse)).data;
      setCsrfToken(me.csrfToken);
      return me;
    } });
  };
}

/** Step two: the 6-digit code from the mail. */
export function usePortalCodeLogin() {
  const loggedIn = useLoggedIn();
  return useMutation({
    mutationFn: async (body: { email: string; code: string }) => {
      const { data } = await apiSend('POST', `${BASE}/login/code`, ZLoggedIn, body, { redirectOnUnauthenticated: false });
      await loggedIn(data.csrfToken);
    },
  });
}

/** Or: the magic link from the mail (`/portaal#<token>`). */
export function usePortalLinkLogin() {
  const loggedIn = useLoggedIn();
  return useMutation({
    mutationFn: async (token: string) => {
      const { data } = await apiSend('POST', `${BASE}/login/link`, ZLoggedIn, { token }, { redirectOnUnauthenticated: false });
      await loggedIn(data.csrfToken);
    },
  });
}

export function usePortalLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      try {
        await apiSend('POST', `${BASE}/logout`, z.unknown(), undefined, { redirectOnUnauthenticated: false });
      } finally {
        setCsrfToken(null);
        queryClient.removeQueries({ queryKey: portalKeys.all });
        queryClient.setQueryData(portalKeys.me, null);
      }
    },
  });
}

export const usePortalPlan = () => useQuery({ queryKey: portalKeys.plan, queryFn: async ({ signal }) => apiGet(`${BASE}/plan`, ZPortalPlanResponse, signal) });

/** Add my voice; a stale version answers 409 (the caller explains and reloads). */
export function usePortalVoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TPortalVoice) => (await apiSend('POST', `${BASE}/plan/voice`, ZVoiceResponse, body)).data,
    onSettled: () => queryClient.invalidateQueries({ queryKey: portalKeys.plan }),
  });
}

export const usePortalTeam = () => useQuery({ queryKey: portalKeys.team, queryFn: async ({ signal }) => apiGet(`${BASE}/team`, ZPortalTeamResponse, signal) });

export const usePortalConsents = () =>
  useQuery({ queryKey: portalKeys.consents, queryFn: async ({ signal }) => apiGet(`${BASE}/consents`, ZPortalConsentListResponse, signal) });

export function usePortalWithdrawConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (consentId: string) => apiSend('POST', `${BASE}/consents/${enc(consentId)}/withdraw`, ZPortalConsentResponse),
    onSettled: () => queryClient.invalidateQueries({ queryKey: portalKeys.consents }),
  });
}

export function usePortalGiveConsent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { subjectMemberId: string; organisationId: string; scopes: (typeof CONSENT_SCOPES)[number][] }) =>
      apiSend('POST', `${BASE}/consents`, ZPortalConsentResponse, { ...body, validUntil: null }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: portalKeys.consents }),
  });
}

/** Who opened my file, a page at a time (newest first; "meer laden" asks the next page with `before`). */
export const PORTAL_ACCESS_PAGE = 50;
export const usePortalAccessLog = () =>
  useInfiniteQuery({
    queryKey: portalKeys.access,
    initialPageParam: undefined as number | undefined,
    queryFn: async ({ pageParam, signal }) =>
      apiGet(`${BASE}/access-log?limit=${PORTAL_ACCESS_PAGE}${pageParam ? `&before=${pageParam}` : ''}`, ZPortalAccessResponse, signal),
    getNextPageParam: (last) => last.data.nextCursor ?? undefined,
  });

/** A youth objects to access by a named professional of the team; withdraws it again. */
export function usePortalObject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (personId: string) => apiSend('POST', `${BASE}/objections`, ZPortalObjectionResponse, { personId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: portalKeys.consents }),
  });
}

export function usePortalWithdrawObjection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (objectionId: string) => apiSend('POST', `${BASE}/objections/${enc(objectionId)}/withdraw`, ZPortalObjectionResponse),
    onSettled: () => queryClient.invalidateQueries({ queryKey: portalKeys.consents }),
  });
}

/** A youth's confidants: list, designate (they get their own login by mail), end (at once). */
export const usePortalConfidants = (enabled: boolean) =>
  useQuery({ queryKey: portalKeys.confidants, enabled, queryFn: async ({ signal }) => apiGet(`${BASE}/confidants`, dataEnvelope(z.array(ZConfidant)), signal) });

export function usePortalDesignateConfidant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; email: string }) => apiSend('POST', `${BASE}/confidants`, ZConfidantResponse, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: portalKeys.confidants }),
  });
}

export function usePortalEndConfidant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (confidantId: string) => apiSend('POST', `${BASE}/confidants/${enc(confidantId)}/end`, ZPortalAccepted),
    onSettled: () => queryClient.invalidateQueries({ queryKey: portalKeys.confidants }),
  });
}

/** My data as a readable document (PDF): a plain link, the browser downloads it with the session cookie. */
export const PORTAL_EXPORT_PDF_URL = `${BASE}/export.pdf`;

/** The team's view (families module, plan page): what the family said through the portal. */
export const useFamilyPortalContributions = (familyId: string, enabled = true) =>
  useQuery({
    queryKey: ['families', familyId, 'plan', 'portal-contributions'],
    enabled,
    queryFn: async ({ signal }) => apiGet(`/api/families/${enc(familyId)}/portal-contributions`, ZPortalContributionsResponse, signal),
  });

/** My data as JSON: fetched through the API (audited), saved as a file by the browser. */
export function usePortalExport() {
  return useMutation({ mutationFn: async () => (await apiGet(`${BASE}/export`, ZPortalExportResponse)).data });
}
