import { describe, expect, it } from 'vitest';
import { asQueryError, QueryError } from './engine.ts';

describe('QueryError', () => {
  it('names an unreadable data file plainly and keeps the engine’s words', () => {
    const raw = `IO Error: No files found that match the pattern "organizations/state=RI/d2c24d00944ff50e.parquet"`;
    const error = new QueryError(raw, 'SELECT 1');
    expect(error.message).toBe('the data file organizations/state=RI/d2c24d00944ff50e.parquet (organizations, state RI) could not be read from the server');
    expect(error.detail).toBe(raw);
    // For the panel to say in the page's language (components/query-failed.tsx).
    expect(error.dataFile).toBe('organizations/state=RI/d2c24d00944ff50e.parquet (organizations, state RI)');
    expect(new QueryError(`Invalid Input Error: File 'organization_services/49e18d0477dd6d68.parquet' too small to be a Parquet file`, '').message)
      .toBe('the data file organization_services/49e18d0477dd6d68.parquet (organization services) could not be read from the server');
    expect(new QueryError(`Opening file 'gazetteer/e4b73253bf399347.parquet' failed`, '').message)
      .toBe('the data file gazetteer/e4b73253bf399347.parquet (gazetteer) could not be read from the server');
  });

  it('leaves other messages as the engine wrote them, a file named in them or not', () => {
    expect(new QueryError('Parser Error: syntax error at or near "FORM"', 'SELECT * FORM x').message)
      .toBe('Parser Error: syntax error at or near "FORM"');
    const memory = 'Out of Memory Error: failed to allocate data of size 16.0 MiB reading "organization_services/7c1869f9af44c0ee.parquet"';
    expect(new QueryError(memory, 'SELECT 1').message).toBe(memory);
    expect(new QueryError(memory, 'SELECT 1').dataFile).toBeNull();
  });

  it('keeps what the engine threw as its cause, and wraps anything else thrown once', () => {
    const thrown = new Error('Binder Error: column x not found');
    const error = new QueryError(thrown.message, 'SELECT x', [1], thrown);
    expect(error.cause).toBe(thrown);
    expect(asQueryError(error, 'other')).toBe(error);
    const wrapped = asQueryError(new TypeError('Failed to fetch'), 'SELECT 2', [3]);
    expect(wrapped).toBeInstanceOf(QueryError);
    expect([wrapped.message, wrapped.sql, wrapped.params, (wrapped.cause as Error).name]).toEqual(['Failed to fetch', 'SELECT 2', [3], 'TypeError']);
    expect(asQueryError('worker gone').detail).toBe('worker gone');
  });
});
