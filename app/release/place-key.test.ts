import { describe, expect, it } from 'vitest';
import { placeKey } from './place-key.ts';

describe('placeKey', () => {
  it.each([
    ['St Louis', 'St. Louis'],
    ['Saint Paul', 'St. Paul'],
    ['Mt Vernon', 'Mount Vernon'],
    ['Ft Worth', 'Fort Worth'],
    ['Mc Grath', 'McGrath'],
    ['Bronx', 'The Bronx'],
    ['Washington', 'Washington, D.C.'],
    ['Mayaguez', 'Mayagüez'],
    ['Winston Salem', 'Winston-Salem'],
  ])('reads the USPS "%s" as GeoNames\' "%s"', (usps, geonames) => {
    expect(placeKey(usps)).toBe(placeKey(geonames));
  });

  it('keeps different places apart', () => {
    expect(placeKey('Stanton')).not.toBe(placeKey('Saint Anton'));
    expect(placeKey('Kansas City')).not.toBe(placeKey('Kansas'));
  });
});
