// The published tables and how each is written (publish.ts); release-folder.ts sweeps their
// folders. A module of its own so that code can know them without loading DuckDB.
import { ORG_KEY, orgKeyOf } from './org-key.ts';
import { raw } from './sql.ts';

export interface TableSpec {
  table: string;
  /** The rows to write, when not simply the table. */
  select?: string;
  order: string;
  partitionBy?: string[];
  /** Rows per row group when not 8,192: smaller groups make point lookups read less. */
  rowGroupSize?: number;
}

/**
 * The tables the detail panel reads one organization's rows of: published with its key
 * (org-key.ts) and sorted on it, so a lookup's row group is the only one its statistics admit.
 */
const keyed = (table: string) => ({ table, select: `SELECT *, ${orgKeyOf(raw('org_id')).text} AS ${ORG_KEY} FROM ${table}` });

// Partitioned by what the app filters on; rows in geohash order so a spatial filter's
// min/max statistics skip most row groups. Small tables are one file each.
export const TABLES: TableSpec[] = [
  { table: 'organizations', partitionBy: ['state'], order: 'state, geohash, org_id' },
  {
    ...keyed('treatment_centers'),
    partitionBy: ['state', 'level_of_care'],
    // In key order, 2k-row groups: the detail panel's lookup reads one row group of its
    // state's files, not all of them (a join prunes nothing in DuckDB 0.9, so the geohash
    // order this had bought searches nothing; ×1: 2.63 MB against 2.67 MB).
    order: `state, level_of_care, ${ORG_KEY}, org_id`,
    rowGroupSize: 2048,
  },
  { ...keyed('narr_residences'), order: `${ORG_KEY}, org_id` },
  { ...keyed('recovery_centers'), order: `${ORG_KEY}, org_id` },
  { ...keyed('recovery_organizations'), order: `${ORG_KEY}, org_id` },
  { ...keyed('organization_services'), order: `${ORG_KEY}, org_id, code` },
  { ...keyed('network_relationships'), order: `${ORG_KEY}, org_id, strength DESC, related_org_id` },
  { table: 'service_codes', order: 'code' },
  { table: 'states', order: 'code' },
  { table: 'gazetteer', order: 'kind, key', rowGroupSize: 2048 },
  { table: 'mv_services_by_location', order: 'state, code' },
  { table: 'mv_treatment_capacity', order: 'state, level_of_care' },
  { table: 'mv_organizations_by_state', order: 'state, org_type' },
  { table: 'mv_state_extents', order: 'state' },
  // 2k-row groups: a lookup by key reads ~2k rows of every column, not 8k.
  { ...keyed('organizations_by_id'), order: `${ORG_KEY}, org_id`, rowGroupSize: 2048 },
  // A few hundred rows: what the national list shows before anything is asked (views.sql).
  { table: 'first_pages', order: 'includes_mental_health_only, position' },
];

/**
 * Rows of the national list kept in `first_pages`: the table's first page. The app reads them
 * instead of sorting every organization by name (app/search/queries.ts); the build writes them.
 */
export const FIRST_PAGE_ROWS = 100;
