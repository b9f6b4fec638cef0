// Test helpers: build a fixture release into a temporary folder and query what it published.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Manifest } from '../../app/release/manifest.ts';
import { readParquet } from '../../app/release/relation.ts';
import { quoteIdent } from '../../app/release/sql-text.ts';
import { openDb, type Db } from './db.ts';
import { readRelease, releaseFiles } from './release-folder.ts';

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
  for (const [name, table] of Object.entries(manifest.tables)) {
    await db.run(`CREATE VIEW ${quoteIdent(name)} AS SELECT * FROM ${readParquet(table, (path) => join(outDir, path))}`);
  }
  return db;
}


/**
 * What keeps `dir` from being a complete release: no manifest, or a file it names missing or
 * not the bytes it says (Parquet by sha256, reports by the hash in their names).
 */
export function releaseProblems(dir: string): string[] {
  const manifest = readRelease(dir);
  if (!manifest) return ['no readable manifest.json'];
  const sha = (path: string) => createHash('sha256').update(readFileSync(join(dir, path))).digest('hex');
  const expected = new Map(Object.values(manifest.tables).flatMap((t) => t.files.map((f) => [f.path, f.sha256] as const)));
  return releaseFiles(manifest).slice(1).flatMap((path) => {
    if (!existsSync(join(dir, path))) return [`${path} is missing`];
    const hash = sha(path);
    const ok = expected.has(path) ? expected.get(path) === hash : path.includes(`-${hash.slice(0, 16)}.`);
    return ok ? [] : [`${path} does not hold the bytes its name or the manifest says`];
  });
}
