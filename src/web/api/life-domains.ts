import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZLifeDomainAdminListResponse,
  ZLifeDomainAdminResponse,
  type TLifeDomainCreate,
  type TLifeDomainUpdate,
} from '../../shared/schemas/families/lifedomains.js';
import { apiGet, apiSend } from './client.js';
import { requestKeys } from './families/requests.js';

/** Query keys of the life-domain administration. */
export const lifeDomainKeys = { admin: ['admin', 'life-domains'] as const };

const API = '/api/admin/life-domains';

/** Every life domain (inactive ones too) with whether it is in use; platform admins only. */
export const useAdminLifeDomains = (enabled = true) =>
  useQuery({
    queryKey: lifeDomainKeys.admin,
    queryFn: async ({ signal }) => (await apiGet(API, ZLifeDomainAdminListResponse, signal)).data,
    enabled,
  });

/** After a change: the admin list and the list the request and plan forms read. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: lifeDomainKeys.admin }), queryClient.invalidateQueries({ queryKey: requestKeys.lifeDomains })]);
}

export function useCreateLifeDomain() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (body: TLifeDomainCreate) => (await apiSend('POST', API, ZLifeDomainAdminResponse, body)).data,
    onSuccess: invalidate,
  });
}

export function useUpdateLifeDomain() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ code, body }: { code: string; body: TLifeDomainUpdate }) =>
      (await apiSend('PATCH', `${API}/${encodeURIComponent(code)}`, ZLifeDomainAdminResponse, body)).data,
    onSuccess: invalidate,
  });
}

export function useOrderLifeDomains() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (codes: string[]) => (await apiSend('PUT', `${API}/order`, ZLifeDomainAdminListResponse, { codes })).data,
    onSuccess: invalidate,
  });
}

export function useDeleteLifeDomain() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (code: string) => (await apiSend('DELETE', `${API}/${encodeURIComponent(code)}`, ZLifeDomainAdminListResponse)).data,
    onSuccess: invalidate,
  });
}
