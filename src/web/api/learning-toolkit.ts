import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZOrganisationOptionsResponse,
  ZPartnershipDetailResponse,
  ZPartnershipListResponse,
  ZToolkitContentResponse,
  type TAssessmentPut,
  type TPartnershipCreate,
  type TToolkitContentUpdate,
} from '../../shared/schemas/learning-toolkit.js';
import { apiGet, apiSend } from './client.js';

const BASE = '/api/learning/toolkit';
const enc = encodeURIComponent;

/** Query keys of the collaboration toolkit; every change invalidates the toolkit. */
export const toolkitKeys = {
  all: ['toolkit'] as const,
  content: ['toolkit', 'content'] as const,
  list: ['toolkit', 'partnerships'] as const,
  partnership: (id: string) => ['toolkit', 'partnership', id] as const,
  organisations: (q: string) => ['toolkit', 'organisations', q] as const,
};

export const useToolkitContent = () => useQuery({ queryKey: toolkitKeys.content, queryFn: async ({ signal }) => apiGet(`${BASE}/content`, ZToolkitContentResponse, signal) });

export const usePartnerships = () =>
  useInfiniteQuery({
    queryKey: toolkitKeys.list,
    queryFn: async ({ signal, pageParam }) => {
      const search = new URLSearchParams({ limit: '30' });
      if (pageParam) search.set('cursor', pageParam);
      return apiGet(`${BASE}/partnerships?${search.toString()}`, ZPartnershipListResponse, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
  });

export const usePartnership = (id: string) =>
  useQuery({ queryKey: toolkitKeys.partnership(id), queryFn: async ({ signal }) => apiGet(`${BASE}/partnerships/${enc(id)}`, ZPartnershipDetailResponse, signal) });

export const useOrganisationOptions = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: toolkitKeys.organisations(q),
    queryFn: async ({ signal }) => apiGet(`${BASE}/organisations${q ? `?q=${enc(q)}` : ''}`, ZOrganisationOptionsResponse, signal),
    enabled,
    placeholderData: keepPreviousData,
  });

export function useCreatePartnership() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TPartnershipCreate) => (await apiSend('POST', `${BASE}/partnerships`, ZPartnershipDetailResponse, body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: toolkitKeys.all }),
  });
}

export function useAddRound(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (date: string) => (await apiSend('POST', `${BASE}/partnerships/${enc(id)}/rounds`, ZPartnershipDetailResponse, { date })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: toolkitKeys.all }),
  });
}

export function useDeleteRound(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { roundId: string; version: number }) =>
      (await apiSend('DELETE', `${BASE}/partnerships/${enc(id)}/rounds/${enc(input.roundId)}?version=${input.version}`, ZPartnershipDetailResponse)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: toolkitKeys.all }),
  });
}

export function usePutAssessment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { roundId: string; organisationId: string; body: TAssessmentPut }) =>
      (await apiSend('PUT', `${BASE}/partnerships/${enc(id)}/rounds/${enc(input.roundId)}/assessments/${enc(input.organisationId)}`, ZPartnershipDetailResponse, input.body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: toolkitKeys.all }),
  });
}

export function useUpdateToolkitContent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TToolkitContentUpdate) => (await apiSend('PUT', `${BASE}/content`, ZToolkitContentResponse, body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: toolkitKeys.all }),
  });
}
