// Turns what the person typed into a point, offline, with the release's gazetteer, and
// finds the states within reach so queries open only those states' files. A ZIP is looked up
// before the engine has started (use-query.ts, db/early-reads.ts), with the manifest alone; a
// city by its exact matches first, and forgiving typos only when it has none (placeLookups).
import { useMemo } from 'react';
import type { QueryError } from '../db/engine.ts';
import { useFirstFound, useQuery } from '../db/use-query.ts';
import type { Manifest } from '../release/manifest.ts';
import { placeLookups, placeOf, pointOf, resolveSearch, type ResolvedSearch } from '../search/queries.ts';
import type { Place, SearchState } from '../search/state.ts';

export type Resolution =
  | { status: 'resolving' }
  /** `alternatives`: other places the text may have meant, when the match was not sure. */
  | { status: 'resolved'; search: ResolvedSearch; unsure: boolean; alternatives: string[] }
  | { status: 'not-found'; where: string }
  | { status: 'failed'; error: QueryError; retry: () => void };

export function useResolvedSearch(state: SearchState, manifest: Manifest | undefined): Resolution {
  // Written once a place, not on every render (a row hovered renders the page again).
  const lookups = useMemo(() => (!state.at && state.where ? placeLookups(state.where) : null), [state.at, state.where]);
  const zip = useQuery(lookups?.length === 1 ? lookups[0] : null);
  const city = useFirstFound(lookups && lookups.length > 1 ? lookups : null, anyRow);
  const lookup = lookups && lookups.length > 1 ? city : zip;
  const places = useMemo(() => (lookup.status === 'done' ? lookup.rows.map(placeOf) : []), [lookup]);
  const found = places[0];
  // Sure: one exact match. A typo, or several places of that name, offers the others.
  const others = places.slice(1);
  const unsure = !!found && (found.typos > 0 || others.some((o) => o.typos === 0));
  const alternatives = unsure ? others.map((o) => o.label) : [];
  // The same objects from one render to the next until the search changes: the list's cells and
  // the map's fit depend on them, and a new place on every render (a row hovered) remounted the
  // cells between a click's press and release, so the click was lost, and re-fitted a map moved by hand.
  const near = useMemo<Place | null>(() => state.at ?? (found ? pointOf(found) : null), [state.at, found]);
  const search = useMemo<ResolvedSearch>(() => (manifest ? resolveSearch(state, near, manifest) : { state, near: null }), [state, near, manifest]);

  if (!state.at && state.where) {
    if (!lookups?.length) return { status: 'not-found', where: state.where };
    if (lookup.status === 'failed') return lookup;
    if (lookup.status !== 'done') return { status: 'resolving' };
    if (!found) return { status: 'not-found', where: state.where };
  }
  if (near && !manifest) return { status: 'resolving' };
  return { status: 'resolved', search, unsure, alternatives };
}

const anyRow = (rows: readonly unknown[]) => rows.length > 0;
