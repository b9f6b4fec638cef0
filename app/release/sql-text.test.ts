import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../db/engine.ts';
import { inlineParams, literal } from './sql-text.ts';
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
});
