import { describe, expect, it } from 'vitest';
import { columnsInScope, parseHistory, remember, SAMPLE_QUERIES } from './console.ts';
import { otherSitesIn } from './other-sites.ts';
import { whyNotReadOnly } from './read-only.ts';

describe('history', () => {
  it('keeps each query once, newest first, and survives bad storage', () => {
    expect(remember(['b', 'a'], ' a ')).toEqual(['a', 'b']);
    expect(remember(['a'], '  ')).toEqual(['a']);
    expect(remember(Array.from({ length: 60 }, (_, i) => `q${i}`), 'new')).toHaveLength(50);
    expect(parseHistory('not json')).toEqual([]);
    expect(parseHistory('[1, "SELECT 1", null]')).toEqual(['SELECT 1']);
    expect(parseHistory(null)).toEqual([]);
  });
});

describe('columnsInScope', () => {
  const tables = { organizations: ['org_id', 'name'], treatment_centers: ['org_id', 'accepts_medicaid'], states: ['code'] };

  it('offers the columns of the tables the query names, each once', () => {
    expect(columnsInScope('SELECT  FROM treatment_centers t JOIN Organizations o USING (org_id)', tables)).toEqual([
      { column: 'org_id', table: 'organizations' }, { column: 'name', table: 'organizations' },
      { column: 'accepts_medicaid', table: 'treatment_centers' },
    ]);
  });

  it('ignores names inside strings and parts of longer names', () => {
    expect(columnsInScope("SELECT 'states' FROM organizations_by_id", tables)).toEqual([]);
  });
});

describe('SAMPLE_QUERIES', () => {
  it('run in the console as it opens: they only read, and from this site only', () => {
    for (const { title, sql } of SAMPLE_QUERIES) expect([title, whyNotReadOnly(sql), otherSitesIn(sql)]).toEqual([title, null, []]);
  });
});
