// Distances on the map and in the search, in miles, and the states a search can reach. The
// same constants as the SQL macro haversine_miles (scripts/sql/macros.sql).
import type { Manifest } from './manifest.ts';

export const EARTH_RADIUS_MILES = 3958.8;
/** Miles in one degree of latitude (and of longitude at the equator). */
export const MILES_PER_DEGREE = 69.17;

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

/** The latitude/longitude box that holds every point within `miles` of a point. */
export function boundingBox(lat: number, lon: number, miles: number) {
  const dLat = miles / MILES_PER_DEGREE;
  const dLon = miles / (MILES_PER_DEGREE * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
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
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h));
}
