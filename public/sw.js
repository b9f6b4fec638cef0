// The service worker: the app's own files are kept as they are fetched (hashed assets
// cache-first, pages network-first), and, when the page asks (by itself after a first visit on
// a connection that allows it, or on a click), a complete copy of one release, made in a new
// cache and made current only when every file is in, so a page offline never mixes two
// releases. Data files are answered from that copy with the byte ranges DuckDB-WASM asks for.
// Nothing here talks to any origin but the app's own, and only the app's own files are
// handled: its pages, its hashed assets and its release, under its scope. Anything else at the
// same origin (another app beside it) goes to the network untouched, and a response that says
// `Cache-Control: no-store` is never kept.
const SHELL = 'nrd-shell-v2';
const COPY = 'nrd-offline-';
const PAGES = new Set(['', 'index.html', 'cloud.html']);

// Active at once, but in charge only from the next page load: a first visit is never
// intercepted mid-way (putting the 18 MB engine into a cache while it compiles cost ~150 ms).
self.addEventListener('install', () => self.skipWaiting());

// v1 kept whatever its scope fetched, other apps' pages too: dropped.
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('nrd-shell-') && k !== SHELL).map((k) => caches.delete(k)))));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope).pathname;
  if (url.origin !== self.location.origin || !url.pathname.startsWith(scope) || (request.method !== 'GET' && request.method !== 'HEAD')) return;
  const path = url.pathname.slice(scope.length);
  if (path === 'data/manifest.json') event.respondWith(networkFirst(request, false));
  else if (path.startsWith('data/')) event.respondWith(fromCopyOrNetwork(request));
  else if (path.startsWith('assets/')) event.respondWith(cacheFirst(request));
  // The icon as a page (its name has no hash): it was copied but never answered, and each offline load logged its failure.
  else if (PAGES.has(path) || path === 'favicon.svg') event.respondWith(networkFirst(request, true));
});

/** Whether a response may be kept: a whole answer its server does not forbid storing. */
const storable = (response) => response.status === 200 && !/\bno-store\b/i.test(response.headers.get('cache-control') ?? '');

async function cacheFirst(request) {
  const cached = await caches.match(request.url);
  if (cached) return request.method === 'HEAD' ? new Response(null, { headers: cached.headers }) : cached;
  const response = await fetch(request);
  if (request.method === 'GET' && storable(response)) (await caches.open(SHELL)).put(request.url, response.clone());
  return response;
}

/** The network when it answers (so a new release is seen), else the kept copy. */
async function networkFirst(request, keep) {
  try {
    const response = await fetch(request);
    if (keep && request.method === 'GET' && storable(response)) (await caches.open(SHELL)).put(stripQuery(request.url), response.clone());
    return response;
  } catch (offline) {
    const cached = await caches.match(stripQuery(request.url));
    if (cached) return cached;
    throw offline;
  }
}

const stripQuery = (url) => url.split('?')[0];

async function fromCopyOrNetwork(request) {
  const cached = await caches.match(request.url);
  if (!cached) return fetch(request);
  const blob = await cached.blob();
  const headers = { 'content-type': cached.headers.get('content-type') ?? 'application/octet-stream', 'accept-ranges': 'bytes' };
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('range') ?? '');
  if (!range) {
    return new Response(request.method === 'HEAD' ? null : blob, { status: 200, headers: { ...headers, 'content-length': String(blob.size) } });
  }
  const start = range[1] ? Number(range[1]) : Math.max(0, blob.size - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), blob.size - 1) : blob.size - 1;
  const part = { ...headers, 'content-range': `bytes ${start}-${end}/${blob.size}`, 'content-length': String(end - start + 1) };
  return new Response(request.method === 'HEAD' ? null : blob.slice(start, end + 1), { status: 206, headers: part });
}

// One copy at a time, whichever pages ask; `dropped` stops one under way.
let copying = null;
let dropped = false;

