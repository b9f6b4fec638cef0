// Reading a source file's array: one raw record per element, in file order, minified as the
// build has always stored them (record sizes and the 100 KB limit count that text).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb, rows } from './db.ts';
import { loadSources } from './sources.ts';

describe('loadSources', () => {
  it('keeps every element, a null one as JSON null (so it is rejected as not an object), minified and in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nrd-sources-'));
    writeFileSync(join(dir, 'treatment_centers_master.json'),
      '{"total_facilities": 5, "all_facilities": [ {"a" : 1,\n  "b": [1, 2.50]}, null, 5, "x\\u0041", [] ]}');
    const db = await openDb();
    const { sources } = await loadSources(db, dir, dir);
    expect(sources.map((s) => [s.records, s.header_mismatches])).toEqual([[5, []]]);
    expect(await rows(db, 'SELECT src_index, CAST(rec AS VARCHAR) AS rec FROM raw_records ORDER BY src_index')).toEqual([
      { src_index: 0, rec: '{"a":1,"b":[1,2.5]}' },
      { src_index: 1, rec: 'null' },
      { src_index: 2, rec: '5' },
      { src_index: 3, rec: '"xA"' },
      { src_index: 4, rec: '[]' },
    ]);
    db.closeSync();
  });
});
