// Starts the engine and attaches the release once, as early as possible; every caller
// shares the same pending promise. Progress is reported as one value with explicit stages.
// A read that fails mid-visit restarts the engine behind the same Engine (restartable.ts).
// On the cloud page the engine can be switched to MotherDuck and back; views follow the state.
// Every read of `engine` goes through one cache (query-cache.ts), emptied on every restart and switch.
import type { CloudSession } from '../cloud/session.ts';
import { setRestarting, withActivity } from './activity.ts';
import { tablesRelation } from '../release/relation.ts';
import { attachRelease, withRelations, withViews } from './catalog.ts';
import type { Engine, Row } from './engine.ts';
import { startEngineWorker } from './engine-worker-start.ts';
import { releaseId, releaseUrl, type Manifest } from '../release/manifest.ts';
import { withLanes } from './lanes.ts';
import { browserConnection, metered } from './metered.ts';
import { fetchManifest } from './manifest-fetch.ts';
import { QueryCache, withCache } from './query-cache.ts';
import { READ_DEADLINE_MS } from './read-guard.ts';
import { restartable } from './restartable.ts';
import type { Sql } from '../release/sql.ts';
import type { ReadSql } from '../release/table-read.ts';
import { readNear } from '../release/near-read.ts';

export interface Database {
  engine: Engine;
  /**
   * The SQL console's: its own connection, so what it creates or replaces never changes the
   * views the directory reads (catalog.ts). The same engine as `engine` in cloud mode.
   */
  console: Engine;
  manifest: Manifest;
  /** The MotherDuck database queries go to, or null on the release's own files. */
  cloud: string | null;
  /** The answers `engine` keeps (query-cache.ts); the benchmark empties it to time the engine itself. */
  cache: QueryCache;
}

export type DatabaseState =
  /** `since`: when this start began (performance.now()). */
  /** `manifest` (starting, failed): the release, once fetched; rows read without the engine need its notices. */
  | { status: 'starting'; stage: 'engine' | 'tables'; since: number; manifest?: Manifest }
  | { status: 'ready'; db: Database }
  | { status: 'failed'; error: Error; manifest?: Manifest };

type Listener = (state: DatabaseState) => void;

// The engine's start begins with the page (main.tsx); its worker and JavaScript wait for `after` (openDatabase).
let state: DatabaseState = { status: 'starting', stage: 'engine', since: 0 };
let pending: Promise<Database> | null = null;
let cloudEngine: (Engine & { close(): Promise<void> }) | null = null;
const cache = new QueryCache();
// A restarted engine answers afresh: what a broken read left cannot be told from the rest.
const onRestart = (restarting: boolean) => {
  if (restarting) cache.clear();
  setRestarting(restarting);
};
const listeners = new Set<Listener>();
// The release the starting engine will read, for the reads answered before it (earlyRows).
let starting: { manifest: Promise<Manifest>; dataUrl: URL; reader: Promise<typeof import('./early-reads.ts')> } | null = null;

function set(next: DatabaseState) {
  state = next;
  listeners.forEach((l) => l(state));
}

/**
 * How long the engine waits for the reads the page does without it (`after`, main.tsx): started
 * beside them, it held a link's first row back (below). On a fast connection they are done in
 * well under a second; on a slow one the engine's 3 MB took the bandwidth they needed: waiting
 * 1 s, a ZIP link's first row on Slow 4G came at 5.8–5.9 s, waiting 3 s at 5.2–5.3 s (three
 * fresh browsers each), the engine ready 1.6 s later (24.7 against 23.1 s). Not longer: a read
 * that never answers (READ_DEADLINE_MS gives it 20 s) holds the engine back this long.
 */
const ENGINE_WAITS_MS = 3_000;

/**
 * Starts the engine once `after` settles or ENGINE_WAITS_MS have passed: its worker (which
 * fetches and compiles the wasm), then its JavaScript on the page.
 */
