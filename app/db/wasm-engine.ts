// The only module that imports duckdb-wasm. Pinned to 1.28.0: it has Parquet built in, so
// nothing is fetched from a third party (later versions download the extension from a CDN).
// The bundles are served from this origin; eh where the browser has wasm exceptions, mvp elsewhere.
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { copyThroughFile, QueryError, type Engine, type Row } from './engine.ts';
import { inlineParams } from './literals.ts';
import { plain } from './plain-values.ts';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** The engine files this browser never loads (the other bundle's), which an offline copy can leave out. */
export async function unusedEngineFiles(): Promise<string[]> {
  const used = await duckdb.selectBundle(BUNDLES);
  return Object.values(BUNDLES).filter((b) => b.mainModule !== used.mainModule)
    .flatMap((b) => [b.mainModule, b.mainWorker!]).map((url) => new URL(url, document.baseURI).href);
}

export async function startWasmEngine(): Promise<Engine> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  // A host that ignores Range headers still works: each file is then read whole, once.
  await db.open({ filesystem: { allowFullHTTPReads: true } });
  const conn = await db.connect();
  await conn.query('SET enable_object_cache = true');

  const run = async <T extends Row>(sql: string, params: readonly unknown[], cancellable = false): Promise<T[]> => {
    try {
      const rows = cancellable ? await streamed(inlineParams(sql, params)) : (await conn.query(inlineParams(sql, params))).toArray();
      return rows.map((row: { toJSON(): Row }) => plain(row.toJSON()) as T);
    } catch (error) {
      throw new QueryError((error as Error).message, sql, params);
    }
  };
  // Only a query started with send() can be cancelled in duckdb-wasm 1.28; it is polled, so
  // the search's own queries keep the quicker query().
  const streamed = async (sql: string) => {
    const rows: { toJSON(): Row }[] = [];
    for await (const batch of await conn.send(sql)) rows.push(...batch.toArray());
    return rows;
  };

  return {
    query: (sql, params = [], options) => run(sql, params, options?.cancellable),
    cancel: () => conn.cancelSent(),
    exec: async (sql) => {
      await run(sql, []);
    },
    registerFile: (name, url) => db.registerFileURL(name, url, duckdb.DuckDBDataProtocol.HTTP, false),
    copyTo: (sql, params, format) => copyThroughFile(db, (text) => run(text, []), inlineParams(sql, params), format),
  };
}
