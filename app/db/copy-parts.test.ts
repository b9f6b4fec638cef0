// A copy made in parts holds what one statement over the whole would: states grouped, a large
// state sliced by key, on the browser's own engine (duckdb-wasm in Node) over the fixtures' release.
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { attachRelease } from './catalog.ts';
import { copyParts } from './copy-parts.ts';
import type { Engine } from './engine.ts';
import type { Manifest } from '../release/manifest.ts';
import { keptName } from '../release/relation.ts';
import { SEARCH_ROWS, searchRows } from '../search/search-rows.ts';
import { sql } from '../release/sql.ts';
import { startNodeWasmEngine } from '../../scripts/engines/node-wasm-engine.ts';
import { buildRelease } from '../../scripts/build/pipeline.ts';
import { scratchDir, scratchSources } from '../../scripts/build/test-release.ts';

let manifest: Manifest;
let wasm: Engine;

beforeAll(async () => {
  const outDir = join(scratchDir(), 'data');
  ({ manifest } = await buildRelease({ sourcesDir: scratchSources(), outDir }));
  wasm = await startNodeWasmEngine((name) => join(outDir, name));
});

const rowsOf = (state: string) => manifest.tables.organizations.files.filter((f) => f.partition.state === state).reduce((n, f) => n + f.rows, 0);

describe('copyParts', () => {
  it('groups states up to the rows a part holds, and slices a larger state by the copy\'s key', () => {
    const states = [...new Set(manifest.tables.organizations.files.map((f) => f.partition.state))].sort();
    const largest = Math.max(...states.map(rowsOf));
    expect(largest, 'the fixtures have a state of several rows').toBeGreaterThan(3);
    const partRows = Math.ceil(largest / 3);
    const parts = copyParts(manifest, SEARCH_ROWS, partRows).map((text) => ({ text, states: [...new Set([...text.matchAll(/organizations\/state=(\w+)\//g)].map((m) => m[1]))] }));
    for (const state of states) {
      const reading = parts.filter((p) => p.states.includes(state));
      const slices = Math.ceil(rowsOf(state) / partRows);
      if (slices > 1) {
        // Alone, in slices of its key that together hold every row once.
        expect(reading.map((p) => p.states)).toEqual(Array(slices).fill([state]));
        expect(reading.map((p) => / WHERE hash\("org_id"\) % (\d+) = (\d+)$/.exec(p.text)!.slice(1).join())).toEqual(Array.from({ length: slices }, (_, i) => `${slices},${i}`));
      } else {
        expect(reading, state).toHaveLength(1);
        expect(reading[0].text).not.toContain('hash(');
        expect(reading[0].states.reduce((n, s) => n + rowsOf(s), 0) <= partRows || reading[0].states.length === 1).toBe(true);
      }
    }
    // With room for the largest state, the smaller ones share parts.
    const [a, b] = states.map(rowsOf).sort((x, y) => x - y);
    expect(a + b, 'two states fit in one part').toBeLessThanOrEqual(largest);
    expect(copyParts(manifest, SEARCH_ROWS, largest).length).toBeLessThan(states.length);
    expect(copyParts(manifest, SEARCH_ROWS, manifest.tables.organizations.rows)).toHaveLength(1);
  });

  it('makes the same copy in parts as in one statement', async () => {
    const largest = Math.max(...manifest.tables.organizations.files.map((f) => rowsOf(f.partition.state)));
    const engine = await attachRelease(wasm, manifest, new URL('file:///data/'), 'at-once', { partRows: Math.ceil(largest / 3) });
    const count = sql`SELECT count(*)::INTEGER AS n FROM ${searchRows(null, { words: false, types: false })}`;
    const [{ n }] = await engine.query<{ n: number }>(count.text, count.params); // made at once, as this first query names it
    expect(n).toBe(manifest.tables.organizations_by_id.rows);
    const made = await engine.query(`SELECT * FROM ${keptName(SEARCH_ROWS)} ORDER BY org_id`);
    const whole = await engine.query(`SELECT * FROM (${SEARCH_ROWS.select}) ORDER BY org_id`);
    expect(made).toEqual(whole);
  });
});
