// The browser's engine (duckdb-wasm 1.28, DuckDB 0.9.1) run in Node behind the same Engine
// interface, so tests exercise the app's SQL and catalog on the exact engine the app ships.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { QueryError, type Engine, type Row } from '../../app/db/engine.ts';
import { copyThroughFile } from '../../app/db/exports.ts';
import { inlineParams } from '../../app/release/sql-text.ts';
import { plain } from '../../app/release/plain-value.ts';

const require = createRequire(import.meta.url);

export async function startNodeWasmEngine(files: (name: string) => string): Promise<Engine> {
  const duckdb: typeof import('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await duckdb.createDuckDB({
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
  }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const conn = db.connect();
  const run = (sql: string, params: readonly unknown[]): Row[] => {
    try {
      const table = conn.query(inlineParams(sql, params));
      return table.toArray().map((row: { toJSON(): Row }) => plain(row.toJSON()) as Row);
    } catch (error) {
      throw new QueryError((error as Error).message, sql, params, error);
    }
  };
  return {
    query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => run(sql, params) as T[],
    exec: async (sql) => void run(sql, []),
    // The blocking Node build runs each query to its end before anything else can happen.
    cancel: async () => false,
    // The app passes URLs; here each name maps to a local file.
    registerFile: async (name) => db.registerFileURL(name, files(name), duckdb.DuckDBDataProtocol.NODE_FS, false),
    copyTo: (sql, params, format) => copyThroughFile({
      registerEmptyFileBuffer: async (name) => db.registerFileBuffer(name, new Uint8Array()),
      copyFileToBuffer: async (name) => db.copyFileToBuffer(name),
      dropFile: async (name) => db.dropFile(name),
    }, async (text) => run(text, []), inlineParams(sql, params), format),
  };
}
