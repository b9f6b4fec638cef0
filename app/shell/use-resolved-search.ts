// Turns what the person typed into a point, offline, with the release's gazetteer, and
// finds the states within reach so queries open only those states' files. A ZIP is looked up
// before the engine has started (use-query.ts, db/early-reads.ts), with the manifest alone; a
// city by its exact matches first, and forgiving typos only when it has none (placeLookups). A
// state's postal code alone is the whole state; its name alone a city of that name if there is
// one ("New York"), the state offered beside it, and the state if there is none.
import { useMemo } from 'react';
import type { QueryError } from '../db/engine.ts';
import { useFirstFound, useQuery } from '../db/use-query.ts';
import type { Manifest } from '../release/manifest.ts';
import { placeLookups, placeOf, pointOf, resolveSearch, type ResolvedSearch } from '../search/queries.ts';
import { stateName, stateTyped } from '../search/place-in-text.ts';
import type { Place, SearchState } from '../search/state.ts';

/** Another place the text may have meant: a place box's text, and what it is called. */
export interface Alternative {
  where: string;
  label: string;
  /** A whole state or territory, `label` its name. */
  state?: boolean;
}

export type Resolution =
  | { status: 'resolving' }
  /** `alternatives`: other places the text may have meant, when the match was not sure. */
  | { status: 'resolved'; search: ResolvedSearch; unsure: boolean; alternatives: Alternative[] }
  | { status: 'not-found'; where: string }
  | { status: 'failed'; error: QueryError; retry: () => void };

export function useResolvedSearch(state: SearchState, manifest: Manifest | undefined): Resolution {
  // Written once a place, not on every render (a row hovered renders the page again).
  const typedState = state.at ? null : stateTyped(state.where);
  const byCode = typedState && !typedState.byName ? typedState.code : null;
  const lookups = useMemo(() => (!state.at && state.where && !byCode ? placeLookups(state.where) : null), [state.at, state.where, byCode]);
  const zip = useQuery(lookups?.length === 1 ? lookups[0] : null);
  const city = useFirstFound(lookups && lookups.length > 1 ? lookups : null, anyRow);
  const lookup = lookups && lookups.length > 1 ? city : zip;
  const places = useMemo(() => (lookup.status === 'done' ? lookup.rows.map(placeOf) : []), [lookup]);
  // A state's name is a city only spelled as one: "Montana" is not Montague, MA.
  const named = typedState?.byName ? typedState.code : null;
  const found = places[0] && (!named || places[0].typos === 0) ? places[0] : undefined;
  const inState = byCode ?? (named && lookup.status === 'done' && !found ? named : null);
  // Sure: one exact match. A typo, or several places of that name, or a state's, offers the others.
  const others = places.slice(1);
  const unsure = !!found && (found.typos > 0 || others.some((o) => o.typos === 0) || !!named);
  const alternatives: Alternative[] = unsure ? others.map((o) => ({ where: o.label, label: o.label })) : [];
  // The state first: typed alone, its name more often means it than a town of that name.
  if (found && named) alternatives.unshift({ where: named, label: stateName(named), state: true });
  // The same objects from one render to the next until the search changes: the list's cells and
  // the map's fit depend on them, and a new place on every render (a row hovered) remounted the
  // cells between a click's press and release, so the click was lost, and re-fitted a map moved by hand.
  const near = useMemo<Place | null>(() => state.at ?? (found ? pointOf(found) : null), [state.at, found]);
  const search = useMemo<ResolvedSearch>(() => (manifest ? resolveSearch(state, near, manifest, inState) : { state, near: null }),
    [state, near, manifest, inState]);

  if (inState && !manifest) return { status: 'resolving' };
  if (!state.at && state.where && !inState) {
    if (!lookups?.length) return { status: 'not-found', where: state.where };
    if (lookup.status === 'failed') return lookup;
    if (lookup.status !== 'done') return { status: 'resolving' };
    if (!found) return { status: 'not-found', where: state.where };
  }
  if (near && !manifest) return { status: 'resolving' };
  return { status: 'resolved', search, unsure, alternatives };
}

const anyRow = (rows: readonly unknown[]) => rows.length > 0;
