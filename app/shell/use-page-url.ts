// The URL is the state: every search, open organization, table order and view is a link, and
// the browser's back and forward buttons move between them. The one history hook: it alone
// writes history and listens to `popstate`; what the URL says is search/url.ts's.
import { useCallback, useEffect, useRef, useState } from 'react';
import { keepLanguage } from '../i18n/i18n.ts';
import { pageFromUrl, pageToUrl, placesWords, type Page } from '../search/url.ts';

/**
 * A link read otherwise than it says (a place among its words with no place: search/url.ts) is
 * written as the form writes that search, in place of its own entry: what the page shows is
 * then what the address bar says, and Back still leaves it in one press.
 */
function settleUrl(keep: string) {
  if (!placesWords(window.location.search)) return;
  const query = keepLanguage(pageToUrl(pageFromUrl(window.location.search), keep));
  window.history.replaceState(window.history.state, '', `${window.location.pathname}?${query}${window.location.hash}`);
}

/**
 * `opened`, kept with an entry that shows an organization: how many such entries in a row lead
 * back to the list it was opened over (1 for one opened from the list, 2 for a nearby support
 * opened from it); none for one a link opened. "Back to the results" goes back that far, where a
 * new entry made the phone's Back open the organization again (a person test).
 */
export interface EntryState { opened?: number; place?: string }
export const entryState = (): EntryState => (window.history.state ?? {}) as EntryState;

export type Go = (change: Partial<Page>, how?: 'push' | 'replace', entry?: EntryState) => void;

/**
 * An entry for a place further down the same page (`#map`: the map under a phone's list), so the
 * phone's Back returns to where the page was rather than leaving the search (a person test). The
 * entry says so (`place`): a link opened with the fragment is no entry of the page's, and going
 * back from it would leave the site.
 */
export function markPlace(hash: string) {
  if (entryState().place !== hash) window.history.pushState({ ...entryState(), place: hash }, '', hash);
}

/** Whether this entry is one markPlace made for `hash`. */
export const atPlace = (hash: string) => entryState().place === hash;

/** `keep`: parameters that stay on every search URL (an embed's own, see search/url.ts). */
export function usePageUrl(keep = ''): [Page, Go] {
  const [page, setPage] = useState(() => pageFromUrl(window.location.search));
  // What the last write said, so two writes in one event build on each other.
  const latest = useRef(page);
  useEffect(() => {
    settleUrl(keep);
    const onPop = () => {
      settleUrl(keep);
      const next = pageFromUrl(window.location.search);
      // Only the fragment changed (markPlace's entries, the skip link's "#results"): the same page.
      if (pageToUrl(next, keep) === pageToUrl(latest.current, keep)) return;
      // The same point keeps its name: back from a listing, "your location" read "the chosen point" (a walkthrough).
      const at = latest.current.search.at;
      if (at && next.search.at?.lat === at.lat && next.search.at.lon === at.lon) next.search.at = at;
      setPage((latest.current = next));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [keep]);
  const go = useCallback<Go>((change, how = 'push', entry) => {
    const next = { ...latest.current, ...change };
    // The page's language (`lang=`, app/i18n) stays on every URL the app writes.
    const query = keepLanguage(pageToUrl(next, keep));
    const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
    // The page already shown is no new entry (a result opened again, the same search repeated):
    // each would be one more press of Back to leave it.
    const shown = `${window.location.pathname}${window.location.search}`;
    if (how === 'push' && url !== shown) window.history.pushState(entry ?? null, '', url);
    else window.history.replaceState(entry ?? null, '', url);
    setPage((latest.current = next));
  }, [keep]);
  return [page, go];
}
