// One query's life as one value. A failure stays with the panel that asked, SQL included.
import { useEffect, useState } from 'react';
import type { Row } from './engine.ts';
import { useDatabase } from './use-database.ts';

export type QueryState<T> =
  | { status: 'waiting' }
  | { status: 'running' }
  | { status: 'done'; rows: T[] }
  | { status: 'failed'; error: Error & { sql?: string } };

export function useQuery<T extends Row>(sql: string | null, params: readonly unknown[] = []): QueryState<T> {
  const database = useDatabase();
  const [state, setState] = useState<QueryState<T>>({ status: 'waiting' });
  const key = JSON.stringify([sql, params]);
  useEffect(() => {
    if (database.status !== 'ready' || sql === null) return;
    let current = true;
    setState({ status: 'running' });
    database.db.engine.query<T>(sql, params).then(
      (rows) => current && setState({ status: 'done', rows }),
      (error: Error) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // `key` stands for sql and params by value.
  }, [database, key]);
  return state;
}
