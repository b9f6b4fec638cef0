// manifest → registered files → one view per table, made when first used. Files are
// registered under their plain relative names and read with HTTP range requests; partitioned
// tables are views over hive paths.
import type { Engine } from './engine.ts';
import { literal } from './literals.ts';
import { SUPPORTED_SCHEMA, type Manifest } from './manifest.ts';
import { READ_DEADLINE_MS } from './read-guard.ts';

export class CatalogError extends Error {}

export async function fetchManifest(dataUrl: URL): Promise<Manifest> {
  const url = new URL('manifest.json', dataUrl);
  // Always ask: a new release must never be mixed with a cached manifest.
  const response = await fetch(url, { cache: 'no-cache', signal: AbortSignal.timeout(READ_DEADLINE_MS) }).catch((error: Error) => {
    const why = error.name === 'TimeoutError' ? `no answer within ${READ_DEADLINE_MS / 1000} s` : error.message;
    throw new CatalogError(`Could not load the data manifest (${url.pathname}: ${why}).`);
  });
  if (!response.ok) throw new CatalogError(`Could not load the data manifest (${url.pathname}: HTTP ${response.status}).`);
  const manifest = (await response.json()) as Manifest;
  if (manifest.schema_version !== SUPPORTED_SCHEMA) {
    throw new CatalogError(`The data release has schema version ${manifest.schema_version}; this app reads version ${SUPPORTED_SCHEMA}.`);
  }
  return manifest;
}

/** Registers the release's files and returns the engine with one view per table (see withViews). */
export async function attachRelease(engine: Engine, manifest: Manifest, dataUrl: URL): Promise<Engine> {
  // Registering only records a name in the worker: all at once, not one round trip each.
  await Promise.all(Object.values(manifest.tables).flatMap((table) =>
    table.files.map((file) => engine.registerFile(file.path, new URL(file.path, dataUrl).href))));
  return withViews(engine, manifest);
}

/**
 * The engine (one connection) with one view per table of a release already registered. A view
 * is created the first time a query names it: creating one reads a file's footer over HTTP, and
 * creating all 15 up front held the first search back by ~0.35 s (npm run bench, x1). The
 * views are TEMP: they belong to this connection alone, so SQL on another connection (the
 * console's) cannot replace what the directory shows, and a name resolves to them first.
 */
export function withViews(engine: Engine, manifest: Manifest): Engine {
  const created = new Map<string, Promise<void>>();
  const createView = (name: string) => {
    const table = manifest.tables[name];
    const files = table.files.map((f) => literal(f.path)).join(', ');
    const hive = table.partitioned_by.length > 0 ? ', hive_partitioning = true' : '';
    return engine.exec(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(name)} AS SELECT * FROM read_parquet([${files}]${hive})`);
  };
  const viewsFor = (text: string) => {
    // File paths in string literals ('organizations/state=MA/…') name no view.
    const code = text.replace(/'(?:[^']|'')*'/g, "''");
    const named = Object.keys(manifest.tables).filter((name) => new RegExp(`\\b${name}\\b`, 'i').test(code));
    return Promise.all(named.map((name) => {
      if (!created.has(name)) {
        created.set(name, createView(name).catch((error) => {
          created.delete(name); // a later query may try again
          throw error;
        }));
      }
      return created.get(name)!;
    }));
  };
  return {
    ...engine,
    async query(text, params, options) {
      await viewsFor(text);
      return engine.query(text, params, options);
    },
    async exec(text) {
      await viewsFor(text);
      return engine.exec(text);
    },
    async copyTo(text, params, format) {
      await viewsFor(text);
      return engine.copyTo(text, params, format);
    },
  };
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
