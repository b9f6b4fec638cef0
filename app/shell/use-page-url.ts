// The URL is the state: every search, open organization, table order and view is a link, and
// the browser's back and forward buttons move between them. The one history hook: it alone
// writes history and listens to `popstate`; what the URL says is search/url.ts's.
import { useCallback, useEffect, useRef, useState } from 'react';
import { keepLanguage } from '../i18n/i18n.ts';
import { pageFromUrl, pageToUrl, type Page } from '../search/url.ts';

export type Go = (change: Partial<Page>, how?: 'push' | 'replace') => void;

/** `keep`: parameters that stay on every search URL (an embed's own, see search/url.ts). */
export function usePageUrl(keep = ''): [Page, Go] {
  const [page, setPage] = useState(() => pageFromUrl(window.location.search));
  // What the last write said, so two writes in one event build on each other.
  const latest = useRef(page);
  useEffect(() => {
    const onPop = () => setPage((latest.current = pageFromUrl(window.location.search)));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback<Go>((change, how = 'push') => {
    const next = { ...latest.current, ...change };
    // The page's language (`lang=`, app/i18n) stays on every URL the app writes.
    const query = keepLanguage(pageToUrl(next, keep));
    const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
    // The page already shown is no new entry (a result opened again, the same search repeated):
    // each would be one more press of Back to leave it.
    const shown = `${window.location.pathname}${window.location.search}`;
    if (how === 'push' && url !== shown) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    setPage((latest.current = next));
  }, [keep]);
  return [page, go];
}
