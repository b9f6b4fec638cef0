import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { MILES_PER_DEGREE } from '../../release/geo.ts';
import type { Place } from '../../search/state.ts';

/** The search radius as a 64-sided polygon (good to a fraction of a percent at 100 miles). */
export function circle(center: Place, miles: number): Feature<Polygon> {
  const ring = Array.from({ length: 65 }, (_, i) => {
    const a = (i / 64) * 2 * Math.PI;
    const dLat = (miles / MILES_PER_DEGREE) * Math.sin(a);
    const dLon = (miles / (MILES_PER_DEGREE * Math.cos((center.lat * Math.PI) / 180))) * Math.cos(a);
    return [center.lon + dLon, center.lat + dLat];
  });
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}

export interface MapPoint extends Record<string, unknown> {
  org_id: string;
  org_type: string;
  name: string;
  latitude: number;
  longitude: number;
}

export function pointsCollection(rows: MapPoint[]): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      properties: { org_id: r.org_id, org_type: r.org_type, name: r.name },
      geometry: { type: 'Point', coordinates: [r.longitude, r.latitude] },
    })),
  };
}

/** [[west, south], [east, north]] of [longitude, latitude] positions, or null when there are none. */
export function bounds(positions: number[][]): [[number, number], [number, number]] | null {
  if (!positions.length) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of positions) {
    w = Math.min(w, lon); e = Math.max(e, lon);
    s = Math.min(s, lat); n = Math.max(n, lat);
  }
  return [[w, s], [e, n]];
}

export interface NetworkLink extends Record<string, unknown> {
  related_org_id: string;
  related_type: string;
  strength: number;
  latitude: number | null;
  longitude: number | null;
}

/** A line from the organization to each related one that has a position. */
export function linksCollection(from: { latitude: number; longitude: number } | null, links: NetworkLink[]): FeatureCollection<LineString> {
  if (!from) return { type: 'FeatureCollection', features: [] };
  return {
    type: 'FeatureCollection',
    features: links.filter((l) => l.latitude !== null && l.longitude !== null).map((l) => ({
      type: 'Feature',
      properties: { org_type: l.related_type, strength: l.strength },
      geometry: { type: 'LineString', coordinates: [[from.longitude, from.latitude], [l.longitude!, l.latitude!]] },
    })),
  };
}
