// The reads answered before the engine starts (early-reads.ts), through byte ranges of the
// release's files as the browser fetches them, held to what duckdb-wasm and native DuckDB
// answer to the same queries (app/search/queries.ts) on a release built from the fixtures.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attachRelease } from './catalog.ts';
import type { Engine } from './engine.ts';
import { earlyLoad, earlyRead, forgetEarlyReads } from './early-reads.ts';
import { fetchManifest, offersRanges } from './manifest-fetch.ts';
import { statesNear } from '../release/geo.ts';
import type { Manifest } from '../release/manifest.ts';
import { readNear } from '../release/near-read.ts';
import type { ReadSql } from '../release/table-read.ts';
import { locationQuery, placeOf, resultsQuery, type ResolvedSearch } from '../search/queries.ts';
import { EMPTY_SEARCH, type Radius, type SearchState } from '../search/state.ts';
import { buildRelease } from '../../scripts/build/pipeline.ts';
import { scratchDir, scratchSources } from '../../scripts/build/test-release.ts';
import { startNativeEngine } from '../../scripts/engines/native-engine.ts';
import { startNodeWasmEngine } from '../../scripts/engines/node-wasm-engine.ts';

const DATA = new URL('https://directory.test/data/');
let manifest: Manifest;
let engines: Record<'wasm' | 'native', Engine>;
let outDir: string;
/** Every request the reads made: path, the bytes asked for, and how many requests had been answered before it was made. */
const asked: { path: string; range: string | null; answered: number }[] = [];
let answered = 0;
/** Whether the host honours Range (a host that does not sends the whole file), and whether it says it does (Accept-Ranges). */
let ranges = true;
let saysRanges = true;

beforeAll(async () => {
  outDir = join(scratchDir(), 'data');
  ({ manifest } = await buildRelease({ sourcesDir: scratchSources(), outDir }));
  engines = {
    wasm: await attachRelease(await startNodeWasmEngine((name) => join(outDir, name)), manifest, DATA),
    native: await attachRelease(await startNativeEngine(outDir), manifest, DATA),
  };
  vi.stubGlobal('fetch', async (url: URL, init?: RequestInit) => {
    const path = url.pathname.slice(DATA.pathname.length);
    const range = new Headers(init?.headers).get('range');
    asked.push({ path, range, answered });
    const file = readFileSync(join(outDir, path));
    await Promise.resolve(); // answered after the caller's own synchronous requests
    answered++;
    const [, start, end] = /^bytes=(\d+)-(\d+)$/.exec(range ?? '') ?? [];
    const headers = saysRanges ? { 'accept-ranges': 'bytes' } : undefined;
    if (!ranges || start === undefined) return new Response(file, { status: 200, headers });
    return new Response(file.subarray(Number(start), Number(end) + 1), { status: 206, headers });
  });
  // As the page does: what the host's answer says of ranges is the reads' to know (manifest-fetch.ts).
  await fetchManifest(DATA);
});
afterAll(() => vi.unstubAllGlobals());

const early = (query: ReadSql) =>
  'read' in query ? earlyRead(query.read, manifest, DATA, 10_000) : readNear(query.near, earlyLoad(manifest, DATA, 10_000));

async function place(zip: string) {
  const query = locationQuery(zip) as ReadSql;
  const rows = await early(query);
  for (const engine of Object.values(engines)) expect(await engine.query(query.text, query.params)).toEqual(rows);
  return placeOf(rows[0]);
}

/**
 * Distances may differ in the last bit (near-read.ts): the ids and their order must be equal,
 * the distances within 1e-9 miles, and every other value equal.
 */
function expectSameRows(js: Record<string, unknown>[], engine: Record<string, unknown>[], what: string) {
  expect(js.map((r) => r.org_id), what).toEqual(engine.map((r) => r.org_id));
  js.forEach((row, i) => {
    const { distance_miles: miles, ...rest } = row;
    const { distance_miles: theirs, ...expected } = engine[i];
    expect(rest, what).toEqual(expected);
    expect(Math.abs(Number(miles) - Number(theirs)), what).toBeLessThan(1e-9);
  });
}

