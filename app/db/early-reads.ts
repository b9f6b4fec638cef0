// Answers a read (release/table-read.ts, release/near-read.ts) before the engine has started:
// its files are read with hyparquet, a pure-JS reader (~20 KB compressed, with fzstd for the
// release's zstd pages), by byte range, then filtered in JavaScript. It paints the national
// list's first page (first_pages, 8 KB at ×1), and a ZIP's place (one row group of the
// gazetteer) and nearest results (the box's row groups of its states' files), while
// DuckDB-WASM's 3 MB still downloads and compiles. The rows equal the engine's:
// app/search/queries.test.ts reads the files both ways.
import { decompress } from 'fzstd';
import { parquetMetadataAsync, parquetReadObjects, type AsyncBuffer, type ParquetQueryFilter } from 'hyparquet';
import type { Manifest, ManifestFile } from '../release/manifest.ts';
import { ignoresRanges, offersRanges } from './manifest-fetch.ts';
// Types only: these modules stay in the entry's chunks (a shared import made each a request of its own).
import type { LoadRows } from '../release/near-read.ts';
import type { TableRead } from '../release/table-read.ts';
import { plainRow } from '../release/plain-value.ts';
import type { Row } from './engine.ts';

const compressors = { ZSTD: (input: Uint8Array, size: number) => decompress(input, new Uint8Array(size)) };

/** Every row of a Parquet file, its values as the engines give them (plain-value.ts). */
export async function parquetRows(file: ArrayBuffer): Promise<Row[]> {
  return (await parquetReadObjects({ file, compressors })).map(plainRow);
}

/** The read done in JavaScript over every row of its table: what `tableReadSql` (release/table-read.ts) returns from the engine. */
export function runTableRead(read: TableRead, rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const kept = rows.filter((row) => Object.entries(read.equals).every(([column, value]) => row[column] === value));
  if (read.orderBy !== null) kept.sort((a, b) => Number(a[read.orderBy!]) - Number(b[read.orderBy!]));
  return kept.slice(read.offset, read.offset + read.limit).map((row) =>
    Object.fromEntries(Object.entries(read.columns).map(([as, column]) => [as, column === null ? null : row[column] ?? null])));
}

/**
 * A file this small is fetched whole in one request (footer and pages); of a larger one, the
 * last FOOTER_BYTES first (the gazetteer's footer is 22 KB, an organizations file's 3.5 KB),
 * then only the column chunks of the row groups the filter's statistics admit, or, where the
 * manifest indexes the file (ManifestFile's row_index), the groups it names beside the footer.
 */
const WHOLE_BYTES = 64 * 1024;
const FOOTER_BYTES = 32 * 1024;

/**
 * A file on this origin as hyparquet reads it, by byte range; what was fetched answers every
 * later slice inside it. A host that ignores Range sends the whole file, which then answers all,
 * and `onWhole` is told, so that no two ranges are asked for at once again (each came whole).
 */
function rangedFile(url: URL, byteLength: number, deadlineMs: number, onWhole: () => void): AsyncBuffer {
  const fetched: { start: number; end: number; bytes: Promise<ArrayBuffer> }[] = [];
  return {
    byteLength,
    async slice(start, end = byteLength) {
      const held = fetched.find((f) => f.start <= start && end <= f.end);
      if (held) return (await held.bytes).slice(start - held.start, end - held.start);
      const bytes = fetch(url, { headers: { Range: `bytes=${start}-${end - 1}` }, signal: AbortSignal.timeout(deadlineMs) })
        .then(async (response) => {
          const body = await response.arrayBuffer();
          if (response.status === 206 && body.byteLength === end - start) return body;
          if (response.status === 200 && body.byteLength === byteLength) {
            // Not asked again for the next slice: the gazetteer's 1 MB came three times a lookup.
            fetched.push({ start: 0, end: byteLength, bytes: Promise.resolve(body) });
            onWhole();
            return body.slice(start, end);
          }
          throw new Error(`${url.pathname}: bytes ${start}-${end - 1} answered ${response.status} with ${body.byteLength} bytes`);
        });
      const entry = { start, end, bytes };
      fetched.push(entry);
      bytes.catch(() => fetched.splice(fetched.indexOf(entry), 1));
      return bytes;
    },
  };
}

const reads = new Map<string, Promise<Row[]>>();

