// Every county's outline (us-atlas: the Census Bureau's 1:10,000,000 cartographic boundaries) as
// edges, for telling in SQL which county a point lies in (locate.sql): no spatial
// extension can be loaded here, and a point-in-polygon test is a count of edges crossed.
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Db } from './db.ts';

const require = createRequire(import.meta.url);

/**
 * A county's name as a reader tells it from a namesake: us-atlas names Baltimore city (24510)
 * and Baltimore County (24005) alike, as it does Virginia's independent cities (51510 and up) and
 * St. Louis city (29510); SAMHSA writes "Baltimore City", "Richmond City". (At 1:10,000,000 Falls
 * Church, 51610, is a sliver no point falls in: its listings are Fairfax's.)
 */
export function countyName(fips: string, name: string): string {
  const independentCity = ['24', '29', '51'].includes(fips.slice(0, 2)) && Number(fips.slice(2)) >= 510;
  return independentCity ? `${name} City` : name;
}

/**
 * Fills `counties` (FIPS code and name) and `county_edges`: an edge of every ring (islands and
 * holes alike: a crossing count needs neither their order nor their direction) once for each
 * whole degree of latitude it spans (`band`), so a point meets only its band's edges of the
 * counties around it; horizontal edges are left out (a horizontal ray never crosses them).
 */
export async function loadCountyOutlines(db: Db): Promise<void> {
  const topology = require('us-atlas/counties-10m.json') as Topology<{ counties: GeometryCollection<{ name: string }> }>;
  const counties = await db.createAppender('counties');
  const edges = await db.createAppender('county_edges');
  for (const county of feature(topology, topology.objects.counties).features) {
    const fips = String(county.id);
    counties.appendVarchar(fips);
    counties.appendVarchar(countyName(fips, county.properties!.name));
    counties.endRow();
    const shape = county.geometry;
    const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.type === 'MultiPolygon' ? shape.coordinates : [];
    for (const ring of polygons.flat()) {
      for (let i = 1; i < ring.length; i++) {
        const [[lon1, lat1], [lon2, lat2]] = [ring[i - 1], ring[i]];
        if (lat1 === lat2) continue;
        for (let band = Math.floor(Math.min(lat1, lat2)); band <= Math.floor(Math.max(lat1, lat2)); band++) {
          edges.appendVarchar(fips);
          edges.appendInteger(band);
          for (const value of [lat1, lon1, lat2, lon2]) edges.appendDouble(value);
          edges.endRow();
        }
      }
    }
  }
  counties.closeSync();
  edges.closeSync();
}
