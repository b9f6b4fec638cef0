// A rural ZIP searches from its town. A ZIP's point is where its post office (GeoNames) or the
// middle of its area (ZCTA) lies; the middle of a large rural area may be far from where anyone
// is: 99615, Kodiak's, lies 38 mi inside the island, so the town's only listing read "38.4 mi"
// and a 25-mile search found nothing; 99603's point is in Kachemak Bay, 12 mi from Homer; 86305's
// 34 mi from Prescott, whose 7 listings a search of it missed (a walkthrough on SAMHSA's directory).
// Where no other ZIP's point lies within SPARSE_MILES (a town's several ZIPs lie closer: a city's
// ZIPs keep their own points) and the GeoNames place of the ZIP's own city name lies TOWN_MILES
// away, the ZIP takes the place's point. Measured on SAMHSA's 14,034 geocoded facilities (how far
// each lies from its ZIP's point, geocoder-accuracy.test.ts): p90 3.36 → 3.16 mi, p99 9.76 → 8.29,
// median 1.20 → 1.18; over 10 mi 131 → 83 facilities, over 20 mi 37 → 26; 466 ZIPs move.
import { miles, nearest } from './miles.ts';
import type { PlaceIndex } from './place-index.ts';
import type { ZipPoint } from './zip-crosscheck.ts';

export const SPARSE_MILES = 5;
/** Nearer, the ZIP's point is already in town; farther, the place is likely a namesake. */
export const TOWN_MILES = { min: 5, max: 40 };

/** Grid cells of half a degree (~35 mi of latitude): a point's neighbours lie in its cell's block of nine. */
const cellOf = (p: { lat: number; lon: number }) => [Math.floor(p.lat * 2), Math.floor(p.lon * 2)];

export function townPoints(zips: readonly ZipPoint[], places: PlaceIndex): ZipPoint[] {
  const grid = new Map<string, ZipPoint[]>();
  for (const z of zips) {
    const key = cellOf(z).join('|');
    const cell = grid.get(key);
    if (cell) cell.push(z);
    else grid.set(key, [z]);
  }
  const hasNeighbour = (z: ZipPoint) => {
    const [lat, lon] = cellOf(z);
    for (let i = -1; i <= 1; i++) {
      for (let j = -1; j <= 1; j++) {
        if ((grid.get(`${lat + i}|${lon + j}`) ?? []).some((o) => o.zip !== z.zip && miles(z, o) <= SPARSE_MILES)) return true;
      }
    }
    return false;
  };
  return zips.map((z) => {
    if (!z.city || !z.state || hasNeighbour(z)) return z;
    const town = nearest(z, places.named(z.city, z.state));
    return town && town.miles > TOWN_MILES.min && town.miles <= TOWN_MILES.max ? { ...z, lat: town.item.lat, lon: town.item.lon, source: 'town' } : z;
  });
}
