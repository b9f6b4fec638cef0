// Which part of the app the URL shows: the search (the default) or the SQL console
// (`?view=sql`). Switching pushes history, so back and forward move between them.
import { useCallback, useEffect, useState } from 'react';
import { consoleUrl } from '../search/console.ts';

export type View = 'search' | 'sql';

const fromUrl = (): View => (new URLSearchParams(window.location.search).get('view') === 'sql' ? 'sql' : 'search');

export function useView(): [View, (view: View, query?: string) => void] {
  const [view, setView] = useState(fromUrl);
  useEffect(() => {
    const onPop = () => setView(fromUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  /** `query`: the search's own URL query when going back to it. */
  const open = useCallback((next: View, query = '') => {
    const search = next === 'sql' ? consoleUrl('') : query;
    window.history.pushState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`);
    setView(next);
  }, []);
  return [view, open];
}
