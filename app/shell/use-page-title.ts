// The tab's title follows the search, so a tab, a bookmark and the history say what they hold.
import { useEffect } from 'react';
import type { SearchState } from '../search/state.ts';

const SITE = 'National Recovery Directory';

export function pageTitle(state: SearchState | null, place: string | null): string {
  if (!state) return SITE;
  const what = state.text ? `“${state.text}”` : 'Treatment';
  return place ? `${what} near ${state.where || place} — ${SITE}` : state.text ? `${what} — ${SITE}` : SITE;
}

export function usePageTitle(state: SearchState | null, place: string | null): void {
  const title = pageTitle(state, place);
  useEffect(() => { document.title = title; }, [title]);
}
