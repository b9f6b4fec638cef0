import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../db/engine.ts';
import { inlineParams, literal, namesIn, sqlTokens, type TokenKind } from './sql-text.ts';
import { startNodeWasmEngine } from '../../scripts/engines/node-wasm-engine.ts';

describe('literal', () => {
  it('writes each type as DuckDB reads it', () => {
    expect(literal(null)).toBe('NULL');
    expect(literal(true)).toBe('TRUE');
    expect(literal(42)).toBe('42');
    expect(literal(-71.0649)).toBe("CAST('-71.0649' AS DOUBLE)");
    expect(literal("O'Brien")).toBe("'O''Brien'");
    expect(() => literal(NaN)).toThrow();
    expect(() => literal([1])).toThrow();
    expect(() => literal(10n)).toThrow();
  });
});

describe('inlineParams', () => {
  it('fills placeholders in order, leaving quoted text and comments alone', () => {
    expect(inlineParams(`SELECT '?' AS "why?", ? -- what?\n, ? /* ? */`, ['a', 1])).toBe(`SELECT '?' AS "why?", 'a' -- what?\n, 1 /* ? */`);
    expect(inlineParams(`SELECT 'it''s ?', ?`, [2])).toBe(`SELECT 'it''s ?', 2`);
    expect(inlineParams('SELECT 1', [])).toBe('SELECT 1');
  });

  it('refuses a count of parameters that does not match', () => {
    expect(() => inlineParams('SELECT ?, ?', [1])).toThrow(/placeholders/);
    expect(() => inlineParams('SELECT ?', [1, 2])).toThrow(/placeholders/);
  });
});


// Each case: SQL whose text must be passed over as one token, the kinds of the tokens DuckDB reads.
const kinds = (sql: string) => [...sqlTokens(sql)].map((t): [TokenKind, string] => [t.kind, t.text]);

describe('sqlTokens', () => {
  it('reads $$dollar$$ and $tag$…$tag$ strings to their own closing tag', () => {
    expect(kinds(`SELECT $$it's ?; "x"$$, ?`)).toEqual([['word', 'SELECT'], ['string', `$$it's ?; "x"$$`], ['placeholder', '?']]);
    expect(kinds('SELECT $t1$a $$ ? $t$ b$t1$ ?')).toEqual([['word', 'SELECT'], ['string', '$t1$a $$ ? $t$ b$t1$'], ['placeholder', '?']]);
    expect(kinds('SELECT $x$ never closed ?')).toEqual([['word', 'SELECT'], ['string', '$x$ never closed ?']]);
    // $1 is a positional parameter, not a tag; a $ inside a word belongs to the word.
    expect(kinds('SELECT $1, a$b')).toEqual([['word', 'SELECT'], ['word', 'a$b']]);
  });

  it('keeps doubled quotes inside quoted names and strings', () => {
    expect(kinds(`SELECT "say ""?"" ;" AS a, 'it''s ?'`)).toEqual([['word', 'SELECT'], ['quoted', '"say ""?"" ;"'], ['word', 'AS'], ['word', 'a'], ['string', "'it''s ?'"]]);
    expect(namesIn('SELECT "A""b" FROM "Zip Codes"')).toEqual(new Set(['select', 'a"b', 'from', 'zip codes']));
  });

  it('closes a block comment only where its nested comments are closed', () => {
    expect(kinds('SELECT /* a /* b ? */ c ; */ ? /* open /* */')).toEqual([['word', 'SELECT'], ['comment', '/* a /* b ? */ c ; */'], ['placeholder', '?'], ['comment', '/* open /* */']]);
    expect(kinds('SELECT 1 -- ? ;\n;')).toEqual([['word', 'SELECT'], ['comment', '-- ? ;'], ['semicolon', ';']]);
  });

  it("reads E'' strings with backslash escapes, and only E'' ones", () => {
    expect(kinds(String.raw`SELECT E'it\'s ?', e'\\', ?`)).toEqual([['word', 'SELECT'], ['string', String.raw`E'it\'s ?'`], ['string', String.raw`e'\\'`], ['placeholder', '?']]);
    expect(kinds(String.raw`SELECT 'a\', ?`)).toEqual([['word', 'SELECT'], ['string', String.raw`'a\'`], ['placeholder', '?']]);
    expect(kinds(`SELECT type'x'`)).toEqual([['word', 'SELECT'], ['word', 'type'], ['string', "'x'"]]);
  });
});

describe('on the browser engine', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await startNodeWasmEngine((name) => name);
  });

  it('returns every value exactly as it was given, hostile text included', async () => {
    const values = ["O'Brien", "'; DROP TABLE x; --", 'back\\slash', '?', 'né ☕', '', -71.06489999999999, 0.1, 1e-7, 2 ** 40, true, null];
    const sql = `SELECT ${values.map((_, i) => `? AS v${i}`).join(', ')}`;
    const [row] = await engine.query(sql, values);
    expect(Object.values(row)).toEqual(values);
  });

  it('reads each construct the scanner passes over the way the scanner does: only the real placeholders are filled', async () => {
    const sql = String.raw`SELECT $t1$a$$?$t1$ AS a, /* x /* ? */ ? */ ? AS b, E'it\'s ?' AS c, 1 AS "d""?", $$?$$ AS f`;
    const [row] = await engine.query(sql, [7]);
    expect(row).toEqual({ a: 'a$$?', b: 7, c: "it's ?", 'd"?': 1, f: '?' });
  });
});
