// The one interface every view talks to: the local DuckDB-WASM engine implements it, and the
// cloud engine (app/cloud) stands behind it without the views noticing.
import { literal } from './literals.ts';

export type Row = Record<string, unknown>;

export interface Engine {
  /**
   * Runs SQL with positional `?` parameters bound as values, never spliced into the text.
   * A `background` query waits until no other query is pending (see lanes.ts); a `cancellable`
   * one (the console's) can be stopped with `cancel`; only one with `otherSites` may read from
   * other websites (the local engine refuses them otherwise, see guarded-reads.ts).
   */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<T[]>;
  /** Stops the cancellable query running now; false when there is none. */
  cancel(): Promise<boolean>;
  /** Makes a file reachable by `name` in SQL, read by HTTP range requests from `url`. */
  registerFile(name: string, url: string): Promise<void>;
  /** Runs statements that return nothing (views, settings). */
  exec(sql: string): Promise<void>;
  /** The rows of a query written by the engine as a file (DuckDB `COPY … TO`), for download. */
  copyTo(sql: string, params: readonly unknown[], format: ExportFormat): Promise<Uint8Array>;
}

export interface QueryOptions {
  background?: boolean;
  cancellable?: boolean;
  otherSites?: boolean;
}

export type ExportFormat = 'csv' | 'json' | 'parquet';

/**
 * JSON written from the rows: duckdb-wasm 1.28 has no json extension built in (COPY … FORMAT
 * JSON fails) and can fetch none.
 */
export function jsonBytes(rows: Row[]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(rows));
}

/** The in-memory files of a duckdb-wasm instance (the app's own, or the one inside MotherDuck's client). */
export interface VirtualFiles {
  registerEmptyFileBuffer(name: string): Promise<void>;
  copyFileToBuffer(name: string): Promise<Uint8Array>;
  dropFile(name: string): Promise<unknown>;
}

/**
 * An export written by the engine into an in-memory file, copied out and dropped; JSON is
 * written from the rows (see jsonBytes). `run` takes SQL with the parameters already inlined.
 */
export async function copyThroughFile(files: VirtualFiles, run: (sql: string) => Promise<Row[]>,
  sql: string, format: ExportFormat): Promise<Uint8Array> {
  if (format === 'json') return jsonBytes(await run(sql));
  const file = `export-${crypto.randomUUID()}.${format}`;
  await files.registerEmptyFileBuffer(file);
  try {
    await run(copyStatement(sql, file, format));
    return await files.copyFileToBuffer(file);
  } finally {
    await files.dropFile(file);
  }
}

/** The COPY options for each format: CSV with a header, JSON as one array, Parquet with zstd. */
export function copyStatement(sql: string, file: string, format: ExportFormat): string {
  const options = { csv: 'FORMAT CSV, HEADER', json: 'FORMAT JSON, ARRAY true', parquet: 'FORMAT PARQUET, COMPRESSION ZSTD' }[format];
  // A console query may end with a semicolon; inside COPY ( … ) it may not.
  return `COPY (${sql.trim().replace(/;+$/, '')}) TO ${literal(file)} (${options})`;
}

/**
 * A failed query keeps the SQL that failed and the engine's own words, so its panel can show
 * what went wrong; the message says it plainly when a data file could not be read.
 */
export class QueryError extends Error {
  readonly detail: string;

  constructor(
    engineMessage: string,
    readonly sql: string,
    readonly params: readonly unknown[] = [],
  ) {
    super(plainMessage(engineMessage));
    this.name = 'QueryError';
    this.detail = engineMessage;
  }
}

// Release files are `table/key=value/…/<16 hex>.parquet` (scripts/build/publish.ts).
const DATA_FILE = /([a-z_]+)\/((?:[a-z_]+=[^/'"\s]+\/)*)[0-9a-f]{16}\.parquet/;

function plainMessage(engineMessage: string): string {
  const file = DATA_FILE.exec(engineMessage);
  if (!file) return engineMessage;
  const partition = file[2].split('/').filter(Boolean).map((p) => p.replace('=', ' ')).join(', ');
  return `the data file ${file[0]} (${file[1].replaceAll('_', ' ')}${partition ? `, ${partition}` : ''}) could not be read from the server`;
}
