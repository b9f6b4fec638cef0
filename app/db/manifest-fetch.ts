// The release's manifest. The page's first script (app/early.ts) starts its fetch beside the
// main chunk's download, and the engine's start (database.ts) takes that answer: in a traced
// cold load the manifest was asked for only once the main chunk had run, 0.6 s after navigation.
import { SCHEMA_VERSION, type Manifest } from '../release/manifest.ts';
import { READ_DEADLINE_MS } from './read-guard.ts';

export class CatalogError extends Error {}

const offering = new Map<string, boolean>();

/**
 * Whether the release's host said, answering for its manifest, that it answers byte ranges
 * (Accept-Ranges: bytes): a reader may then ask for two ranges of a file at once, where a host
 * that ignores Range would send the whole file twice. False until the manifest has come.
 */
export const offersRanges = (dataUrl: URL): boolean => offering.get(dataUrl.href) ?? false;

/** The host said it offers ranges and then sent a whole file for one: no two ranges at once from now on. */
export const ignoresRanges = (dataUrl: URL): void => void offering.set(dataUrl.href, false);

async function request(dataUrl: URL): Promise<Manifest> {
  const url = new URL('manifest.json', dataUrl);
  // Always ask: a new release must never be mixed with a cached manifest.
  const response = await fetch(url, { cache: 'no-cache', signal: AbortSignal.timeout(READ_DEADLINE_MS) }).catch((error: Error) => {
    const why = error.name === 'TimeoutError' ? `no answer within ${READ_DEADLINE_MS / 1000} s` : error.message;
    throw new CatalogError(`Could not load the data manifest (${url.pathname}: ${why}).`);
  });
  if (!response.ok) throw new CatalogError(`Could not load the data manifest (${url.pathname}: HTTP ${response.status}).`);
  offering.set(dataUrl.href, response.headers.get('accept-ranges')?.toLowerCase() === 'bytes');
  const manifest = (await response.json()) as Manifest;
  if (manifest.schema_version !== SCHEMA_VERSION) {
    throw new CatalogError(`The data release has schema version ${manifest.schema_version}; this app reads version ${SCHEMA_VERSION}.`);
  }
  return manifest;
}

let started: { href: string; manifest: Promise<Manifest> } | null = null;

/** Starts the fetch now; the next `fetchManifest` of the same release takes its answer. */
export function prefetchManifest(dataUrl: URL): void {
  started = { href: dataUrl.href, manifest: request(dataUrl) };
  started.manifest.catch(() => {}); // reported by the fetchManifest that takes it
}

/** The manifest, fetched afresh unless a prefetch of this release is waiting to be taken (once: a retry asks again). */
export function fetchManifest(dataUrl: URL): Promise<Manifest> {
  const early = started?.href === dataUrl.href ? started.manifest : null;
  started = null;
  return early ?? request(dataUrl);
}
