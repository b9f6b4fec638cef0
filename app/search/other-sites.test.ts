import { describe, expect, it } from 'vitest';
import { otherSitesIn } from './other-sites.ts';

describe('otherSitesIn', () => {
  it('finds addresses in strings, quoted names and ATTACH, each once', () => {
    expect(otherSitesIn("SELECT * FROM read_csv_auto('http://evil.example/a.csv') JOIN 'http://evil.example/a.csv' USING (x)"))
      .toEqual(['http://evil.example/a.csv']);
    expect(otherSitesIn("ATTACH 'https://example.org/x.duckdb' AS x")).toEqual(['https://example.org/x.duckdb']);
    expect(otherSitesIn('SELECT * FROM "https://example.org/t.parquet"')).toEqual(['https://example.org/t.parquet']);
    expect(otherSitesIn("SELECT * FROM read_parquet('S3://bucket/key.parquet')")).toEqual(['S3://bucket/key.parquet']);
  });

  it('ignores the release, comments and words that only look like addresses', () => {
    expect(otherSitesIn(`-- from https://duckdb.org/docs
/* see http://example.org */
SELECT url, 'a:b' AS x FROM organizations_by_id WHERE website LIKE 'https%' AND state = 'MA'`)).toEqual([]);
  });
});
