// The build's handle on native DuckDB: run .sql files, read rows as plain objects.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

export type Db = DuckDBConnection;

/**
 * Given a folder, DuckDB spills there when it reaches its memory limit (by default into
 * ./.tmp, which a killed build would leave behind in the project).
 */
export async function openDb(spillDir?: string): Promise<Db> {
  const instance = await DuckDBInstance.create(':memory:', spillDir ? { temp_directory: spillDir } : {});
  return instance.connect();
}

export function sqlFile(name: string): string {
  return readFileSync(new URL(`../sql/${name}`, import.meta.url), 'utf8');
}

export async function runFile(db: Db, name: string): Promise<void> {
  await db.run(sqlFile(name));
}

/** Rows as objects with BIGINTs turned into numbers (every count here fits a double). */
export async function rows<T = Record<string, unknown>>(db: Db, sql: string, params?: Record<string, unknown> | unknown[]): Promise<T[]> {
  const reader = await db.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS().map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
  ) as T[];
}

// String literals for the few places DuckDB takes no parameter (file paths in COPY and table
// functions): the app's own, so the build and the browser quote values one way.
export { literal } from '../../app/db/literals.ts';
