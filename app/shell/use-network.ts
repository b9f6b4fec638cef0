// An organization's nearby supports with their names and places, for the detail panel and the
// map alike: its links (pruned to its row group by key), then the organizations they name
// (point lookups in the engine's in-memory copy). Two queries, since DuckDB 0.9.1 reads every
// row of the copy for a join (search/queries.ts).
import { useQuery, type QueryState } from '../db/use-query.ts';
import { networkQuery, relatedQuery, withRelated } from '../search/queries.ts';
import type { OrgType } from '../search/state.ts';

interface Link extends Record<string, unknown> {
  related_org_id: string;
  relationship: string;
  related_type: OrgType;
  distance_miles: number;
  travel_minutes: number;
  strength: number;
}

interface Related extends Record<string, unknown> {
  org_id: string;
  name: string;
  city: string | null;
  state: string;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
}

export type NearbySupport = Link & Related;

export function useNetwork(orgId: string | null, options?: { background?: boolean }): QueryState<NearbySupport> {
  const links = useQuery<Link>(orgId ? networkQuery(orgId) : null, options);
  const linked = links.status === 'done' ? links.rows : null;
  const related = useQuery<Related>(linked ? relatedQuery(linked.map((l) => l.related_org_id)) : null, options);
  if (links.status !== 'done') return links.status === 'running' ? { status: 'running' } : links;
  if (!links.rows.length) return { status: 'done', rows: [] };
  if (related.status === 'failed') return related;
  // Until its query for these links has run, `related` still holds the previous organization's rows.
  const ids = new Set(links.rows.map((l) => l.related_org_id));
  if (related.status !== 'done' || !related.rows.every((r) => ids.has(r.org_id))) return { status: 'running' };
  return { status: 'done', rows: withRelated(links.rows, related.rows) };
}
