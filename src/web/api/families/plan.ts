import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZPlanCompareResponse,
  ZPlanResponse,
  ZPlanVersionListResponse,
  ZPlanVersionResponse,
  type TPlanSave,
} from '../../../shared/schemas/families/plan.js';
import { apiGet, apiSend } from '../client.js';

/** Query keys of the plan screens. */
export const planKeys = {
  all: (familyId: string) => ['families', familyId, 'plan'] as const,
  current: (familyId: string) => ['families', familyId, 'plan', 'current'] as const,
  versions: (familyId: string) => ['families', familyId, 'plan', 'versions'] as const,
  version: (familyId: string, n: number) => ['families', familyId, 'plan', 'versions', n] as const,
  compare: (familyId: string, from: number, to: number) => ['families', familyId, 'plan', 'compare', from, to] as const,
};

const base = (familyId: string) => `/api/families/${encodeURIComponent(familyId)}/plan`;

/** The current plan with the names of team, members, network and life domains. */
export const usePlan = (familyId: string) =>
  useQuery({ queryKey: planKeys.current(familyId), queryFn: ({ signal }) => apiGet(base(familyId), ZPlanResponse, signal) });

/** The current plan fetched now (after a conflict: what did the other person save?). */
export const fetchPlan = (familyId: string) => apiGet(base(familyId), ZPlanResponse);

/** The version history (the first 100, newest first). */
export const usePlanVersions = (familyId: string) =>
  useQuery({ queryKey: planKeys.versions(familyId), queryFn: ({ signal }) => apiGet(`${base(familyId)}/versions?limit=100`, ZPlanVersionListResponse, signal) });

/** Two versions side by side with what changed. */
export const usePlanCompare = (familyId: string, from: number | null, to: number | null) =>
  useQuery({
    queryKey: planKeys.compare(familyId, from ?? 0, to ?? 0),
    queryFn: ({ signal }) => apiGet(`${base(familyId)}/compare?from=${from}&to=${to}`, ZPlanCompareResponse, signal),
    enabled: from !== null && to !== null && from > 0 && to > 0,
  });

/** One version with its content. */
export const usePlanVersion = (familyId: string, n: number | null) =>
  useQuery({
    queryKey: planKeys.version(familyId, n ?? 0),
    queryFn: ({ signal }) => apiGet(`${base(familyId)}/versions/${n}`, ZPlanVersionResponse, signal),
    enabled: n !== null && n > 0,
  });

/** Saves a new version; a stale `basedOn` fails with ApiError code 'version_conflict' (409). */
export function useSavePlan(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TPlanSave) => apiSend('PUT', base(familyId), ZPlanResponse, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(planKeys.current(familyId), saved);
      return queryClient.invalidateQueries({ queryKey: planKeys.versions(familyId) });
    },
  });
}

/** Records the family's agreement with version N. */
export function useAgreePlan(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => apiSend('POST', `${base(familyId)}/agreement`, ZPlanResponse, { version }),
    onSuccess: (saved) => queryClient.setQueryData(planKeys.current(familyId), saved),
    onError: () => queryClient.invalidateQueries({ queryKey: planKeys.all(familyId) }),
  });
}
