// The build's handle on native DuckDB: run .sql files, read rows as plain objects.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { plainRow } from '../../app/release/plain-value.ts';

export type Db = DuckDBConnection;

export async function openDb(): Promise<Db> {
  const instance = await DuckDBInstance.create(':memory:');
  return instance.connect();
}

export function sqlFile(name: string): string {
  return readFileSync(new URL(`../sql/${name}`, import.meta.url), 'utf8');
}

export async function runFile(db: Db, name: string): Promise<void> {
  await db.run(sqlFile(name));
}

/** Rows as plain objects, as the app's engines give them (BIGINTs as numbers). */
export async function rows<T = Record<string, unknown>>(db: Db, sql: string, params?: Record<string, unknown> | unknown[]): Promise<T[]> {
  const reader = await db.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS().map(plainRow) as T[];
}
