import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb, rows, runFile } from './db.ts';

describe('runFile with NRD_STATEMENTS', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('runs every statement of the file and prints each one\'s planning and running CPU seconds', async () => {
    vi.stubEnv('NRD_STATEMENTS', '1');
    const printed: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((line) => printed.push(String(line)) > 0);
    const db = await openDb();
    await runFile(db, 'macros.sql');
    expect(printed.length).toBeGreaterThan(10);
    expect(printed[0]).toMatch(/^macros\.sql #0 \w+: planned \d+\.\d\d s, ran \d+\.\d\d s CPU\n$/);
    // suite_key is the file's last macro.
    expect(await rows(db, `SELECT count(*) AS n FROM duckdb_functions() WHERE function_name = 'suite_key'`)).toEqual([{ n: 1 }]);
  });
});
