// Downloads written by the engine itself (DuckDB `COPY … TO`), the same way on every engine:
// into an in-memory file copied out (duckdb-wasm, MotherDuck's client) or a temporary one (native).
import { quoteIdent } from '../release/sql-text.ts';
import type { ExportFormat, Row } from './engine.ts';
import { formulaSafe, TEXT_TYPE } from '../release/formula-safe.ts';
import { literal } from '../release/sql-text.ts';

/** Runs SQL (parameters already inlined) and returns its rows. */
type Run = (sql: string) => Promise<Row[]>;

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

/** An export written by the engine into an in-memory file, copied out and dropped; JSON is written from the rows. */
export async function copyThroughFile(files: VirtualFiles, run: Run, sql: string, format: ExportFormat): Promise<Uint8Array> {
  if (format === 'json') return jsonBytes(await run(sql));
  const file = `export-${crypto.randomUUID()}.${format}`;
  await files.registerEmptyFileBuffer(file);
  try {
    await run(await copyStatement(run, sql, file, format));
    return await files.copyFileToBuffer(file);
  } finally {
    await files.dropFile(file);
  }
}

const OPTIONS: Record<ExportFormat, string> = { csv: 'FORMAT CSV, HEADER', json: 'FORMAT JSON, ARRAY true', parquet: 'FORMAT PARQUET, COMPRESSION ZSTD' };

/** The COPY of `sql` into `file`: CSV with a header and its text made safe for spreadsheets, JSON as one array, Parquet with zstd. */
export async function copyStatement(run: Run, sql: string, file: string, format: ExportFormat): Promise<string> {
  // A console query may end with a semicolon; inside COPY ( … ) it may not.
  const query = sql.trim().replace(/;+$/, '');
  return `COPY (${format === 'csv' ? await spreadsheetSafe(run, query) : query}) TO ${literal(file)} (${OPTIONS[format]})`;
}

/**
 * The query with every text cell, and every column name, passed through formulaSafe. Columns
 * are taken by position (`AS t(c0, c1, …)`), so a query with two columns of one name works;
 * DuckDB 0.9 (duckdb-wasm 1.28) names `f(COLUMNS(*))` after the expression, and cannot
 * DESCRIBE inside a query, hence the two small queries first.
 */
async function spreadsheetSafe(run: Run, query: string): Promise<string> {
  const columns = (await run(`DESCRIBE ${query}`)) as { column_name: string; column_type: string }[];
  const [names] = await run(`SELECT ${columns.map((c, i) => `${formulaSafe(literal(c.column_name))} AS h${i}`).join(', ')}`);
  const cells = columns.map((c, i) => `${TEXT_TYPE.test(c.column_type) ? formulaSafe(`c${i}`) : `c${i}`} AS ${quoteIdent(String(names[`h${i}`]))}`);
  return `SELECT ${cells.join(', ')} FROM (${query}) AS t(${columns.map((_, i) => `c${i}`).join(', ')})`;
}
