// Writing a release: Parquet per table (hive-partitioned where the app filters by the
// partition), every file renamed to its content hash, a manifest, all into a staging folder
// that replaces the published one only when everything succeeded.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { literal, rows, type Db } from './db.ts';

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
    // In the organizations' geohash order, so a join with them reads matching row groups.
    select: 'SELECT t.* FROM treatment_centers t JOIN organizations o USING (org_id)',
    order: 't.state, t.level_of_care, o.geohash, t.org_id',
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
];

export interface PublishedFile {
  path: string;
  partition: Record<string, string>;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface PublishedTable {
  partitioned_by: string[];
  rows: number;
  columns: { name: string; type: string }[];
  files: PublishedFile[];
}

export async function writeTables(db: Db, releaseDir: string): Promise<Record<string, PublishedTable>> {
  const out: Record<string, PublishedTable> = {};
  for (const spec of TABLES) {
    const rawDir = join(releaseDir, '.raw', spec.table);
    mkdirSync(rawDir, { recursive: true });
    const select = `${spec.select ?? `SELECT * FROM ${spec.table}`} ORDER BY ${spec.order}`;
    // A table with no rows (no source of its type) is still published, as one empty file: a
    // partitioned COPY would write none, and the app's views need a file to read the columns
    // from. Its partition columns go where a hive-partitioned read puts them: last, by name
    // (DuckDB 0.9.1 in the browser and 1.5 here alike).
    const [{ n }] = await rows<{ n: number }>(db, `SELECT count(*) AS n FROM ${spec.table}`);
    const partitionBy = n > 0 ? spec.partitionBy : undefined;
    const query = spec.partitionBy && !partitionBy
      ? `SELECT * EXCLUDE (${spec.partitionBy.join(', ')}), ${[...spec.partitionBy].sort().join(', ')} FROM (${select})` : select;
    const partition = partitionBy ? `, PARTITION_BY (${partitionBy.join(', ')})` : '';
    const target = partitionBy ? rawDir : join(rawDir, 'data.parquet');
    // Row groups of 8k rows: small enough for the geohash statistics to prune. zstd level 9:
    // level 19 saved 6% of the bytes and cost 4 s more of the build.
    await db.run(`COPY (${query}) TO ${literal(target)}
      (FORMAT PARQUET, COMPRESSION ZSTD, COMPRESSION_LEVEL 9, ROW_GROUP_SIZE ${spec.rowGroupSize ?? 8192}${partition})`);
    const files: PublishedFile[] = [];
    for (const file of listFiles(rawDir).sort()) {
      const parts = relative(rawDir, dirname(file)).split(sep).filter(Boolean);
      const content = readFileSync(file);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const path = [spec.table, ...parts, `${sha256.slice(0, 16)}.parquet`].join('/');
      mkdirSync(join(releaseDir, dirname(path)), { recursive: true });
      renameSync(file, join(releaseDir, path));
      const [{ n }] = await rows<{ n: number }>(db, `SELECT count(*) AS n FROM read_parquet(${literal(join(releaseDir, path))})`);
      files.push({
        path,
        partition: Object.fromEntries(parts.map((p) => p.split('=') as [string, string])),
        rows: n,
        bytes: content.length,
        sha256,
      });
    }
    const columns = await rows<{ name: string; type: string }>(db,
      `SELECT column_name AS name, column_type AS type FROM (DESCRIBE ${spec.table})`);
    out[spec.table] = {
      partitioned_by: spec.partitionBy ?? [],
      rows: files.reduce((sum, f) => sum + f.rows, 0),
      columns,
      files,
    };
  }
  rmSync(join(releaseDir, '.raw'), { recursive: true, force: true });
  return out;
}

/** A file named by its content, so caches never serve an old release's copy. */
export function writeHashed(releaseDir: string, stem: string, ext: string, content: string | Buffer): string {
  const sha = createHash('sha256').update(content).digest('hex').slice(0, 16);
  const name = `${stem}-${sha}.${ext}`;
  writeFileSync(join(releaseDir, name), content);
  return name;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]);
}

/** Builds into a sibling staging folder; swaps it in only if `fill` succeeds. */
export async function atomically<T>(outDir: string, fill: (stagingDir: string) => Promise<T>): Promise<T> {
  const staging = `${outDir}.staging-${process.pid}`;
  const retired = `${outDir}.retired-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const result = await fill(staging);
    if (existsSync(outDir)) renameSync(outDir, retired);
    renameSync(staging, outDir);
    rmSync(retired, { recursive: true, force: true });
    return result;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

export function totalBytes(tables: Record<string, PublishedTable>): number {
  return Object.values(tables).reduce((sum, t) => sum + t.files.reduce((s, f) => s + f.bytes, 0), 0);
}

