// "This table, for these states": how a query names a table it may read only part of. A query
// carries a Relation as a typed parameter (sql`FROM ${relation('organizations', states)}`); the
// engine it runs on writes it: the states' own Parquet files on the release's files
// (db/catalog.ts), the uploaded table filtered by state on MotherDuck (cloud/cloud-engine.ts).
// DuckDB 0.9.1 can prune hive partitions itself, but binding a view over every file costs
// 40–70 ms per query; a list of the few files needed binds in under 10 ms (duckdb-wasm 1.28).
import type { Manifest, ManifestTable } from './manifest.ts';
import { inlineParams, literal, quoteIdent } from './sql-text.ts';

export class Relation {
  constructor(
    readonly table: string,
    /** Null: every row. */
    readonly states: readonly string[] | null,
    /**
     * Columns an engine may keep in memory once read, so a join that reads the whole table
     * (DuckDB 0.9 prunes no row group through a join) reads it once, not on every query.
     */
    readonly kept: readonly string[] | null = null,
    /** A kept relation's own SELECT over the release's tables, when it is more than some columns of `table`. */
    readonly select: string | null = null,
  ) {}
}

export function relation(table: string, states: readonly string[] | null = null): Relation {
  return new Relation(table, states);
}

/** These columns of every row of a table, kept in memory by the engine that can (db/catalog.ts), indexed on the first. */
export function keptColumns(table: string, columns: readonly string[]): Relation {
  return new Relation(table, null, columns);
}

/**
 * What `select` returns, kept in memory under `name` by the engine that can (db/catalog.ts); an
 * engine that cannot reads it as a subquery. `select` is constant SQL: no parameters.
 */
export function keptSelect(name: string, select: string): Relation {
  return new Relation(name, null, [], select);
}

/** The name of a kept relation's in-memory copy: one per table and columns, or per kept SELECT. */
export function keptName({ table, kept, select }: Relation): string {
  return select ? `kept_${table}` : `kept_${table}_${[...kept ?? []].sort().join('_')}`;
}

/** The SELECT a kept relation's copy is made from. */
export function keptDefinition({ table, kept, select }: Relation): string {
  return select ?? `SELECT ${(kept ?? []).map(quoteIdent).join(', ')} FROM ${quoteIdent(table)}`;
}

/** The one read of a table's Parquet files (hive partition columns from their paths); `path` places them. */
export function readParquet(table: ManifestTable, path: (file: string) => string = (file) => file, states: readonly string[] | null = null): string {
  const files = states ? table.files.filter((f) => states.includes(f.partition.state)) : table.files;
  const hive = table.partitioned_by.length > 0 ? ', hive_partitioning = true' : '';
  return `read_parquet([${files.map((f) => literal(path(f.path))).join(', ')}]${hive})`;
}

type Tables = Pick<Manifest, 'tables'>;

const byState = (manifest: Tables, table: string) => manifest.tables[table]?.partitioned_by.includes('state') ?? false;

/** A relation on the release's own files: only the states' files of a table partitioned by state. */
export function filesRelation(manifest: Tables, r: Relation): string {
  const { table, states } = r;
  if (r.kept) return quoteIdent(keptName(r));
  if (!states || !byState(manifest, table)) return quoteIdent(table);
  if (!manifest.tables[table].files.some((f) => states.includes(f.partition.state))) return `(SELECT * FROM ${quoteIdent(table)} WHERE FALSE)`;
  return readParquet(manifest.tables[table], undefined, states);
}

/** A relation on uploaded tables (MotherDuck): the whole table filtered by state. */
export function tablesRelation(manifest: Tables, r: Relation): string {
  const { table, states, kept } = r;
  if (kept) return `(${keptDefinition(r)})`;
  if (!states || !byState(manifest, table)) return quoteIdent(table);
  return `(SELECT * FROM ${quoteIdent(table)} WHERE state IN (${states.map(literal).join(', ') || 'NULL'}))`;
}

/** The SQL with every Relation parameter written in place by `write`; the other parameters stay bound. */
export function bindRelations(text: string, params: readonly unknown[], write: (relation: Relation) => string): { text: string; params: unknown[] } {
  if (!params.some((p) => p instanceof Relation)) return { text, params: [...params] };
  const rest: unknown[] = [];
  const bound = inlineParams(text, params, (value) => {
    if (value instanceof Relation) return write(value);
    rest.push(value);
    return '?';
  });
  return { text: bound, params: rest };
}
