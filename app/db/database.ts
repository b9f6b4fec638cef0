// Starts the engine and attaches the release once, as early as possible; every caller
// shares the same pending promise. Progress is reported as one value with explicit stages.
// On the cloud page the engine can be switched to MotherDuck and back; views follow the state.
import type { CloudSession } from '../cloud/session.ts';
import { attachRelease, fetchManifest } from './catalog.ts';
import type { Engine } from './engine.ts';
import type { Manifest } from './manifest.ts';
import { withLanes } from './lanes.ts';
import { startWasmEngine } from './wasm-engine.ts';

export interface Database {
  engine: Engine;
  manifest: Manifest;
  /** The MotherDuck database queries go to, or null on the release's own files. */
  cloud: string | null;
}

export type DatabaseState =
  | { status: 'starting'; stage: 'engine' | 'tables' }
  | { status: 'ready'; db: Database }
  | { status: 'failed'; error: Error };

type Listener = (state: DatabaseState) => void;

let state: DatabaseState = { status: 'starting', stage: 'engine' };
let pending: Promise<Database> | null = null;
let cloudEngine: (Engine & { close(): Promise<void> }) | null = null;
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
      const db = { engine, manifest, cloud: null };
      set({ status: 'ready', db });
      return db;
    } catch (error) {
      set({ status: 'failed', error: error as Error });
      throw error;
    }
  })();
  return pending;
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
  const engine = await connectMotherDuck(session, Object.keys(local.manifest.tables));
  await disconnectCloud();
  cloudEngine = engine;
  set({ status: 'ready', db: { engine: withLanes(engine), manifest: local.manifest, cloud: session.database } });
}

/** Back to the release's own files. */
export async function disconnectCloud(): Promise<void> {
  const engine = cloudEngine;
  cloudEngine = null;
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
