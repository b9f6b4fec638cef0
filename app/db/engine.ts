// The one interface every view talks to. The local DuckDB-WASM engine implements it today;
// another engine (the cloud mode) can stand behind it without the views noticing.

export type Row = Record<string, unknown>;

export interface Engine {
  /**
   * Runs SQL with positional `?` parameters bound as values, never spliced into the text.
   * A `background` query waits until no other query is pending (see lanes.ts).
   */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[], options?: { background?: boolean }): Promise<T[]>;
  /** Makes a file reachable by `name` in SQL, read by HTTP range requests from `url`. */
  registerFile(name: string, url: string): Promise<void>;
  /** Runs statements that return nothing (views, settings). */
  exec(sql: string): Promise<void>;
}

/** A failed query keeps the SQL that failed, so its panel can show what went wrong. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly sql: string,
    readonly params: readonly unknown[] = [],
  ) {
    super(message);
    this.name = 'QueryError';
  }
}
