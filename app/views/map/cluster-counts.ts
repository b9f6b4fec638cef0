// Cluster counts as HTML labels over the circles: the offline style has no glyphs, and MapLibre
// needs glyphs to draw text. Only the clusters on screen get a label, redrawn as the map moves.
// The label's box is its circle's (the count sits in its middle), so town names keep off the
// circle and not only off the digits (town-labels.ts).
import { Marker, type Map as MapLibre } from 'maplibre-gl';
import { formatNumber } from '../../i18n/format.ts';
import { clusterRadius } from './layers.ts';

export function showClusterCounts(map: MapLibre): () => void {
  let shown = new Map<number, Marker>();
  const update = () => {
    const next = new Map<number, Marker>();
    for (const feature of map.querySourceFeatures('results', { filter: ['has', 'point_count'] })) {
      const id = Number(feature.properties.cluster_id);
      if (next.has(id)) continue; // a cluster on a tile border comes twice
      let marker = shown.get(id);
      if (!marker) {
        const count = Number(feature.properties.point_count);
        const label = document.createElement('span');
        label.className = 'cluster-count';
        label.style.width = label.style.height = `${2 * clusterRadius(count)}px`;
        label.append(Object.assign(document.createElement('span'), { textContent: formatNumber(count) }));
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
