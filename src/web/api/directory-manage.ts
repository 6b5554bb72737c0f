import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZConfirmAllResponse,
  ZManagedContactPointPage,
  ZManagedContactPointResponse,
  ZManagedLocationPage,
  ZManagedLocationResponse,
  ZManagedOrganisationResponse,
  ZManagedServicePage,
  ZManagedServiceResponse,
  ZManagedZinplekPage,
  ZManagedZinplekResponse,
  ZStaleResponse,
  type TDirectoryOrganisationUpdate,
} from '../../shared/schemas/directory/manage.js';
import { ZDirectoryFacetsResponse } from '../../shared/schemas/directory/public.js';
import { apiGet, apiSend } from './client.js';

/** The kinds of entries an organisation keeps in the directory, by their path in the API. */
export const ENTRY_KINDS = ['locations', 'services', 'contact-points', 'zinplekken'] as const;
export type TEntryKind = (typeof ENTRY_KINDS)[number];

const schemas = {
  locations: { page: ZManagedLocationPage, one: ZManagedLocationResponse },
  services: { page: ZManagedServicePage, one: ZManagedServiceResponse },
  'contact-points': { page: ZManagedContactPointPage, one: ZManagedContactPointResponse },
  zinplekken: { page: ZManagedZinplekPage, one: ZManagedZinplekResponse },
} as const;

/** One entry of any kind, as the lists give it. */
export type TEntry = z.infer<(typeof schemas)[TEntryKind]['one']>['data'];
export type TEntryOf<K extends TEntryKind> = z.infer<(typeof schemas)[K]['one']>['data'];

/** Query keys of the directory management screens. */
export const directoryManageKeys = {
  all: ['directory-manage'] as const,
  organisation: (id: string) => ['directory-manage', 'organisation', id] as const,
  entries: (organisationId: string, kind: TEntryKind) => ['directory-manage', 'entries', organisationId, kind] as const,
  stale: ['directory-manage', 'stale'] as const,
  facets: ['directory', 'facets'] as const,
};

const BASE = '/api/directory/manage';
const PAGE_SIZE = 50;
const enc = encodeURIComponent;

/** The organisation's own directory entry, with my abilities on it. */
export const useManagedOrganisation = (organisationId: string | null) =>
  useQuery({
    queryKey: directoryManageKeys.organisation(organisationId ?? ''),
    queryFn: async ({ signal }) => apiGet(`${BASE}/organisations/${enc(organisationId ?? '')}`, ZManagedOrganisationResponse, signal),
    enabled: organisationId !== null,
  });

/** The organisation's entry fresh from the server (after a version conflict). */
export const fetchManagedOrganisation = async (organisationId: string) => (await apiGet(`${BASE}/organisations/${enc(organisationId)}`, ZManagedOrganisationResponse)).data;

/** The entries of one kind of an organisation, page by page, with abilities per entry. */
export const useEntries = <K extends TEntryKind>(organisationId: string, kind: K) =>
  useInfiniteQuery({
    queryKey: directoryManageKeys.entries(organisationId, kind),
    queryFn: async ({ signal, pageParam }) => {
      const search = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) search.set('cursor', pageParam);
      return apiGet(`${BASE}/organisations/${enc(organisationId)}/${kind}?${search.toString()}`, schemas[kind].page, signal) as Promise<{
        data: { items: TEntryOf<K>[]; nextCursor: string | null };
        abilities: Record<string, { view: boolean; update: boolean; delete: boolean; confirm: boolean }>;
      }>;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
    placeholderData: keepPreviousData,
  });

/** One entry fresh from the server (after a version conflict). */
export const fetchEntry = async (kind: TEntryKind, id: string): Promise<TEntry> => (await apiGet(`${BASE}/${kind}/${enc(id)}`, schemas[kind].one)).data;

/** Municipalities to choose from (the public directory's filter lists). */
export const useMunicipalities = () =>
  useQuery({
    queryKey: directoryManageKeys.facets,
    queryFn: async ({ signal }) => (await apiGet('/api/directory/facets', ZDirectoryFacetsResponse, signal)).data.municipalities,
    staleTime: 60 * 60_000,
  });

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: directoryManageKeys.all });
}

export function useUpdateOrganisationEntry() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: TDirectoryOrganisationUpdate }) => (await apiSend('PATCH', `${BASE}/organisations/${enc(id)}`, ZManagedOrganisationResponse, body)).data,
    onSuccess: invalidate,
  });
}

export function useConfirmOrganisationEntry() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) => (await apiSend('POST', `${BASE}/organisations/${enc(id)}/confirm`, ZManagedOrganisationResponse)).data,
    onSuccess: invalidate,
  });
}

export function useConfirmAll() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (organisationId: string) => (await apiSend('POST', `${BASE}/organisations/${enc(organisationId)}/confirm-all`, ZConfirmAllResponse)).data,
    onSuccess: invalidate,
  });
}

/** Adds an entry of a kind (the body is checked by the form against the shared contract). */
export function useCreateEntry(kind: TEntryKind) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ organisationId, body }: { organisationId: string; body: Record<string, unknown> }) =>
      (await apiSend('POST', `${BASE}/organisations/${enc(organisationId)}/${kind}`, schemas[kind].one, body)).data as TEntry,
    onSuccess: invalidate,
  });
}

/** Changes an entry based on the version read (409 version_conflict when someone was faster). */
export function useUpdateEntry(kind: TEntryKind) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: Record<string, unknown> }) => (await apiSend('PATCH', `${BASE}/${kind}/${enc(id)}`, schemas[kind].one, body)).data as TEntry,
    onSuccess: invalidate,
  });
}

export function useDeleteEntry(kind: TEntryKind) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) => {
      await apiSend('DELETE', `${BASE}/${kind}/${enc(id)}`, z.unknown());
    },
    onSuccess: invalidate,
  });
}

export function useConfirmEntry(kind: TEntryKind) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (id: string) => (await apiSend('POST', `${BASE}/${kind}/${enc(id)}/confirm`, schemas[kind].one)).data as TEntry,
    onSuccess: invalidate,
  });
}

/** Entries not confirmed for six months, of every organisation I may see, page by page. */
export const useStaleEntries = (enabled = true) =>
  useInfiniteQuery({
    enabled,
    queryKey: directoryManageKeys.stale,
    queryFn: async ({ signal, pageParam }) => {
      const search = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) search.set('cursor', pageParam);
      return apiGet(`${BASE}/stale?${search.toString()}`, ZStaleResponse, signal);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
  });
