import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { boundingBox, EARTH_RADIUS_MILES, MILES_PER_DEGREE, statesNear } from './geo.ts';

const manifest = {
  state_extents: {
    MA: { min_lat: 41.2, max_lat: 42.9, min_lon: -73.5, max_lon: -69.9 },
    RI: { min_lat: 41.1, max_lat: 42.0, min_lon: -71.9, max_lon: -71.1 },
    IL: { min_lat: 37.0, max_lat: 42.5, min_lon: -91.5, max_lon: -87.0 },
  },
};

describe('statesNear', () => {
  it('keeps the states whose extent meets the search box, sorted', () => {
    expect(statesNear(manifest, 42.36, -71.06, 5)).toEqual(['MA']);
    expect(statesNear(manifest, 42.36, -71.06, 50)).toEqual(['MA', 'RI']);
    expect(statesNear(manifest, 30.0, -95.0, 100)).toEqual([]);
  });
});

describe('boundingBox', () => {
  it('is a mile radius in degrees, wider in longitude away from the equator', () => {
    const box = boundingBox(42.36, -71.06, 69.17);
    expect(box.maxLat - 42.36).toBeCloseTo(1, 6);
    expect(box.maxLon + 71.06).toBeCloseTo(1 / Math.cos((42.36 * Math.PI) / 180), 6);
    expect(box.minLon + 71.06).toBeCloseTo(-(box.maxLon + 71.06), 9);
  });
});

describe('the SQL macros', () => {
  // SQL cannot import these constants; the build's macros write them out, and must say the same.
  it('measure with the same earth and the same miles per degree', () => {
    const macros = readFileSync('scripts/sql/macros.sql', 'utf8');
    expect(macros).toContain(`2 * ${EARTH_RADIUS_MILES} * asin(`);
    const network = readFileSync('scripts/sql/network.sql', 'utf8').replace(/--[^\n]*/g, '');
    const perDegree = [...network.matchAll(/\b6\d\.\d+\b/g)].map((m) => Number(m[0]));
    expect(perDegree.length).toBeGreaterThan(4);
    expect(new Set(perDegree)).toEqual(new Set([MILES_PER_DEGREE]));
  });
});
