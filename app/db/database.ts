// Starts the engine and attaches the release once, as early as possible; every caller
// shares the same pending promise. Progress is reported as one value with explicit stages.
import { attachRelease, fetchManifest } from './catalog.ts';
import type { Engine } from './engine.ts';
import type { Manifest } from './manifest.ts';
import { withLanes } from './lanes.ts';
import { startWasmEngine } from './wasm-engine.ts';

export interface Database {
  engine: Engine;
  manifest: Manifest;
}

export type DatabaseState =
  | { status: 'starting'; stage: 'engine' | 'tables' }
  | { status: 'ready'; db: Database }
  | { status: 'failed'; error: Error };

type Listener = (state: DatabaseState) => void;

let state: DatabaseState = { status: 'starting', stage: 'engine' };
let pending: Promise<Database> | null = null;
const listeners = new Set<Listener>();

function set(next: DatabaseState) {
  state = next;
  listeners.forEach((l) => l(state));
}

export function openDatabase(dataUrl = new URL('data/', document.baseURI)): Promise<Database> {
  pending ??= (async () => {
    try {
      const [wasm, manifest] = await Promise.all([startWasmEngine(), fetchManifest(dataUrl)]);
      // Marks show in a browser profile's timeline; `npm run bench` reads them.
      performance.mark('nrd:engine-ready');
      set({ status: 'starting', stage: 'tables' });
      const engine = withLanes(await attachRelease(wasm, manifest, dataUrl));
      performance.mark('nrd:tables-ready');
      const db = { engine, manifest };
      set({ status: 'ready', db });
      return db;
    } catch (error) {
      set({ status: 'failed', error: error as Error });
      throw error;
    }
  })();
  return pending;
}

export function databaseState(): DatabaseState {
  return state;
}

export function onDatabaseState(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
