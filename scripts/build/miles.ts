// Great-circle distance for the gazetteer's checks, the same formula as the SQL macro
// haversine_miles (scripts/sql/macros.sql) so the build and the search measure alike.
import { milesBetween } from '../../app/release/geo.ts';

export interface LatLon {
  lat: number;
  lon: number;
}

export const miles: (a: LatLon, b: LatLon) => number = milesBetween;

/** The item of `items` nearest `to`, and how far; the first of equals wins. */
export function nearest<T extends LatLon>(to: LatLon, items: readonly T[]): { item: T; miles: number } | null {
  let best: { item: T; miles: number } | null = null;
  for (const item of items) {
    const d = miles(to, item);
    if (!best || d < best.miles) best = { item, miles: d };
  }
  return best;
}
