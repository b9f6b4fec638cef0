// Test helpers: build a fixture release into a temporary folder and query what it published.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { literal, openDb, type Db } from './db.ts';
import type { Manifest } from './pipeline.ts';

export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** A scratch copy of a fixture's source folder, safe to break. */
export function scratchSources(name = 'hostile'): string {
  const dir = mkdtempSync(join(tmpdir(), 'nrd-sources-'));
  cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'nrd-release-'));
}

/** Native DuckDB with one view per published table, read back from the Parquet files. */
export async function openRelease(outDir: string, manifest: Manifest): Promise<Db> {
  const db = await openDb();
  for (const [table, { files, partitioned_by }] of Object.entries(manifest.tables)) {
    const list = `[${files.map((f) => literal(join(outDir, f.path))).join(', ')}]`;
    await db.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet(${list}, hive_partitioning = ${partitioned_by.length > 0})`);
  }
  return db;
}

