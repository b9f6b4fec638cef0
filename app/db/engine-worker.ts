// The engine's worker: duckdb-wasm's own worker script (its URL is in the worker's name), loaded after
// its network is guarded (guarded-reads.ts). Three additions around the script:
// - the wasm's download and compile start at once (early-wasm.ts);
// - a failure while starting (the .wasm missing, or not compiling) is an unhandled rejection
//   inside duckdb-wasm 1.28, which leaves `instantiate()` pending for ever; it is reported as an
//   error, which reaches the page as the Worker's `error` event;
// - the page's `{ nrd: 'other-sites', allowed }` messages come in order with the engine's
//   own, so a console query the visitor allowed to read other websites is the only one that can;
// - its `{ nrd: 'file-size', url, bytes }` messages, sent as a release's files are registered,
//   give the lengths the guard answers the engine's HEADs with.
import { startWasmEarly } from './early-wasm.ts';
import { guardedFetch, guardedXhr, type GuardOptions } from './guarded-reads.ts';

interface WorkerScope {
  XMLHttpRequest: typeof XMLHttpRequest;
  fetch: typeof fetch;
  location: Location;
  name: string;
  onmessage: ((event: MessageEvent) => unknown) | null;
  importScripts(url: string): void;
  reportError(error: unknown): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
let otherSitesAllowed = false;
const knownSizes = new Map<string, number>();
const options: GuardOptions = { origin: scope.location.origin, otherSitesAllowed: () => otherSitesAllowed, knownSize: (url) => knownSizes.get(url) };
scope.XMLHttpRequest = guardedXhr(scope.XMLHttpRequest, options);
scope.fetch = guardedFetch(scope.fetch.bind(scope), options);
scope.addEventListener('unhandledrejection', (event) => scope.reportError(event.reason));

// Its name: the engine's script and wasm (engine-worker-start.ts).
const { script, wasm } = JSON.parse(scope.name) as { script: string; wasm: string };
startWasmEarly(scope, WebAssembly, wasm);
scope.importScripts(script);

const engine = scope.onmessage!;
scope.onmessage = (event) => {
  if (event.data?.nrd === 'other-sites') otherSitesAllowed = event.data.allowed === true;
  else if (event.data?.nrd === 'file-size') knownSizes.set(String(event.data.url), Number(event.data.bytes));
  else return engine.call(scope, event);
};
