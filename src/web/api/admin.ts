import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  ZAuditPage,
  ZOrganisationListResponse,
  ZOrganisationResponse,
  ZPersonCreatedResponse,
  ZPersonListResponse,
  ZPersonResponse,
  type TOrganisation,
} from '../../shared/schemas/admin.js';
import { ZReauthResponse } from '../../shared/schemas/auth.js';
import type { OrgRole, PlatformRole } from '../../shared/permissions.js';
import { apiGet, apiSend } from './client.js';

/** Query keys of the administration screens. */
export const adminKeys = {
  all: ['admin'] as const,
  organisations: ['admin', 'organisations'] as const,
  organisation: (id: string) => ['admin', 'organisations', id] as const,
  people: (organisationId: string | null) => ['admin', 'people', organisationId ?? 'all'] as const,
  peopleAll: ['admin', 'people'] as const,
  audit: (filters: TAuditFilters) => ['audit', filters] as const,
};

// ---- Organisations ----

/** Organisations I administer (all of them for platform admins). */
export const useOrganisations = (enabled = true) =>
  useQuery({
    queryKey: adminKeys.organisations,
    queryFn: async ({ signal }) => (await apiGet('/api/admin/organisations', ZOrganisationListResponse, signal)).data,
    enabled,
  });

/** One organisation, fresh from the server (used after a conflict). */
export const fetchOrganisation = async (id: string): Promise<TOrganisation> =>
  (await apiGet(`/api/admin/organisations/${encodeURIComponent(id)}`, ZOrganisationResponse)).data;

export interface TOrganisationCreateBody {
  name: string;
  regionCode?: string | null;
  sectorCodes: string[];
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TOrganisationCreateBody) =>
      (await apiSend('POST', '/api/admin/organisations', ZOrganisationResponse, body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.organisations }),
  });
}

export interface TOrganisationUpdateBody {
  version: number;
  name?: string;
  sectorCodes?: string[];
  status?: 'active' | 'archived';
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

/** People of the organisations I administer, optionally of one organisation. */
export const usePeople = (organisationId: string | null, enabled = true) =>
  useQuery({
    queryKey: adminKeys.people(organisationId),
    queryFn: async ({ signal }) => {
      const query = organisationId ? `?${new URLSearchParams({ organisationId }).toString()}` : '';
      return (await apiGet(`/api/admin/people${query}`, ZPersonListResponse, signal)).data;
    },
    enabled,
    placeholderData: keepPreviousData,
  });

export interface TPersonCreateBody {
  name: string;
  email: string;
  phone?: string | null;
  organisationId?: string;
  orgRoles: OrgRole[];
  platformRoles: PlatformRole[];
}

/** Adds a person; the answer carries the one-time enrolment link. `send` lets the caller wrap it (step-up). */
export function useCreatePerson(wrap: <T>(fn: () => Promise<T>) => Promise<T> = (fn) => fn()) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TPersonCreateBody) =>
      wrap(async () => (await apiSend('POST', '/api/admin/people', ZPersonCreatedResponse, body)).data),
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
