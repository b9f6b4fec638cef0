// "This table, for these states": how a query names a table it may read only part of. A query
// carries a Relation as a typed parameter (sql`FROM ${relation('organizations', states)}`); the
// engine it runs on writes it: the states' own Parquet files on the release's files
// (db/catalog.ts), the uploaded table filtered by state on MotherDuck (cloud/cloud-engine.ts).
// DuckDB 0.9.1 can prune hive partitions itself, but binding a view over every file costs
// 40–70 ms per query; a list of the few files needed binds in under 10 ms (duckdb-wasm 1.28).
import type { Manifest, ManifestFile, ManifestTable } from './manifest.ts';
import { orgKey } from './org-key.ts';
import { inlineParams, literal, quoteIdent } from './sql-text.ts';
import { raw, type Sql } from './sql.ts';

export interface RelationParts {
  table: string;
  /** Null: every row. */
  states?: readonly string[] | null;
  /** One organization's key (org-key.ts): of a table split by key, the file(s) holding it. */
  key?: number | null;
  /**
   * What an engine may keep in memory under `table` once read (constant SQL over the release's
   * tables), so a join that reads a whole table (DuckDB 0.9 prunes no row group through a join)
   * reads it once, not on every query.
   */
  select?: string | null;
  /** The column a kept copy is indexed on, for point lookups. */
  indexedOn?: string | null;
  /** The kept relation whose copy `select` reads (keptFrom): made once that copy is whole, a state at a time as that one. */
  after?: Relation | null;
  /** Of a relation made from another's copy: made only when that copy holds at least this many rows. */
  minRows?: number | null;
  /**
   * A kept relation that can be made a few states at a time: `select`'s rows of `states` (its
   * only parameters Relations), so the engine can answer a query between two states' parts.
   */
  byState?: ((states: readonly string[] | null) => Sql) | null;
  /**
   * A kept relation holding every row this one can return, with at least its columns: the engine
   * reads it instead once it holds the states this one reads (copyReach; db/catalog.ts makes it
   * when no query is waiting, a state at a time), and `otherwise` until then. The query's own
   * predicates keep what the copy holds beyond.
   */
  copy?: Relation | null;
  /** What a relation with a copy reads without it: constant SQL whose only parameters are Relations. */
  otherwise?: Sql | null;
  /** Of a relation with a copy: no rows once the copy is held (untilCopy). */
  untilCopy?: boolean;
}

export class Relation {
  readonly table: string;
  readonly states: readonly string[] | null;
  readonly key: number | null;
  readonly select: string | null;
  readonly indexedOn: string | null;
  readonly after: Relation | null;
  readonly minRows: number | null;
  readonly byState: ((states: readonly string[] | null) => Sql) | null;
  readonly copy: Relation | null;
  readonly otherwise: Sql | null;
  readonly untilCopy: boolean;

  constructor(parts: RelationParts) {
    this.table = parts.table;
    this.states = parts.states ?? null;
    this.key = parts.key ?? null;
    this.select = parts.select ?? null;
    this.indexedOn = parts.indexedOn ?? null;
    this.after = parts.after ?? null;
    this.minRows = parts.minRows ?? null;
    this.byState = parts.byState ?? null;
    this.copy = parts.copy ?? null;
    this.otherwise = parts.otherwise ?? null;
    this.untilCopy = parts.untilCopy ?? false;
  }
}

export function relation(table: string, states: readonly string[] | null = null): Relation {
  return new Relation({ table, states });
}

/** The rows of one organization's key: of a table split by key (tables.ts), only its file. */
export function keyRelation(table: string, orgId: string): Relation {
  return new Relation({ table, key: orgKey(orgId) });
}

/**
 * What `select` returns, kept in memory under `name` by the engine that can (db/catalog.ts); an
 * engine that cannot reads it as a subquery. `select` is constant SQL: no parameters.
 */
export function keptSelect(name: string, select: string | ((states: readonly string[] | null) => Sql), indexedOn: string | null = null): Relation {
  if (typeof select === 'string') return new Relation({ table: name, select, indexedOn });
  // The whole of it reads the tables themselves (a Relation of every state is its table's name).
  const whole = select(null);
  return new Relation({ table: name, select: bindRelations(whole.text, whole.params, (r) => quoteIdent(r.table)).text, indexedOn, byState: select });
}

/**
 * What `select` makes of the rows of `states` (null: all) of another kept relation's copy (the
 * table it is given, with a `state` column), kept under `name` by the engine that can: made
 * once that copy is whole, so it never reads half of it, a state at a time, and only when that
 * copy holds `minRows` rows or more. Only as the copy of an `orCopy`: until it is made, and on
 * an engine that keeps nothing, queries read the `otherwise`.
 */
