// The one interface every view talks to: the local DuckDB-WASM engine implements it, and the
// cloud engine (app/cloud) stands behind it without the views noticing.
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
  /**
   * Makes a file reachable by `name` in SQL, read by HTTP range requests from `url`; `bytes`, its
   * length when the page knows it and its host answers ranges, spares the request that asks.
   */
  registerFile(name: string, url: string, bytes?: number): Promise<void>;
  /** Runs statements that return nothing (views, settings). */
  exec(sql: string): Promise<void>;
  /** The rows of a query written by the engine as a file (DuckDB `COPY … TO`), for download. */
  copyTo(sql: string, params: readonly unknown[], format: ExportFormat): Promise<Uint8Array>;
}

export interface QueryOptions {
  background?: boolean;
  cancellable?: boolean;
  otherSites?: boolean;
  /** Asked again by a person after it failed: an engine a failed read broke is started afresh, however recently it was (restartable.ts). */
  afterFailure?: boolean;
}

export type ExportFormat = 'csv' | 'json' | 'parquet';

/**
 * The one error a query fails with: a plain message, the SQL that failed and its parameters,
 * the engine's own words (`detail`) and the error it threw (`cause`), so its panel can show
 * what went wrong; the message says it plainly when a data file could not be read.
 */
export class QueryError extends Error {
  readonly detail: string;
  /** The release file that could not be read, with its table and partition, when that is why it failed: the panel says so in the page's language. */
  readonly dataFile: string | null;

  constructor(
    engineMessage: string,
    readonly sql: string,
    readonly params: readonly unknown[] = [],
    cause?: unknown,
  ) {
    const file = unreadFile(engineMessage);
    super(file ? `the data file ${file} could not be read from the server` : engineMessage, cause === undefined ? undefined : { cause });
    this.name = 'QueryError';
    this.detail = engineMessage;
    this.dataFile = file;
  }
}

/** Whatever a query's promise rejected with, as a QueryError (a crashed worker throws plain Errors, or strings). */
export function asQueryError(error: unknown, sql = '', params: readonly unknown[] = []): QueryError {
  if (error instanceof QueryError) return error;
  return new QueryError(error instanceof Error ? error.message : String(error), sql, params, error);
}

// Release files are `table/key=value/…/<16 hex>.parquet` (scripts/build/publish.ts).
const DATA_FILE = /([a-z_]+)\/((?:[a-z_]+=[^/'"\s]+\/)*)[0-9a-f]{16}\.parquet/;

// Errors of these classes are not reads, whatever file they name: memory running out while a
// file is scanned would read as "could not be read from the server", hiding the cause. (A file
// fetched short, "Invalid Input Error: File … too small to be a Parquet file", is a read.)
const NOT_A_READ = /^(Out of Memory|Binder|Parser|Catalog|Conversion|Constraint|Internal|INTERNAL) Error/;

/** The release file an engine's message names as unread, with its table and partition: `organizations/state=MA/….parquet (organizations, state MA)`. */
function unreadFile(engineMessage: string): string | null {
  const file = NOT_A_READ.test(engineMessage) ? null : DATA_FILE.exec(engineMessage);
  if (!file) return null;
  const partition = file[2].split('/').filter(Boolean).map((p) => p.replace('=', ' ')).join(', ');
  return `${file[0]} (${file[1].replaceAll('_', ' ')}${partition ? `, ${partition}` : ''})`;
}
