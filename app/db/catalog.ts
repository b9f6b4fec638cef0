// manifest → registered files → one view per table, made when first used. Files are
// registered under their plain relative names and read with HTTP range requests; partitioned
// tables are views over hive paths, and a query's Relation parameters read only the states'
// files (release/relation.ts).
import type { Manifest } from '../release/manifest.ts';
import { bindRelations, copyReach, filesRelation, keptName, readParquet, relationsIn, type Relation } from '../release/relation.ts';
import { namesIn, quoteIdent } from '../release/sql-text.ts';
import type { Engine } from './engine.ts';
import { offersRanges } from './manifest-fetch.ts';

/**
 * When the engine makes the copies a relation may be read from instead (release/relation.ts
 * `orCopy`): once no query is waiting (the app), on the first query that names one, of the
 * states it reads and whatever the size it asks for (`minRows`, so tests over a small release
 * read every copy), or never (tests hold both ways to the same answers).
 */
export type Copies = 'when-idle' | 'at-once' | 'never';

/** One statement of a copy: the rows of one state, or (state '') of a copy not made by state. */
interface Part { state: string; sql: string }

/**
 * A copy begun: its parts, those begun and made, and the chain that makes them one after another.
 * `stopped`: a part failed; the parts made stay and are read, no other is made.
 */
interface Copy { parts: Part[]; begun: Set<string>; made: Set<string>; whole: boolean; tooFew: boolean; stopped: boolean; chain: Promise<void> }

/** The parts of `copy` for `states` (null: all) not begun yet. */
const partsToMake = (copy: Copy, states: readonly string[] | null) =>
  copy.stopped ? [] : copy.parts.filter((p) => !copy.begun.has(p.state) && (states === null || !p.state || states.includes(p.state)));

