// The Engine interface over a MotherDuck connection: the same queries the views issue on
// local files, run by MotherDuck against the tables `npm run publish:motherduck` uploaded.
// Kept apart from the client library (motherduck.ts) so the contract tests can hold it to the
// local engine's behaviour with native DuckDB standing in for the connection.
import { QueryError, type Engine, type Row } from '../db/engine.ts';
import { copyThroughFile, type VirtualFiles } from '../db/exports.ts';
import { plainRow } from '../release/plain-value.ts';
import { inlineParams } from '../release/sql-text.ts';

/** What this engine uses of @motherduck/wasm-client's MDConnection. */
export interface CloudConnection {
  enqueueQuery(sql: string): string;
  evaluateQueuedQuery(queryId: string): Promise<{ data: { toRows(): readonly Record<string, unknown>[] } }>;
  cancelQuery(queryId: string, message?: string): Promise<boolean>;
}

export function cloudEngine(connection: CloudConnection, files: VirtualFiles, scrub: (text: string) => string): Engine {
  let cancellable: string | null = null;
  const run = async (sql: string, params: readonly unknown[], isCancellable = false): Promise<Row[]> => {
    const id = connection.enqueueQuery(inlineParams(sql, params));
    if (isCancellable) cancellable = id;
    try {
      const result = await connection.evaluateQueuedQuery(id);
      return result.data.toRows().map(plainRow);
    } catch (error) {
      // No `cause`: the client's own error may quote the token that scrub() takes out.
      throw new QueryError(scrub(String((error as Error).message ?? error)), sql, params);
    } finally {
      if (cancellable === id) cancellable = null;
    }
  };
  return {
    query: async <T extends Row>(sql: string, params: readonly unknown[] = [], options?: { cancellable?: boolean }) =>
      (await run(sql, params, options?.cancellable)) as T[],
    cancel: async () => (cancellable ? connection.cancelQuery(cancellable, 'Cancelled') : false),
    exec: async (sql) => void (await run(sql, [])),
    registerFile: async () => {
      throw new Error('The cloud engine reads tables in MotherDuck, not files from this site.');
    },
    copyTo: (sql, params, format) => copyThroughFile(files, (text) => run(text, []), inlineParams(sql, params), format),
  };
}
