// Failures from the file system and from DuckDB's own file access read as one line naming the
// path; a bug keeps its stack. The errors are real ones, provoked here, except EACCES: these
// tests run as root on CI, where no permission is ever denied.
import { describe, expect, it } from 'vitest';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from './db.ts';
import { BuildError, describeFailure } from './failure.ts';
import { scratchDir } from './test-release.ts';

const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
};

describe('describeFailure', () => {
  it('names the path, what went wrong and the call for file system errors', () => {
    // A failed write() names no path: Node knows only the descriptor.
    expect(describeFailure(thrown(() => writeFileSync('/dev/full', 'x')))).toBe('no space left on the device (ENOSPC, write)');
    const dir = join(scratchDir(), 'data');
    mkdirSync(dir);
    expect(describeFailure(thrown(() => renameSync(dir, join(dir, 'inside')))))
      .toBe(`${dir} → ${dir}/inside: invalid argument (EINVAL, rename)`);
    const denied = Object.assign(new Error(`EACCES: permission denied, mkdir '/srv/data'`), { code: 'EACCES', errno: -13, syscall: 'mkdir', path: '/srv/data' });
    expect(describeFailure(denied)).toBe('/srv/data: permission denied (EACCES, mkdir)');
  });

  it('keeps the first line of DuckDB\'s own file errors', async () => {
    const db = await openDb();
    try {
      const error = await db.run(`COPY (SELECT 1) TO '/no/such/folder/x.parquet' (FORMAT PARQUET)`).catch((e: unknown) => e);
      expect(describeFailure(error)).toMatch(/^IO Error: .*\/no\/such\/folder\/x\.parquet.*$/);
    } finally {
      db.closeSync();
    }
  });

  it('passes a BuildError through and leaves anything else to its stack', () => {
    expect(describeFailure(new BuildError('sources.json: invalid JSON'))).toBe('sources.json: invalid JSON');
    expect(describeFailure(new TypeError('x is undefined'))).toBeUndefined();
    expect(describeFailure(new Error('Binder Error: column "x" not found'))).toBeUndefined();
  });
});
