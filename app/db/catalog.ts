// manifest → registered files → one view per table, made when first used. Files are
// registered under their plain relative names and read with HTTP range requests; partitioned
// tables are views over hive paths, and a query's Relation parameters read only the states'
// files (release/relation.ts).
import type { Manifest } from '../release/manifest.ts';
import { bindRelations, filesRelation, keptName, readParquet, relationsIn, type Relation } from '../release/relation.ts';
import { namesIn, quoteIdent } from '../release/sql-text.ts';
import type { Engine } from './engine.ts';

/**
 * When the engine makes the copies a relation may be read from instead (release/relation.ts
 * `orCopy`): once no query is waiting (the app), on the first query that names one and whatever
 * the size it asks for (`minRows`, so tests over a small release read every copy), or never
 * (tests hold both ways to the same answers).
 */
export type Copies = 'when-idle' | 'at-once' | 'never';

/** Registers the release's files and returns the engine with one view per table (see withViews). */
export async function attachRelease(engine: Engine, manifest: Pick<Manifest, 'tables'>, dataUrl: URL, copies: Copies = 'when-idle'): Promise<Engine> {
  // Registering only records a name in the worker: all at once, not one round trip each.
  await Promise.all(Object.values(manifest.tables).flatMap((table) =>
    table.files.map((file) => engine.registerFile(file.path, new URL(file.path, dataUrl).href))));
  return withViews(engine, manifest, copies);
}

/**
 * The engine (one connection) with one view per table of a release already registered. A view
 * is created the first time a query names it: creating one reads a file's footer over HTTP, and
 * creating all 15 up front held the first search back by ~0.35 s (npm run bench, x1). The
 * views are TEMP: they belong to this connection alone, so SQL on another connection (the
 * console's) cannot replace what the directory shows, and a name resolves to them first.
 */
export function withViews(engine: Engine, manifest: Pick<Manifest, 'tables'>, copies: Copies = 'when-idle'): Engine {
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
  // it, so a lookup of one value reads one row (×10: ~1 ms against ~40 ms).
  const kept = new Map<string, Promise<void>>();
  const held = new Set<string>();
  // Queries running or about to, and of those the ones waiting for a copy to be made.
  let waiting = 0;
  let onCopies = 0;
  const idleWaiters: (() => void)[] = [];
  const idle = () => (waiting === onCopies ? Promise.resolve() : new Promise<void>((go) => idleWaiters.push(go)));
  const wake = () => {
    if (waiting === onCopies) idleWaiters.splice(0).forEach((go) => go());
  };
  // The statements that make a copy: one, or one a state where the relation says how (relation.ts
  // `byState`), so a query that comes while the copy is made waits for one state's part, not the
  // whole (the search rows: ~1 s of CPU at ×1, ~10 at ×10, on the engine's one thread).
  const statesOf = (r: Relation): string[] => {
    if (r.after) return statesOf(r.after);
    const tables = r.byState ? relationsIn(r.byState(null).params).map((x) => manifest.tables[x.table]) : [];
    return [...new Set(tables.flatMap((t) => (t?.partitioned_by.includes('state') ? t.files.map((f) => f.partition.state) : [])))].sort();
  };
  const partsOf = (r: Relation): string[] => {
    const states = statesOf(r);
    if (!r.byState || !states.length) return [r.select!];
    return states.map((state) => {
      const part = r.byState!([state]);
      return bindRelations(part.text, part.params, (x) => filesRelation(manifest, x)).text;
    });
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
        for (const [i, part] of partsOf(r).entries()) {
          if (i > 0 && copies === 'when-idle') await idle();
          await viewsFor(part);
          await engine.exec(i === 0 ? `CREATE OR REPLACE TEMP TABLE ${table} AS ${part}` : `INSERT INTO ${table} ${part}`);
        }
        if (r.indexedOn) await engine.exec(`CREATE INDEX ${quoteIdent(`${name}_key`)} ON ${table} (${quoteIdent(r.indexedOn)})`);
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
  const waitFor = async (copy: Promise<unknown>) => {
    onCopies++;
    wake();
    try {
      await copy;
    } finally {
      onCopies--;
    }
  };
  // A relation's copy (search/search-rows.ts) is made when no query is waiting, so it never
  // holds back the first results: the queries before it, and those that come while it is made,
  // read the release's files. One that fails is not tried again: on a phone short of memory,
  // trying after every query kept the engine's one thread busy for the whole visit.
  const wanted = new Map<string, Relation>();
  const failed = new Set<string>();
  const whenIdle = () => {
    wake();
    if (waiting > 0 || !wanted.size) return;
    setTimeout(() => {
      if (waiting > 0) return;
      // A copy that cannot be made leaves the queries on the files, and says why where an analyst looks.
      wanted.forEach((r) => keep(r).catch((error: unknown) => {
        failed.add(keptName(r));
        console.warn(`The in-memory copy ${keptName(r)} could not be made; queries keep reading the release's files.`, error);
      }));
      wanted.clear();
    }, 0);
  };
  const prepare = async (sql: string, params: readonly unknown[]) => {
    const relations = relationsIn(params);
    // The query waits once, however many of its relations are copies being made.
    const needed = relations.flatMap((r) => {
      if (r.select) return [keep(r)];
      if (!r.copy || copies === 'never') return [];
      if (copies === 'at-once') return [keep(r.copy).catch(() => {})];
      if (!kept.has(keptName(r.copy)) && !failed.has(keptName(r.copy))) wanted.set(keptName(r.copy), r.copy);
      return [];
    });
    if (needed.length) await waitFor(Promise.all(needed));
    const bound = bindRelations(sql, params, (r) => filesRelation(manifest, r, (copy) => copies !== 'never' && held.has(keptName(copy))));
    await viewsFor(bound.text);
    return bound;
  };
  const counted = async <T>(run: () => Promise<T>) => {
    waiting++;
    try {
      return await run();
    } finally {
      waiting--;
      whenIdle();
    }
  };
  return {
    ...engine,
    query(sql, params = [], options) {
      return counted(async () => {
        const { text, params: values } = await prepare(sql, params);
        return engine.query(text, values, options);
      });
    },
    async exec(text) {
      await viewsFor(text);
      return engine.exec(text);
    },
    copyTo(sql, params, format) {
      return counted(async () => {
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
