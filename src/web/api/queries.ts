import { queryOptions, useQuery } from '@tanstack/react-query';
import { ZHealth } from '../../shared/schemas/health.js';
import {
  ZRegionDetailResponse,
  ZRegionListResponse,
  ZSectorListResponse,
} from '../../shared/schemas/reference.js';
import { apiGet } from './client.js';

/** Reference data (regions, sectors) changes rarely. */
const REFERENCE_STALE_TIME = 5 * 60_000;

/** Query keys, in one place so invalidation stays consistent. */
export const queryKeys = {
  health: ['health'] as const,
  regions: ['regions'] as const,
  region: (code: string) => ['regions', code] as const,
  sectors: ['sectors'] as const,
};

export const healthQuery = queryOptions({
  queryKey: queryKeys.health,
  queryFn: ({ signal }) => apiGet('/api/health', ZHealth, signal),
  staleTime: 5 * 60_000,
  retry: false,
});

export const regionsQuery = queryOptions({
  queryKey: queryKeys.regions,
  queryFn: async ({ signal }) => (await apiGet('/api/regions', ZRegionListResponse, signal)).data,
  staleTime: REFERENCE_STALE_TIME,
});

export const regionQuery = (code: string) =>
  queryOptions({
    queryKey: queryKeys.region(code),
    queryFn: async ({ signal }) =>
      (await apiGet(`/api/regions/${encodeURIComponent(code)}`, ZRegionDetailResponse, signal)).data,
    staleTime: REFERENCE_STALE_TIME,
  });

export const sectorsQuery = queryOptions({
  queryKey: queryKeys.sectors,
  queryFn: async ({ signal }) => (await apiGet('/api/sectors', ZSectorListResponse, signal)).data,
  staleTime: REFERENCE_STALE_TIME,
});

/** Server status and version. */
export const useHealth = () => useQuery(healthQuery);
/** All regions (networks and provinces). */
export const useRegions = () => useQuery(regionsQuery);
/** One region with its municipalities; disabled while `code` is undefined. */
export const useRegion = (code: string | undefined) =>
  useQuery({ ...regionQuery(code ?? ''), enabled: code !== undefined });
/** The sectors of the network. */
export const useSectors = () => useQuery(sectorsQuery);
