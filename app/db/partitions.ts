// Partition pruning done by the app: for a search that can only touch some states, the
// partitioned tables are read from those states' files alone. DuckDB 0.9.1 can prune hive
// partitions itself, but binding a view over every file costs 40–70 ms per query; a list of
// the few files needed binds in under 10 ms (measured in duckdb-wasm 1.28 on the sample).
import { quoteIdent } from './catalog.ts';
import type { Manifest } from './manifest.ts';

export type PartitionedTable = 'organizations' | 'treatment_centers';

export function relationForStates(manifest: Manifest, table: PartitionedTable, states: string[] | null): string {
  if (!states) return quoteIdent(table);
  const files = manifest.tables[table].files.filter((f) => states.includes(f.partition.state));
  if (!files.length) return `(SELECT * FROM ${quoteIdent(table)} WHERE FALSE)`;
  return `read_parquet([${files.map((f) => `'${f.path.replaceAll("'", "''")}'`).join(', ')}], hive_partitioning = true)`;
}

/** Both partitioned tables read from the given states' files (a ResolvedSearch's `relations`). */
export function relationsForStates(manifest: Manifest, states: string[]) {
  return {
    organizations: relationForStates(manifest, 'organizations', states),
    treatment_centers: relationForStates(manifest, 'treatment_centers', states),
  };
}
