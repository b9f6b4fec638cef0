// Result rows fetched a page at a time as the table scrolls; the first page arrives on its
// own, before the count, so something is on screen as soon as possible.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { asQueryError, type QueryError } from '../../db/engine.ts';
import { earlyRows } from '../../db/database.ts';
import { useDatabase } from '../../db/use-database.ts';
import { useRetry } from '../../db/use-query.ts';
import { PAGE_SIZE, resultsQuery, type ResolvedSearch } from '../../search/queries.ts';
import type { Sort } from '../../search/state.ts';

export interface ResultRow extends Record<string, unknown> {
  org_id: string;
  name: string;
  /** SAMHSA's second name, of a program or site: what tells a provider's listings apart. */
  program_name: string | null;
  org_type: string;
  address_line1: string | null;
  city: string | null;
  state: string;
  zip: string | null;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
  distance_miles: number | null;
  /** 'zip' where the listing is placed at its ZIP's center (release/geo.ts). */
  geo_precision: string | null;
}

export function usePagedRows(search: ResolvedSearch, sort: Sort) {
  const database = useDatabase();
  const [pages, setPages] = useState<Map<number, ResultRow[]>>(new Map());
  const [error, setError] = useState<QueryError | null>(null);
  // How each page was asked for: read without the engine, or by it.
  const requested = useRef(new Map<number, 'early' | 'engine'>());
  const generation = useRef(0);
  // The query's text and values, not the search state: opening or closing an organization's
  // details changes the state but not the rows, and must not throw the loaded pages away
  // (the rows blinked to "Loading…" and the row that opened the details lost its place).
  const first = resultsQuery(search, { limit: PAGE_SIZE, offset: 0, sort: sort.key, desc: sort.desc });
  const key = JSON.stringify([first.text, first.params]);
  // Asked again after a failure (a failed answer is not kept, db/query-cache.ts).
  const { attempt, afterFailure, retry } = useRetry(key);

  // Before the first page is asked for (a layout effect, below).
  useLayoutEffect(() => {
    generation.current++;
    requested.current = new Map();
    setPages(new Map());
    setError(null);
  }, [key, attempt]);

  const ensurePage = useCallback((page: number) => {
    // The national list's and a ZIP's first page come before the engine (db/early-reads.ts).
    // Once the engine is ready it is asked for a page still being read without it: that read may
    // be slow or fail on a host that serves it badly, and the first of the two (the same rows) is kept.
    if (requested.current.get(page) === 'engine' || (requested.current.has(page) && database.status !== 'ready')) return;
    const q = resultsQuery(search, { limit: PAGE_SIZE, offset: page * PAGE_SIZE, sort: sort.key, desc: sort.desc });
    const early = earlyRows<ResultRow>(q);
    const answer = early ?? (database.status === 'ready' ? database.db.engine.query<ResultRow>(q.text, q.params, afterFailure ? { afterFailure } : undefined) : null);
    if (!answer) return;
    requested.current.set(page, early ? 'early' : 'engine');
    const mine = generation.current;
    answer.then(
      (rows) => {
        if (mine !== generation.current) return;
        if (page === 0) performance.mark('nrd:first-page'); // read by `npm run bench`
        setPages((p) => (p.has(page) ? p : new Map(p).set(page, rows)));
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        // Read without the engine: the engine answers, asked already or once it is ready.
        if (!early) setError(asQueryError(e, q.text, q.params));
        else if (requested.current.get(page) === 'early') requested.current.delete(page);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` identifies the rows' query (search and sort) by value
  }, [database, key, attempt]);

  // Asked for as the table is drawn, not after it is painted: on a loaded phone the paint of the
  // first screen delayed a ZIP's read without the engine by ~300 ms.
  useLayoutEffect(() => ensurePage(0), [ensurePage]);

  return { pages, ensurePage, firstPage: pages.get(0), error, retry };
}
