import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** A change of the page's filters: a value sets the key, null or '' removes it. */
export type TFilterPatch = Record<string, string | null | undefined>;

/**
 * A page's filters kept in the URL, so a link, a reload and the way back through the login keep
 * them: read with `params.get(key)`, change one with `setParam(key, value)` or several at once with
 * `setParams({ key: value })`. The history entry is replaced, not added: filtering is not navigating.
 *
 *   const { params, setParam } = useUrlFilters();
 *   const sector = params.get('sector');
 *   <Select value={sector} onChange={(v) => setParam('sector', v)} />
 */
export function useUrlFilters(): {
  params: URLSearchParams;
  setParam: (key: string, value: string | null | undefined) => void;
  setParams: (patch: TFilterPatch) => void;
} {
  const [params, setSearchParams] = useSearchParams();
  const setParams = useCallback(
    (patch: TFilterPatch) =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
  const setParam = useCallback((key: string, value: string | null | undefined) => setParams({ [key]: value }), [setParams]);
  return { params, setParam, setParams };
}
