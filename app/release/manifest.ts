// The release's manifest.json: written by the build (scripts/build/pipeline.ts), read by the
// app (db/catalog.ts), the publisher and the tests. One type, one schema version.

import type { OrgType } from './org-types.ts';

// 2: state_extents; organizations_by_id. 3: program_name, location_source, generated, phones with
// extensions, intake and hotline phones; generated_records, org_type_counts, not_provided.
// 4: first_pages. 5: org_key beside org_id in the tables the detail panel looks up, sorted on it (org-key.ts).
// 6: level_of_care in organizations_by_id, so a treatment center's own row is read from one file.
// 7: organizations_by_id, organization_services and network_relationships in files by key range (org_keys).
// 8: organizations' mental_health_only, so a ZIP's nearest results read no treatment center file.
// 9: program_name in first_pages: the list names each program (SAMHSA lists a provider's sites under one name).
// 10: organizations' name_order, the place in the list by name: a text search orders its matches by a number, not by their names.
// 11: organizations_by_id's type_detail and services: opening an organization reads one row (tables.ts).
// 12: organizations_by_id without level_of_care, which its type_detail holds.
// 13: organizations_by_id's service codes as one text, offered_codes, where services was a list (tables.ts).
// 14: the gazetteer's zip_count, how many ZIPs name a city (its lookups and suggestions read no ZIP rows).
// 15: organizations' (and organizations_by_id's) filter columns, FILTER_COLUMNS (tables.ts): a filtered search reads no type table.
// 16: treatment_centers in one file, no longer partitioned by state and level of care (nothing the page does reads it by them).
// 17: network_relationships' related_geo_precision: a support placed at its ZIP's center is "about" so far (LINK_NAMES).
// 18: organizations' county_source: a county the file does not give is the one holding the organization's position.
export const SCHEMA_VERSION = 18;

/** Where a release is published beside the page (the build's default `--out` is public/data). */
export const RELEASE_FOLDER = 'data/';

/** The release folder's URL beside the page at `base` (the document's base URL in the app). */
export const releaseUrl = (base: string | URL): URL => new URL(RELEASE_FOLDER, base);

/** What tells one release from another: a build writes a new manifest with its own time. */
export const releaseId = (manifest: Pick<Manifest, 'schema_version' | 'built_at' | 'total_bytes'>): string =>
  `${manifest.schema_version}/${manifest.built_at}/${manifest.total_bytes}`;

/** The date the data is "as of": the sources' extraction date, else the day the release was built. */
export const dataDate = (manifest: Pick<Manifest, 'data_date' | 'built_at'>): string => manifest.data_date ?? manifest.built_at.slice(0, 10);


export interface ManifestFile {
  /** Relative to the release folder: `table/key=value/…/<16 hex of its sha256>.parquet`. */
  path: string;
  partition: Record<string, string>;
  rows: number;
  bytes: number;
  sha256: string;
  /** A table split by key (tables.ts, rowGroupsPerFile): the file's first and last org_key. */
  org_keys?: [number, number];
  /**
   * A table the page looks rows up in by one text column (tables.ts, indexedBy): each row
   * group's least and greatest value of it and the group's bytes, [start, end), as the file's
   * footer has them. Older releases have none; a reader without it reads the footer first.
   */
  row_index?: { column: string; groups: [min: string, max: string, start: number, end: number][] };
}

export interface ManifestTable {
  partitioned_by: string[];
  rows: number;
  columns: { name: string; type: string }[];
  files: ManifestFile[];
}

export interface ManifestSource {
  file: string;
  /** The file's header says it is generated: only the sample generator writes that. */
  synthetic: boolean;
  bytes: number;
  sha256: string;
  records: number;
  /** Header `total_*` keys that disagree with the array's real length. */
  header_mismatches: { key: string; says: number; actual: number }[];
  /** The header's own value, as the source wrote it. */
  extraction_date: unknown;
}

export interface Extent {
  min_lat: number;
  max_lat: number;
  min_lon: number;
  max_lon: number;
}

export interface Manifest {
  schema_version: number;
  built_at: string;
  /**
   * The latest extraction date among the real sources; among all only when every one is generated.
   * A day (YYYY-MM-DD), or a year alone (YYYY) where the source gives no day (SAMHSA's yearly directory).
   */
  data_date: string | null;
  /** Every source is the generator's: the release is the sample. */
  synthetic: boolean;
  /** Loaded organizations from generated (synthetic) files (a release may mix them with real ones). */
  generated_records: number;
  /** Loaded organizations by type, every type named (0 when none). */
  org_type_counts: Record<OrgType, number>;
  /** The DuckDB version that wrote the files. */
  engine: string;
  sources: ManifestSource[];
  /** The source files the folder did not hold (their types' tables are published empty). */
  not_provided: string[];
  counts: { file: string; read: number; loaded: number; merged: number; rejected: number; warnings: number }[];
  reports: { report: string; rejects: string; merges: string; warnings: string };
  tables: Record<string, ManifestTable>;
  /** Each state's box around its located organizations: the app prunes partitions with it (partitions.ts). */
  state_extents: Record<string, Extent>;
  total_bytes: number;
}
