// The gazetteer as the packages give it: the measured faults of issue 11 stay fixed, and a
// "City, ST" search starts exactly where its central ZIP's does (through the app's own query).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationQuery } from '../../app/search/queries.ts';
import { openDb, rows, type Db } from './db.ts';
import { loadGazetteer } from './gazetteer.ts';
import { miles } from './miles.ts';
import { prepareDatabase } from './reference.ts';

const { zips, cities, checks } = loadGazetteer();
const zipPoint = (zip: string) => zips.find((z) => z.zip === zip)!;
const cityPoint = (city: string, state: string) => cities.find((c) => c.city === city && c.state === state)!;
// Independent of both packages: city halls.
const ANCHORAGE = { lat: 61.2176, lon: -149.8997 };
const FAIRBANKS = { lat: 64.8436, lon: -147.7231 };
const MANHATTAN = { lat: 40.7128, lon: -74.006 };
const MIDTOWN = { lat: 40.7549, lon: -73.984 };

describe('the ZIPs issue 11 found hundreds of miles off', () => {
  it('puts 99503 (central Anchorage) and 99701 (Fairbanks) in their cities', () => {
    expect(miles(zipPoint('99503'), ANCHORAGE)).toBeLessThan(3);
    expect(miles(zipPoint('99701'), FAIRBANKS)).toBeLessThan(3);
  });

  it('reports every disagreement with how it was resolved, and the ZIPs left out', () => {
    const byZip = new Map(checks.map((c) => [c.zip, c]));
    expect(byZip.get('99503')).toMatchObject({ issue: 'sources disagree', kept: 'geonames' });
    expect(byZip.get('99701')).toMatchObject({ issue: 'sources disagree', kept: 'geonames' });
    expect(byZip.get('99505')).toMatchObject({ issue: 'sources disagree', kept: 'zcta' }); // zipcodes' base by Dillingham
    expect(byZip.get('10200')).toMatchObject({ issue: 'outside its state', kept: 'neither' });
    expect(zips.some((z) => z.zip === '10200')).toBe(false);
    expect(checks.filter((c) => c.issue === 'sources disagree').length).toBeGreaterThan(50);
    expect(checks.every((c) => c.reason.length > 0)).toBe(true);
  });
});

describe('city points', () => {
  it('puts New York, Anchorage and Fairbanks at the city, not at an average of their ZIPs', () => {
    const newYork = cityPoint('New York', 'NY');
    expect(miles(newYork, MANHATTAN)).toBeLessThan(2);
    expect(miles(newYork, MIDTOWN)).toBeLessThan(4);
    expect(miles(cityPoint('Anchorage', 'AK'), ANCHORAGE)).toBeLessThan(2);
    expect(miles(cityPoint('Fairbanks', 'AK'), FAIRBANKS)).toBeLessThan(2);
  });

  it('is always the point of the city\'s central ZIP, a ZIP of that city', () => {
    const byZip = new Map(zips.map((z) => [z.zip, z]));
    const off = cities.filter((c) => {
      const z = byZip.get(c.central_zip);
      return !z || z.lat !== c.lat || z.lon !== c.lon || z.city?.toLowerCase() !== c.city.toLowerCase() || z.state !== c.state;
    });
    expect(off).toEqual([]);
  });
});

describe('published', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb();
    await prepareDatabase(db);
  });
  afterAll(() => db.closeSync());

  const lookup = async (where: string) => {
    const q = locationQuery(where)!;
    return (await rows<{ label: string; latitude: number; longitude: number }>(db, q.text, q.params))[0];
  };

  it.each([['New York, NY'], ['Anchorage, AK'], ['Fairbanks, AK']])('"%s" searches from its central ZIP\'s point', async (where) => {
    const [{ central_zip }] = await rows<{ central_zip: string }>(db,
      `SELECT central_zip FROM gazetteer WHERE kind = 'city' AND key = lower(?)`, [where]);
    const [city, zip] = [await lookup(where), await lookup(central_zip)];
    expect(city.label).toBe(where);
    expect([city.latitude, city.longitude]).toEqual([zip.latitude, zip.longitude]);
  });
});
