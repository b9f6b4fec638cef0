import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { splitSource } from './source-split.ts';

const dir = mkdtempSync(join(tmpdir(), 'source-split-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Splits `text` with every chunk size from 1 byte up, so each case crosses a chunk's end everywhere. */
function splitAll(text: string, key = 'all') {
  const path = join(dir, 'source.json');
  writeFileSync(path, text);
  const results = new Set<string>();
  for (const chunk of [1, 2, 3, 5, 7, 16, 1 << 16]) {
    const { sha256, split } = splitSource(path, key, join(dir, 'h.json'), join(dir, 'r.json'), chunk);
    expect(sha256).toBe(createHash('sha256').update(text).digest('hex'));
    results.add(JSON.stringify(split && { header: readFileSync(split.header, 'utf8'), records: readFileSync(split.records, 'utf8') }));
  }
  expect(results.size).toBe(1); // the chunk size never changes the result
  return JSON.parse([...results][0]) as { header: string; records: string } | null;
}

describe('splitSource', () => {
  it('puts the array under the key in one file and the header, with [] in its place, in the other', () => {
    expect(splitAll('{"date":"2024","all":[{"a":1},\n{"b":[2,3]}],"total_all":2}\n')).toEqual({
      header: '{"date":"2024","all":[],"total_all":2}\n',
      records: '[{"a":1},\n{"b":[2,3]}]',
    });
  });

  it('is not fooled by brackets, quotes, escapes or the key inside strings and nested values', () => {
    const text = '{"note":"all\\": [1]","by":{"all":[9]},"all":["]\\\\",{"all":"[\\"x"}, "\\u005d"]}';
    expect(splitAll(text)).toEqual({
      header: '{"note":"all\\": [1]","by":{"all":[9]},"all":[]}',
      records: '["]\\\\",{"all":"[\\"x"}, "\\u005d"]',
    });
  });

  it('finds a key written with escapes', () => {
    expect(splitAll('{"\\u0061ll":[1]}')?.records).toBe('[1]');
  });

  it('blanks a comma after the last record, which the document read took and an array read refuses', () => {
    expect(splitAll('{"all":[{"a":1}, {"b":2},\n] }')?.records).toBe('[{"a":1}, {"b":2} \n]');
    expect(splitAll('{"all":[[1,],{"c":[2,]}]}')?.records).toBe('[[1,],{"c":[2,]}]');
  });

  it('leaves the first of two arrays under one key to the records and the second to the header, which reports it', () => {
    expect(splitAll('{"all":[1],"all":[2]}')).toEqual({ header: '{"all":[],"all":[2]}', records: '[1]' });
  });

  it('gives up on shapes it does not know, for the whole-document read to report', () => {
    for (const text of ['', '[{"a":1}]', '{"all":{"a":1}}', '{"other":[1]}', '{"all":[1,2', '{"all":[1]', '{"all":["x]}', '{"all":[1]}}']) {
      expect(splitAll(text), text).toBeNull();
    }
  });
});
