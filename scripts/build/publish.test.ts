// The sample at ×1 built twice gives the same bytes, and every partition file holds its rows in
// the table's order. COPY … PARTITION_BY broke both under load (1–2 of 168 files had two runs of
// rows swapped, a different file each build); publish.ts now writes one COPY per partition.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../app/release/manifest.ts';
import { literal } from '../../app/release/sql-text.ts';
import { TABLES } from '../../app/release/tables.ts';
import { writeSample } from '../generate-sample.ts';
import { openDb, rows } from './db.ts';
import { buildRelease } from './pipeline.ts';
import { rowGroupRows } from './publish.ts';

const sources = join(mkdtempSync(join(tmpdir(), 'nrd-sample-')), 'sources');
const files = (m: Manifest) => Object.values(m.tables).flatMap((t) => t.files.map((f) => `${f.path} ${f.sha256}`));
let first: { dir: string; manifest: Manifest };

beforeAll(async () => {
  writeSample(sources, 1, () => {});
  const dir = join(mkdtempSync(join(tmpdir(), 'nrd-release-')), 'data');
  first = { dir, manifest: (await buildRelease({ sourcesDir: sources, outDir: dir })).manifest };
}, 600_000);

describe('the sample release', () => {
  it('is byte-identical when built again, file by file, on more threads or less memory alike', async () => {
    const again = join(mkdtempSync(join(tmpdir(), 'nrd-release-')), 'data');
    const { manifest } = await buildRelease({ sourcesDir: sources, outDir: again, memoryLimit: '400MB' });
    expect(files(manifest)).toEqual(files(first.manifest));
    expect(files(manifest).length).toBeGreaterThan(70); // 56 state files, the rest
  }, 600_000);

  it('holds every file\'s rows in the order reads prune by (organizations: geohash, then id; treatment centers: state, level, key, id)', async () => {
    const db = await openDb();
    await db.run('SET threads = 1'); // a file's rows in file order
    const { organizations, treatment_centers } = first.manifest.tables;
    const read = (path: string) => `read_parquet(${literal(join(first.dir, path))})`;
    const geohash = new Map((await rows<{ org_id: string; geohash: string | null }>(db,
      `SELECT org_id, geohash FROM read_parquet([${organizations.files.map((f) => literal(join(first.dir, f.path))).join(', ')}])`))
      .map((r) => [r.org_id, r.geohash]));
    const unordered: string[] = [];
    for (const { path } of [...organizations.files, ...treatment_centers.files]) {
      // Treatment centers by state and level of care (a console query of one state reads its row groups), then key.
      const centers = treatment_centers.files.some((f) => f.path === path);
      const found = await rows<{ org_id: string; org_key: number; state: string; level: string }>(db, centers
        ? `SELECT org_id, org_key, state, level_of_care AS level FROM ${read(path)}` : `SELECT org_id, 0 AS org_key, '' AS state, '' AS level FROM ${read(path)}`);
      const keys = found.map((r) => (centers ? [r.state, r.level, r.org_key, r.org_id] : [geohash.get(r.org_id) ?? '~', r.org_id])); // NULLs last, as ORDER BY puts them
      const before = (a: (string | number)[], b: (string | number)[]) => {
        const i = a.findIndex((x, j) => x !== b[j]);
        return i >= 0 && a[i] < b[i];
      };
      if (keys.some((k, i) => i > 0 && before(k, keys[i - 1]))) unordered.push(path);
    }
    expect(unordered).toEqual([]);
    expect(geohash.size).toBeGreaterThan(40_000);
  }, 600_000);

  it('keeps each ZIP of the gazetteer in one row group\'s key range, so a ZIP\'s lookup reads one group', async () => {
    const db = await openDb();
    const file = literal(join(first.dir, first.manifest.tables.gazetteer.files[0].path));
    // Each ZIP once per row group whose key statistics admit it.
    const [{ zips, admitted }] = await rows<{ zips: number; admitted: number }>(db, `SELECT count(DISTINCT z.key)::INTEGER AS zips, count(*)::INTEGER AS admitted
      FROM (SELECT key FROM read_parquet(${file}) WHERE kind = 'zip') z
      JOIN (SELECT stats_min AS lo, stats_max AS hi FROM parquet_metadata(${file}) WHERE path_in_schema = 'key') g ON z.key BETWEEN g.lo AND g.hi`);
    expect(zips).toBeGreaterThan(30_000);
    expect(admitted).toBe(zips);
  });

  it('indexes the gazetteer by key in the manifest: each row group\'s keys, and its bytes, one group after the other from the file\'s start', async () => {
    const db = await openDb();
    await db.run('SET threads = 1'); // a file's rows in file order
    const [file] = first.manifest.tables.gazetteer.files;
    const path = literal(join(first.dir, file.path));
    const groups = file.row_index!.groups;
    expect(file.row_index!.column).toBe('key');
    // Each group's least and greatest key, from its rows.
    const sizes = (await rows<{ n: number }>(db, `SELECT row_group_num_rows AS n FROM parquet_metadata(${path}) WHERE column_id = 0 ORDER BY row_group_id`)).map((g) => g.n);
    const keys = (await rows<{ key: string }>(db, `SELECT key FROM read_parquet(${path}, file_row_number = true) ORDER BY file_row_number`)).map((r) => r.key);
    const ranges = sizes.map((n, i) => {
      const group = keys.slice(sizes.slice(0, i).reduce((a, b) => a + b, 0)).slice(0, n);
      return [group.reduce((a, b) => (b < a ? b : a)), group.reduce((a, b) => (b > a ? b : a))];
    });
    expect(groups.map(([min, max]) => [min, max])).toEqual(ranges);
    expect(groups.length).toBeGreaterThan(30);
    // The bytes: one group after another from the 4-byte magic on, all before the footer (which
    // the file's last 8 bytes measure; DuckDB writes its bloom filters between the two).
    const bytes = readFileSync(join(first.dir, file.path));
    const footer = bytes.readUInt32LE(bytes.length - 8);
    expect(groups[0][2]).toBe(4);
    groups.slice(1).forEach(([, , start], i) => expect(start).toBe(groups[i][3]));
    expect(groups.at(-1)![3]).toBeLessThanOrEqual(bytes.length - 8 - footer);
  });

  // The ×10 sample has 31 files of 8,193 to 10,239 rows (one row group, rowGroupRows' case); this one has none.
  it('lays out row groups as the order-keeping writer did: full ones, and a file less than a vector past one size in one', async () => {
    const db = await openDb();
    const layouts = await rows<{ path: string; groups: number[] }>(db, `SELECT file_name AS path, list(n ORDER BY id) AS groups
      FROM (SELECT DISTINCT file_name, row_group_id AS id, row_group_num_rows AS n FROM parquet_metadata(${literal(join(first.dir, '**', '*.parquet'))}))
      GROUP BY ALL`);
    const expected = (path: string, rows: number) => {
      const size = rowGroupRows(rows, TABLES.find((t) => path.startsWith(join(first.dir, t.table, '/')))!.rowGroupSize ?? 8192);
      return [...Array<number>(Math.floor(rows / size)).fill(size), ...(rows % size ? [rows % size] : [])];
    };
    const wrong = layouts.filter(({ path, groups }) =>
      JSON.stringify(groups) !== JSON.stringify(expected(path, groups.reduce((a, b) => a + b, 0))));
    expect(wrong).toEqual([]);
    expect(layouts.length).toBeGreaterThan(70);
  }, 600_000);

  it('splits the lookup tables by key: files in key order, ranges apart, no more groups than asked, rows in key order', async () => {
    const db = await openDb();
    await db.run('SET threads = 1'); // a file's rows in file order
    for (const spec of TABLES.filter((t) => t.rowGroupsPerFile)) {
      const { files, rows: total } = first.manifest.tables[spec.table];
      let rowsSeen = 0;
      let previousLast = -1;
      for (const { path, org_keys, rows: n } of files) {
        const [file] = await rows<{ first: number; last: number; unordered: number; groups: number }>(db, `SELECT min(org_key) AS first, max(org_key) AS last,
            count(*) FILTER (WHERE org_key < before)::INTEGER AS unordered,
            (SELECT count(DISTINCT row_group_id)::INTEGER FROM parquet_metadata(${literal(join(first.dir, path))})) AS groups
          FROM (SELECT org_key, lag(org_key) OVER () AS before FROM read_parquet(${literal(join(first.dir, path))}))`);
        expect(org_keys, path).toEqual([file.first, file.last]);
        expect(file.first, path).toBeGreaterThan(previousLast);
        expect(file.unordered, path).toBe(0);
        // A key whose rows run across two files' groups goes to the later file whole (writeByKey):
        // that file may hold one group more, and only when it holds more than its groups' rows.
        const groups = spec.rowGroupsPerFile!;
        expect(file.groups, path).toBeLessThanOrEqual(groups + (n > groups * (spec.rowGroupSize ?? 8192) ? 1 : 0));
        previousLast = file.last;
        rowsSeen += n;
      }
      expect(rowsSeen, spec.table).toBe(total);
    }
    expect(first.manifest.tables.organization_services.files.length).toBeGreaterThan(1);
  }, 600_000);
});

describe('rowGroupRows', () => {
  it('keeps a file less than a vector (2,048 rows) past the size in one row group, and splits the rest by the size', () => {
    expect(rowGroupRows(100, 8192)).toBe(8192);
    expect(rowGroupRows(8192, 8192)).toBe(8192);
    expect(rowGroupRows(8482, 8192)).toBe(8482);
    expect(rowGroupRows(10_239, 8192)).toBe(10_239);
    expect(rowGroupRows(10_240, 8192)).toBe(8192);
    expect(rowGroupRows(8_555_991, 65_536)).toBe(65_536);
  });
});
