// The browser's own engine, and the one module of the app that imports duckdb-wasm (MotherDuck's
// client in app/cloud brings its own; scripts/engines runs this build in Node for tests).
// Pinned to 1.28.0: it has Parquet built in, so nothing is fetched from a third party (later
// versions download the extension from a CDN).
// The bundles are served from this origin (engine-worker-start.ts); each runs inside
// engine-worker.ts, which guards its reads (see read-guard.ts).
import * as duckdb from '@duckdb/duckdb-wasm';
import { QueryError, type Engine, type Row } from './engine.ts';
// Its type only: the worker is started before this chunk arrives, by the page's own code.
import type { EngineWorker } from './engine-worker-start.ts';
import { copyThroughFile } from './exports.ts';
import { inlineParams } from '../release/sql-text.ts';
import { plain } from '../release/plain-value.ts';

/**
 * Starting fails when the engine's download makes no progress for this long, or when it has
 * arrived and does not start within it (a 3 MB download on a phone's slow link still moves).
 */
export const START_STALL_MS = 20_000;

export class EngineStartError extends Error {}

/** One engine in its worker; each connection is an Engine with its own views and settings. */
export interface WasmDatabase {
  connect(): Promise<Engine>;
  close(): Promise<void>;
}

/** The engine in `started` (engine-worker-start.ts), a worker begun before this chunk arrived. */
export async function startWasmDatabase(started: EngineWorker): Promise<WasmDatabase> {
  const { worker, bundle, guarded } = started;
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await startedInTime(started, (progress) => db.instantiate(bundle.mainModule, null, progress));
    // A host that ignores Range headers still works: each file is then read whole, once.
    await db.open({ filesystem: { allowFullHTTPReads: true } });
    const conn = await db.connect();
    await conn.query('SET enable_object_cache = true');
    await conn.close();
  } catch (error) {
    await db.terminate();
    throw error instanceof EngineStartError ? error : new EngineStartError(`the search engine could not start (${(error as Error).message})`);
  }
  return { connect: () => connect(db, worker, guarded), close: () => db.terminate() };
}

/** `instantiate`, failed as soon as the worker reports an error, or when it stalls. */
function startedInTime({ failed }: EngineWorker, instantiate: (progress: () => void) => Promise<unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer = 0;
    let settled = false;
    const fail = (why: string) => {
      clearTimeout(timer);
      if (!settled) reject(new EngineStartError(`the search engine could not be loaded: ${why}`));
      settled = true;
    };
    const progress = () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => fail(`nothing arrived for ${START_STALL_MS / 1000} s`), START_STALL_MS);
    };
    void failed.then(fail);
    progress();
    instantiate(progress).then(() => {
      clearTimeout(timer);
      settled = true;
      resolve();
    }, (error: Error) => fail(error.message));
  });
}

async function connect(db: duckdb.AsyncDuckDB, worker: Worker, guarded: boolean): Promise<Engine> {
  const conn = await db.connect();
  const run = async <T extends Row>(sql: string, params: readonly unknown[], cancellable = false): Promise<T[]> => {
    try {
      const rows = cancellable ? await streamed(inlineParams(sql, params)) : (await conn.query(inlineParams(sql, params))).toArray();
      return rows.map((row: { toJSON(): Row }) => plain(row.toJSON()) as T);
    } catch (error) {
      throw new QueryError((error as Error).message, sql, params, error);
    }
  };
  // Only a query started with send() can be cancelled in duckdb-wasm 1.28; it is polled, so
  // the search's own queries keep the quicker query().
  const streamed = async (sql: string) => {
    const rows: { toJSON(): Row }[] = [];
    for await (const batch of await conn.send(sql)) rows.push(...batch.toArray());
    return rows;
  };
  // Messages reach the worker in order with the engine's own (engine-worker.ts): a file's size before the engine can open it.
  const otherSites = (allowed: boolean) => guarded && worker.postMessage({ nrd: 'other-sites', allowed });

  return {
    async query(sql, params = [], options) {
      if (!options?.otherSites) return run(sql, params, options?.cancellable);
      otherSites(true);
      try {
        return await run(sql, params, options.cancellable);
      } finally {
        otherSites(false);
      }
    },
    cancel: () => conn.cancelSent(),
    exec: async (sql) => {
      await run(sql, []);
    },
    registerFile: (name, url, bytes) => {
      if (guarded && bytes) worker.postMessage({ nrd: 'file-size', url, bytes });
      return db.registerFileURL(name, url, duckdb.DuckDBDataProtocol.HTTP, false);
    },
    copyTo: (sql, params, format) => copyThroughFile(db, (text) => run(text, []), inlineParams(sql, params), format),
  };
}
