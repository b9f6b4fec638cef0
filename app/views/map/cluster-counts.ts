// Cluster counts as HTML labels over the circles: the offline style has no glyphs, and MapLibre
// needs glyphs to draw text. Only the clusters on screen get a label, redrawn as the map moves.
import { Marker, type Map as MapLibre } from 'maplibre-gl';
import { formatNumber } from '../../i18n/format.ts';
import type { Box } from './town-labels.ts';

const clusters = (map: MapLibre) => map.querySourceFeatures('results', { filter: ['has', 'point_count'] });

/** Roughly a count's box (styles.css .cluster-count: 12 px bold on its ground): characters × 7.5 px and a line. */
const COUNT_CHAR_PX = 7.5;
const COUNT_HALF_HEIGHT = 9;

/**
 * The clusters' counts in the map's pixels, for the town names to keep off: a count over a name
 * (126 over "New York City" at the country's zoom) hid both. The counts, not the whole circles: a
 * name reads on a circle's translucent edge, and the circles at a city's centre kept it nameless
 * ("Boston" on a search around 02139, at every zoom). Labels are HTML over the canvas, so
 * MapLibre's symbol collision (text-allow-overlap and the like, between symbols only) has no say.
 */
export function countBoxes(map: MapLibre): Box[] {
  return clusters(map).map((feature) => {
    const p = map.project((feature.geometry as GeoJSON.Point).coordinates as [number, number]);
    const half = (formatNumber(Number(feature.properties.point_count)).length * COUNT_CHAR_PX) / 2 + 3;
    return [p.x - half, p.y - COUNT_HALF_HEIGHT, p.x + half, p.y + COUNT_HALF_HEIGHT];
  });
}

export function showClusterCounts(map: MapLibre): () => void {
  let shown = new Map<number, Marker>();
  const update = () => {
    const next = new Map<number, Marker>();
    for (const feature of clusters(map)) {
      const id = Number(feature.properties.cluster_id);
      if (next.has(id)) continue; // a cluster on a tile border comes twice
      let marker = shown.get(id);
      if (!marker) {
        const label = document.createElement('span');
        label.className = 'cluster-count';
        label.textContent = formatNumber(Number(feature.properties.point_count));
        label.setAttribute('aria-hidden', 'true');
        marker = new Marker({ element: label }).setLngLat((feature.geometry as GeoJSON.Point).coordinates as [number, number]).addTo(map);
      }
      next.set(id, marker);
    }
    for (const [id, marker] of shown) if (!next.has(id)) marker.remove();
    shown = next;
  };
  map.on('render', update);
  return () => {
    map.off('render', update);
    for (const marker of shown.values()) marker.remove();
  };
}