/** Registers the release's files and returns the engine with one view per table (see withViews). */
export async function attachRelease(engine: Engine, manifest: Pick<Manifest, 'tables'>, dataUrl: URL, copies: Copies = 'when-idle'): Promise<Engine> {
  // Registering only records a name in the worker: all at once, not one round trip each. The
  // files' lengths go with them where the host answers ranges, so opening one asks the host nothing.
  const sized = offersRanges(dataUrl);
  await Promise.all(Object.values(manifest.tables).flatMap((table) =>
    table.files.map((file) => engine.registerFile(file.path, new URL(file.path, dataUrl).href, sized ? file.bytes : undefined))));
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
  // it once whole, so a lookup of one value reads one row (×10: ~1 ms against ~40 ms).
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
  // whole (the search rows: ~1 s of CPU at ×1, ~10 at ×10, on the engine's one thread), and a
  // search near a place copies only its states (below).
  const statesOf = (r: Relation): string[] => {
    if (r.after) return statesOf(r.after);
    const tables = r.byState ? relationsIn(r.byState(null).params).map((x) => manifest.tables[x.table]) : [];
    return [...new Set(tables.flatMap((t) => (t?.partitioned_by.includes('state') ? t.files.map((f) => f.partition.state) : [])))].sort();
  };
  const partsOf = (r: Relation): Part[] => {
    const states = statesOf(r);
    if (!r.byState || !states.length) return [{ state: '', sql: r.select! }];
    return states.map((state) => {
      const part = r.byState!([state]);
      return { state, sql: bindRelations(part.text, part.params, (x) => filesRelation(manifest, x)).text };
    });
  };
  const copying = new Map<string, Copy>();
  /** Makes the parts of `r`'s copy for `states` (null: all) not begun yet, after those begun; resolves once every part begun is made. */
  const keep = (r: Relation, states: readonly string[] | null = null): Promise<void> => {
    const name = keptName(r);
    const table = quoteIdent(name);
    let copy = copying.get(name);
    if (!copy) {
      const parts = partsOf(r);
      copy = { parts, made: new Set(), begun: new Set(), whole: false, tooFew: false, stopped: false, chain: Promise.resolve() };
      if (r.after) {
        const c = copy;
        c.chain = keep(r.after).then(async () => {
          // Too few rows for it to pay: never held, so queries read the otherwise.
          const [{ n }] = await engine.query(`SELECT count(*)::INTEGER AS n FROM ${quoteIdent(keptName(r.after!))}`);
          c.tooFew = copies !== 'at-once' && Number(n) < (r.minRows ?? 0);
        });
      }
      copying.set(name, copy);
    }
    const c = copy;
    const todo = partsToMake(c, states);
    if (!todo.length) return c.chain;
    todo.forEach((p) => c.begun.add(p.state));
    // Read by `npm run bench`, which times the warm queries once the copies begun are made.
    performance.mark('nrd:copy-begin', { detail: name });
    c.chain = c.chain.then(async () => {
      for (const part of todo) {
        if (c.tooFew) return;
        if (c.made.size > 0 && copies === 'when-idle') await idle();
        await viewsFor(part.sql);
        await engine.exec(c.made.size === 0 ? `CREATE OR REPLACE TEMP TABLE ${table} AS ${part.sql}` : `INSERT INTO ${table} ${part.sql}`);
        c.made.add(part.state);
      }
      if (c.made.size === c.parts.length && !c.whole) {
        if (r.indexedOn) await engine.exec(`CREATE INDEX ${quoteIdent(`${name}_key`)} ON ${table} (${quoteIdent(r.indexedOn)})`);
        c.whole = true;
      }
    }).catch(async (error) => {
      // Once, by the first part that failed (a failed INSERT leaves the table as it was); the parts
      // asked for after it never run. States made are read already: they stay, and no more is
      // made. A copy nothing reads yet is let go (an engine short of memory fails here first), and
      // may be asked again (a kept select that a query waits for).
      if (copying.get(name) === c && !c.stopped) {
        if (c.made.size > 0 && r.byState && !r.after) c.stopped = true;
        else {
          copying.delete(name);
          await engine.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
        }
      }
      throw error;
    }).finally(() => performance.mark('nrd:copy-end', { detail: name }));
    return c.chain;
  };
  /**
   * Whether the engine holds `copy` for a read of `states` (null: every state, or point lookups):
   * whole, or, made by state and from the release's files, with every one of those states' parts.
   */
  const holds = (copy: Relation, states: readonly string[] | null) => {
    const c = copying.get(keptName(copy));
    if (!c || copies === 'never') return false;
    if (c.whole) return true;
    if (!states?.length || copy.after || c.made.size === 0) return false;
    return states.every((s) => c.made.has(s) || !c.parts.some((p) => p.state === s));
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
  // read the release's files. Only the states a query read are copied: a search near Boston
  // copies Massachusetts' and its neighbours' rows, and a search of the whole country every
  // state's (×1, a link to 02139 at 25 mi with 10 s idle: 4,896 KB in 585 requests when every
  // state was copied, 252 KB in 38 now).
  // Point lookups ask for no copy; they read it once a wider search made it whole. A copy made
  // from another copy (relation.ts `keptFrom`) is asked for once that one is whole or asked for
  // whole. One that fails is not tried again: on a phone short of memory, trying after every
  // query kept the engine's one thread busy for the whole visit.
  const wanted = new Map<string, { copy: Relation; states: Set<string> | null }>();
  const failed = new Set<string>();
  const want = (copy: Relation, states: readonly string[] | null) => {
    const name = keptName(copy);
    const begun = copying.get(name);
    if (failed.has(name) || (begun && !partsToMake(begun, states).length)) return;
    const asked = wanted.get(name)?.states;
    wanted.set(name, { copy, states: states === null || asked === null ? null : new Set([...(asked ?? []), ...states]) });
  };
  const whenIdle = () => {
    wake();
    if (waiting > 0 || !wanted.size) return;
    setTimeout(() => {
      if (waiting > 0) return;
      // A copy that cannot be made leaves the queries on the files, and says why where an analyst looks.
      wanted.forEach(({ copy, states }) => keep(copy, states && [...states]).catch((error: unknown) => {
        if (failed.has(keptName(copy))) return; // said once
        failed.add(keptName(copy));
        console.warn(`The in-memory copy ${keptName(copy)} could not be made; queries keep reading the release's files.`, error);
      }));
      wanted.clear();
    }, 0);
  };
  const prepare = async (sql: string, params: readonly unknown[]) => {
    const relations = relationsIn(params);
    const reads = relations.filter((r) => r.copy).map((r) => ({ copy: r.copy!, ...copyReach(manifest, r) }));
    // The query waits once, however many of its relations are copies being made.
    const needed = relations.filter((r) => r.select).map((r) => keep(r));
    if (copies === 'at-once') needed.push(...reads.map((r) => keep(r.copy, r.lookup || r.copy.after ? null : r.states).catch(() => {})));
    if (copies === 'when-idle') {
      // Whole, or on its way there: every part begun, or all of them asked for.
      const whole = (copy: Relation) => {
        const c = copying.get(keptName(copy));
        return (c !== undefined && c.begun.size === c.parts.length) || wanted.get(keptName(copy))?.states === null;
      };
      reads.filter((r) => !r.copy.after && !r.lookup).forEach((r) => want(r.copy, r.states));
      reads.filter((r) => r.copy.after && whole(r.copy.after)).forEach((r) => want(r.copy, null));
    }
    if (needed.length) await waitFor(Promise.all(needed));
    const bound = bindRelations(sql, params, (r) => filesRelation(manifest, r, holds));
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
