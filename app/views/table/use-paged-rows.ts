// Result rows fetched a page at a time as the table scrolls; the first page arrives on its
// own, before the count, so something is on screen as soon as possible.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { asQueryError, type QueryError } from '../../db/engine.ts';
import { earlyRows } from '../../db/database.ts';
import { useDatabase } from '../../db/use-database.ts';
import { PAGE_SIZE, resultsQuery, type ResolvedSearch } from '../../search/queries.ts';
import type { Sort } from '../../search/state.ts';

export interface ResultRow extends Record<string, unknown> {
  org_id: string;
  name: string;
  org_type: string;
  address_line1: string | null;
  city: string | null;
  state: string;
  zip: string | null;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
  distance_miles: number | null;
}

export function usePagedRows(search: ResolvedSearch, sort: Sort) {
  const database = useDatabase();
  const [pages, setPages] = useState<Map<number, ResultRow[]>>(new Map());
  const [error, setError] = useState<QueryError | null>(null);
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  // The query's text and values, not the search state: opening or closing an organization's
  // details changes the state but not the rows, and must not throw the loaded pages away
  // (the rows blinked to "Loading…" and the row that opened the details lost its place).
  const first = resultsQuery(search, { limit: PAGE_SIZE, offset: 0, sort: sort.key, desc: sort.desc });
  const key = JSON.stringify([first.text, first.params]);

  // Before the first page is asked for (a layout effect, below).
  useLayoutEffect(() => {
    generation.current++;
    requested.current = new Set();
    setPages(new Map());
    setError(null);
  }, [key]);

  const ensurePage = useCallback((page: number) => {
    if (requested.current.has(page)) return;
    const q = resultsQuery(search, { limit: PAGE_SIZE, offset: page * PAGE_SIZE, sort: sort.key, desc: sort.desc });
    // The national list's first page is there before the engine (db/early-reads.ts); the
    // engine, once ready, finds the page loaded and leaves it (the same rows).
    const early = earlyRows<ResultRow>(q);
    const answer = early ?? (database.status === 'ready' ? database.db.engine.query<ResultRow>(q.text, q.params) : null);
    if (!answer) return;
    requested.current.add(page);
    const mine = generation.current;
    answer.then(
      (rows) => {
        if (page === 0) performance.mark('nrd:first-page'); // read by `npm run bench`
        if (mine === generation.current) setPages((p) => new Map(p).set(page, rows));
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        if (early) requested.current.delete(page); // the engine reads it when ready
        else setError(asQueryError(e, q.text, q.params));
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` identifies the rows' query (search and sort) by value
  }, [database, key]);

  // Asked for as the table is drawn, not after it is painted: on a loaded phone the paint of the
  // first screen delayed a ZIP's read without the engine by ~300 ms.
  useLayoutEffect(() => ensurePage(0), [ensurePage]);

  return { pages, ensurePage, firstPage: pages.get(0), error };
}
