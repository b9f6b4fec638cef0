// An organization's nearby supports, for the detail panel and the map alike: its links with the
// name and place of each organization they name, in one scan (pruned to its row group by key);
// for the map's lines and the list's streets, then, where each of those organizations is (point lookups in the
// engine's in-memory copy), a query of its own, since DuckDB 0.9.1 reads every row of the copy
// for a join (search/queries.ts).
import { useQuery, type QueryState } from '../db/use-query.ts';
import { networkQuery, positionsQuery, withRelated } from '../search/queries.ts';
import type { OrgType } from '../search/state.ts';

export interface NearbySupport extends Record<string, unknown> {
  related_org_id: string;
  relationship: string;
  related_type: OrgType;
  distance_miles: number;
  travel_minutes: number;
  strength: number;
  name: string;
  city: string | null;
  state: string;
  /** Where the organization is placed (its ZIP's or town's center: its distance is approximate). */
  geo_precision: string | null;
}

interface Position extends Record<string, unknown> {
  org_id: string;
  latitude: number | null;
  longitude: number | null;
  program_name: string | null;
  address_line1: string | null;
}

export type PlacedSupport = NearbySupport & Position;

export function useNetwork(orgId: string | null, options?: { background?: boolean }): QueryState<NearbySupport> {
  return useQuery<NearbySupport>(orgId ? networkQuery(orgId) : null, options);
}

/** The nearby supports with their positions, programs and streets, for the map's lines and the panel's list. */
export function usePlacedNetwork(orgId: string | null, options?: { background?: boolean }): QueryState<PlacedSupport> {
  const links = useNetwork(orgId, options);
  const linked = links.status === 'done' ? links.rows : null;
  const positions = useQuery<Position>(linked ? positionsQuery(linked.map((l) => ({ orgId: l.related_org_id, state: l.state }))) : null, options);
  if (links.status !== 'done') return links.status === 'running' ? { status: 'running' } : links;
  if (!links.rows.length) return { status: 'done', rows: [] };
  if (positions.status === 'failed') return positions;
  // Until its query for these links has run, `positions` still holds the previous organization's rows.
  const ids = new Set(links.rows.map((l) => l.related_org_id));
  if (positions.status !== 'done' || !positions.rows.every((r) => ids.has(r.org_id))) return { status: 'running' };
  return { status: 'done', rows: withRelated(links.rows, positions.rows) };
}