export function keptFrom(name: string, from: Relation, minRows: number, select: (table: string, states: readonly string[] | null) => string): Relation {
  const table = quoteIdent(keptName(from));
  return new Relation({ table: name, select: select(table, null), byState: (states) => raw(select(table, states)), after: from, minRows });
}

/** `copy` once the engine holds it, `otherwise` until then (or on an engine that keeps nothing). */
export function orCopy(copy: Relation, otherwise: Sql): Relation {
  return new Relation({ table: copy.table, copy, otherwise });
}

/**
 * `otherwise` until the engine holds `copy`, and no rows (with its columns) once it does: what a
 * query reads beside the copy while the copy is not there to answer (search/text-terms.ts).
 */
export function untilCopy(copy: Relation, otherwise: Sql): Relation {
  return new Relation({ table: copy.table, copy, otherwise, untilCopy: true });
}

/** The name of a kept relation's in-memory copy. */
export const keptName = ({ table }: Relation) => `kept_${table}`;

/** A relation's `otherwise`, its Relations written by `write`, as a subquery. */
export function writeOtherwise(r: Relation, write: (relation: Relation) => string): string {
  const bound = bindRelations(r.otherwise!.text, r.otherwise!.params, write);
  if (bound.params.length) throw new Error(`A relation read without its copy takes no values: ${r.table}`);
  return `(${bound.text})`;
}

/** Every Relation among a query's parameters, and those their `otherwise` reads. */
export function relationsIn(params: readonly unknown[]): Relation[] {
  return params.filter((p): p is Relation => p instanceof Relation).flatMap((r) => [r, ...(r.otherwise ? relationsIn(r.otherwise.params) : [])]);
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
 * What a read of `r` (a relation with a copy) asks of that copy: the states whose rows its files
 * would be read for, or null for every state's; `lookup` when it reads files by key only (point
 * lookups, which the copy answers once whole and indexed).
 */
export function copyReach(manifest: Tables, r: Relation): { states: readonly string[] | null; lookup: boolean } {
  const files = relationsIn(r.otherwise?.params ?? []).filter((x) => !x.copy && !x.select);
  if (files.length && files.every((x) => x.key !== null)) return { states: null, lookup: true };
  const states = new Set<string>();
  for (const x of files) {
    // A key's organization may be in any state.
    if (x.key !== null || !x.states || !partitionedBy(manifest, x.table, 'state')) return { states: null, lookup: false };
    x.states.forEach((s) => states.add(s));
  }
  // A read of no Relation reads whole tables named in its text (organizations_by_id): every state.
  return { states: files.length ? [...states].sort() : null, lookup: false };
}

/**
 * A relation on the release's own files: of a table split by key, the file(s) whose key range
 * holds the key; only the states' files of a table partitioned by state. A relation with a
 * copy reads the copy where `held` says the engine holds the states it reads (copyReach).
 */
export function filesRelation(manifest: Tables, r: Relation, held: (copy: Relation, states: readonly string[] | null) => boolean = () => false): string {
  const { table, states, key } = r;
  if (r.copy) {
    const otherwise = () => writeOtherwise(r, (x) => filesRelation(manifest, x, held));
    // What a query reads beside the copy (untilCopy) stops only once the copy is whole: read by
    // its states, it could disagree with the copy's other reader in the same query.
    if (!held(r.copy, r.untilCopy ? null : copyReach(manifest, r).states)) return otherwise();
    return r.untilCopy ? `(SELECT * FROM ${otherwise()} WHERE FALSE)` : quoteIdent(keptName(r.copy));
  }
  if (r.select) return quoteIdent(keptName(r));
  if (key !== null && manifest.tables[table]?.files.some((f) => f.org_keys)) {
    const holds = (f: ManifestFile) => f.org_keys !== undefined && f.org_keys[0] <= key && key <= f.org_keys[1];
    if (!manifest.tables[table].files.some(holds)) return `(SELECT * FROM ${quoteIdent(table)} WHERE FALSE)`;
    return readParquet(manifest.tables[table], undefined, holds);
  }
  if (!states || !partitionedBy(manifest, table, 'state')) return quoteIdent(table);
  const read = (f: ManifestFile) => states.includes(f.partition.state);
  if (!manifest.tables[table].files.some(read)) return `(SELECT * FROM ${quoteIdent(table)} WHERE FALSE)`;
  return readParquet(manifest.tables[table], undefined, read);
}

/** A relation on uploaded tables (MotherDuck): the whole table filtered by state (by key: the query's own org_key filter). */
export function tablesRelation(manifest: Tables, r: Relation): string {
  const { table, states, select } = r;
  if (r.copy) return writeOtherwise(r, (x) => tablesRelation(manifest, x));
  if (select) return `(${select})`;
  if (!states || !partitionedBy(manifest, table, 'state')) return quoteIdent(table);
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
