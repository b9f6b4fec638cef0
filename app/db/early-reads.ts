// Answers a TableRead (release/table-read.ts) before the engine has started: the table's one
// Parquet file is fetched whole and read with hyparquet, a pure-JS reader (~20 KB compressed,
// with fzstd for the release's zstd pages), then filtered in JavaScript. It paints the national
// list's first page (first_pages, 8 KB at ×1) while DuckDB-WASM's 3 MB still downloads and
// compiles. The rows equal the engine's: app/search/queries.test.ts reads the file both ways.
import { decompress } from 'fzstd';
import { parquetReadObjects } from 'hyparquet';
import type { Manifest } from '../release/manifest.ts';
import { plainRow } from '../release/plain-value.ts';
import { runTableRead, type TableRead } from '../release/table-read.ts';
import type { Row } from './engine.ts';
import { READ_DEADLINE_MS } from './read-guard.ts';

/** Every row of a Parquet file, its values as the engines give them (plain-value.ts). */
export async function parquetRows(file: ArrayBuffer): Promise<Row[]> {
  const rows = await parquetReadObjects({ file, compressors: { ZSTD: (input, size) => decompress(input, new Uint8Array(size)) } });
  return rows.map(plainRow);
}

const tables = new Map<string, Promise<Row[]>>();

/** The read's rows from its table's file on this origin; a table of more than one file is refused. */
export function earlyRead<T extends Row>(read: TableRead, manifest: Manifest, dataUrl: URL): Promise<T[]> {
  const files = manifest.tables[read.table]?.files ?? [];
  if (files.length !== 1) return Promise.reject(new Error(`${read.table} is not one file`));
  const { path } = files[0];
  if (!tables.has(path)) {
    tables.set(path, fetch(new URL(path, dataUrl), { signal: AbortSignal.timeout(READ_DEADLINE_MS) })
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
