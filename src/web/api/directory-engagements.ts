import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZEngagementListResponse,
  ZEngagementOverviewResponse,
  ZEngagementResponse,
  type TEngagementCreate,
  type TEngagementUpdate,
  type TOverviewFilter,
} from '../../shared/schemas/directory/engagement.js';
import { ZRegionDetailResponse } from '../../shared/schemas/reference.js';
import { apiGet, apiSend } from './client.js';
import { queryKeys } from './queries.js';

/** Engagement declarations (keeping them, the coordinator's overview) and editing a region's municipalities. */

const BASE = '/api/directory/manage';
const enc = encodeURIComponent;

export const engagementKeys = {
  all: ['engagements'] as const,
  ofOrganisation: (organisationId: string) => ['engagements', 'organisation', organisationId] as const,
  overview: (regionId: string, filter: string) => ['engagements', 'overview', regionId, filter] as const,
};

/** Where the signed document of a declaration downloads from (a plain link: the session cookie goes along). */
export const engagementDocumentUrl = (id: string) => `${BASE}/engagements/${enc(id)}/document`;

export const useEngagements = (organisationId: string) =>
  useQuery({
    queryKey: engagementKeys.ofOrganisation(organisationId),
    queryFn: async ({ signal }) => apiGet(`${BASE}/organisations/${enc(organisationId)}/engagements`, ZEngagementListResponse, signal),
  });

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: engagementKeys.all });
}

export function useCreateEngagement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ organisationId, body }: { organisationId: string; body: TEngagementCreate }) =>
      (await apiSend('POST', `${BASE}/organisations/${enc(organisationId)}/engagements`, ZEngagementResponse, body)).data,
    onSuccess: invalidate,
  });
}

export function useUpdateEngagement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: TEngagementUpdate }) => (await apiSend('PATCH', `${BASE}/engagements/${enc(id)}`, ZEngagementResponse, body)).data,
    onSuccess: invalidate,
  });
}

export function useDeleteEngagement() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) => {
      await apiSend('DELETE', `${BASE}/engagements/${enc(id)}`, z.unknown());
    },
    onSuccess: invalidate,
  });
}

/** Reads a file as base64 (without the data-URL prefix). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function useUploadEngagementDocument() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, version, file }: { id: string; version: number; file: File }) =>
      (await apiSend('PUT', `${BASE}/engagements/${enc(id)}/document`, ZEngagementResponse, { version, fileName: file.name, content: await base64Of(file) })).data,
    onSuccess: invalidate,
  });
}

/** A region's overview, page by page (coordinators of the region, platform admins). */
export const useEngagementOverview = (regionId: string | null, filter: TOverviewFilter | null) =>
  useInfiniteQuery({
    enabled: regionId !== null,
    queryKey: engagementKeys.overview(regionId ?? '', filter ?? ''),
    queryFn: async ({ signal, pageParam }) => {
      const search = new URLSearchParams({ limit: '50' });
      if (filter) search.set('status', filter);
      if (pageParam) search.set('cursor', pageParam);
      return apiGet(`${BASE}/regions/${enc(regionId ?? '')}/engagements?${search.toString()}`, ZEngagementOverviewResponse, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
    placeholderData: keepPreviousData,
  });

// --- A region's municipalities (platform admins) ------------------------------------------------

function useInvalidateRegion() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.regions });
}

export function useAddRegionMunicipality(code: string) {
  const invalidate = useInvalidateRegion();
  return useMutation({
    mutationFn: async (body: { nisCode: string; version: number }) => (await apiSend('POST', `/api/regions/${enc(code)}/municipalities`, ZRegionDetailResponse, body)).data,
    onSuccess: invalidate,
  });
}

export function useRemoveRegionMunicipality(code: string) {
  const invalidate = useInvalidateRegion();
  return useMutation({
    mutationFn: async ({ nisCode, version }: { nisCode: string; version: number }) =>
      (await apiSend('DELETE', `/api/regions/${enc(code)}/municipalities/${enc(nisCode)}?version=${version}`, ZRegionDetailResponse)).data,
    onSuccess: invalidate,
  });
}
