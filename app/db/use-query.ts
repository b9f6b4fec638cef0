// One query's life as one value. A failure stays with the panel that asked, SQL included.
// Answers come through the database's one cache (query-cache.ts), as every other reader's do;
// a read the page can do without the engine (database.ts' earlyRows) is answered while it
// starts, and kept once it is ready: the engine's rows are the same (app/search/queries.test.ts).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Sql } from '../release/sql.ts';
import { earlyRows } from './database.ts';
import { asQueryError, type QueryError, type Row } from './engine.ts';
import { useDatabase } from './use-database.ts';

export type QueryState<T> =
  | { status: 'waiting' }
  | { status: 'running'; previous?: T[] }
  | { status: 'done'; rows: T[] }
  /** `retry` asks again: a failed answer is not kept (query-cache.ts), so the query runs anew. */
  | { status: 'failed'; error: QueryError; retry: () => void };

/**
 * A person's Try again of the query `key`: `attempt` changes, so the query runs again, and
 * `afterFailure` holds for that query alone, not for the next one the panel asks (a restart
 * skips its gap for it, restartable.ts: carried on, every later search would restart an engine
 * under a file the host no longer has).
 */
export function useRetry(key: string | null) {
  const [retried, setRetried] = useState<{ key: string | null; n: number }>({ key: null, n: 0 });
  const retry = useCallback(() => setRetried((r) => ({ key, n: r.n + 1 })), [key]);
  return { attempt: retried.n, afterFailure: retried.n > 0 && retried.key === key, retry };
}

type SetState<T> = (next: QueryState<T> | ((last: QueryState<T>) => QueryState<T>)) => void;

/**
 * A query's state, as set for its `key`. In the render after the key changes, before the effect
 * that asks the new query has run, what was set is the last query's: returned as this one's, the
 * last search's offer stood on the new one ("Search within 50 miles" on the search at 50; a
 * review) and its rows were counted against the new total. It reads as asked, the last rows as
 * `previous`, as the effect is about to say.
 */
function useKeyedState<T>(key: string | null): [QueryState<T>, SetState<T>] {
  const [stored, setStored] = useState<{ key: string | null; state: QueryState<T> }>({ key, state: { status: 'waiting' } });
  const set = useCallback<SetState<T>>((next) => setStored((last) => ({ key, state: typeof next === 'function' ? next(last.state) : next })), [key]);
  if (stored.key === key) return [stored.state, set];
  if (key === null) return [{ status: 'waiting' }, set];
  const last = stored.state;
  return [{ status: 'running', previous: last.status === 'done' ? last.rows : last.status === 'running' ? last.previous : undefined }, set];
}

export function useQuery<T extends Row>(query: Sql | null, options?: { background?: boolean }): QueryState<T> {
  const database = useDatabase();
  // Sql values are rebuilt on every render; their text and parameters say whether it changed.
  const key = query ? JSON.stringify([query.text, query.params]) : null;
  const [state, setState] = useKeyedState<T>(key);
  const { attempt, afterFailure, retry } = useRetry(key);
  // The query answered without the engine, whose answer the engine would only repeat.
  const early = useRef<string | null>(null);
  useEffect(() => {
    if (query === null) {
      // Nothing asked: the last query's rows must not stand for it either (a place cleared from
      // the box kept its point, and a keyword search stayed within 25 miles of it).
      setState({ status: 'waiting' });
      return;
    }
    if (early.current === key) {
      // Kept through the start's stages; once ready, a later engine (a restart, the cloud) is asked again.
      if (database.status === 'ready') early.current = null;
      return;
    }
    const answer = database.status === 'ready'
      ? database.db.engine.query<T>(query.text, query.params, afterFailure ? { ...options, afterFailure } : options) : earlyRows<T>(query);
    if (!answer) {
      // Not answerable before the engine: the last query's rows must not stand for this one's
      // (a ZIP's place kept while "Somerville, MA" waits would search around the ZIP).
      setState({ status: 'waiting' });
      return;
    }
    let current = true;
    setState((s) => ({ status: 'running', previous: s.status === 'done' ? s.rows : undefined }));
    answer.then(
      (rows) => {
        if (!current) return;
        if (database.status !== 'ready') early.current = key;
        setState({ status: 'done', rows });
      },
      (error: unknown) => {
        if (!current) return;
        // Read without the engine: the engine answers once it is ready.
        if (database.status === 'ready') setState({ status: 'failed', error: asQueryError(error, query.text, query.params), retry });
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `query` by value; options only pick the lane
  }, [database, key, attempt]);
  return state;
}

/**
 * The rows of the first of `queries` that `found` accepts, or the last's: asked one after
 * another, each only when the one before found nothing, so a search widened step by step reads
 * the wider files only when the nearer ones hold nothing (the nearest result of an empty radius,
 * shell/results-summary.tsx). Asked of the engine alone: no such query is read without it.
 */
export function useFirstFound<T extends Row>(queries: readonly Sql[] | null, found: (rows: T[]) => boolean, options?: { background?: boolean }): QueryState<T> {
  const database = useDatabase();
  const key = queries ? JSON.stringify(queries.map((q) => [q.text, q.params])) : null;
  const [state, setState] = useKeyedState<T>(key);
  const { attempt, afterFailure, retry } = useRetry(key);
  useEffect(() => {
    if (queries === null || database.status !== 'ready') {
      setState({ status: 'waiting' });
      return;
    }
    const { engine } = database.db;
    let current = true;
    setState({ status: 'running' });
    void (async () => {
      let rows: T[] = [];
      for (const query of queries) {
        try {
          rows = await engine.query<T>(query.text, query.params, afterFailure ? { ...options, afterFailure } : options);
        } catch (error) {
          if (current) setState({ status: 'failed', error: asQueryError(error, query.text, query.params), retry });
          return;
        }
        if (!current) return;
        if (found(rows)) break;
      }
      setState({ status: 'done', rows });
    })();
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `queries` by value; `found` is a fixed test; options only pick the lane
  }, [database, key, attempt]);
  return state;
}
