import { keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZContactCandidateListResponse,
  ZLifeDomainListResponse,
  ZRequestCountsResponse,
  ZRequestListResponse,
  ZRequestResponse,
  type TRequestAnswer,
  type TRequestAssignContact,
  type TRequestCreate,
  type TRequestFirstContact,
} from '../../../shared/schemas/families/requests.js';
import type { TRequestStatus, TRequestUrgency } from '../../../shared/schemas/families/enums.js';
import { apiGet, apiSend } from '../client.js';

/** Query keys of requests (aanmeldingen). */
export const requestKeys = {
  all: ['requests'] as const,
  board: (filters: TBoardFilters) => ['requests', 'board', filters] as const,
  counts: ['requests', 'counts'] as const,
  one: (id: string) => ['requests', 'one', id] as const,
  candidates: (q: string) => ['requests', 'candidates', q] as const,
  lifeDomains: ['life-domains'] as const,
};

export interface TBoardFilters {
  status?: TRequestStatus | undefined;
  urgency?: TRequestUrgency | undefined;
  overdue?: boolean | undefined;
}

const PAGE_SIZE = 50;

/** The board: open requests I may see by due date, page by page. */
export const useRequestBoard = (filters: TBoardFilters) =>
  useInfiniteQuery({
    queryKey: requestKeys.board(filters),
    queryFn: ({ signal, pageParam }) => {
      const search = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (filters.status) search.set('status', filters.status);
      if (filters.urgency) search.set('urgency', filters.urgency);
      if (filters.overdue) search.set('overdue', 'true');
      if (pageParam) search.set('cursor', pageParam);
      return apiGet(`/api/requests?${search.toString()}`, ZRequestListResponse, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
    placeholderData: keepPreviousData,
  });

/** Open requests of my regions on time / at risk / overdue (coordinators). */
export const useRequestCounts = () =>
  useQuery({ queryKey: requestKeys.counts, queryFn: async ({ signal }) => (await apiGet('/api/requests/counts', ZRequestCountsResponse, signal)).data });

/** One request with the next steps I may take. */
export const useRequest = (id: string) =>
  useQuery({ queryKey: requestKeys.one(id), queryFn: ({ signal }) => apiGet(`/api/requests/${encodeURIComponent(id)}`, ZRequestResponse, signal) });

export const lifeDomainsQuery = queryOptions({
  queryKey: requestKeys.lifeDomains,
  queryFn: async ({ signal }) => (await apiGet('/api/families/life-domains', ZLifeDomainListResponse, signal)).data,
  staleTime: 5 * 60_000,
});
export const useLifeDomains = () => useQuery(lifeDomainsQuery);

/** Professionals whose name contains q (two characters at least), to become a contact person. */
export const useContactCandidates = (q: string) =>
  useQuery({
    queryKey: requestKeys.candidates(q),
    queryFn: async ({ signal }) => (await apiGet(`/api/requests/contact-candidates?q=${encodeURIComponent(q)}`, ZContactCandidateListResponse, signal)).data,
    enabled: q.trim().length >= 2,
    placeholderData: keepPreviousData,
  });

export function useCreateRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TRequestCreate) => (await apiSend('POST', '/api/requests', ZRequestResponse, body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestKeys.all }),
  });
}

type TStep =
  | { step: 'triage'; body: { version: number } }
  | { step: 'assign-contact'; body: TRequestAssignContact }
  | { step: 'first-contact'; body: TRequestFirstContact }
  | { step: 'answer'; body: TRequestAnswer };

/** One step of the status flow; the answer replaces the cached request. */
export function useRequestStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (s: TStep) => apiSend('POST', `/api/requests/${encodeURIComponent(id)}/${s.step}`, ZRequestResponse, s.body),
    onSuccess: async (res) => {
      queryClient.setQueryData(requestKeys.one(id), res);
      await queryClient.invalidateQueries({ queryKey: ['requests', 'board'] });
      await queryClient.invalidateQueries({ queryKey: requestKeys.counts });
    },
  });
}
