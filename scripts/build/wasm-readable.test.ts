// Every published Parquet file must open in the browser's engine: duckdb-wasm 1.28.0
// (DuckDB 0.9.1), here through its Node bundle, with the files registered by name and the
// partitioned tables read through hive partitioning, as the app reads them.
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildRelease } from './pipeline.ts';
import { type Manifest } from '../../app/release/manifest.ts';
import { ORG_KEY, orgKeyOf } from '../../app/release/org-key.ts';
import { raw } from '../../app/release/sql.ts';
import { scratchDir, scratchSources } from './test-release.ts';

const require = createRequire(import.meta.url);
type Blocking = typeof import('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const duckdb: Blocking = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

let manifest: Manifest;
let conn: ReturnType<Awaited<ReturnType<Blocking['createDuckDB']>>['connect']>;

beforeAll(async () => {
  const outDir = join(scratchDir(), 'data');
  ({ manifest } = await buildRelease({ sourcesDir: scratchSources(), outDir }));
  const db = await duckdb.createDuckDB({
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
  }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  for (const table of Object.values(manifest.tables)) {
    for (const file of table.files) db.registerFileURL(file.path, join(outDir, file.path), duckdb.DuckDBDataProtocol.NODE_FS, false);
  }
  conn = db.connect();
});

const query = (sql: string): Record<string, unknown>[] => conn.query(sql).toArray().map((row: { toJSON(): Record<string, unknown> }) => row.toJSON());

describe('the browser engine', () => {
  it('is DuckDB 0.9.1', () => {
    expect(query('SELECT version() AS v')[0].v).toBe('v0.9.1');
  });

  it('reads every published file, all columns, with the manifest\'s row counts', () => {
    for (const [table, { files, columns }] of Object.entries(manifest.tables)) {
      for (const file of files) {
        const [row] = query(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file.path}')`);
        expect(row.n, `${table}: ${file.path}`).toBe(file.rows);
        // Touch every stored column (partition columns live in the path).
        const stored = columns.filter((c) => !(c.name in file.partition)).map((c) => `"${c.name}"`);
        expect(() => query(`SELECT ${stored.join(', ')} FROM read_parquet('${file.path}')`)).not.toThrow();
      }
    }
  });

  it('reads the state partitions through hive partitioning over the registered names, and the treatment centers\' one file', () => {
    const [row] = query(`SELECT count(*)::INTEGER AS n, count(DISTINCT state)::INTEGER AS states
      FROM read_parquet('organizations/*/*.parquet', hive_partitioning = true) WHERE state = 'MA'`);
    expect(row).toEqual({ n: manifest.tables.organizations.files.find((f) => f.partition.state === 'MA')!.rows, states: 1 });
    const [tc] = query(`SELECT level_of_care, accepts_medicaid, list_contains(license_numbers, 'x') AS l
      FROM read_parquet('treatment_centers/*.parquet') WHERE org_id = 'SAMHSA_OUT_000001'`);
    expect(tc).toMatchObject({ level_of_care: 'outpatient', accepts_medicaid: true });
  });

  it('computes every organization\'s key as the build wrote it, so a lookup by key finds its rows', () => {
    const keyed = Object.entries(manifest.tables).filter(([, t]) => t.columns.some((c) => c.name === ORG_KEY));
    expect(keyed.map(([name]) => name).sort()).toEqual(['narr_residences', 'network_relationships', 'organization_services',
      'organizations_by_id', 'recovery_centers', 'recovery_organizations', 'treatment_centers']);
    for (const [table, { files, rows }] of keyed) {
      const [row] = query(`SELECT count(*)::INTEGER AS n,
          count(*) FILTER (WHERE ${ORG_KEY} IS DISTINCT FROM ${orgKeyOf(raw('org_id')).text})::INTEGER AS wrong
        FROM read_parquet([${files.map((f) => `'${f.path}'`).join(', ')}])`);
      expect(row, table).toEqual({ n: rows, wrong: 0 });
    }
  });

  it('reads structs, lists, dates and small numeric types', () => {
    const [center] = query(`SELECT operating_hours.monday AS monday, len(funding_sources)::INTEGER AS funds
      FROM read_parquet('${manifest.tables.recovery_centers.files[0].path}') WHERE org_id = 'RCC_0001'`);
    expect(center).toEqual({ monday: '9-5', funds: 2 });
    const [link] = query(`SELECT max(distance_miles) <= 25 AS ok, max(travel_minutes)::INTEGER > 0 AS t
      FROM read_parquet('${manifest.tables.network_relationships.files[0].path}')`);
    expect(link).toEqual({ ok: true, t: true });
  });
});
