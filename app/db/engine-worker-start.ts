// The engine's worker: a few hundred bytes of URLs and no duckdb-wasm JavaScript, so the worker
// loads its script and begins the wasm's download and compile (engine-worker.ts) while the
// engine's own chunk (wasm-engine.ts, 44 KB) is still on its way. Started once a link's first
// results are read (database.ts), not with the page: the compile then took a core the first row needed.
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
// eslint-disable-next-line import/default -- a Vite `?worker&url` import is the bundled worker's URL
import guardedWorker from './engine-worker.ts?worker&url';

export interface EngineBundle {
  mainModule: string;
  mainWorker: string;
}

/** eh where the browser has wasm exceptions, mvp elsewhere; the threads bundle is not used (environment notes). */
export const BUNDLES: Record<'eh' | 'mvp', EngineBundle> = {
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
};

// duckdb-wasm 1.28's own test for wasm exceptions (getPlatformFeatures): a module with a try block.
const TRY_BLOCK = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]);

/** The bundle this browser runs: what duckdb-wasm's selectBundle picks from these two. */
export const chosenBundle = (): EngineBundle => (WebAssembly.validate(TRY_BLOCK) ? BUNDLES.eh : BUNDLES.mvp);

/**
 * Vite's dev server serves a classic worker without bundling its imports, so `npm start` runs
 * duckdb-wasm's worker as it is; every build (and so every browser test) runs it in the guard.
 */
const GUARDED = !import.meta.env.DEV;

export interface EngineWorker {
  worker: Worker;
  bundle: EngineBundle;
  /** Whether it runs in engine-worker.ts (every build), which takes the page's messages. */
  guarded: boolean;
  /** The first error the worker reported, kept from its start: it may come before anyone listens. */
  failed: Promise<string>;
}

export function startEngineWorker(): EngineWorker {
  const bundle = chosenBundle();
  // The guard learns its engine's script and wasm from its name (a URL's fragment does not
  // survive a response served by the service worker).
  const worker = GUARDED
    ? new Worker(guardedWorker, { name: JSON.stringify({ script: bundle.mainWorker, wasm: bundle.mainModule }) })
    : new Worker(bundle.mainWorker);
  const failed = new Promise<string>((resolve) =>
    worker.addEventListener('error', (event) => resolve(event.message || 'its worker failed'), { once: true }));
  return { worker, bundle, guarded: GUARDED, failed };
}

/** The engine files this browser never loads (the other bundle's), which an offline copy can leave out. */
export function unusedEngineFiles(): string[] {
  const used = chosenBundle();
  return Object.values(BUNDLES).filter((b) => b !== used)
    .flatMap((b) => [b.mainModule, b.mainWorker]).map((url) => new URL(url, document.baseURI).href);
}
