// Turns what the person typed into a point, offline, with the release's gazetteer, and
// finds the states within reach so queries open only those states' files. A ZIP is looked up
// before the engine has started (use-query.ts, db/early-reads.ts), with the manifest alone; a
// city by its exact matches first, and forgiving typos only when it has none (placeLookups). A
// state's postal code alone is the whole state, and so is its name alone but where a large city
// has it ("New York"); the towns of its name, or the state, are offered beside.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryError } from '../db/engine.ts';
import { useFirstFound, useQuery } from '../db/use-query.ts';
import type { Manifest } from '../release/manifest.ts';
import { placeLookups, placeOf, pointOf, resolveSearch, type ResolvedSearch } from '../search/queries.ts';
import { localStateNames } from '../i18n/format.ts';
import { placeOfBox, stateTyped } from '../search/place-in-text.ts';
import type { Place, SearchState } from '../search/state.ts';

/** Another place the text may have meant: a place box's text, and what it is called. */
export interface Alternative {
  where: string;
  label: string;
  /** A whole state or territory, `where` its postal code (named in the page's language where shown). */
  state?: boolean;
}

export type Resolution =
  | { status: 'resolving' }
  /** `alternatives`: other places the text may have meant, when the match was not sure. */
  | { status: 'resolved'; search: ResolvedSearch; unsure: boolean; alternatives: Alternative[] }
  | { status: 'not-found'; where: string }
  | { status: 'failed'; error: QueryError; retry: () => void };

/** A city of a state's name with this many ZIP codes or more is what the name alone means. */
const LARGE_CITY_ZIPS = 20;

export function useResolvedSearch(state: SearchState, manifest: Manifest | undefined): Resolution {
  const { t } = useTranslation();
  // A state's name in the page's language is the state too ("Nueva York"); `t` changes with the language.
  const localNames = useMemo(() => localStateNames(t), [t]);
  // The place as the form reads it, for a link too ("Portsmouth, OH 45662" is its ZIP, "Ohio near me" Ohio).
  const where = useMemo(() => placeOfBox(state.where).place, [state.where]);
  const typedState = state.at ? null : stateTyped(where, localNames);
  const byCode = typedState && !typedState.byName ? typedState.code : null;
  // A state's code alone is looked up nowhere; its name, among the cities too.
  const codeTyped = typedState?.byName === false;
  const lookups = useMemo(() => (!state.at && where && !codeTyped ? placeLookups(where, localNames) : null), [state.at, where, codeTyped, localNames]);
  const zip = useQuery(lookups?.length === 1 ? lookups[0] : null);
  const city = useFirstFound(lookups && lookups.length > 1 ? lookups : null, anyRow);
  const lookup = lookups && lookups.length > 1 ? city : zip;
  const places = useMemo(() => (lookup.status === 'done' ? lookup.rows.map(placeOf) : []), [lookup]);
  const named = typedState?.byName ? typedState.code : null;
  // A state's name alone is the state, but for a large city of exactly that name ("New York",
  // "Washington": 100 ZIP codes and more), not the village of it ("Florida, NY", "Wyoming, MI").
  const cityFirst = !named || (places[0]?.typos === 0 && (places[0].zips ?? 0) >= LARGE_CITY_ZIPS);
  const found = cityFirst ? places[0] : undefined;
  const inState = byCode ?? (named && lookup.status === 'done' && !found ? named : null);
  // Sure: one exact match. A typo, several places of that name, or a state's, offers the others.
  const others = named ? places.filter((p) => p !== found && p.typos === 0) : places.slice(1);
  const unsure = (!!found && (found.typos > 0 || others.some((o) => o.typos === 0) || !!named)) || (!!inState && others.length > 0);
  // Beside the city, first, the state its name also is.
  const alternatives: Alternative[] = unsure ? [...(found && named ? [{ where: named, label: named, state: true }] : []),
    ...others.map((o) => ({ where: o.label, label: o.label }))] : [];
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
