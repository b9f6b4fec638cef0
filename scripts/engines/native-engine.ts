// The Engine interface over native DuckDB (@duckdb/node-api) in Node: the second
// implementation the engine contract tests hold to the same behaviour as the browser's.
// Release files are read from a local folder; `registerFile` only checks they are there.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryError, type Engine, type Row } from '../../app/db/engine.ts';
import { copyStatement } from '../../app/db/exports.ts';
import { plainRow } from '../../app/release/plain-value.ts';
import { inlineParams, literal } from '../../app/release/sql-text.ts';

export async function startNativeEngine(releaseDir: string): Promise<Engine & { close(): void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  // Relative file names resolve in the release folder, as they do against the page's data URL.
  await conn.run(`SET file_search_path = ${literal(releaseDir)}`);
  const run = async (sql: string, params: readonly unknown[]): Promise<Row[]> => {
    try {
      const reader = await conn.runAndReadAll(inlineParams(sql, params));
      return reader.getRowObjectsJS().map(plainRow);
    } catch (error) {
      throw new QueryError((error as Error).message, sql, params, error);
    }
  };
  return {
    query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => (await run(sql, params)) as T[],
    exec: async (sql) => void (await run(sql, [])),
    cancel: async () => {
      conn.interrupt();
      return true;
    },
    registerFile: async (name) => {
      if (!existsSync(join(releaseDir, name))) throw new Error(`No file ${name} in ${releaseDir}`);
    },
    copyTo: async (sql, params, format) => {
      const dir = mkdtempSync(join(tmpdir(), 'nrd-export-'));
      try {
        const text = inlineParams(sql, params);
        await run(await copyStatement((query) => run(query, []), text, join(dir, `export.${format}`), format), []);
        return new Uint8Array(readFileSync(join(dir, `export.${format}`)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    close: () => conn.closeSync(),
  };
}
