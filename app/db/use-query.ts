// One query's life as one value. A failure stays with the panel that asked, SQL included.
import { useEffect, useState } from 'react';
import type { Sql } from '../release/sql.ts';
import { asQueryError, type Engine, type QueryError, type QueryOptions, type Row } from './engine.ts';
import { useDatabase } from './use-database.ts';

// Panels ask the same questions: the detail panel and the map both read the selected
// organization and its network, and going back to a search asks its queries again. A release
// never changes under an engine, so the latest answers are kept per engine and shared.
const KEPT = 24;
const answers = new WeakMap<Engine, Map<string, Promise<Row[]>>>();

function ask(engine: Engine, key: string, query: Sql, options?: QueryOptions): Promise<Row[]> {
  let kept = answers.get(engine);
  if (!kept) answers.set(engine, (kept = new Map()));
  let answer = kept.get(key);
  if (answer) {
    kept.delete(key); // newest last; the oldest goes first
  } else {
    answer = engine.query(query.text, query.params, options);
    answer.catch(() => kept.delete(key)); // a failure is asked again next time
    if (kept.size >= KEPT) kept.delete(kept.keys().next().value!);
  }
  kept.set(key, answer);
  return answer;
}

export type QueryState<T> =
  | { status: 'waiting' }
  | { status: 'running'; previous?: T[] }
  | { status: 'done'; rows: T[] }
  | { status: 'failed'; error: QueryError };

export function useQuery<T extends Row>(query: Sql | null, options?: { background?: boolean }): QueryState<T> {
  const database = useDatabase();
  const [state, setState] = useState<QueryState<T>>({ status: 'waiting' });
  // Sql values are rebuilt on every render; their text and parameters say whether it changed.
  const key = query ? JSON.stringify([query.text, query.params]) : null;
  useEffect(() => {
    if (database.status !== 'ready' || query === null) return;
    let current = true;
    setState((s) => ({ status: 'running', previous: s.status === 'done' ? s.rows : undefined }));
    ask(database.db.engine, key!, query, options).then(
      (rows) => current && setState({ status: 'done', rows: rows as T[] }),
      (error: unknown) => current && setState({ status: 'failed', error: asQueryError(error, query.text, query.params) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `query` by value; options only pick the lane
  }, [database, key]);
  return state;
}
