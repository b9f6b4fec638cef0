import { describe, expect, it } from 'vitest';
import { cityPoints } from './city-points.ts';
import { miles } from './miles.ts';
import { PlaceIndex } from './place-index.ts';
import type { ZipPoint } from './zip-crosscheck.ts';

const zip = (zip: string, city: string, state: string, lat: number, lon: number, area = true): ZipPoint =>
  ({ zip, city, state, lat, lon, area, source: 'geonames' });
const cityOf = (points: ReturnType<typeof cityPoints>, city: string) => points.find((c) => c.city === city)!;

describe('cityPoints', () => {
  const places = new PlaceIndex([
    { name: 'New York City', state: 'NY', lat: 40.71427, lon: -74.00597 },
    { name: 'Greenville', state: 'NC', lat: 35.2, lon: -79.2 }, // a namesake 100 mi from the ZIPs below
  ]);
  const newYork = [
    zip('10001', 'New York', 'NY', 40.7484, -73.9967),
    zip('10007', 'New York', 'NY', 40.7135, -74.0078),
    zip('10022', 'New York', 'NY', 40.7585, -73.9679),
    zip('10279', 'New York', 'NY', 40.7143, -74.006, false), // one building: nearest, but no area
    zip('10299', 'New York', 'NY', 40.77, -73.95 + 147.9), // a stray that once dragged the mean 49.5 mi east
  ];

  it('is the city\'s own place, snapped to its nearest ZIP with an area, whatever a stray ZIP says', () => {
    const ny = cityOf(cityPoints(newYork, places), 'New York');
    expect(ny).toMatchObject({ state: 'NY', central_zip: '10007', lat: 40.7135, lon: -74.0078, source: 'place' });
    expect(miles(ny, { lat: 40.71427, lon: -74.00597 })).toBeLessThan(0.2);
  });

  it('takes the median of the city\'s ZIPs, snapped to one, when no place of its name is near them', () => {
    const greenville = [
      zip('27834', 'Greenville', 'NC', 35.66, -77.38),
      zip('27835', 'Greenville', 'NC', 35.61, -77.37),
      zip('27858', 'Greenville', 'NC', 35.56, -77.31),
      zip('27899', 'Greenville', 'NC', 35.6, -77.37 + 30), // a stray
    ];
    expect(cityOf(cityPoints(greenville, places), 'Greenville')).toMatchObject({ central_zip: '27835', lat: 35.61, source: 'zip-median' });
  });

  it('takes the nearest ZIP without an area when the city has no other', () => {
    const boxes = [zip('10279', 'Box Town', 'NY', 40.7143, -74.006, false), zip('10280', 'Box Town', 'NY', 40.71, -74.01, false)];
    expect(cityOf(cityPoints(boxes, places), 'Box Town').central_zip).toBe('10279');
  });

  it('makes one point per city and state, named as its first ZIP spells it', () => {
    const points = cityPoints([zip('03101', 'Manchester', 'NH', 42.99, -71.46), zip('03102', 'MANCHESTER', 'NH', 43.0, -71.48),
      zip('06040', 'Manchester', 'CT', 41.78, -72.52)], places);
    expect(points.map((c) => `${c.city}, ${c.state}`)).toEqual(['Manchester, NH', 'Manchester, CT']);
  });
});