describe('a ZIP\'s place and nearest results, read without the engine', () => {
  // Dense (Boston), the edge of the fixtures' organizations, across a state line (Pawtucket, RI;
  // Nashua, NH), and far from everything (Seattle).
  const ZIPS = ['02108', '02139', '01060', '02860', '03060', '98101'];

  it('finds the place a ZIP names, as the engines do, reading one row group of the gazetteer', async () => {
    asked.length = 0;
    const boston = await place('02108');
    expect(boston).toMatchObject({ label: 'Boston, MA 02108', typos: 0 });
    const gazetteer = manifest.tables.gazetteer.files[0];
    const read = asked.filter((a) => a.path === gazetteer.path);
    const bytes = read.reduce((sum, a) => { const [s, e] = a.range!.slice(6).split('-').map(Number); return sum + e - s + 1; }, 0);
    expect(bytes, `of ${gazetteer.bytes}`).toBeLessThan(gazetteer.bytes / 4);
    expect(await early(locationQuery('00000') as ReadSql)).toEqual([]);
  });

  it('asks for a ZIP\'s row group beside the gazetteer\'s footer, from the manifest\'s index, when the host offers ranges', async () => {
    const gazetteer = manifest.tables.gazetteer.files[0];
    const gazetteerReads = async (zip: string, release: Manifest) => {
      asked.length = 0;
      const query = locationQuery(zip) as ReadSql;
      const [row] = 'read' in query ? await earlyRead(query.read, release, DATA, 10_000) : [];
      expect(row?.zip).toBe(zip);
      return asked.filter((a) => a.path === gazetteer.path);
    };
    // One round trip: both asked for before either is answered, and nothing asked after.
    const indexed = await gazetteerReads('02140', manifest);
    expect(indexed).toHaveLength(2);
    expect(indexed.map((a) => a.answered - indexed[0].answered)).toEqual([0, 0]);
    const [, , start, end] = gazetteer.row_index!.groups.find(([lo, hi]) => lo <= '02140' && '02140' <= hi)!;
    expect(indexed.map((a) => a.range)).toContain(`bytes=${start}-${end - 1}`);
    // Without the index (a release built before it), the footer's answer comes first.
    const unindexed = await gazetteerReads('02141', { ...manifest, tables: { ...manifest.tables,
      gazetteer: { ...manifest.tables.gazetteer, files: [{ ...gazetteer, row_index: undefined }] } } });
    expect(unindexed).toHaveLength(2);
    expect(unindexed[1].answered).toBeGreaterThan(unindexed[0].answered);
  });

  it('asks for no two ranges at once again once a host that says it offers them sends a whole file', async () => {
    ranges = false; // Accept-Ranges: bytes on every answer, and every Range ignored
    try {
      await fetchManifest(DATA);
      asked.length = 0;
      expect((await place('02142')).label).toContain('02142');
      // The pair was asked for, each answered with the whole file; the next lookup asks once.
      expect(asked.filter((a) => a.path.startsWith('gazetteer/'))).toHaveLength(2);
      expect(offersRanges(DATA)).toBe(false);
      expect((await place('02143')).label).toContain('02143');
      expect(asked.filter((a) => a.path.startsWith('gazetteer/'))).toHaveLength(3);
    } finally {
      ranges = true;
      await fetchManifest(DATA);
    }
    expect(offersRanges(DATA)).toBe(true);
  });

  it.each(ZIPS)('lists the results near %s in the engines\' order, at every radius and either rule', async (zip) => {
    const near = await place(zip);
    for (const radius of [10, 25, 50] as Radius[]) {
      for (const state of [{ radius }, { radius, mentalHealthOnly: true }, { radius, where: zip }] as Partial<SearchState>[]) {
        const search: ResolvedSearch = { state: { ...EMPTY_SEARCH, ...state }, near: { label: near.label, lat: near.latitude, lon: near.longitude },
          states: statesNear(manifest, near.latitude, near.longitude, radius) };
        for (const page of [{ limit: 100, offset: 0 }, { limit: 3, offset: 1, sort: 'distance' as const }]) {
          const query = resultsQuery(search, page) as ReadSql;
          expect('near' in query).toBe(true);
          const js = await early(query);
          if (zip === '02108' && page.limit === 100) expect(js.length, 'Boston\'s results').toBeGreaterThan(4);
          for (const [name, engine] of Object.entries(engines)) {
            expectSameRows(js, await engine.query(query.text, query.params), `${zip} ${JSON.stringify(state)} ${JSON.stringify(page)} on ${name}`);
          }
          // Every result in the general query (what a filter or a download reads) in the same order: the read is only its shortcut.
          const general = resultsQuery(search, { sort: page.sort });
          expect(general.text).not.toBe(query.text);
          const all = await engines.wasm.query(general.text, general.params);
          expectSameRows(js, all.slice(page.offset, page.offset + page.limit), `${zip} general`);
        }
      }
    }
  });

  it('reads its states\' organizations alone: the mental-health-only mark is their column', async () => {
    // A point no other read asked for: its rows are not held from before.
    const near = { label: '', lat: 42.25, lon: -71.1 };
    const states = statesNear(manifest, near.lat, near.lon, 10);
    asked.length = 0;
    const js = await early(resultsQuery({ state: { ...EMPTY_SEARCH, radius: 10 }, near, states }, { limit: 100, offset: 0 }) as ReadSql);
    expect(js.length).toBeGreaterThan(0);
    expect([...new Set(asked.map((a) => a.path.split('/')[0]))]).toEqual(['organizations']);
    expect(new Set(asked.map((a) => a.path)).size).toBeLessThanOrEqual(states.length);
  });

  it('keeps each file\'s read until the engine answers, then lets it go', async () => {
    const near = { label: '', lat: 42.35, lon: -71.05 };
    const query = resultsQuery({ state: { ...EMPTY_SEARCH, radius: 10 }, near, states: statesNear(manifest, near.lat, near.lon, 10) },
      { limit: 100, offset: 0 }) as ReadSql;
    const first = await early(query);
    asked.length = 0;
    expect(await early(query)).toEqual(first);
    expect(asked).toEqual([]);
    forgetEarlyReads();
    expect(await early(query)).toEqual(first);
    expect(asked.length).toBeGreaterThan(0);
  });

  it('orders equal distances by name, case aside, then by id, as the engines do', async () => {
    // Three organizations of the fixtures share one position: their distances are equal in every engine.
    const [tied] = await engines.native.query<{ latitude: number; longitude: number }>(`SELECT latitude, longitude FROM organizations
      WHERE latitude IS NOT NULL GROUP BY ALL HAVING count(*) > 1 ORDER BY count(*) DESC LIMIT 1`);
    expect(tied).toBeDefined();
    const near = { label: '', lat: tied.latitude + 0.01, lon: tied.longitude };
    for (const byName of [true, false]) {
      const query = resultsQuery({ state: { ...EMPTY_SEARCH, radius: 5 }, near, states: statesNear(manifest, near.lat, near.lon, 5) },
        { limit: 50, offset: 0, sort: byName ? 'relevance' : 'distance' }) as ReadSql;
      const js = await early(query);
      expect(new Set(js.map((r) => r.distance_miles)).size).toBeLessThan(js.length);
      expectSameRows(js, await engines.wasm.query(query.text, query.params), `ties by ${byName ? 'name' : 'id'}`);
    }
  });

  it('reads each file once, whole, from a host that ignores Range, with the same rows', async () => {
    // A point and a ZIP no other read asked for: their rows are not held from before.
    const near = { label: '', lat: 42.3, lon: -71.2 };
    const search: ResolvedSearch = { state: { ...EMPTY_SEARCH, radius: 25 }, near, states: statesNear(manifest, near.lat, near.lon, 25) };
    const query = resultsQuery(search, { limit: 7, offset: 0 }) as ReadSql;
    ranges = false;
    saysRanges = false;
    await fetchManifest(DATA); // a host that ignores Range and does not offer it either
    asked.length = 0;
    try {
      const js = await early(query);
      expect(js.length).toBeGreaterThan(0);
      expectSameRows(js, await engines.wasm.query(query.text, query.params), 'no Range');
      // The gazetteer is larger than a file fetched whole at once: its footer is asked for first.
      expect(manifest.tables.gazetteer.files[0].bytes).toBeGreaterThan(64 * 1024);
      expect((await place('33101')).label).toContain('33101');
      const paths = asked.map((a) => a.path);
      expect(paths.filter((p) => p.startsWith('gazetteer/'))).toHaveLength(1);
      expect(paths).toEqual([...new Set(paths)]);
    } finally {
      ranges = true;
      saysRanges = true;
      await fetchManifest(DATA);
    }
  });
});
