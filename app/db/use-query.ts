// One query's life as one value. A failure stays with the panel that asked, SQL included.
// Answers come through the database's one cache (query-cache.ts), as every other reader's do.
import { useEffect, useState } from 'react';
import type { Sql } from '../release/sql.ts';
import { asQueryError, type QueryError, type Row } from './engine.ts';
import { useDatabase } from './use-database.ts';

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
    database.db.engine.query<T>(query.text, query.params, options).then(
      (rows) => current && setState({ status: 'done', rows }),
      (error: unknown) => current && setState({ status: 'failed', error: asQueryError(error, query.text, query.params) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `query` by value; options only pick the lane
  }, [database, key]);
  return state;
}
