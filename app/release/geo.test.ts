import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { boundingBox, EARTH_RADIUS_MILES, milesBetween, statesNear } from './geo.ts';

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
  /** The point `miles` from (lat, lon) on the haversine's sphere, setting out on `bearing` radians. */
  const destination = (lat: number, lon: number, miles: number, bearing: number) => {
    const r = Math.PI / 180;
    const d = miles / EARTH_RADIUS_MILES;
    const to = Math.asin(Math.sin(lat * r) * Math.cos(d) + Math.cos(lat * r) * Math.sin(d) * Math.cos(bearing));
    const dLon = Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat * r), Math.cos(d) - Math.sin(lat * r) * Math.sin(to));
    return { lat: to / r, lon: lon + dLon / r };
  };

  it('holds every point within the radius: the edge of the circle all round, from the tropics to Alaska', () => {
    for (const [lat, lon] of [[42.393, -71.134], [18.4, -66.1], [64.8, -147.7], [71.29, -156.79]]) {
      for (const miles of [1, 10, 25, 100]) {
        const box = boundingBox(lat, lon, miles);
        for (let i = 0; i < 3600; i++) {
          const p = destination(lat, lon, miles, (i / 3600) * 2 * Math.PI);
          expect(milesBetween({ lat, lon }, p)).toBeCloseTo(miles, 9);
          const inside = p.lat >= box.minLat && p.lat <= box.maxLat && p.lon >= box.minLon && p.lon <= box.maxLon;
          if (!inside) expect.fail(`${miles} mi from ${lat},${lon} at ${p.lat},${p.lon} is outside ${JSON.stringify(box)}`);
        }
        // …and no more than a hair wider than the circle.
        expect(box.maxLat - lat).toBeCloseTo(destination(lat, lon, miles, 0).lat - lat, 6);
      }
    }
  });
});

describe('the SQL macros', () => {
  // SQL cannot import these constants; the build's macros write them out, and must say the same.
  it('measure with the same earth', () => {
    const macros = readFileSync('scripts/sql/macros.sql', 'utf8');
    expect(macros).toContain(`2 * ${EARTH_RADIUS_MILES} * asin(`);
  });

  it('the network keeps its one flat-earth figure for miles a degree', () => {
    // Its own measure of nearness (scripts/sql/network.sql), not the search's.
    const network = readFileSync('scripts/sql/network.sql', 'utf8').replace(/--[^\n]*/g, '');
    const perDegree = [...network.matchAll(/\b6\d\.\d+\b/g)].map((m) => Number(m[0]));
    expect(perDegree.length).toBeGreaterThan(4);
    expect(new Set(perDegree).size).toBe(1);
  });
});
