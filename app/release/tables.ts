// The published tables and how each is written (publish.ts); release-folder.ts sweeps their
// folders. A module of its own so that code can know them without loading DuckDB.
import { TYPE_FIELDS } from './detail-fields.ts';
import { ORG_KEY, orgKeyOf } from './org-key.ts';
import { ORG_TYPES, TYPE_TABLES } from './org-types.ts';
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
  /**
   * A text column the page looks a row up by before the engine has started: the manifest lists
   * each row group's least and greatest value of it with the group's bytes (ManifestFile's
   * row_index), so the page asks for the group beside the file's footer, not after it.
   */
  indexedBy?: string;
}

/** The organizations' column that is true for a mental-health-only facility. */
export const MENTAL_HEALTH_MARK = 'mental_health_only';

/** The organizations' column holding each one's place in the list by lower-cased name, then id (views.sql). */
export const NAME_ORDER = 'name_order';

/**
 * The treatment centers' yes/no columns the filters read (app/search/filters.ts), as bits of one
 * integer, `treatment_flags`, in this order: a copy the engine keeps in memory holds one column,
 * not 16 (duckdb-wasm gives each column of an in-memory table blocks of its own; ×1's copy took
 * 26 MB as booleans, 18 MB packed, warm-profile.ts).
 */
export const FLAGS = ['offers_methadone', 'offers_buprenorphine', 'offers_naltrexone', 'opioid_treatment_program',
  'intensive_outpatient', 'partial_hospitalization', 'offers_detox', 'accepts_medicaid', 'accepts_medicare',
  'accepts_private_insurance', 'sliding_fee_scale', 'accepts_cash_self_payment', 'serves_adolescents', 'serves_adults',
  'serves_seniors', 'spanish'] as const;

/**
 * What the filters read of an organization's type, in its own row of `organizations` and
 * `organizations_by_id` (null for the other types): a filtered search joined its states' (or, over
 * the whole country, all 171) treatment-center files, each a request of its own in duckdb-wasm:
 * "detox" searched over the country at ×1 read 171 of them in 198 requests, 2.8 s of its first
 * row's 6.2 (a loaded machine). Written from the type tables at build time, as the mental-health
 * mark is, so they cannot disagree with the release.
 */
export const FILTER_COLUMNS = ['level_of_care', 'certification_level', 'gender', 'treatment_flags'];

/**
 * Every organization as the release publishes it: its own columns, the mental-health-only mark
 * (a treatment center whose facility_type is 'MH', left out unless asked for: a ZIP's nearest
 * results, read before the engine starts, need only their states' organizations), its place in
 * the list by name (NAME_ORDER, views.sql) and FILTER_COLUMNS. A view made before the tables are
 * written (scripts/build/publish.ts), named for the table written from it with its key and what
 * an opening shows (BY_ID); the state files are written from it as it is.
 */
export const PUBLISHED = { view: 'organizations_by_id', select: `SELECT o.*, t.facility_type IS NOT DISTINCT FROM 'MH' AS ${MENTAL_HEALTH_MARK}, nm.${NAME_ORDER},
    t.level_of_care, r.certification_level, r.gender,
    (${FLAGS.map((f, i) => `(t.${f}::INTEGER << ${i})`).join(' | ')}) AS treatment_flags
  FROM organizations o LEFT JOIN treatment_centers t USING (org_id) LEFT JOIN narr_residences r USING (org_id)
  JOIN name_orders nm USING (org_id)` };

/**
 * Each organization's key, made once before the tables are written (scripts/build/publish.ts)
 * for those that repeat an id on many rows: an MD5 a row cost ×10's organization_services (8.6M
 * rows) 3.9 s of CPU, a join on these 400k rows 0.3 s. Every row's organization is there: the
 * build checks every reference before it writes.
 */
export const ORG_KEYS = { table: 'org_keys', select: `SELECT org_id, ${orgKeyOf(raw('org_id')).text} AS ${ORG_KEY} FROM organizations` };

/**
 * The tables the detail panel reads one organization's rows of: published with its key
 * (org-key.ts) and sorted on it, so a lookup's row group is the only one its statistics admit.
 */
const keyed = (table: string) => ({ table, select: `SELECT t.*, k.${ORG_KEY} FROM ${table} t JOIN ${ORG_KEYS.table} k USING (org_id)` });

