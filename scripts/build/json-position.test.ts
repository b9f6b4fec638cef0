// The fault finder against DuckDB (the reader whose verdict it explains), and at the positions
// a person would point to in an editor.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanJson } from './json-position.ts';
import { openDb } from './db.ts';

const dir = mkdtempSync(join(tmpdir(), 'nrd-json-'));
let n = 0;
const scan = (text: string | Buffer) => {
  const path = join(dir, `${n++}.json`);
  writeFileSync(path, text);
  return scanJson(path);
};

describe('the first fault', () => {
  it('is placed on its own line, not at the start of the value that holds it', () => {
    const second = ['{"all_facilities": []}', ...Array(13).fill(''), '{"all_facilities": [{"id": 1,,}]}'].join('\n');
    expect(scan(second).fault).toEqual({ line: 15, column: 30, byte: 65, message: 'expected a key in double quotes, found ","' });
  });

  it('counts columns in characters, whatever their size in UTF-8', () => {
    const { fault } = scan('{"all": [\n{"n": "éééé 🌅",,}]}');
    expect(fault).toMatchObject({ line: 2, column: 16, message: 'expected a key in double quotes, found ","' });
    expect(fault!.byte).toBe(10 + 15 + 4 * 1 + 3); // each é one byte more than a character, 🌅 three
  });

  it.each([
    ['{"a": tru}', 1, 7, '"tru" is not a number, true, false, null, NaN or Infinity'],
    ['{"a": 01}', 1, 7, '"01" is not a number, true, false, null, NaN or Infinity'],
    ['{"a": "x\ny"}', 1, 9, 'a control character (such as a line break) inside a string'],
    ['{"a": "\\x"}', 1, 9, '"\\x" is not an escape JSON knows'],
    ['{"a": "\\u12G4"}', 1, 12, '\\u must be followed by four hex digits'],
    ['{"a" 1}', 1, 6, 'expected ":" after a key, found "1"'],
    ['[1 2]', 1, 4, 'expected "," or "]", found "2"'],
    ['{"a": [1}', 1, 9, 'expected "," or "]", found "}"'],
    ['{"a": [', 1, 7, 'the file ends before the JSON value does'],
    ['', 1, 0, 'the file ends before the JSON value does'],
    ['{"a": 1}\n}', 2, 1, 'expected a value, found "}"'],
  ])('%j: line %i, column %i', (text, line, column, message) => {
    expect(scan(text).fault).toMatchObject({ line, column, message });
  });

  it('accepts what DuckDB accepts beyond RFC 8259: trailing commas, NaN and Infinity', () => {
    expect(scan('{"a": [1, NaN, -Infinity, inf,], "b": {"c": nan,},}').fault).toBeUndefined();
    expect(scan('{"a": [1,,]}').fault).toMatchObject({ column: 10, message: 'expected a value, found ","' });
  });

  it('finds a fault exactly when DuckDB refuses the file, over 1,200 small corruptions of a record', async () => {
    const db = await openDb();
    const valid = JSON.stringify({ all: [{ id: 'A-1', n: -12.5e3, ok: true, no: null, s: 'a\\"é\u0041', l: [1, [2, {}]] }] });
    const junk = '{}[]",:\\ -+.0123456789eEtfnulrsaNI\n\u00e9';
    let seed = 7;
    const random = (k: number) => ((seed = (seed * 48271) % 2147483647) % k);
    try {
      for (let i = 0; i < 1200; i++) {
        const at = random(valid.length);
        const c = junk[random(junk.length)];
        const text = [valid.slice(0, at) + c + valid.slice(at + 1), valid.slice(0, at) + valid.slice(at + 1),
          valid.slice(0, at) + c + valid.slice(at)][i % 3];
        const path = join(dir, 'fuzz.json');
        writeFileSync(path, text);
        const duckdb = await db.run(`SELECT * FROM read_json_objects(?, format = 'unstructured')`, [path]).then(() => true, () => false);
        expect({ text, valid: scanJson(path).fault === undefined }).toEqual({ text, valid: duckdb });
      }
    } finally {
      db.closeSync();
    }
  });
});

describe('top-level keys', () => {
  it('lists every key of the top-level object with its position, duplicates included', () => {
    const { fault, topKeys } = scan('{"extraction_date": "x", "nested": {"all": 1},\n  "all": [{"all": 2}],\n  "\\u0061ll": []}');
    expect(fault).toBeUndefined();
    expect(topKeys.map((k) => [k.key, k.line, k.column])).toEqual([
      ['extraction_date', 1, 2], ['nested', 1, 26], ['all', 2, 3], ['all', 3, 3],
    ]);
  });
});
