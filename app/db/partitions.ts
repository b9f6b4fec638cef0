// Partition pruning done by the app: for a search that can only touch some states, the
// partitioned tables are read from those states' files alone. DuckDB 0.9.1 can prune hive
// partitions itself, but binding a view over every file costs 40–70 ms per query; a list of
// the few files needed binds in under 10 ms (measured in duckdb-wasm 1.28 on the sample).
import { quoteIdent } from './catalog.ts';
import { literal } from './literals.ts';
import type { Manifest } from './manifest.ts';

export type PartitionedTable = 'organizations' | 'treatment_centers';
export type Source = 'files' | 'tables';

const MILES_PER_DEGREE = 69.17;

/** The latitude/longitude box that holds every point within `miles` of a point. */
export function boundingBox(lat: number, lon: number, miles: number) {
  const dLat = miles / MILES_PER_DEGREE;
  const dLon = miles / (MILES_PER_DEGREE * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

/**
 * The states whose organizations can lie within `miles` of a point: those whose extent (the
 * manifest's box around their located organizations) meets the search's box. Answered from
 * the manifest, so a search needs no query before its results.
 */
export function statesNear(manifest: Manifest, lat: number, lon: number, miles: number): string[] {
  const box = boundingBox(lat, lon, miles);
  return Object.entries(manifest.state_extents)
    .filter(([, e]) => e.min_lat <= box.maxLat && e.max_lat >= box.minLat && e.min_lon <= box.maxLon && e.max_lon >= box.minLon)
    .map(([state]) => state)
    .sort();
}

/**
 * Where a partitioned table's rows for `states` are read from: the states' own files, or, on
 * MotherDuck (`tables`), the whole uploaded table filtered by state.
 */
export function relationForStates(manifest: Manifest, table: PartitionedTable, states: string[] | null, source: Source = 'files'): string {
  if (!states) return quoteIdent(table);
  if (source === 'tables') {
    return `(SELECT * FROM ${quoteIdent(table)} WHERE state IN (${states.map(literal).join(', ') || 'NULL'}))`;
  }
  const files = manifest.tables[table].files.filter((f) => states.includes(f.partition.state));
  if (!files.length) return `(SELECT * FROM ${quoteIdent(table)} WHERE FALSE)`;
  return `read_parquet([${files.map((f) => literal(f.path)).join(', ')}], hive_partitioning = true)`;
}

/** Both partitioned tables read from the given states' files (a ResolvedSearch's `relations`). */
export function relationsForStates(manifest: Manifest, states: string[], source: Source = 'files') {
  return {
    organizations: relationForStates(manifest, 'organizations', states, source),
    treatment_centers: relationForStates(manifest, 'treatment_centers', states, source),
  };
}
