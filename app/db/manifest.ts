// What the app reads of the release's manifest.json (written by scripts/build/pipeline.ts).

export interface ManifestFile {
  path: string;
  partition: Record<string, string>;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface ManifestSource {
  file: string;
  records: number;
  extraction_date: string | null;
  /** The file's header says it is generated. */
  synthetic: boolean;
}

export interface Manifest {
  schema_version: number;
  built_at: string;
  /** The latest extraction date among the real sources (among all when every one is generated). */
  data_date: string | null;
  /** Every source is the generator's sample. */
  synthetic: boolean;
  /** Organizations from generated files (a release may mix them with real ones). */
  generated_records: number;
  /** Organizations by type, every type named; 0 for a type the release lacks. */
  org_type_counts: Record<'treatment_center' | 'narr_residence' | 'recovery_center' | 'recovery_organization', number>;
  sources: ManifestSource[];
  /** Source files the build was not given; their types' tables are published empty. */
  not_provided: string[];
  counts: { file: string; read: number; loaded: number; merged: number; rejected: number }[];
  reports: { report: string; rejects: string; merges: string; warnings: string };
  tables: Record<string, { partitioned_by: string[]; rows: number; columns: { name: string; type: string }[]; files: ManifestFile[] }>;
  /** Each state's box around its located organizations (see partitions.ts). */
  state_extents: Record<string, { min_lat: number; max_lat: number; min_lon: number; max_lon: number }>;
  total_bytes: number;
}

export const SUPPORTED_SCHEMA = 3;
