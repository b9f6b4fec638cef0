// The Engine interface over a MotherDuck connection: the same queries the views issue on
// local files, run by MotherDuck against the tables `npm run publish:motherduck` uploaded.
// Kept apart from the client library (motherduck.ts) so the contract tests can hold it to the
// local engine's behaviour with native DuckDB standing in for the connection.
import { QueryError, type Engine, type Row } from '../db/engine.ts';
import { copyThroughFile, type VirtualFiles } from '../db/exports.ts';
import { inlineParams } from '../db/literals.ts';

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
      return result.data.toRows().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
    } catch (error) {
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

/**
 * MotherDuck's values as the local engine gives them: numbers (BIGINT too), strings and
 * booleans as they are, a DATE as a Date at midnight UTC; decimals, lists and structs through
 * their own JSON form.
 */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object') return value;
  if ('days' in value && typeof value.days === 'number') return new Date(value.days * 86_400_000);
  if ('toJson' in value && typeof value.toJson === 'function') return value.toJson();
  return value;
}
