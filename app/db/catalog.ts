// manifest → registered files → one view per table, made when first used. Files are
// registered under their plain relative names and read with HTTP range requests; partitioned
// tables are views over hive paths, and a query's Relation parameters read only the states'
// files (release/relation.ts).
import { SCHEMA_VERSION, type Manifest } from '../release/manifest.ts';
import { bindRelations, filesRelation, keptDefinition, keptName, readParquet, Relation } from '../release/relation.ts';
import { namesIn, quoteIdent } from '../release/sql-text.ts';
import type { Engine } from './engine.ts';
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
  if (manifest.schema_version !== SCHEMA_VERSION) {
    throw new CatalogError(`The data release has schema version ${manifest.schema_version}; this app reads version ${SCHEMA_VERSION}.`);
  }
  return manifest;
}

/** Registers the release's files and returns the engine with one view per table (see withViews). */
export async function attachRelease(engine: Engine, manifest: Pick<Manifest, 'tables'>, dataUrl: URL): Promise<Engine> {
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
export function withViews(engine: Engine, manifest: Pick<Manifest, 'tables'>): Engine {
  const created = new Map<string, Promise<void>>();
  const createView = (name: string) =>
    engine.exec(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(name)} AS SELECT * FROM ${readParquet(manifest.tables[name])}`);
  const viewsFor = (text: string) => {
    // File paths in string literals ('organizations/state=MA/…') name no view.
    const names = namesIn(text);
    const named = Object.keys(manifest.tables).filter((name) => names.has(name));
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
  // A kept relation (some columns of a table, or a SELECT), read once into a TEMP table on first
  // use and read from memory after: the nearby supports' names joined organizations_by_id whole
  // on every opening (its 400k rows at ×10: 275 ms warm, npm run bench); the copy costs ~160
  // bytes a row. Text search's copy: search/text-match.ts. A copy of columns is indexed on the
  // first, so a lookup of one value reads one row (×10: ~1 ms against ~40 ms).
  const kept = new Map<string, Promise<void>>();
  const keptFor = (params: readonly unknown[]) => Promise.all(params.filter((p): p is Relation => p instanceof Relation && p.kept !== null)
    .map((r) => {
      const name = keptName(r);
      if (!kept.has(name)) {
        const definition = keptDefinition(r);
        const key = r.select ? null : r.kept![0];
        kept.set(name, viewsFor(definition)
          .then(() => engine.exec(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} AS ${definition}`))
          .then(() => (key ? engine.exec(`CREATE INDEX ${quoteIdent(`${name}_key`)} ON ${quoteIdent(name)} (${quoteIdent(key)})`) : undefined))
          .catch((error) => {
            kept.delete(name);
            throw error;
          }));
      }
      return kept.get(name)!;
    }));
  const prepare = async (sql: string, params: readonly unknown[]) => {
    const bound = bindRelations(sql, params, (r) => filesRelation(manifest, r));
    await Promise.all([viewsFor(bound.text), keptFor(params)]);
    return bound;
  };
  return {
    ...engine,
    async query(sql, params = [], options) {
      const { text, params: values } = await prepare(sql, params);
      return engine.query(text, values, options);
    },
    async exec(text) {
      await viewsFor(text);
      return engine.exec(text);
    },
    async copyTo(sql, params, format) {
      const { text, params: values } = await prepare(sql, params);
      return engine.copyTo(text, values, format);
    },
  };
}

/** The engine with its queries' Relation parameters written by `write` (on MotherDuck: tables filtered by state). */
export function withRelations(engine: Engine, write: (relation: Relation) => string): Engine {
  return {
    ...engine,
    query(sql, params = [], options) {
      const { text, params: values } = bindRelations(sql, params, write);
      return engine.query(text, values, options);
    },
    copyTo(sql, params, format) {
      const { text, params: values } = bindRelations(sql, params, write);
      return engine.copyTo(text, values, format);
    },
  };
}
