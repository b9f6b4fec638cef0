// Every county's outline (us-atlas: the Census Bureau's 1:10,000,000 cartographic boundaries) as
// edges, for telling in SQL which county a point lies in (locate.sql): no spatial extension can
// be loaded here, and a point-in-polygon test is a count of edges crossed.
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Db } from './db.ts';

const require = createRequire(import.meta.url);

/**
 * Fills county_edges: an edge of every ring (islands and holes alike: a crossing count needs
 * neither their order nor their direction), horizontal ones left out (a horizontal ray never
 * crosses them).
 */
export async function loadCountyEdges(db: Db): Promise<void> {
  const topology = require('us-atlas/counties-10m.json') as Topology<{ counties: GeometryCollection }>;
  const appender = await db.createAppender('county_edges');
  for (const county of feature(topology, topology.objects.counties).features) {
    const shape = county.geometry;
    const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.type === 'MultiPolygon' ? shape.coordinates : [];
    for (const ring of polygons.flat()) {
      for (let i = 1; i < ring.length; i++) {
        const [[lon1, lat1], [lon2, lat2]] = [ring[i - 1], ring[i]];
        if (lat1 === lat2) continue;
        appender.appendVarchar(String(county.id));
        for (const value of [lat1, lon1, lat2, lon2]) appender.appendDouble(value);
        appender.endRow();
      }
    }
  }
  appender.closeSync();
}
