// Where the importer may write, and that it writes whole files or nothing.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportError } from './import-error.ts';
import { checkOutDir, SOURCE_FILE, writeSourceFile } from './write-source.ts';
import type { SourceRecord } from './source-record.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the output folder', () => {
  it.each([
    [join(root, 'public'), /inside public\//],
    [join(root, 'public/data/real'), /inside public\//],
    [join(root, 'data/sources'), /data\/sources holds the generated sample/],
    [join(root, 'data/../data/sources/'), /data\/sources holds the generated sample/],
  ])('refuses %s', (dir, message) => {
    expect(() => checkOutDir(dir, [])).toThrow(ImportError);
    expect(() => checkOutDir(dir, [])).toThrow(message);
  });

  it('refuses to overwrite an input and accepts any other folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nrd-out-'));
    const input = join(dir, SOURCE_FILE);
    expect(() => checkOutDir(dir, [input])).toThrow(/would overwrite the input/);
    expect(checkOutDir(join(dir, 'real'), [input])).toBe(join(dir, 'real', SOURCE_FILE));
    expect(checkOutDir(join(root, 'data/real-sources'), [])).toBe(join(root, 'data/real-sources', SOURCE_FILE));
  });
});

describe('the written file', () => {
  const record = (id: string) => ({ id, facility_name: `Facility ${id}` }) as unknown as SourceRecord;

  it('is the header and the records under all_facilities, one record per line, with no temporary file left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nrd-out-'));
    const target = join(dir, 'nested', SOURCE_FILE);
    const records = Array.from({ length: 2_500 }, (_, i) => record(`SAMHSA_${i}`));
    expect(writeSourceFile(target, { extraction_date: '2022-06-01', total_facilities: 2_500 }, records)).toEqual({ replaced: false });
    const text = readFileSync(target, 'utf8');
    expect(JSON.parse(text)).toEqual({ extraction_date: '2022-06-01', total_facilities: 2_500, all_facilities: records });
    expect(text.split('\n')).toHaveLength(2_500 + 3);
    expect(readdirSync(join(dir, 'nested'))).toEqual([SOURCE_FILE]);
  });

  it('says when it replaced a file, and leaves the old one whole when writing fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nrd-out-'));
    const target = join(dir, SOURCE_FILE);
    writeFileSync(target, '{"all_facilities": []}');
    expect(writeSourceFile(target, {}, [record('A')])).toEqual({ replaced: true });
    const before = readFileSync(target, 'utf8');
    const unwritable = { toJSON() { throw new Error('disk full'); } } as unknown as SourceRecord;
    expect(() => writeSourceFile(target, {}, [record('B'), unwritable])).toThrow('disk full');
    expect(readFileSync(target, 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual([SOURCE_FILE]);
  });
});
