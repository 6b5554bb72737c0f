import { useQuery } from '@tanstack/react-query';
import { ZWorkResponse } from '../../../shared/schemas/families/work.js';
import { apiGet } from '../client.js';

/** Query keys of "my work". */
export const workKeys = { mine: ['work'] as const };

/**
 * My work: what is due, what changed in my families since my last visit, who is waiting. Fetched
 * again whenever the home page shows it (opening a family changes "new since my last visit").
 */
export const useMyWork = (enabled = true) =>
  useQuery({ queryKey: workKeys.mine, queryFn: async ({ signal }) => (await apiGet('/api/work', ZWorkResponse, signal)).data, enabled, staleTime: 0 });
