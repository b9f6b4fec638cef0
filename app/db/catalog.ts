// manifest → registered files → one view per table, made when first used. Files are
// registered under their plain relative names and read with HTTP range requests; partitioned
// tables are views over hive paths, and a query's Relation parameters read only the states'
// files (release/relation.ts).
import type { Manifest } from '../release/manifest.ts';
import { bindRelations, filesRelation, keptName, readParquet, relationsIn, type Relation } from '../release/relation.ts';
import { copyParts } from './copy-parts.ts';
import { copyScheduler } from './copy-scheduler.ts';
import { namesIn, quoteIdent } from '../release/sql-text.ts';
import type { Engine } from './engine.ts';

/**
 * When the engine makes the copies a relation may be read from instead (release/relation.ts
 * `orCopy`): between the page's queries (the app: copy-scheduler.ts), on the first query that
 * names one and whatever the size it asks for (`minRows`, so tests over a small release read
 * every copy), or never (tests hold both ways to the same answers).
 */
export type Copies = 'when-idle' | 'at-once' | 'never';

/** How copies are made: the rows a part holds at most (copy-parts.ts). */
export interface CopyTuning {
  partRows?: number;
}

/** Registers the release's files and returns the engine with one view per table (see withViews). */
export async function attachRelease(engine: Engine, manifest: Pick<Manifest, 'tables'>, dataUrl: URL, copies: Copies = 'when-idle', tuning: CopyTuning = {}): Promise<Engine> {
  // Registering only records a name in the worker: all at once, not one round trip each.
  await Promise.all(Object.values(manifest.tables).flatMap((table) =>
    table.files.map((file) => engine.registerFile(file.path, new URL(file.path, dataUrl).href))));
  return withViews(engine, manifest, copies, tuning);
}

/**
 * The engine (one connection) with one view per table of a release already registered. A view
 * is created the first time a query names it: creating one reads a file's footer over HTTP, and
 * creating all 15 up front held the first search back by ~0.35 s (npm run bench, x1). The
 * views are TEMP: they belong to this connection alone, so SQL on another connection (the
 * console's) cannot replace what the directory shows, and a name resolves to them first.
 */
export function withViews(engine: Engine, manifest: Pick<Manifest, 'tables'>, copies: Copies = 'when-idle', tuning: CopyTuning = {}): Engine {
  const scheduler = copyScheduler();
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
  // A kept relation (a SELECT over the release's tables), read once into a TEMP table and read
  // from memory after: the nearby supports' names joined organizations_by_id whole on every
  // opening (its 400k rows at ×10: 275 ms warm, npm run bench). A copy with a key is indexed on
  // it, so a lookup of one value reads one row (×10: ~1 ms against ~40 ms). It is made in parts
  // (copy-parts.ts), each when the scheduler gives it a turn (copy-scheduler.ts).
  const kept = new Map<string, Promise<void>>();
  const held = new Set<string>();
  const part = async (name: string, statement: string) => {
    await scheduler.turn(name);
    const started = performance.now();
    await viewsFor(statement);
    await engine.exec(statement);
    // Read by `npm run bench`: how long a query that came in the middle of a part could wait.
    performance.measure('nrd:copy-part', { start: started, detail: name });
  };
  const keep = (r: Relation) => {
    const name = keptName(r);
    if (!kept.has(name)) {
      const table = quoteIdent(name);
      // Read by `npm run bench`, which times the warm queries once the copies begun are made.
      performance.mark('nrd:copy-begin', { detail: name });
      kept.set(name, (async () => {
        if (r.after) {
          await keep(r.after);
          // Too few rows for it to pay: never held, so queries read the otherwise.
          const [{ n }] = await engine.query(`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(keptName(r.after))}`);
          if (copies !== 'at-once' && Number(n) < (r.minRows ?? 0)) return;
        }
        for (const [i, statement] of copyParts(manifest, r, tuning.partRows).entries()) {
          await part(name, i === 0 ? `CREATE OR REPLACE TEMP TABLE ${table} AS ${statement}` : `INSERT INTO ${table} ${statement}`);
        }
        if (r.indexedOn) await part(name, `CREATE INDEX ${quoteIdent(`${name}_key`)} ON ${table} (${quoteIdent(r.indexedOn)})`);
        held.add(name);
      })().catch(async (error) => {
        kept.delete(name);
        // The parts made so far would hold memory for nothing (an engine short of it fails here first).
        await engine.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
        throw error;
      }).finally(() => performance.mark('nrd:copy-end', { detail: name })));
    }
    return kept.get(name)!;
  };
  // A relation's copy (search/search-rows.ts) is begun once the first query that could read it
  // and those issued with it (the results' count) are under way, and made a part at a time
  // between queries, so it never holds back the first results: the queries before it, and those
  // that come while it is made, read the release's files. One that fails is not tried again: on
  // a phone short of memory, trying after every query kept the engine's one thread busy for the
  // whole visit.
  const begun = new Set<string>();
  const begin = (r: Relation) => {
    if (begun.has(keptName(r))) return;
    begun.add(keptName(r));
    setTimeout(() => void keep(r).catch((error: unknown) => {
      // A copy that cannot be made leaves the queries on the files, and says why where an analyst looks.
      console.warn(`The in-memory copy ${keptName(r)} could not be made; queries keep reading the release's files.`, error);
    }), 0);
  };
  const prepare = async (sql: string, params: readonly unknown[]) => {
    const relations = relationsIn(params);
    // The copies the query waits for (once, however many), each with whether it is read without
    // should it fail.
    const needs = relations.flatMap((r): [Relation, boolean][] => {
      if (r.select) return [[r, false]];
      if (!r.copy || copies === 'never') return [];
      if (copies === 'at-once') return [[r.copy, true]];
      begin(r.copy);
      return [];
    });
    const needed = needs.map(([r, optional]) => (optional ? keep(r).catch(() => {}) : keep(r)));
    // A copy made from another (relation.ts keptFrom) needs that one's parts too.
    const chain = (r: Relation | null): string[] => (r ? [keptName(r), ...chain(r.after)] : []);
    if (needed.length) await scheduler.waitFor(Promise.all(needed), needs.flatMap(([r]) => chain(r)));
    const bound = bindRelations(sql, params, (r) => filesRelation(manifest, r, (copy) => copies !== 'never' && held.has(keptName(copy))));
    await viewsFor(bound.text);
    return bound;
  };
  return {
    ...engine,
    query(sql, params = [], options) {
      return scheduler.run(async () => {
        const { text, params: values } = await prepare(sql, params);
        return engine.query(text, values, options);
      });
    },
    async exec(text) {
      await viewsFor(text);
      return engine.exec(text);
    },
    copyTo(sql, params, format) {
      return scheduler.run(async () => {
        const { text, params: values } = await prepare(sql, params);
        return engine.copyTo(text, values, format);
      });
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
