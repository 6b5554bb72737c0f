import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ZCandidateResponse,
  ZFamilyAccessResponse,
  ZFamilyChangeResponse,
  ZFamilyHistoryResponse,
  ZFamilyListResponse,
  ZFamilyPageResponse,
  type ZConsentCreate,
  type ZContactHandover,
  type ZMemberCreate,
  type ZMemberUpdate,
  type ZNetworkCreate,
  type ZNetworkUpdate,
  type ZOverrideCreate,
  type ZTeamAdd,
} from '../../../shared/schemas/families/family.js';
import { ApiError, apiGet, apiSend } from '../client.js';

/** Query keys of the family core. */
export const familyKeys = {
  all: ['families'] as const,
  list: (q: string) => ['families', 'list', q] as const,
  family: (id: string) => ['families', 'one', id] as const,
  history: (id: string) => ['families', 'one', id, 'history'] as const,
  access: (id: string) => ['families', 'one', id, 'access'] as const,
  candidates: (id: string, q: string) => ['families', 'one', id, 'candidates', q] as const,
};

const PAGE_SIZE = 50;
const enc = encodeURIComponent;

/** My families, page by page with server-side search; abilities per family id. */
export const useMyFamilies = (q = '') =>
  useInfiniteQuery({
    queryKey: familyKeys.list(q),
    queryFn: async ({ signal, pageParam }) => {
      const search = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (q) search.set('q', q);
      if (pageParam) search.set('cursor', pageParam);
      return apiGet(`/api/families?${search.toString()}`, ZFamilyListResponse, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
    placeholderData: keepPreviousData,
  });

/** The family page: family, members, network, contact person, team, consents, with my abilities. */
export const useFamily = (id: string) =>
  useQuery({
    queryKey: familyKeys.family(id),
    queryFn: ({ signal }) => apiGet(`/api/families/${enc(id)}`, ZFamilyPageResponse, signal),
    // Every open is audited and records the visit: no refetch on window focus.
    refetchOnWindowFocus: false,
  });

/**
 * On the team but the file answers 404 (consent withdrawn or ended): may I ask for an override?
 * Asked only after the family page was refused; 404 again for anyone not on the team.
 */
export const useFamilyAccess = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: familyKeys.access(id),
    queryFn: ({ signal }) => apiGet(`/api/families/${enc(id)}/access`, ZFamilyAccessResponse, signal),
    enabled,
    retry: false,
    refetchOnWindowFocus: false,
  });

/** The family's timeline, newest first, page by page. */
export const useFamilyHistory = (id: string) =>
  useInfiniteQuery({
    queryKey: familyKeys.history(id),
    queryFn: async ({ signal, pageParam }) =>
      apiGet(`/api/families/${enc(id)}/history?limit=50${pageParam ? `&cursor=${enc(pageParam)}` : ''}`, ZFamilyHistoryResponse, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
    refetchOnWindowFocus: false,
  });

/** Professionals who can join the team, by name. */
export const useTeamCandidates = (id: string, q: string, enabled: boolean) =>
  useQuery({
    queryKey: familyKeys.candidates(id, q),
    queryFn: ({ signal }) => apiGet(`/api/families/${enc(id)}/candidates${q ? `?q=${enc(q)}` : ''}`, ZCandidateResponse, signal),
    enabled,
    placeholderData: keepPreviousData,
  });

type TWrap = <T>(fn: () => Promise<T>) => Promise<T>;

/** One change of a family: sends, then refreshes the family page (and my families). */
function useFamilyChange<B>(familyId: string, method: 'POST' | 'PATCH', path: (body: B) => string, body: (b: B) => unknown = (b) => b, wrap: TWrap = (fn) => fn()) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: B) => wrap(async () => (await apiSend(method, `/api/families/${enc(familyId)}${path(input)}`, ZFamilyChangeResponse, body(input))).data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: familyKeys.all }),
    // Someone else changed it first: show the newest state, so the next try starts from it.
    onError: (error) => (error instanceof ApiError && error.code === 'version_conflict' ? queryClient.invalidateQueries({ queryKey: familyKeys.all }) : undefined),
  });
}

export const useAddMember = (familyId: string) => useFamilyChange<z.input<typeof ZMemberCreate>>(familyId, 'POST', () => '/members');
/** Changes a member (name, role, birth date); a stale `version` fails with 409 `version_conflict`. */
export const useUpdateMember = (familyId: string) =>
  useFamilyChange<z.input<typeof ZMemberUpdate> & { id: string }>(familyId, 'PATCH', (b) => `/members/${enc(b.id)}`, ({ id: _id, ...rest }) => rest);
export const useEndMember = (familyId: string) =>
  useFamilyChange<{ id: string; version: number }>(familyId, 'POST', (b) => `/members/${enc(b.id)}/end`, (b) => ({ version: b.version }));
export const useAddNetwork = (familyId: string) => useFamilyChange<z.input<typeof ZNetworkCreate>>(familyId, 'POST', () => '/network');
/** Changes someone of the informal network; a stale `version` fails with 409 `version_conflict`. */
export const useUpdateNetwork = (familyId: string) =>
  useFamilyChange<z.input<typeof ZNetworkUpdate> & { id: string }>(familyId, 'PATCH', (b) => `/network/${enc(b.id)}`, ({ id: _id, ...rest }) => rest);
export const useEndNetwork = (familyId: string) =>
  useFamilyChange<{ id: string; version: number }>(familyId, 'POST', (b) => `/network/${enc(b.id)}/end`, (b) => ({ version: b.version }));
export const useAddTeamMember = (familyId: string) => useFamilyChange<z.input<typeof ZTeamAdd>>(familyId, 'POST', () => '/team');
export const useEndTeamMember = (familyId: string) => useFamilyChange<{ id: string }>(familyId, 'POST', (b) => `/team/${enc(b.id)}/end`, () => undefined);
export const useRecordConsent = (familyId: string) => useFamilyChange<z.input<typeof ZConsentCreate>>(familyId, 'POST', () => '/consent');
export const useWithdrawConsent = (familyId: string) =>
  useFamilyChange<{ id: string; withdrawnByMemberId: string | null }>(familyId, 'POST', (b) => `/consent/${enc(b.id)}/withdraw`, (b) => ({ withdrawnByMemberId: b.withdrawnByMemberId }));
export const useOverride = (familyId: string, wrap: TWrap) => useFamilyChange<z.input<typeof ZOverrideCreate>>(familyId, 'POST', () => '/overrides', (b) => b, wrap);
export const useHandOver = (familyId: string) => useFamilyChange<z.input<typeof ZContactHandover>>(familyId, 'POST', () => '/contact');
