// Answers a TableRead (release/table-read.ts) before the engine has started: the table's one
// Parquet file is fetched whole and read with hyparquet, a pure-JS reader (~20 KB compressed,
// with fzstd for the release's zstd pages), then filtered in JavaScript. It paints the national
// list's first page (first_pages, 8 KB at ×1) while DuckDB-WASM's 3 MB still downloads and
// compiles. The rows equal the engine's: app/search/queries.test.ts reads the file both ways.
import { decompress } from 'fzstd';
import { parquetReadObjects } from 'hyparquet';
import type { Manifest } from '../release/manifest.ts';
import { plainRow } from '../release/plain-value.ts';
// Types only: the module itself stays in the entry's chunks (a shared import made it a request of its own).
import type { TableRead } from '../release/table-read.ts';
import type { Row } from './engine.ts';

/** Every row of a Parquet file, its values as the engines give them (plain-value.ts). */
export async function parquetRows(file: ArrayBuffer): Promise<Row[]> {
  const rows = await parquetReadObjects({ file, compressors: { ZSTD: (input, size) => decompress(input, new Uint8Array(size)) } });
  return rows.map(plainRow);
}

/** The read done in JavaScript over every row of its table: what `tableReadSql` (release/table-read.ts) returns from the engine. */
export function runTableRead(read: TableRead, rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const kept = rows.filter((row) => Object.entries(read.equals).every(([column, value]) => row[column] === value));
  kept.sort((a, b) => Number(a[read.orderBy]) - Number(b[read.orderBy]));
  return kept.slice(read.offset, read.offset + read.limit).map((row) =>
    Object.fromEntries(Object.entries(read.columns).map(([as, column]) => [as, column === null ? null : row[column] ?? null])));
}

const tables = new Map<string, Promise<Row[]>>();

/**
 * The read's rows from its table's file on this origin, given up after `deadlineMs` (the engine
 * answers instead); a table of more than one file is refused.
 */
export function earlyRead<T extends Row>(read: TableRead, manifest: Manifest, dataUrl: URL, deadlineMs: number): Promise<T[]> {
  const files = manifest.tables[read.table]?.files ?? [];
  if (files.length !== 1) return Promise.reject(new Error(`${read.table} is not one file`));
  const { path } = files[0];
  if (!tables.has(path)) {
    tables.set(path, fetch(new URL(path, dataUrl), { signal: AbortSignal.timeout(deadlineMs) })
      .then((response) => {
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then(parquetRows)
      .catch((error: unknown) => {
        tables.delete(path); // the engine answers instead; a later read may try again
        throw error;
      }));
  }
  return tables.get(path)!.then((rows) => runTableRead(read, rows) as T[]);
}
