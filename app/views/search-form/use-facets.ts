// Facet counts for the current search; a failure leaves the filters usable without numbers.
import { useQuery } from '../../db/use-query.ts';
import { formatNumber } from '../../i18n/format.ts';
import { facetKey, facetsQuery, type ResolvedSearch } from '../../search/queries.ts';

export function useFacets(search: ResolvedSearch | null) {
  const result = useQuery<Record<string, number>>(search ? facetsQuery(search) : null, { background: true });
  const row = result.status === 'done' ? result.rows[0] : result.status === 'running' ? result.previous?.[0] : undefined;
  return {
    count: (group: string, value: string) => (row ? `(${formatNumber(row[facetKey(group, value)] ?? 0)})` : ''),
    error: result.status === 'failed' ? result.error : null,
  };
}
