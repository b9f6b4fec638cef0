// Ad hoc: JS early rows vs duckdb-wasm for many ZIPs of a release folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attachRelease } from './app/db/catalog.ts';
import { earlyLoad } from './app/db/early-reads.ts';
import { statesNear } from './app/release/geo.ts';
import { readNear } from './app/release/near-read.ts';
import { resultsQuery, placeOf, locationQuery } from './app/search/queries.ts';
import { EMPTY_SEARCH } from './app/search/state.ts';
import { startNodeWasmEngine } from './scripts/engines/node-wasm-engine.ts';
const dir = process.argv[2]; const n = Number(process.argv[3] ?? 100);
const DATA = new URL('https://x.test/data/');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
let bytes = 0;
globalThis.fetch = (async (url: URL, init?: RequestInit) => {
  const file = readFileSync(join(dir, url.pathname.slice(DATA.pathname.length)));
  const [, s, e] = /^bytes=(\d+)-(\d+)$/.exec(new Headers(init?.headers).get('range') ?? '')!;
  bytes += Number(e) - Number(s) + 1;
  return new Response(file.subarray(Number(s), Number(e) + 1), { status: 206 });
}) as typeof fetch;
const engine = await attachRelease(await startNodeWasmEngine((name) => join(dir, name)), manifest, DATA);
const zips = await engine.query<{ key: string }>(`SELECT key FROM gazetteer WHERE kind = 'zip' ORDER BY hash(key) LIMIT ${n}`);
let cases = 0, rows = 0, orderDiff = 0, maxDelta = 0, bitDiff = 0;
for (const { key } of zips) {
  const q = locationQuery(key)!; const [p] = (await engine.query(q.text, q.params)).map(placeOf);
  for (const radius of [10, 25, 50] as const) for (const mentalHealthOnly of [false, true]) {
    const near = { label: p.label, lat: p.latitude, lon: p.longitude };
    const search = { state: { ...EMPTY_SEARCH, radius, mentalHealthOnly }, near, states: statesNear(manifest, near.lat, near.lon, radius) };
    const query = resultsQuery(search, { limit: 100, offset: 0 }) as any;
    const js = await readNear(query.near, earlyLoad(manifest, DATA, 60_000));
    const theirs = await engine.query(query.text, query.params);
    cases++; rows += theirs.length;
    if (JSON.stringify(js.map((r) => r.org_id)) !== JSON.stringify(theirs.map((r) => r.org_id))) { orderDiff++; console.log('ORDER', key, radius, mentalHealthOnly); }
    js.forEach((r, i) => { const d = Math.abs((r.distance_miles as number) - (theirs[i]?.distance_miles as number)); if (d > 0) bitDiff++; maxDelta = Math.max(maxDelta, d); });
  }
}
console.log({ zips: zips.length, cases, rows, orderDiff, bitDiff, maxDelta, bytesPerCase: Math.round(bytes / cases) });
