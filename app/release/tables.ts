// The published tables and how each is written (publish.ts); release-folder.ts sweeps their
// folders. A module of its own so that code can know them without loading DuckDB.

export interface TableSpec {
  table: string;
  /** The rows to write, when not simply the table. */
  select?: string;
  order: string;
  partitionBy?: string[];
  /** Rows per row group when not 8,192: smaller groups make point lookups read less. */
  rowGroupSize?: number;
}

// Partitioned by what the app filters on; rows in geohash order so a spatial filter's
// min/max statistics skip most row groups. Small tables are one file each.
export const TABLES: TableSpec[] = [
  { table: 'organizations', partitionBy: ['state'], order: 'state, geohash, org_id' },
  {
    table: 'treatment_centers',
    partitionBy: ['state', 'level_of_care'],
    // In id order, 2k-row groups: the detail panel's lookup by id reads one row group of its
    // state's files, not all of them (a join prunes nothing in DuckDB 0.9, so the geohash
    // order this had bought searches nothing; ×1: 2.63 MB against 2.67 MB).
    order: 'state, level_of_care, org_id',
    rowGroupSize: 2048,
  },
  { table: 'narr_residences', order: 'org_id' },
  { table: 'recovery_centers', order: 'org_id' },
  { table: 'recovery_organizations', order: 'org_id' },
  { table: 'organization_services', order: 'org_id, code' },
  { table: 'network_relationships', order: 'org_id, strength DESC, related_org_id' },
  { table: 'service_codes', order: 'code' },
  { table: 'states', order: 'code' },
  { table: 'gazetteer', order: 'kind, key', rowGroupSize: 2048 },
  { table: 'mv_services_by_location', order: 'state, code' },
  { table: 'mv_treatment_capacity', order: 'state, level_of_care' },
  { table: 'mv_organizations_by_state', order: 'state, org_type' },
  { table: 'mv_state_extents', order: 'state' },
  // 2k-row groups: a lookup by id reads ~2k rows of every column, not 8k.
  { table: 'organizations_by_id', order: 'org_id', rowGroupSize: 2048 },
  // A few hundred rows: what the national list shows before anything is asked (views.sql).
  { table: 'first_pages', order: 'includes_mental_health_only, position' },
];

/**
 * Rows of the national list kept in `first_pages`: the table's first page. The app reads them
 * instead of sorting every organization by name (app/search/queries.ts); the build writes them.
 */
export const FIRST_PAGE_ROWS = 100;
