// One contract, three engines: the browser's (duckdb-wasm 1.28 run in Node), native DuckDB,
// and the cloud engine (MotherDuck's) with native DuckDB standing in for the connection to
// tables loaded as publish:motherduck loads them. The same release and app queries must give
// the same rows and the same failures, so the views can rely on the Engine interface
// whichever engine stands behind it.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRelease } from '../../scripts/build/pipeline.ts';
import { cloudEngine } from '../cloud/cloud-engine.ts';
import { nativeCloudConnection } from '../../scripts/engines/native-cloud-connection.ts';
import { scratchDir, scratchSources } from '../../scripts/build/test-release.ts';
import { SAMPLE_QUERIES } from '../search/console.ts';
import { capacityQuery, organizationsByStateQuery, serviceByStateQuery } from '../search/dashboards.ts';
import { countQuery, facetsQuery, locationQuery, networkQuery, organizationQuery, positionsQuery, resultsQuery, serviceCodesQuery } from '../search/queries.ts';
import type { Sql } from '../release/sql.ts';
import { EMPTY_SEARCH } from '../search/state.ts';
import { tablesRelation } from '../release/relation.ts';
import { attachRelease, withRelations } from './catalog.ts';
import { QueryError, type Engine } from './engine.ts';
import { literal } from '../release/sql-text.ts';
import type { Manifest } from '../release/manifest.ts';
import { startNativeEngine } from '../../scripts/engines/native-engine.ts';
import { startNodeWasmEngine } from '../../scripts/engines/node-wasm-engine.ts';
import { statesNear } from '../release/geo.ts';

let manifest: Manifest;
const engines: Record<string, Engine> = {};
const BOSTON = { label: 'Boston, MA 02108', lat: 42.3572, lon: -71.0649 };

beforeAll(async () => {
  const outDir = join(scratchDir(), 'data');
  ({ manifest } = await buildRelease({ sourcesDir: scratchSources(), outDir }));
  const base = new URL('file:///data/');
  engines.wasm = await attachRelease(await startNodeWasmEngine((name) => join(outDir, name)), manifest, base);
  engines.native = await attachRelease(await startNativeEngine(outDir), manifest, base);
  const { connection, files } = await nativeCloudConnection(outDir, manifest);
  engines.cloud = withRelations(cloudEngine(connection, files, (text) => text), (r) => tablesRelation(manifest, r));
});

const both = async (q: Sql) => Promise.all([engines.wasm.query(q.text, q.params), engines.native.query(q.text, q.params)]);

