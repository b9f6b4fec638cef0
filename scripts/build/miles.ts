// Great-circle distance for the gazetteer's checks, the same formula as the SQL macro
// haversine_miles (scripts/sql/macros.sql) so the build and the search measure alike.
export interface LatLon {
  lat: number;
  lon: number;
}

const EARTH_RADIUS_MILES = 3958.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

export function miles(a: LatLon, b: LatLon): number {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2
    + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lon - a.lon) / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h));
}

/** The item of `items` nearest `to`, and how far; the first of equals wins. */
export function nearest<T extends LatLon>(to: LatLon, items: readonly T[]): { item: T; miles: number } | null {
  let best: { item: T; miles: number } | null = null;
  for (const item of items) {
    const d = miles(to, item);
    if (!best || d < best.miles) best = { item, miles: d };
  }
  return best;
}
