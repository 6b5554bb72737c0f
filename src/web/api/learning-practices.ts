import { z } from 'zod';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZPracticeListResponse,
  ZPracticeResponse,
  ZPracticeSectorsResponse,
  type TPracticeCreate,
  type TPracticeUpdate,
} from '../../shared/schemas/learning-practices.js';
import { ZOrganisationOptionsResponse } from '../../shared/schemas/learning-toolkit.js';
import { apiGet, apiSend } from './client.js';

const BASE = '/api/learning/practices';
const enc = encodeURIComponent;

/** Query keys of the good practices library; every change invalidates the library. */
export const practiceKeys = {
  all: ['practices'] as const,
  list: (q: string, sector: string) => ['practices', 'list', q, sector] as const,
  one: (id: string) => ['practices', 'one', id] as const,
  sectors: ['practices', 'sectors'] as const,
  organisations: (q: string) => ['practices', 'organisations', q] as const,
};

export const practiceAttachmentUrl = (id: string, attachmentId: string) => `${BASE}/${enc(id)}/attachments/${enc(attachmentId)}`;

export const usePractices = (q: string, sector: string) =>
  useInfiniteQuery({
    queryKey: practiceKeys.list(q, sector),
    queryFn: async ({ signal, pageParam }) => {
      const search = new URLSearchParams({ limit: '20' });
      if (q) search.set('q', q);
      if (sector) search.set('sector', sector);
      if (pageParam) search.set('cursor', pageParam);
      return apiGet(`${BASE}?${search.toString()}`, ZPracticeListResponse, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
    placeholderData: keepPreviousData,
  });

export const usePractice = (id: string) => useQuery({ queryKey: practiceKeys.one(id), queryFn: async ({ signal }) => apiGet(`${BASE}/${enc(id)}`, ZPracticeResponse, signal) });

export const usePracticeSectors = () =>
  useQuery({ queryKey: practiceKeys.sectors, queryFn: async ({ signal }) => apiGet(`${BASE}/sectors`, ZPracticeSectorsResponse, signal), staleTime: 10 * 60_000 });

/** Organisations to choose the involved ones from (by name, at most 50). */
export const usePracticeOrganisationOptions = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: practiceKeys.organisations(q),
    queryFn: async ({ signal }) => apiGet(`${BASE}/organisations${q ? `?q=${enc(q)}` : ''}`, ZOrganisationOptionsResponse, signal),
    enabled,
    placeholderData: keepPreviousData,
  });

function useChange<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => queryClient.invalidateQueries({ queryKey: practiceKeys.all }) });
}

export const useCreatePractice = () => useChange(async (body: TPracticeCreate) => (await apiSend('POST', BASE, ZPracticeResponse, body)).data);
export const useUpdatePractice = (id: string) => useChange(async (body: TPracticeUpdate) => (await apiSend('PATCH', `${BASE}/${enc(id)}`, ZPracticeResponse, body)).data);
export const usePracticeStatus = (id: string) =>
  useChange(async (input: { to: 'publish' | 'withdraw'; version: number }) => (await apiSend('POST', `${BASE}/${enc(id)}/${input.to}`, ZPracticeResponse, { version: input.version })).data);
export const useUploadPracticeFile = (id: string) =>
  useChange(async (body: { fileName: string; content: string }) => (await apiSend('POST', `${BASE}/${enc(id)}/attachments`, ZPracticeResponse, body)).data);
export const useDeletePracticeFile = (id: string) =>
  useChange(async (attachmentId: string) => {
    await apiSend('DELETE', practiceAttachmentUrl(id, attachmentId), z.unknown());
  });