export function openDatabase(dataUrl = releaseUrl(document.baseURI), after?: Promise<unknown>): Promise<Database> {
  pending ??= (async () => {
    try {
      const manifest = fetchManifest(dataUrl);
      // A failure is reported below, once the engine has started.
      manifest.then((release) => state.status === 'starting' && set({ ...state, manifest: release }), () => {});
      // The reader's chunk (20 KB compressed) beside the manifest, not after the list's own chunk.
      const reader = import('./early-reads.ts');
      reader.catch(() => {}); // the engine answers instead
      starting = { manifest, dataUrl, reader };
      let first = true;
      const engines = await restartable(async () => {
        // Started while a link's first results were read, the engine held them back. Its
        // JavaScript's main-thread work first: waiting for them, a ZIP link's first row came
        // 55 ms sooner (median of four A/B pairs of npm run bench, 713 → 658 ms, ×1). Then its
        // worker's download and compile of the 3 MB wasm, which took the second core the reads'
        // main thread shared with the browser: waiting too, the first row came ~180 ms sooner for
        // the national list (~1,210 → ~1,030 ms, three alternated rounds of 5 fresh browsers, ×1,
        // 2 cores) and ~280 ms for 02139 (~1,420 → ~1,140), and the engine was ready sooner, not
        // later (2.33 → 2.14 s: its compile no longer shared a core with the page).
        if (first && after) await Promise.race([after.catch(() => {}), new Promise((go) => setTimeout(go, ENGINE_WAITS_MS))]);
        // The worker fetches the wasm while the engine's chunk (duckdb-wasm and Arrow, ~100 KB
        // compressed, apart so a phone draws the form before it arrives) is on its way; a restart starts its own.
        const worker = startEngineWorker();
        const chunk = await import('./wasm-engine.ts').catch((error: unknown) => {
          worker.worker.terminate();
          throw error;
        });
        const wasm = await chunk.startWasmDatabase(worker);
        if (first) {
          first = false;
          // Marks show in a browser profile's timeline; `npm run bench` reads them.
          performance.mark('nrd:engine-ready');
          set(state.status === 'starting' ? { ...state, stage: 'tables' } : { status: 'starting', stage: 'tables', since: performance.now() });
        }
        try {
          // Not on a metered connection: the copies of the states a person searched read their
          // files whole (×1, 02139 at 25 mi: 252 KB with them, 170 KB without), for quicker next searches.
          const app = await attachRelease(await wasm.connect(), await manifest, dataUrl, metered(browserConnection()) ? 'never' : 'when-idle');
          return { app, console: withViews(await wasm.connect(), await manifest), close: wasm.close };
        } catch (error) {
          await wasm.close();
          throw error;
        }
      }, onRestart);
      performance.mark('nrd:tables-ready');
      // The console shows its own progress, and its long queries are the analyst's, not a slow server's.
      const release = await manifest;
      const db = { engine: withCache(withLanes(withActivity(engines.app)), cache, releaseId(release)), console: engines.console, manifest: release, cloud: null, cache };
      set({ status: 'ready', db });
      void starting?.reader.then((r) => r.forgetEarlyReads(), () => {});
      starting = null;
      return db;
    } catch (error) {
      // Rows read before the engine stay on screen, and so do the release's notices.
      set({ status: 'failed', error: error as Error, manifest: state.status === 'starting' ? state.manifest : undefined });
      throw error;
    }
  })();
  return pending;
}

/**
 * While the engine starts: the rows of a query that is a TableRead or a NearRead
 * (release/table-read.ts, near-read.ts), read without the engine (early-reads.ts). Null for
 * any other query, or once the engine is there to answer. On failure the caller waits for the
 * engine, which answers the same query.
 */
export function earlyRows<T extends Row>(query: Sql): Promise<T[]> | null {
  if (state.status !== 'starting' || !starting || !('read' in query || 'near' in query)) return null;
  const { manifest, dataUrl, reader } = starting;
  const read = query as ReadSql;
  return Promise.all([manifest, reader]).then(([release, { earlyRead, earlyLoad }]) => 'read' in read
    ? earlyRead<T>(read.read, release, dataUrl, READ_DEADLINE_MS)
    : readNear(read.near, earlyLoad(release, dataUrl, READ_DEADLINE_MS)) as Promise<T[]>);
}

/** While the engine starts, the release it will read (for reads planned before React draws: shell/first-results.ts); else null. */
export function startingManifest(): Promise<Manifest> | null {
  return state.status === 'starting' && starting ? starting.manifest : null;
}

/** After a failed start: start again from the beginning (a network that came back, a fixed host). */
export function retryDatabase(): void {
  pending = null;
  set({ status: 'starting', stage: 'engine', since: performance.now() });
  openDatabase().catch(() => {}); // shown from the state
}

/**
 * Switches every view to MotherDuck. The client library is loaded here, on first use; on
 * failure the local engine stays in charge and the error (a CloudError, token-free) is thrown.
 */
export async function connectCloud(session: CloudSession): Promise<void> {
  const local = await openDatabase();
  const { connectMotherDuck } = await import('../cloud/motherduck.ts').catch(() => {
    throw new Error('Could not load the MotherDuck client from this site: is this browser offline?');
  });
  // The uploaded tables are read whole, filtered by state where a query names its states.
  const columns = Object.fromEntries(Object.entries(local.manifest.tables).map(([name, t]) => [name, t.columns.map((c) => c.name)]));
  const connected = await connectMotherDuck(session, columns);
  const engine = { ...withRelations(connected, (r) => tablesRelation(local.manifest, r)), close: connected.close };
  await disconnectCloud();
  cloudEngine = engine;
  cache.clear();
  const cached = withCache(withLanes(engine), cache, `motherduck:${session.database}/${releaseId(local.manifest)}`);
  set({ status: 'ready', db: { engine: cached, console: engine, manifest: local.manifest, cloud: session.database, cache } });
}

/** Back to the release's own files. */
export async function disconnectCloud(): Promise<void> {
  const engine = cloudEngine;
  cloudEngine = null;
  cache.clear();
  if (engine) set({ status: 'ready', db: await openDatabase() });
  await engine?.close().catch(() => {});
}

export function databaseState(): DatabaseState {
  return state;
}

export function onDatabaseState(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
