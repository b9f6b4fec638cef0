import { describe, expect, it } from 'vitest';
import { consoleSqlFromUrl, consoleUrl, parseHistory, remember } from './console.ts';

describe('console URL', () => {
  it('round-trips the query and caps its length', () => {
    const sql = "SELECT 'a&b' AS x, 1 + 1";
    expect(consoleSqlFromUrl(consoleUrl(sql))).toBe(sql);
    expect(consoleUrl('  ')).toBe('view=sql');
    expect(consoleSqlFromUrl(`sql=${'x'.repeat(30_000)}`)).toHaveLength(20_000);
  });
});

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
