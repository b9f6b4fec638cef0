import { describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { withLanes } from './lanes.ts';

/** An engine whose queries finish only when the test says so, recording the order they start. */
function controlledEngine() {
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const engine: Engine = {
    query: (sql) => {
      started.push(sql);
      return new Promise((resolve) => finish.set(sql, () => resolve([])));
    },
    exec: async () => {},
    registerFile: async () => {},
    copyTo: async () => new Uint8Array(),
    cancel: async () => false,
  };
  return { engine, started, finish: (sql: string) => finish.get(sql)!() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('query lanes', () => {
  it('holds background queries until the foreground is done', async () => {
    const { engine, started, finish } = controlledEngine();
    const lanes = withLanes(engine);
    const results = lanes.query('results');
    const facets = lanes.query('facets', [], { background: true });
    const count = lanes.query('count');
    await tick();
    expect(started).toEqual(['results', 'count']);
    finish('results');
    await results;
    await tick();
    expect(started).toEqual(['results', 'count']);
    finish('count');
    await count;
    await tick();
    expect(started).toEqual(['results', 'count', 'facets']);
    finish('facets');
    await expect(facets).resolves.toEqual([]);
  });

  it('lets foreground queries issued in the same turn go first', async () => {
    const { engine, started } = controlledEngine();
    const lanes = withLanes(engine);
    void lanes.query('facets', [], { background: true });
    void lanes.query('results');
    await tick();
    expect(started).toEqual(['results']);
  });

  it('runs a background query at once when nothing else is pending', async () => {
    const { engine, started } = controlledEngine();
    void withLanes(engine).query('points', [], { background: true });
    await tick();
    expect(started).toEqual(['points']);
  });
});