describe.each(['wasm', 'native', 'cloud'])('the %s engine', (name) => {
  it('binds parameters as values and returns plain JavaScript values', async () => {
    const [row] = await engines[name].query('SELECT ? AS s, ? AS i, ? AS d, ? AS b, ? AS n, 12345678901::BIGINT AS big, [1, 2] AS l',
      ["it's", 7, 2.5, true, null]);
    expect(row).toEqual({ s: "it's", i: 7, d: 2.5, b: true, n: null, big: 12345678901, l: [1, 2] });
  });

  it('fails with a QueryError that keeps the SQL and parameters', async () => {
    const failure = await engines[name].query('SELECT * FROM no_such_table WHERE x = ?', [1]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(QueryError);
    expect(failure).toMatchObject({ sql: 'SELECT * FROM no_such_table WHERE x = ?', params: [1] });
    expect((failure as Error).message).toMatch(/no_such_table/);
  });

  it('reads every published table through the catalog, row counts as in the manifest', async () => {
    for (const [table, { rows }] of Object.entries(manifest.tables)) {
      const [{ n }] = await engines[name].query(`SELECT count(*) AS n FROM ${table}`);
      expect([table, n]).toEqual([table, rows]);
    }
  });
});

describe('both engines', () => {
  it.each(SAMPLE_QUERIES.map((q) => [q.title, q.sql]))('run the console sample "%s"', async (_, text) => {
    const [wasm, native, cloud] = await Promise.all([engines.wasm.query(text), engines.native.query(text), engines.cloud.query(text)]);
    if (text.includes('duckdb_settings')) return; // the engines' versions and settings differ
    expect(native).toEqual(wasm);
    expect(cloud).toEqual(wasm);
  });

  it('export the same rows as CSV, JSON and Parquet', async () => {
    const q = resultsQuery({ state: { ...EMPTY_SEARCH, radius: 25 }, near: BOSTON }, {});
    const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    const [wasmCsv, nativeCsv, cloudCsv] = await Promise.all(['wasm', 'native', 'cloud'].map((name) => engines[name].copyTo(q.text, q.params, 'csv')));
    const rows = await engines.native.query<{ org_id: string }>(q.text, q.params);
    const csvIds = (csv: string) => csv.trim().split('\n').slice(1).map((line) => line.split(',')[0]);
    expect(csvIds(decode(wasmCsv))).toEqual(rows.map((r) => r.org_id));
    expect(decode(wasmCsv).split('\n')[0]).toBe(decode(nativeCsv).split('\n')[0]);
    expect(csvIds(decode(nativeCsv))).toEqual(rows.map((r) => r.org_id));
    expect(decode(cloudCsv)).toBe(decode(nativeCsv));
    for (const name of ['wasm', 'cloud']) {
      const json = JSON.parse(decode(await engines[name].copyTo(q.text, q.params, 'json'))) as { org_id: string }[];
      expect(json.map((r) => r.org_id)).toEqual(rows.map((r) => r.org_id));
      const parquet = await engines[name].copyTo(q.text, q.params, 'parquet');
      expect(decode(parquet.slice(0, 4))).toBe('PAR1');
    }
  });

  it('write CSV that no spreadsheet runs as a formula: text cells and names by OWASP\'s rule, numbers as they are', async () => {
    const hostile = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", '@SUM(1+1)', "-2+3+cmd|' /C calc'!A0",
      '\t=1', '\r=1', '-2', '+1.5e3', ' =1', 'a=b', null];
    const text = `SELECT unnest([${hostile.map(literal).join(', ')}]::VARCHAR[]) AS "=name", -2 AS n, -1.5::DOUBLE AS d`;
    const [wasm, native, cloud] = await Promise.all(['wasm', 'native', 'cloud'].map(async (name) =>
      new TextDecoder().decode(await engines[name].copyTo(text, [], 'csv'))));
    expect(native.split('\n')).toEqual([
      `'=name,n,d`,
      `"'=HYPERLINK(""http://evil.example"",""x"")",-2,-1.5`,
      `'+cmd|' /C calc'!A0,-2,-1.5`,
      `'@SUM(1+1),-2,-1.5`,
      `'-2+3+cmd|' /C calc'!A0,-2,-1.5`,
      `'\t=1,-2,-1.5`,
      `"'\r=1",-2,-1.5`,
      '-2,-2,-1.5',
      '+1.5e3,-2,-1.5',
      ' =1,-2,-1.5',
      'a=b,-2,-1.5',
      ',-2,-1.5',
      '',
    ]);
    expect(wasm).toBe(native);
    expect(cloud).toBe(native);
  });

  it('answer every query the search issues with the same rows (the cloud engine reading whole tables by state)', async () => {
    const [first] = await engines.native.query<{ org_id: string }>('SELECT org_id FROM network_relationships ORDER BY org_id LIMIT 1');
    const related = (await engines.native.query<{ related_org_id: string; state: string }>(networkQuery(first.org_id).text, networkQuery(first.org_id).params))
      .map((r) => ({ orgId: r.related_org_id, state: r.state }));
    // A treatment center's row, with its type's fields as JSON text.
    const [center] = await engines.native.query<{ org_id: string }>("SELECT org_id FROM organizations_by_id WHERE org_type = 'treatment_center' ORDER BY org_id LIMIT 1");
    const near = { state: { ...EMPTY_SEARCH, radius: 25 as const }, near: BOSTON, states: statesNear(manifest, BOSTON.lat, BOSTON.lon, 25) };
    const filtered = { ...near, state: { ...near.state, filters: { pay: ['medicaid'] } } };
    const national = { state: { ...EMPTY_SEARCH, text: 'recovery' }, near: null };
    const queries = [
      resultsQuery(near, { limit: 50, offset: 0 }), countQuery(near), facetsQuery(near), resultsQuery(filtered, { limit: 50, offset: 0 }),
      resultsQuery(national, { limit: 50, offset: 0 }), countQuery(national), locationQuery('02139')!, locationQuery('Boston, MA')!,
      organizationQuery(first.org_id), organizationQuery(center.org_id), networkQuery(first.org_id), positionsQuery(related)!,
      organizationsByStateQuery(null), organizationsByStateQuery('narr_residence'), capacityQuery(), serviceByStateQuery('MD'), serviceCodesQuery(),
    ];
    for (const q of queries) {
      const [wasm, native] = await both(q);
      expect(native, q.text).toEqual(wasm);
      expect(await engines.cloud.query(q.text, q.params), q.text).toEqual(wasm);
    }
  });
});