/**
 * What the detail panel shows beside an organization's own columns, in its row of
 * organizations_by_id: its type's fields (TYPE_FIELDS) as one JSON text, and its service codes.
 * Opening an organization is then one scan of one row group, where it was three (its row, then
 * its type's row, and its services): duckdb-wasm spends ~2 ms on a scan before it decodes
 * anything and ~0.1 ms on each column chunk, so the fields are one text column, not a type's
 * 6–17 columns (four types' 43 structs' fields cost 2–3 ms more to read than one JSON text).
 * The codes are one text too, space-separated (`offered_codes`, null for none): as a list, the
 * lookup decoded its 2k-row group's ~42k codes one string each, 6.0 ms of CPU against 4.2 for
 * the whole row (open-profile.ts, ×1). Written from the type tables and organization_services,
 * which stay as they are; the build checks the copies hold their rows (scripts/build/integrity.ts,
 * checkOpenings), so a code holding a space would fail it.
 */
export const OPENING_COLUMNS = ['type_detail', 'offered_codes'];
/** The separator of `offered_codes`. */
export const CODE_SEPARATOR = ' ';
/**
 * Left out of organizations_by_id, which only lookups by id, searches of the whole country and
 * exports read (`organizations` has them): −6.3 MB at ×10 (geohash 3.2, source_id 1.6,
 * source_index 1.2), a third of what the two columns above add, and fewer columns for each
 * lookup to walk (a file of ~100 columns cost a pruned lookup of one column ~3 ms more).
 */
export const NOT_BY_ID = ['geohash', 'zip4', 'county', 'county_source', 'data_source', 'source_file', 'source_index', 'source_id'];
const typeDetail = ORG_TYPES.map((type, i) => `CASE WHEN t${i}.org_id IS NOT NULL
  THEN to_json(struct_pack(${TYPE_FIELDS[type].map(([column]) => `${column} := t${i}.${column}`).join(', ')}))::VARCHAR END`);
// The codes are listed, sorted, then joined: an aggregate ordered by code buffers every row of
// every group before it sorts (DuckDB 1.5's string_agg(… ORDER BY) ran out of a 1 GB memory limit
// at ×1; list(code ORDER BY code), at ×10's size, 8.5M codes at a 300 MB limit: 53 s and 559 MB,
// against 25 s and 487 MB sorted after; ×100's build ran out of its 4 GB in the step that made it).
// Gathered as each code's rank (a SMALLINT) and turned back into codes after: the gathered lists
// live in the aggregate's arena, which does not spill (its 16 MiB blocks were the allocation that
// failed, at ×100's 4 GB and ×10's 600–800 MB, issue 15), and a rank takes 2 bytes of a list, a code 16.
// Ranked among service_codes' ~225 rows, which every listed code is (integrity.ts checks it), not
// among the distinct codes of organization_services, read twice for it (85.5M rows at ×100).
export const BY_ID = `SELECT o.* EXCLUDE (${NOT_BY_ID.join(', ')}), coalesce(${typeDetail.join(', ')}) AS type_detail, s.offered_codes,
    ${orgKeyOf(raw('o.org_id')).text} AS ${ORG_KEY}
  FROM ${PUBLISHED.view} o
  ${ORG_TYPES.map((type, i) => `LEFT JOIN ${TYPE_TABLES[type]} t${i} ON t${i}.org_id = o.org_id`).join('\n  ')}
  LEFT JOIN (SELECT g.org_id, array_to_string(list_transform(g.codes, i -> d.codes[i]), '${CODE_SEPARATOR}') AS offered_codes
    FROM (SELECT org_id, list_sort(list(c.i)) AS codes FROM organization_services JOIN (SELECT code, row_number() OVER (ORDER BY code)::SMALLINT AS i
      FROM service_codes) c USING (code) GROUP BY org_id) g,
      (SELECT list(code ORDER BY code) AS codes FROM service_codes) d) s
    ON s.org_id = o.org_id`;

/**
 * What the detail panel's nearby supports show of each organization a link names, in the link's
 * row as `related_<column>`: the panel reads them with the links in one scan, where it then
 * looked each one up (a query of its own after the links', ~0.4 ms of CPU a lookup in the
 * engine's copy, 10–30 ms in the files before the copy is made). Positions are left out
 * (+1.8 MB at ×1 as doubles): the map draws its lines from a lookup of its own in the
 * background (search/queries.ts positionsQuery). Written from organizations, which the build
 * checks each link names (scripts/build/integrity.ts).
 */
export const LINK_NAMES = ['name', 'city', 'state', 'geo_precision'];
export const LINKS = `SELECT r.*, ${LINK_NAMES.map((c) => `o.${c} AS related_${c}`).join(', ')}, k.${ORG_KEY}
  FROM network_relationships r JOIN organizations o ON o.org_id = r.related_org_id JOIN ${ORG_KEYS.table} k ON k.org_id = r.org_id`;

