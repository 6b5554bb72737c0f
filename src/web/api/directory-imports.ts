import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZDirectoryImportListResponse,
  ZDirectoryImportResponse,
  type TDirectoryImport,
  type TDirectoryImportCreate,
} from '../../shared/schemas/directory/hsds.js';
import { apiGet, apiSend } from './client.js';

const API = '/api/directory/imports';

export const directoryImportKeys = {
  list: ['directory', 'imports'] as const,
  one: (id: string) => ['directory', 'imports', id] as const,
};

const running = (i: TDirectoryImport | undefined) => i !== undefined && (i.status === 'queued' || i.status === 'checking' || i.status === 'writing');

/** The latest imports (platform administrators). */
export const useDirectoryImports = () =>
  useQuery({
    queryKey: directoryImportKeys.list,
    queryFn: async ({ signal }) => (await apiGet(`${API}?limit=10`, ZDirectoryImportListResponse, signal)).data,
  });

/** One import, polled every second while it runs. */
export function useDirectoryImport(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: directoryImportKeys.one(id ?? 'none'),
    queryFn: async ({ signal }) => {
      const data = (await apiGet(`${API}/${encodeURIComponent(id ?? '')}`, ZDirectoryImportResponse, signal)).data;
      // The list shows the finished import too (exact: the prefix would also hit this very query).
      if (!running(data)) void queryClient.invalidateQueries({ queryKey: directoryImportKeys.list, exact: true });
      return data;
    },
    enabled: id !== null,
    refetchInterval: (query) => (running(query.state.data) ? 1000 : false),
  });
}

export function useStartDirectoryImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TDirectoryImportCreate) => (await apiSend('POST', API, ZDirectoryImportResponse, body)).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryImportKeys.list, exact: true }),
  });
}
