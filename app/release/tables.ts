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
  /** Rows per row group when not 8,192: fewer rows to decode in a lookup, against a cost for every group (below). */
  rowGroupSize?: number;
  /**
   * A table sorted on org_key, written in files of this many row groups, each file's first and
   * last key in the manifest: a lookup opens the one file holding its key (release/relation.ts),
   * so the groups it walks stay this many at every scale (below).
   */
  rowGroupsPerFile?: number;
}

/** The organizations' column that is true for a mental-health-only facility. */
export const MENTAL_HEALTH_MARK = 'mental_health_only';

/** The organizations' column holding each one's place in the list by lower-cased name, then id (views.sql). */
export const NAME_ORDER = 'name_order';

/**
 * The tables the detail panel reads one organization's rows of: published with its key
 * (org-key.ts) and sorted on it, so a lookup's row group is the only one its statistics admit.
 */
const keyed = (table: string) => ({ table, select: `SELECT *, ${orgKeyOf(raw('org_id')).text} AS ${ORG_KEY} FROM ${table}` });

// Partitioned by what the app filters on; rows in geohash order so a spatial filter's
// min/max statistics skip most row groups. Small tables are one file each.
export const TABLES: TableSpec[] = [
  // With the mental-health-only mark (a treatment center whose facility_type is 'MH', left out
  // unless asked for): a ZIP's nearest results, read before the engine starts, then need only
  // their states' organizations, not every treatment center's id there too (×1: 8 files → 2).
  // With the place in the list by name (NAME_ORDER) too: both as organizations_by_id has them
  // (views.sql), from the build's regular tables, which both of publish.ts's connections read.
  {
    table: 'organizations',
    select: `SELECT o.*, t.facility_type IS NOT DISTINCT FROM 'MH' AS ${MENTAL_HEALTH_MARK}, n.${NAME_ORDER}
      FROM organizations o LEFT JOIN treatment_centers t USING (org_id) JOIN name_orders n USING (org_id)`,
    partitionBy: ['state'],
    order: 'state, geohash, org_id',
  },
  {
    ...keyed('treatment_centers'),
    partitionBy: ['state', 'level_of_care'],
    // In key order: the detail panel's lookup reads one row group of its state's files, not
    // all of them (a join prunes nothing in DuckDB 0.9, so the geohash order this had bought
    // searches nothing; ×1: 2.63 MB against 2.67 MB).
    order: `state, level_of_care, ${ORG_KEY}, org_id`,
  },
  { ...keyed('narr_residences'), order: `${ORG_KEY}, org_id` },
  { ...keyed('recovery_centers'), order: `${ORG_KEY}, org_id` },
  { ...keyed('recovery_organizations'), order: `${ORG_KEY}, org_id` },
  // Split by key (rowGroupsPerFile): duckdb-wasm walks every row group of a file a lookup opens,
  // even those its statistics rule out (×10, one file: services 8 ms CPU in 1,000 8k-row groups,
  // 4 ms in 130 of 64k; open-profile.ts), so with one file a lookup cost more at every scale.
  // Services keep 64k-row groups: text search's copy reads the table whole, and duckdb-wasm
  // reads a column chunk in 16 KB pieces, so smaller chunks cost it more reads and bytes. Links
  // in 8k-row groups (no copy reads them whole): with the split, a lookup went from 7–9 ms CPU
  // to 2.6–4.2 at ×10, for 1.6 MB more of them (21.7 → 23.4 MB).
  { ...keyed('organization_services'), order: `${ORG_KEY}, org_id, code`, rowGroupSize: 65_536, rowGroupsPerFile: 8 },
  { ...keyed('network_relationships'), order: `${ORG_KEY}, org_id, strength DESC, related_org_id`, rowGroupSize: 8192, rowGroupsPerFile: 16 },
  { table: 'service_codes', order: 'code' },
  { table: 'states', order: 'code' },
  { table: 'gazetteer', order: 'kind, key', rowGroupSize: 2048 },
  { table: 'mv_services_by_location', order: 'state, code' },
  { table: 'mv_treatment_capacity', order: 'state, level_of_care' },
  { table: 'mv_organizations_by_state', order: 'state, org_type' },
  { table: 'mv_state_extents', order: 'state' },
  // 2k-row groups (DuckDB's least), 16 a file: a lookup decodes a quarter of the rows it did in
  // 8k (×1, least of 9: 3.8–5.1 ms CPU against 5.8–7.0) for 9% more bytes (3.05 → 3.32 MB at ×1).
  // The in-memory copies that read every row (search rows, names) read the state files now, so
  // only a national text search before its copy, and exports, read this table whole.
  { ...keyed('organizations_by_id'), order: `${ORG_KEY}, org_id`, rowGroupSize: 2048, rowGroupsPerFile: 16 },
  // A few hundred rows: what the national list shows before anything is asked (views.sql).
  { table: 'first_pages', order: 'includes_mental_health_only, position' },
];

/**
 * Rows of the national list kept in `first_pages`: the table's first page. The app reads them
 * instead of sorting every organization by name (app/search/queries.ts); the build writes them.
 */
export const FIRST_PAGE_ROWS = 100;