// Partitioned by what the app filters on; rows in geohash order so a spatial filter's
// min/max statistics skip most row groups. Small tables are one file each.
export const TABLES: TableSpec[] = [
  // From PUBLISHED, a TEMP view of the connection that stages the rows (publish.ts); the second connection reads only the staged file.
  {
    table: 'organizations',
    select: `SELECT * FROM ${PUBLISHED.view}`,
    partitionBy: ['state'],
    order: 'state, geohash, org_id',
  },
  // One file: no search reads it since its filter columns are in the organizations' rows
  // (FILTER_COLUMNS), nor an opening (organizations_by_id's type_detail); the console and
  // downloads do. By state and level of care, so a console query of one state reads only its
  // row groups. It was 171 files at ×1 (by state and level), 0.62 MB of them footers.
  { ...keyed('treatment_centers'), order: `state, level_of_care, ${ORG_KEY}, org_id` },
  { ...keyed('narr_residences'), order: `${ORG_KEY}, org_id` },
  { ...keyed('recovery_centers'), order: `${ORG_KEY}, org_id` },
  { ...keyed('recovery_organizations'), order: `${ORG_KEY}, org_id` },
  // Split by key (rowGroupsPerFile): duckdb-wasm walks every row group of a file a lookup opens,
  // even those its statistics rule out (×10, one file: services 8 ms CPU in 1,000 8k-row groups,
  // 4 ms in 130 of 64k; open-profile.ts), so with one file a lookup cost more at every scale.
  // Services keep 64k-row groups: text search's copy reads the table whole, and duckdb-wasm
  // reads a column chunk in 16 KB pieces, so smaller chunks cost it more reads and bytes. Links
  // in 2k-row groups (no copy reads them whole): an opening reads one, 71 KB with duckdb-wasm's
  // read-ahead where an 8k-row group cost 359 KB (×1, after a search of 02139), for 0.73 MB more
  // of them (3.60 → 4.33 MB at ×1; with the split into files, a lookup had gone from 7–9 ms CPU
  // to 2.6–4.2 at ×10).
  { ...keyed('organization_services'), order: `${ORG_KEY}, org_id, code`, rowGroupSize: 65_536, rowGroupsPerFile: 8 },
  { table: 'network_relationships', select: LINKS, order: `${ORG_KEY}, org_id, strength DESC, related_org_id`, rowGroupSize: 2048, rowGroupsPerFile: 16 },
  { table: 'service_codes', order: 'code' },
  { table: 'states', order: 'code' },
  // By key, ZIPs (digits) before cities: ordered by kind first, the row group where cities end and
  // ZIPs begin spanned keys '00501' to 'zwolle, la', so every ZIP's lookup read it beside its own
  // (×100's one-state search: 2 of its 16 requests, 80 of its 397 KB; duckdb-wasm in Node 110 → 78 KB).
  // Indexed by key: a ZIP link's place is found in one round trip, the footer and the ZIP's group
  // together (Slow 4G: a round trip is 0.56 s, and the footer's answer made it two).
  { table: 'gazetteer', order: 'key, kind', rowGroupSize: 2048, indexedBy: 'key' },
  { table: 'mv_services_by_location', order: 'state, code' },
  { table: 'mv_treatment_capacity', order: 'state, level_of_care' },
  { table: 'mv_organizations_by_state', order: 'state, org_type' },
  { table: 'mv_state_extents', order: 'state' },
  // The same organizations once more, in id order (but NOT_BY_ID): a lookup by id reads one row
  // group, and a search with no place opens these files, not one per state (in duckdb-wasm every
  // file opened costs a footer read: a national scan over 56 state files spent most of its 2 s on them).
  // 2k-row groups (DuckDB's least), 16 a file: a lookup decodes a quarter of the rows it did in
  // 8k (×1, least of 9: 3.8–5.1 ms CPU against 5.8–7.0) for 9% more bytes (3.05 → 3.32 MB at ×1).
  // The in-memory copies that read every row (search rows, names) read the state files now, so
  // only a national text search before its copy, and exports, read this table whole.
  { table: 'organizations_by_id', select: BY_ID, order: `${ORG_KEY}, org_id`, rowGroupSize: 2048, rowGroupsPerFile: 16 },
  // A few hundred rows: what the national list shows before anything is asked (views.sql).
  { table: 'first_pages', order: 'includes_mental_health_only, position' },
];

/**
 * Rows of the national list kept in `first_pages`: the table's first page. The app reads them
 * instead of sorting every organization by name (app/search/queries.ts); the build writes them.
 */
export const FIRST_PAGE_ROWS = 100;
