import { describe, expect, it } from 'vitest';
import type { Engine, ExportFormat, Row } from './engine.ts';
import { QueryCache, withCache } from './query-cache.ts';

/** An engine that counts what reaches it; SQL starting with `!` fails. */
function countingEngine() {
  const asked: string[] = [];
  const engine: Engine = {
    query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => {
      asked.push(`query ${sql} ${JSON.stringify(params)}`);
      if (sql.startsWith('!')) throw new Error(`failed: ${sql}`);
      return [{ sql, params }] as unknown as T[];
    },
    copyTo: async (sql: string, _params: readonly unknown[], format: ExportFormat) => {
      asked.push(`copy ${format} ${sql}`);
      return new TextEncoder().encode(`${format}:${sql}`);
    },
    exec: async (sql) => void asked.push(`exec ${sql}`),
    registerFile: async () => {},
    cancel: async () => false,
  };
  return { engine, asked };
}

describe('withCache', () => {
  it('asks the engine once for the same SQL and values, and again for other values', async () => {
    const { engine, asked } = countingEngine();
    const cached = withCache(engine, new QueryCache(), 'r1');
    const [a, b] = await Promise.all([cached.query('SELECT ?', [1]), cached.query('SELECT ?', [1])]);
    expect(a).toBe(b);
    await cached.query('SELECT ?', [2]);
    await cached.query('SELECT ?', [1]);
    expect(asked).toEqual(['query SELECT ? [1]', 'query SELECT ? [2]']);
  });

  it('keeps files by format beside rows of the same SQL, and never keeps exec', async () => {
    const { engine, asked } = countingEngine();
    const cached = withCache(engine, new QueryCache(), 'r1');
    for (let i = 0; i < 2; i++) {
      await cached.copyTo('SELECT 1', [], 'csv');
      await cached.copyTo('SELECT 1', [], 'parquet');
      await cached.query('SELECT 1');
      await cached.exec('SET x = 1');
    }
    expect(asked).toEqual(['copy csv SELECT 1', 'copy parquet SELECT 1', 'query SELECT 1 []', 'exec SET x = 1', 'exec SET x = 1']);
  });

  it('asks a failed query again rather than keep the failure', async () => {
    const { engine, asked } = countingEngine();
    const cached = withCache(engine, new QueryCache(), 'r1');
    await expect(cached.query('!broken')).rejects.toThrow('failed: !broken');
    await expect(cached.query('!broken')).rejects.toThrow('failed: !broken');
    expect(asked).toHaveLength(2);
  });

  it('tells releases apart in one cache, and asks afresh once cleared', async () => {
    const { engine, asked } = countingEngine();
    const cache = new QueryCache();
    await withCache(engine, cache, 'r1').query('SELECT 1');
    await withCache(engine, cache, 'r2').query('SELECT 1');
    await withCache(engine, cache, 'r1').query('SELECT 1');
    expect(asked).toHaveLength(2);
    cache.clear();
    expect(cache.size).toBe(0);
    await withCache(engine, cache, 'r1').query('SELECT 1');
    expect(asked).toHaveLength(3);
  });
});

describe('QueryCache', () => {
  it('holds at most its limit, dropping the answer used longest ago', async () => {
    const cache = new QueryCache(3);
    const asked: string[] = [];
    const answer = (key: string) => cache.answer(key, async () => asked.push(key));
    for (const key of ['a', 'b', 'c']) await answer(key);
    await answer('a'); // used again: now the newest
    await answer('d'); // drops b, the oldest
    expect(cache.size).toBe(3);
    for (const key of ['a', 'c', 'd', 'b']) await answer(key);
    expect(asked).toEqual(['a', 'b', 'c', 'd', 'b']);
  });
});
