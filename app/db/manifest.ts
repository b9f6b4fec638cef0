// What the app reads of the release's manifest.json (written by scripts/build/pipeline.ts).

export interface ManifestFile {
  path: string;
  partition: Record<string, string>;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  schema_version: number;
  built_at: string;
  data_date: string | null;
  synthetic: boolean;
  counts: { file: string; read: number; loaded: number; merged: number; rejected: number }[];
  reports: { report: string; rejects: string; merges: string; warnings: string };
  tables: Record<string, { partitioned_by: string[]; rows: number; columns: { name: string; type: string }[]; files: ManifestFile[] }>;
  total_bytes: number;
}

export const SUPPORTED_SCHEMA = 1;
