// manifest → registered files → one view per table. Files are registered under their plain
// relative names and read with HTTP range requests; partitioned tables are views over hive
// paths, so a query filtered by state opens only that state's files.
import type { Engine } from './engine.ts';
import { SUPPORTED_SCHEMA, type Manifest } from './manifest.ts';

export class CatalogError extends Error {}

export async function fetchManifest(dataUrl: URL): Promise<Manifest> {
  const url = new URL('manifest.json', dataUrl);
  // Always ask: a new release must never be mixed with a cached manifest.
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new CatalogError(`Could not load the data manifest (${url.pathname}: HTTP ${response.status}).`);
  const manifest = (await response.json()) as Manifest;
  if (manifest.schema_version !== SUPPORTED_SCHEMA) {
    throw new CatalogError(`The data release has schema version ${manifest.schema_version}; this app reads version ${SUPPORTED_SCHEMA}.`);
  }
  return manifest;
}

export async function attachRelease(engine: Engine, manifest: Manifest, dataUrl: URL): Promise<void> {
  // Registering only records a name in the worker: all at once, not one round trip each.
  await Promise.all(Object.values(manifest.tables).flatMap((table) =>
    table.files.map((file) => engine.registerFile(file.path, new URL(file.path, dataUrl).href))));
  for (const [name, table] of Object.entries(manifest.tables)) {
    const files = table.files.map((f) => quoteString(f.path)).join(', ');
    const hive = table.partitioned_by.length > 0 ? ', hive_partitioning = true' : '';
    await engine.exec(`CREATE OR REPLACE VIEW ${quoteIdent(name)} AS SELECT * FROM read_parquet([${files}]${hive})`);
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
