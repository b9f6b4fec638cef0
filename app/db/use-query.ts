// One query's life as one value. A failure stays with the panel that asked, SQL included.
import { useEffect, useState } from 'react';
import type { Sql } from '../search/sql.ts';
import type { Row } from './engine.ts';
import { useDatabase } from './use-database.ts';

export type QueryState<T> =
  | { status: 'waiting' }
  | { status: 'running'; previous?: T[] }
  | { status: 'done'; rows: T[] }
  | { status: 'failed'; error: Error & { sql?: string } };

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
      (error: Error) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [database, key]); // `key` stands for `query` by value
  return state;
}
