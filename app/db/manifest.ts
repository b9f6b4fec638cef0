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
  /** Whether the file's header says it is generated (older releases: absent). */
  synthetic?: boolean;
}

export interface Manifest {
  schema_version: number;
  built_at: string;
  data_date: string | null;
  /** True only when every record is generated. */
  synthetic: boolean;
  /** Loaded organizations that came from generated files (older releases: absent). */
  generated_records?: number;
  /** Loaded organizations per org_type (older releases: absent; the type tables' rows say the same). */
  org_type_counts?: Record<string, number>;
  sources?: ManifestSource[];
  counts: { file: string; read: number; loaded: number; merged: number; rejected: number }[];
  reports: { report: string; rejects: string; merges: string; warnings: string };
  tables: Record<string, { partitioned_by: string[]; rows: number; columns: { name: string; type: string }[]; files: ManifestFile[] }>;
  /** Each state's box around its located organizations (see partitions.ts). */
  state_extents: Record<string, { min_lat: number; max_lat: number; min_lon: number; max_lon: number }>;
  total_bytes: number;
}

export const SUPPORTED_SCHEMA = 2;
