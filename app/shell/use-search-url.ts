// The URL is the state: every search and every open organization is a link, and the
// browser's back and forward buttons move between searches.
import { useCallback, useEffect, useState } from 'react';
import type { SearchState } from '../search/state.ts';
import { searchFromUrl, searchToUrl } from '../search/url.ts';
import { keepLanguage } from '../i18n/i18n.ts';

/** `keep`: parameters that stay on every URL (an embed's own, see search/embed.ts). */
export function useSearchUrl(keep = ''): [SearchState, (next: SearchState, how?: 'push' | 'replace') => void] {
  const [state, setState] = useState(() => searchFromUrl(window.location.search));
  useEffect(() => {
    const onPop = () => setState(searchFromUrl(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: SearchState, how: 'push' | 'replace' = 'push') => {
    const query = keepLanguage([searchToUrl(next), keep].filter(Boolean).join('&'));
    const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
    if (how === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    setState(next);
  }, [keep]);
  return [state, navigate];
}
