// "This table, for these states": how a query names a table it may read only part of. A query
// carries a Relation as a typed parameter (sql`FROM ${relation('organizations', states)}`); the
// engine it runs on writes it: the states' own Parquet files on the release's files
// (db/catalog.ts), the uploaded table filtered by state on MotherDuck (cloud/cloud-engine.ts).
// DuckDB 0.9.1 can prune hive partitions itself, but binding a view over every file costs
// 40–70 ms per query; a list of the few files needed binds in under 10 ms (duckdb-wasm 1.28).
import type { Manifest, ManifestFile, ManifestTable } from './manifest.ts';
import { orgKey } from './org-key.ts';
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
    /** Null: every level of care (of a table partitioned by it, within `states`). */
    readonly levels: readonly string[] | null = null,
    /** One organization's key (org-key.ts): of a table split by key, the file(s) holding it. */
    readonly key: number | null = null,
  ) {}
}

export function relation(table: string, states: readonly string[] | null = null, levels: readonly string[] | null = null): Relation {
  return new Relation(table, states, null, null, levels);
}

/** The rows of one organization's key: of a table split by key (tables.ts), only its file. */
export function keyRelation(table: string, orgId: string): Relation {
  return new Relation(table, null, null, null, null, orgKey(orgId));
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

/** The one read of a table's Parquet files (hive partition columns from their paths); `path` places them, `read` picks them. */
export function readParquet(table: ManifestTable, path: (file: string) => string = (file) => file, read: (file: ManifestFile) => boolean = () => true): string {
  const files = table.files.filter(read);
  const hive = table.partitioned_by.length > 0 ? ', hive_partitioning = true' : '';
  return `read_parquet([${files.map((f) => literal(path(f.path))).join(', ')}]${hive})`;
}

type Tables = Pick<Manifest, 'tables'>;

const partitionedBy = (manifest: Tables, table: string, column: string) => manifest.tables[table]?.partitioned_by.includes(column) ?? false;

/**
 * A relation on the release's own files: of a table split by key, the file(s) whose key range
 * holds the key; only the states' files of a table partitioned by state, and of those only the
 * levels' files of one partitioned by level of care too (one treatment center's row: one file,
 * where its state's 3–5 cost 2–3× the CPU in duckdb-wasm; open-profile.ts).
 */
export function filesRelation(manifest: Tables, r: Relation): string {
  const { table, states, levels, key } = r;
  if (r.kept) return quoteIdent(keptName(r));
  if (key !== null && manifest.tables[table]?.files.some((f) => f.org_keys)) {
    const holds = (f: ManifestFile) => f.org_keys !== undefined && f.org_keys[0] <= key && key <= f.org_keys[1];
    if (!manifest.tables[table].files.some(holds)) return `(SELECT * FROM ${quoteIdent(table)} WHERE FALSE)`;
    return readParquet(manifest.tables[table], undefined, holds);
  }
  if (!states || !partitionedBy(manifest, table, 'state')) return quoteIdent(table);
  const byLevel = levels && partitionedBy(manifest, table, 'level_of_care');
  const read = (f: ManifestFile) => states.includes(f.partition.state) && (!byLevel || levels.includes(f.partition.level_of_care));
  if (!manifest.tables[table].files.some(read)) return `(SELECT * FROM ${quoteIdent(table)} WHERE FALSE)`;
  return readParquet(manifest.tables[table], undefined, read);
}

/** A relation on uploaded tables (MotherDuck): the whole table filtered by state (by key: the query's own org_key filter). */
export function tablesRelation(manifest: Tables, r: Relation): string {
  const { table, states, kept, levels } = r;
  if (kept) return `(${keptDefinition(r)})`;
  if (!states || !partitionedBy(manifest, table, 'state')) return quoteIdent(table);
  const level = levels && partitionedBy(manifest, table, 'level_of_care') ? ` AND level_of_care IN (${levels.map(literal).join(', ') || 'NULL'})` : '';
  return `(SELECT * FROM ${quoteIdent(table)} WHERE state IN (${states.map(literal).join(', ') || 'NULL'})${level})`;
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