/**
 * Once the engine answers, nothing asks for these reads again (database.ts): their rows are let
 * go, or the page would keep them for the whole visit (×10: a ZIP's link held one 8k-row group
 * of its state's organizations as JavaScript objects).
 */
export function forgetEarlyReads(): void {
  reads.clear();
}

/**
 * The rows of one file that `filter` may keep (row groups its statistics rule out are not
 * fetched; the caller filters the rows exactly), its partition's values as columns, as the
 * engines read a hive-partitioned file.
 */
function fileRows(file: ManifestFile, columns: readonly string[], filter: ParquetQueryFilter, dataUrl: URL, deadlineMs: number): Promise<Row[]> {
  const key = JSON.stringify([file.path, columns, filter]);
  if (!reads.has(key)) {
    const stored = columns.filter((c) => !(c in file.partition));
    reads.set(key, (async () => {
      const buffer = rangedFile(new URL(file.path, dataUrl), file.bytes, deadlineMs, () => ignoresRanges(dataUrl));
      // The row groups the manifest says hold the value looked up, asked for beside the footer:
      // hyparquet's reads of their columns then find them fetched (one round trip, not two).
      if (offersRanges(dataUrl)) {
        // A failure is hyparquet's to meet when it asks for the group, or not at all.
        for (const [start, end] of indexedGroups(file, filter)) Promise.resolve(buffer.slice(start, end)).catch(() => {});
      }
      const metadata = await parquetMetadataAsync(buffer, { initialFetchSize: file.bytes <= WHOLE_BYTES ? file.bytes : FOOTER_BYTES });
      const rows = await parquetReadObjects({ file: buffer, metadata, columns: stored, filter, compressors, rowFormat: 'object' });
      return rows.map((row) => ({ ...plainRow(row), ...file.partition }));
    })().catch((error: unknown) => {
      reads.delete(key); // the engine answers instead; a later read may try again
      throw error;
    }));
  }
  return reads.get(key)!;
}

/**
 * The bytes of the row groups whose range of the file's indexed column holds the value `filter`
 * asks it to equal, but those the first fetch holds (a small file's whole, a larger one's last
 * FOOTER_BYTES). JavaScript orders text by UTF-16 units,
 * Parquet's statistics by UTF-8 bytes: the two differ past the Basic Multilingual Plane alone,
 * and a wrong guess costs a request, not a row (hyparquet reads by the footer's statistics).
 */
function indexedGroups(file: ManifestFile, filter: ParquetQueryFilter): [number, number][] {
  const index = file.row_index;
  const wanted = index ? (filter as Record<string, { $eq?: unknown } | undefined>)[index.column]?.$eq : undefined;
  if (!index || typeof wanted !== 'string' || file.bytes <= WHOLE_BYTES) return [];
  return index.groups.filter(([min, max, start]) => min <= wanted && wanted <= max && start < file.bytes - FOOTER_BYTES)
    .map(([, , start, end]) => [start, end]);
}

const filesOf = (manifest: Manifest, table: string, states: readonly string[] | null) =>
  (manifest.tables[table]?.files ?? []).filter((f) => !states || states.includes(f.partition.state));

/** Rows of the release's files on this origin (a NearRead's, release/near-read.ts), given up after `deadlineMs`. */
export function earlyLoad(manifest: Manifest, dataUrl: URL, deadlineMs: number): LoadRows {
  return async (table, states, columns, filter) =>
    (await Promise.all(filesOf(manifest, table, states).map((f) => fileRows(f, columns, filter, dataUrl, deadlineMs)))).flat();
}

/** A TableRead's rows from its table's one file; a table of more than one file is refused. */
export async function earlyRead<T extends Row>(read: TableRead, manifest: Manifest, dataUrl: URL, deadlineMs: number): Promise<T[]> {
  const files = filesOf(manifest, read.table, null);
  if (files.length !== 1) throw new Error(`${read.table} is not one file`);
  const columns = [...new Set([...Object.values(read.columns).filter((c) => c !== null), ...Object.keys(read.equals), ...(read.orderBy ? [read.orderBy] : [])])];
  const equals = Object.fromEntries(Object.entries(read.equals).map(([column, value]) => [column, { $eq: value }]));
  return runTableRead(read, await fileRows(files[0], columns, equals, dataUrl, deadlineMs)) as T[];
}
