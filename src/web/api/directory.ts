import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  ZDirectoryFacetsResponse,
  ZDirectoryMapResponse,
  ZDirectorySearchResponse,
  ZPublicOrganisationResponse,
  ZPublicServiceResponse,
  ZPublicZinplekResponse,
} from '../../shared/schemas/directory/public.js';
import { apiGet } from './client.js';

/** The filters of the public search, as in the page's address (all optional). */
export interface TDirectoryFilters {
  q?: string;
  sector?: string;
  region?: string;
  municipality?: string;
  age?: number;
  directAccess?: boolean;
  zinplek?: boolean;
}

const PAGE_SIZE = 20;
/** Facets and map outlines change rarely. */
const REFERENCE_STALE_TIME = 10 * 60_000;

export const directoryKeys = {
  all: ['directory'] as const,
  search: (filters: TDirectoryFilters) => ['directory', 'search', filters] as const,
  facets: ['directory', 'facets'] as const,
  map: (region: string) => ['directory', 'map', region] as const,
  service: (id: string) => ['directory', 'service', id] as const,
  organisation: (id: string) => ['directory', 'organisation', id] as const,
  zinplek: (id: string) => ['directory', 'zinplek', id] as const,
};

/** The query string of a search (the same parameters the page's address holds). */
export function searchParamsOf(filters: TDirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (filters.sector) params.set('sector', filters.sector);
  if (filters.region) params.set('region', filters.region);
  if (filters.municipality) params.set('municipality', filters.municipality);
  if (filters.age !== undefined) params.set('age', String(filters.age));
  if (filters.directAccess !== undefined) params.set('directAccess', String(filters.directAccess));
  if (filters.zinplek !== undefined) params.set('zinplek', String(filters.zinplek));
  return params;
}

/** Search results page by page (keyset cursor: "meer laden"). */
export const useDirectorySearch = (filters: TDirectoryFilters) =>
  useInfiniteQuery({
    queryKey: directoryKeys.search(filters),
    queryFn: async ({ signal, pageParam }) => {
      const params = searchParamsOf(filters);
      params.set('limit', String(PAGE_SIZE));
      if (pageParam) params.set('cursor', pageParam);
      return (await apiGet(`/api/directory/search?${params.toString()}`, ZDirectorySearchResponse, signal)).data;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });

/** What the filters offer. */
export const useDirectoryFacets = () =>
  useQuery({
    queryKey: directoryKeys.facets,
    queryFn: async ({ signal }) => (await apiGet('/api/directory/facets', ZDirectoryFacetsResponse, signal)).data,
    staleTime: REFERENCE_STALE_TIME,
  });

/** The map of a region ('' = all of Flanders). */
export const useDirectoryMap = (region: string) =>
  useQuery({
    queryKey: directoryKeys.map(region),
    queryFn: async ({ signal }) =>
      (await apiGet(`/api/directory/map${region ? `?region=${encodeURIComponent(region)}` : ''}`, ZDirectoryMapResponse, signal)).data,
    staleTime: REFERENCE_STALE_TIME,
    placeholderData: keepPreviousData,
  });

export const useDirectoryService = (id: string | undefined) =>
  useQuery({
    queryKey: directoryKeys.service(id ?? ''),
    queryFn: async ({ signal }) => (await apiGet(`/api/directory/services/${encodeURIComponent(id ?? '')}`, ZPublicServiceResponse, signal)).data,
    enabled: id !== undefined,
  });

export const useDirectoryOrganisation = (id: string | undefined) =>
  useQuery({
    queryKey: directoryKeys.organisation(id ?? ''),
    queryFn: async ({ signal }) => (await apiGet(`/api/directory/organisations/${encodeURIComponent(id ?? '')}`, ZPublicOrganisationResponse, signal)).data,
    enabled: id !== undefined,
  });

export const useDirectoryZinplek = (id: string | undefined) =>
  useQuery({
    queryKey: directoryKeys.zinplek(id ?? ''),
    queryFn: async ({ signal }) => (await apiGet(`/api/directory/zinplekken/${encodeURIComponent(id ?? '')}`, ZPublicZinplekResponse, signal)).data,
    enabled: id !== undefined,
  });
