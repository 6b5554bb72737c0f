import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ZAuditPage,
  ZOrganisationListResponse,
  ZOrganisationResponse,
  ZPersonCreatedResponse,
  ZPersonListResponse,
  ZPersonResponse,
  type TOrganisationCreate,
  type TOrganisationUpdate,
  type TPersonCreate,
  type TPersonUpdate,
} from '../../shared/schemas/admin.js';
import { ZReauthResponse } from '../../shared/schemas/auth.js';
import { apiGet, apiSend } from './client.js';

/** Query keys of the administration screens. */
export const adminKeys = {
  all: ['admin'] as const,
  organisations: ['admin', 'organisations'] as const,
  organisationPages: (q: string, limit: number) => ['admin', 'organisations', 'pages', q, limit] as const,
  organisation: (id: string) => ['admin', 'organisations', id] as const,
  people: (organisationId: string | null, q: string) => ['admin', 'people', organisationId ?? 'all', q] as const,
  person: (id: string) => ['admin', 'people', 'one', id] as const,
  peopleAll: ['admin', 'people'] as const,
  audit: (filters: TAuditFilters) => ['audit', filters] as const,
};

/** Request bodies are the shared contracts' input types: one type per contract, no twins here. */
export type TOrganisationCreateBody = TOrganisationCreate;
export type TOrganisationUpdateBody = TOrganisationUpdate;
export type TPersonCreateBody = TPersonCreate;
export type TPersonUpdateBody = TPersonUpdate;

const PAGE_SIZE = 50;

function pageUrl(path: string, params: Record<string, string | null | undefined>, cursor: string | null, limit: number) {
  const search = new URLSearchParams({ limit: String(limit) });
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  if (cursor) search.set('cursor', cursor);
  return `${path}?${search.toString()}`;
}

// ---- Organisations ----

/**
 * Organisations I administer (all of them for platform admins), page by page with server-side
 * search; each page carries the abilities per organisation id.
 */
export const useOrganisations = (q = '', enabled = true, limit = PAGE_SIZE) =>
  useInfiniteQuery({
    queryKey: adminKeys.organisationPages(q, limit),
    queryFn: async ({ signal, pageParam }) => apiGet(pageUrl('/api/admin/organisations', { q: q.trim() }, pageParam, limit), ZOrganisationListResponse, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
  });

/** One organisation with my abilities on it, fresh from the server (used after a conflict). */
export const fetchOrganisation = async (id: string) => (await apiGet(`/api/admin/organisations/${encodeURIComponent(id)}`, ZOrganisationResponse)).data;

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TOrganisationCreateBody) => (await apiSend('POST', '/api/admin/organisations', ZOrganisationResponse, body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.organisations }),
  });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: TOrganisationUpdateBody }) =>
      (await apiSend('PATCH', `/api/admin/organisations/${encodeURIComponent(id)}`, ZOrganisationResponse, body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.organisations }),
  });
}

// ---- People ----

/** People of the organisations I administer, optionally of one organisation, page by page with search. */
export const usePeople = (organisationId: string | null, q = '', enabled = true) =>
  useInfiniteQuery({
    queryKey: adminKeys.people(organisationId, q),
    queryFn: async ({ signal, pageParam }) =>
      apiGet(pageUrl('/api/admin/people', { organisationId, q: q.trim() }, pageParam, PAGE_SIZE), ZPersonListResponse, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.data.nextCursor,
    enabled,
    placeholderData: keepPreviousData,
  });

/** One person with my abilities on them (the edit form reads the current version here). */
export const usePerson = (id: string | null) =>
  useQuery({
    queryKey: adminKeys.person(id ?? ''),
    queryFn: async ({ signal }) => apiGet(`/api/admin/people/${encodeURIComponent(id ?? '')}`, ZPersonResponse, signal),
    enabled: id !== null,
    staleTime: 0,
  });

/** Adds a person; the answer carries the one-time enrolment link. `wrap` lets the caller add step-up. */
export function useCreatePerson(wrap: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn()) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TPersonCreateBody) => wrap(async () => (await apiSend('POST', '/api/admin/people', ZPersonCreatedResponse, body)).data),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.peopleAll });
      await queryClient.invalidateQueries({ queryKey: adminKeys.organisations });
    },
  });
}

/** Changes a person (name, e-mail, phone, roles) based on the version read. */
export function useUpdatePerson(wrap: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn()) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: TPersonUpdateBody }) =>
      wrap(async () => apiSend('PATCH', `/api/admin/people/${encodeURIComponent(id)}`, ZPersonResponse, body)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.peopleAll });
      await queryClient.invalidateQueries({ queryKey: adminKeys.organisations });
    },
  });
}

/** Disables or enables a person's login. Disabling needs a recent step-up. */
export function useSetPersonStatus(wrap: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn()) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, action }: { id: string; action: 'disable' | 'enable' }) =>
      wrap(async () => (await apiSend('POST', `/api/admin/people/${encodeURIComponent(id)}/${action}`, ZPersonResponse)).data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.peopleAll }),
  });
}

// ---- Step-up ----

/** Confirms the second factor again; sensitive operations are then allowed for five minutes. */
export const reauthenticate = async (code: string) =>
  (await apiSend('POST', '/api/auth/reauthenticate', ZReauthResponse, { code })).data;

// ---- Audit ----

export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;
export type TAuditOutcome = (typeof AUDIT_OUTCOMES)[number];
export type TAuditRow = z.infer<typeof ZAuditPage>['data'][number];

export interface TAuditFilters {
  action?: string;
  outcome?: TAuditOutcome;
  /** ISO date-times with offset. */
  from?: string;
  to?: string;
}

const AUDIT_PAGE_SIZE = 50;

/** The audit trail, newest first, page by page (keyset cursor `before`). */
export const useAudit = (filters: TAuditFilters, enabled = true) =>
  useInfiniteQuery({
    queryKey: adminKeys.audit(filters),
    queryFn: async ({ signal, pageParam }) => {
      const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
      for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
      if (pageParam !== null) params.set('before', String(pageParam));
      return apiGet(`/api/audit?${params.toString()}`, ZAuditPage, signal);
    },
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    enabled,
    staleTime: 0,
  });
