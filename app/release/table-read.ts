// A read of one unpartitioned table simple enough to answer without the engine: its columns
// (or NULL), rows equal to given values, in one integer column's order, a slice. The same value
// writes the SQL the engine runs and filters rows read in JavaScript (runTableRead in
// app/db/early-reads.ts), so the national list's first page, and the place a ZIP names, are
// there while DuckDB-WASM still starts. near-read.ts is the same for the results near a place.
import type { NearRead } from './near-read.ts';
import { quoteIdent } from './sql-text.ts';
import { and, join, raw, sql, type Sql } from './sql.ts';

export interface TableRead {
  table: string;
  /** The columns returned, in order; `null` is a NULL under that name. */
  columns: Record<string, string | null>;
  equals: Record<string, boolean | number | string>;
  /** A column of distinct integers among the rows `equals` keeps; null where `equals` names a key (one row at most). */
  orderBy: string | null;
  limit: number;
  offset: number;
}

/** A query the engine runs, carrying the read it stands for. */
export type ReadSql = Sql & ({ read: TableRead } | { near: NearRead });

export function tableReadSql(read: TableRead): ReadSql {
  const columns = join(Object.entries(read.columns).map(([as, column]) =>
    raw(`${column === null ? 'NULL' : quoteIdent(column)} AS ${quoteIdent(as)}`)), ', ');
  const where = and(Object.entries(read.equals).map(([column, value]) => sql`${raw(quoteIdent(column))} = ${value}`));
  const order = read.orderBy === null ? raw('') : raw(`ORDER BY ${quoteIdent(read.orderBy)}`);
  const query = sql`SELECT ${columns} FROM ${raw(quoteIdent(read.table))} WHERE ${where}
    ${order} LIMIT ${read.limit} OFFSET ${read.offset}`;
  return { ...query, read };
}

