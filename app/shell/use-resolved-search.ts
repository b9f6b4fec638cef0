// Turns what the person typed into a point, offline, with the release's gazetteer, and
// finds the states within reach so queries open only those states' files. A ZIP is looked up
// before the engine has started (use-query.ts, db/early-reads.ts), with the manifest alone.
import type { QueryError } from '../db/engine.ts';
import { useQuery } from '../db/use-query.ts';
import { statesNear } from '../release/geo.ts';
import type { Manifest } from '../release/manifest.ts';
import { locationQuery, placeOf, type ResolvedSearch } from '../search/queries.ts';
import type { Place, SearchState } from '../search/state.ts';

export type Resolution =
  | { status: 'resolving' }
  /** `alternatives`: other places the text may have meant, when the match was not sure. */
  | { status: 'resolved'; search: ResolvedSearch; unsure: boolean; alternatives: string[] }
  | { status: 'not-found'; where: string }
  | { status: 'failed'; error: QueryError };

export function useResolvedSearch(state: SearchState, manifest: Manifest | undefined): Resolution {
  const query = !state.at && state.where ? locationQuery(state.where) : null;
  const lookup = useQuery(query);
  const places = lookup.status === 'done' ? lookup.rows.map(placeOf) : [];
  const found = places[0];
  // Sure: one exact match. A typo, or several places of that name, offers the others.
  const others = places.slice(1);
  const unsure = !!found && (found.typos > 0 || others.some((o) => o.typos === 0));
  const alternatives = unsure ? others.map((o) => o.label) : [];
  const near: Place | null = state.at ?? (found ? { label: found.label, lat: found.latitude, lon: found.longitude } : null);

  if (!state.at && state.where) {
    if (!query) return { status: 'not-found', where: state.where };
    if (lookup.status === 'failed') return { status: 'failed', error: lookup.error };
    if (lookup.status !== 'done') return { status: 'resolving' };
    if (!found) return { status: 'not-found', where: state.where };
  }
  if (!near) return { status: 'resolved', search: { state, near: null }, unsure, alternatives };
  if (!manifest) return { status: 'resolving' };
  return { status: 'resolved', unsure, alternatives, search: { state, near, states: statesNear(manifest, near.lat, near.lon, state.radius) } };
}
