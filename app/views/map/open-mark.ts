// The opened organization on the map, plain to see: a ring round a dot of its type's colour,
// drawn as an HTML marker over the canvas, so neither a cluster bubble nor a cluster's count
// (HTML too, cluster-counts.ts) covers it (a person test: drawn in the clustered source, its
// ring went with its point into a bubble). Kept out from under the map's own controls.
import { Marker, type Map as MapLibre } from 'maplibre-gl';

/**
 * Room the map keeps clear when it frames an organization: "Search this area" at the top, the
 * zoom buttons at the top right (each ~30–40 px from the edge), a ring's width elsewhere.
 */
export const CLEAR_OF_CONTROLS = { top: 56, right: 56, bottom: 32, left: 32 };

export interface OpenPlace {
  latitude: number;
  longitude: number;
}

export function showOpenMark(map: MapLibre, at: OpenPlace, color: string): () => void {
  const mark = document.createElement('span');
  mark.className = 'open-mark';
  mark.style.setProperty('--type-color', color);
  mark.setAttribute('aria-hidden', 'true');
  const marker = new Marker({ element: mark }).setLngLat([at.longitude, at.latitude]).addTo(map);
  return () => marker.remove();
}

/** Whether the place is on the map and clear of its controls. */
export function inClearView(map: MapLibre, at: OpenPlace, clear = CLEAR_OF_CONTROLS): boolean {
  const { x, y } = map.project([at.longitude, at.latitude]);
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  return x >= clear.left && x <= width - clear.right && y >= clear.top && y <= height - clear.bottom;
}
