// A copy made in parts holds what one statement over the whole would (states grouped), on the
// browser's own engine (duckdb-wasm in Node) over the fixtures' release.
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

/** Rows a part may hold such that two neighbouring states (by name) share one, the fewest that do. */
function groupingRows() {
  const rows = [...new Set(manifest.tables.organizations.files.map((f) => f.partition.state))].sort().map(rowsOf);
  return Math.min(...rows.slice(1).map((n, i) => n + rows[i]));
}

describe('copyParts', () => {
  it('groups states in order up to the rows a part holds, a larger state alone', () => {
    const states = [...new Set(manifest.tables.organizations.files.map((f) => f.partition.state))].sort();
    const partRows = groupingRows();
    expect(states.some((s) => rowsOf(s) > partRows), 'a state larger than a part').toBe(true);
    const parts = copyParts(manifest, SEARCH_ROWS, partRows).map((text) => [...new Set([...text.matchAll(/organizations\/state=(\w+)\//g)].map((m) => m[1]))]);
    expect(parts.flat(), 'every state once, in order').toEqual(states);
    for (const part of parts) expect(part.length === 1 || part.reduce((n, s) => n + rowsOf(s), 0) <= partRows, part.join()).toBe(true);
    expect(parts.length).toBeLessThan(states.length);
    expect(copyParts(manifest, SEARCH_ROWS, manifest.tables.organizations.rows)).toHaveLength(1);
  });

  it('makes the same copy in parts as in one statement', async () => {
    const engine = await attachRelease(wasm, manifest, new URL('file:///data/'), 'at-once', { partRows: groupingRows() });
    const count = sql`SELECT count(*)::INTEGER AS n FROM ${searchRows(null, { words: false, types: false })}`;
    const [{ n }] = await engine.query<{ n: number }>(count.text, count.params); // made at once, as this first query names it
    expect(n).toBe(manifest.tables.organizations_by_id.rows);
    const made = await engine.query(`SELECT * FROM ${keptName(SEARCH_ROWS)} ORDER BY org_id`);
    const whole = await engine.query(`SELECT * FROM (${SEARCH_ROWS.select}) ORDER BY org_id`);
    expect(made).toEqual(whole);
  });
});
