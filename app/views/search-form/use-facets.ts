// Facet counts for the current search; a failure leaves the filters usable without numbers.
import { useQuery } from '../../db/use-query.ts';
import { formatNumber } from '../../i18n/format.ts';
import { facetKey, facetsQuery, type ResolvedSearch } from '../../search/queries.ts';

export function useFacets(search: ResolvedSearch | null) {
  const result = useQuery<Record<string, number>>(search ? facetsQuery(search) : null, { background: true });
  const row = result.status === 'done' ? result.rows[0] : result.status === 'running' ? result.previous?.[0] : undefined;
  const value = (group: string, option: string) => (row ? row[facetKey(group, option)] ?? 0 : null);
  return {
    count: (group: string, option: string) => (row ? `(${formatNumber(value(group, option)!)})` : ''),
    /** The count itself; null until known. */
    value,
    error: result.status === 'failed' ? result.error : null,
  };
}
