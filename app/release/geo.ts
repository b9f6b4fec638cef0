// Distances on the map and in the search, in miles, and the states a search can reach. The
// same earth as the SQL macro haversine_miles (scripts/sql/macros.sql).
import type { Manifest } from './manifest.ts';

export const EARTH_RADIUS_MILES = 3958.8;
/** Miles in one degree of latitude on that sphere (and of longitude at the equator): 69.09. */
export const MILES_PER_DEGREE = (EARTH_RADIUS_MILES * Math.PI) / 180;
const RADIANS = Math.PI / 180;

/**
 * How each organization's position was found (organizations.geo_precision, whose CHECK in
 * scripts/sql/schema.sql lists the same four): a short label for tables, a sentence for one organization.
 */
export const GEO_PRECISION: Record<string, { label: string; sentence: string }> = {
  source: { label: 'the source gave a position', sentence: 'Exact position from the source listing.' },
  zip: { label: 'ZIP centroid', sentence: 'Approximate: placed at the center of its ZIP code.' },
  city: { label: 'city centroid', sentence: 'Approximate: placed at the center of its city.' },
  none: { label: 'not located', sentence: 'Location unknown: not shown on the map.' },
};

/** Whether a position is only its ZIP's or city's center (GEO_PRECISION). */
export const isApproximate = (precision: unknown) => precision === 'zip' || precision === 'city';

/**
 * The latitude/longitude box that holds every point within `miles` of a point, on the sphere the
 * haversine measures: the cap reaches δ north and south and asin(sin δ / cos φ) east and west
 * (a little over δ / cos φ). With the flat earth's 69.17 miles a degree the box was 0.11% too
 * small, and a search dropped what lay at its edge (9.99 miles from 02140 in a 10-mile search).
 * A hair over the exact cap: a point right on the edge must not fall out by rounding.
 */
export function boundingBox(lat: number, lon: number, miles: number) {
  const angle = (miles / EARTH_RADIUS_MILES) * (1 + 1e-9);
  const dLat = angle / RADIANS;
  const reach = Math.sin(angle) / Math.cos(lat * RADIANS);
  // A cap over a pole takes in every longitude.
  const dLon = reach >= 1 ? 180 : Math.asin(reach) / RADIANS;
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

/**
 * The states whose organizations can lie within `miles` of a point: those whose extent (the
 * manifest's box around their located organizations) meets the search's box. Answered from
 * the manifest, so a search needs no query before its results.
 */
export function statesNear(manifest: Pick<Manifest, 'state_extents'>, lat: number, lon: number, miles: number): string[] {
  const box = boundingBox(lat, lon, miles);
  return Object.entries(manifest.state_extents)
    .filter(([, e]) => e.min_lat <= box.maxLat && e.max_lat >= box.minLat && e.min_lon <= box.maxLon && e.max_lon >= box.minLon)
    .map(([state]) => state)
    .sort();
}

/** Straight-line miles between two points (the haversine formula; the same figure the list shows). */
export function milesBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = (b.lat - a.lat) * RADIANS;
  const dLon = (b.lon - a.lon) * RADIANS;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h));
}