self.addEventListener('message', (event) => {
  const { type, base, skip } = event.data ?? {};
  if (type === 'nrd:keep-offline') {
    dropped = false;
    copying ??= keepOffline(base, new Set(skip)).finally(() => { copying = null; });
    event.waitUntil(copying.then((reply) => event.source.postMessage(reply)));
  }
  if (type === 'nrd:offline-status') event.waitUntil(keptCopy(base).then((reply) => reply && event.source.postMessage(reply)));
  if (type === 'nrd:drop-offline') {
    dropped = true;
    event.waitUntil(dropCopies().then(() => event.source.postMessage({ type: 'nrd:offline-dropped' })));
  }
});

/** The complete copy kept now, if any (found without the network). */
async function keptCopy(base) {
  for (const key of await caches.keys()) {
    if (!key.startsWith(COPY)) continue;
    const cache = await caches.open(key);
    // Its manifest is stored last, so a copy that has it is complete.
    const summary = (await cache.match(`${base}data/manifest.json`)) && (await cache.match(`${base}offline-copy.json`));
    if (summary) return { type: 'nrd:offline-ready', ...(await summary.json()) };
  }
  return null;
}

async function dropCopies(except) {
  for (const key of await caches.keys()) if (key.startsWith(COPY) && key !== except) await caches.delete(key);
}

/**
 * Copies the release at `base`, or finds it already copied; answers with the message for the
 * page. Left out: the URLs in `skip` (the engine bundle this browser does not use) and the
 * MotherDuck client (app/cloud/), which is of no use without the network.
 */
async function keepOffline(base, skip) {
  let name = null;
  try {
    // This manifest, stored last, is the one that named the files copied.
    const release = await fetch(`${base}data/manifest.json`, { cache: 'no-store' });
    if (!release.ok) throw new Error(`data/manifest.json: HTTP ${release.status}`);
    const manifest = await release.clone().json();
    name = `${COPY}${manifest.built_at}`;
    const kept = await keptCopy(base);
    if (kept?.release === manifest.built_at) return kept;
    const cache = await caches.open(name);

    const assets = await (await fetch(`${base}asset-manifest.json`, { cache: 'no-cache' })).json();
    const files = [
      '', 'sw.js', 'favicon.svg',
      ...new Set(Object.values(assets).filter((entry) => !entry.src?.startsWith('app/cloud/'))
        .flatMap((entry) => [entry.file, ...(entry.css ?? []), ...(entry.assets ?? [])])
        .filter((file) => !skip.has(`${base}${file}`))),
      ...Object.values(manifest.reports).map((file) => `data/${file}`),
      ...Object.values(manifest.tables).flatMap((table) => table.files.map((file) => `data/${file.path}`)),
    ];
    let bytes = 0;
    for (const [i, file] of files.entries()) {
      if (dropped) throw new Error('stopped');
      // Data: no-store, a whole fresh file, never a partial one the HTTP cache kept from a range
      // read. Assets: their names are content hashes, so the copy the visit fetched will do.
      const response = await fetch(`${base}${file}`, { cache: file.startsWith('assets/') ? 'force-cache' : 'no-store' });
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      if (!storable(response)) throw new Error(`${file}: the server forbids keeping it (Cache-Control: no-store)`);
      bytes += (await response.clone().blob()).size;
      await cache.put(`${base}${file}`, response);
      for (const client of await self.clients.matchAll()) client.postMessage({ type: 'nrd:offline-progress', done: i + 1, total: files.length });
    }
    const summary = { release: manifest.built_at, dataDate: manifest.data_date ?? null, files: files.length + 1, bytes };
    await cache.put(`${base}offline-copy.json`, new Response(JSON.stringify(summary)));
    // Last: a copy without its manifest is never read as a release.
    await cache.put(`${base}data/manifest.json`, release);
    // Complete: this copy is now the only one, so no page can read half of two releases.
    await dropCopies(name);
    return { type: 'nrd:offline-ready', ...summary };
  } catch (error) {
    if (name) await caches.delete(name);
    return { type: 'nrd:offline-failed', message: String(error.message ?? error) };
  }
}
