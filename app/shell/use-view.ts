// Which part of the app the URL shows: the search (the default), the SQL console
// (`?view=sql`) or the dashboards (`?view=dashboards`). Switching pushes history, so back and
// forward move between them.
import { useCallback, useEffect, useState } from 'react';
import { keepLanguage } from '../i18n/i18n.ts';

export type View = 'search' | 'sql' | 'dashboards';

const fromUrl = (): View => {
  const view = new URLSearchParams(window.location.search).get('view');
  return view === 'sql' || view === 'dashboards' ? view : 'search';
};

/** `open(view, query)`: `query` is the URL query the view starts from (a search, a console query). */
export function useView(): [View, (view: View, query: string) => void] {
  const [view, setView] = useState(fromUrl);
  useEffect(() => {
    const onPop = () => setView(fromUrl());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const open = useCallback((next: View, wanted: string) => {
    const query = keepLanguage(wanted);
    window.history.pushState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
    setView(next);
  }, []);
  return [view, open];
}
