// The service worker: the app's own files are kept as they are fetched (hashed assets
// cache-first, pages network-first), and on request ("Keep for offline use") a complete copy
// of one release, made in a new cache and made current only when every file is in, so a page
// offline never mixes two releases. Data files are answered from that copy with the byte
// ranges DuckDB-WASM asks for. Nothing here talks to any origin but the app's own.
const SHELL = 'nrd-shell-v1';
const COPY = 'nrd-offline-';

// Active at once, but in charge only from the next page load: a first visit is never
// intercepted mid-way (putting the 18 MB engine into a cache while it compiles cost ~150 ms).
self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || (request.method !== 'GET' && request.method !== 'HEAD')) return;
  const path = url.pathname.slice(new URL(self.registration.scope).pathname.length);
  if (path === 'data/manifest.json') event.respondWith(networkFirst(request, false));
  else if (path.startsWith('data/')) event.respondWith(fromCopyOrNetwork(request));
  else if (path.startsWith('assets/')) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request, true));
});

async function cacheFirst(request) {
  const cached = await caches.match(request.url);
  if (cached) return request.method === 'HEAD' ? new Response(null, { headers: cached.headers }) : cached;
  const response = await fetch(request);
  if (request.method === 'GET' && response.status === 200) (await caches.open(SHELL)).put(request.url, response.clone());
  return response;
}

/** The network when it answers (so a new release is seen), else the kept copy. */
async function networkFirst(request, keep) {
  try {
    const response = await fetch(request);
    if (keep && request.method === 'GET' && response.status === 200) (await caches.open(SHELL)).put(stripQuery(request.url), response.clone());
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

self.addEventListener('message', (event) => {
  if (event.data?.type === 'nrd:keep-offline') event.waitUntil(keepOffline(event.source, event.data.base));
});

async function keepOffline(client, base) {
  let name = null;
  try {
    const manifest = await (await fetch(`${base}data/manifest.json`, { cache: 'no-cache' })).json();
    const assets = await (await fetch(`${base}asset-manifest.json`, { cache: 'no-cache' })).json();
    const files = [
      '', 'sw.js',
      ...new Set(Object.values(assets).flatMap((entry) => [entry.file, ...(entry.css ?? []), ...(entry.assets ?? [])])),
      ...Object.values(manifest.reports).map((file) => `data/${file}`),
      ...Object.values(manifest.tables).flatMap((table) => table.files.map((file) => `data/${file.path}`)),
      // Last: a copy without its manifest is never read as a release.
      'data/manifest.json',
    ];
    name = `${COPY}${manifest.built_at}`;
    const cache = await caches.open(name);
    let bytes = 0;
    for (const [i, file] of files.entries()) {
      // no-store: a whole fresh file, never a partial one the HTTP cache kept from a range read.
      const response = await fetch(`${base}${file}`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      bytes += (await response.clone().blob()).size;
      await cache.put(`${base}${file}`, response);
      client.postMessage({ type: 'nrd:offline-progress', done: i + 1, total: files.length });
    }
    // Complete: this copy is now the only one, so no page can read half of two releases.
    for (const key of await caches.keys()) if (key.startsWith(COPY) && key !== name) await caches.delete(key);
    client.postMessage({ type: 'nrd:offline-ready', release: manifest.built_at, files: files.length, bytes });
  } catch (error) {
    if (name) await caches.delete(name);
    client.postMessage({ type: 'nrd:offline-failed', message: String(error.message ?? error) });
  }
}
