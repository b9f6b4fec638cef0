// The opened organization on the map, plain to see: a red pin holding a dot of its type's colour,
// its tip on the place, drawn as an HTML marker over the canvas, so neither a cluster bubble nor a
// cluster's count (HTML too, cluster-counts.ts) covers it (a person test: drawn in the clustered
// source, its ring went with its point into a bubble). A pin, not a ring round the point: a ring
// over Miles City's cluster of two hid the other one. Kept out from under the map's own controls.
import { Marker, type Map as MapLibre } from 'maplibre-gl';

/**
 * Room the map keeps clear round the place when it frames an organization: the pin (32 px tall)
 * under "Search this area" at the top (~44 px), the zoom buttons at the top right (~40 px).
 */
export const CLEAR_OF_CONTROLS = { top: 80, right: 56, bottom: 24, left: 32 };

export interface OpenPlace {
  latitude: number;
  longitude: number;
}

export function showOpenMark(map: MapLibre, at: OpenPlace, color: string): () => void {
  const mark = document.createElement('span');
  mark.className = 'open-mark';
  mark.setAttribute('aria-hidden', 'true');
  // The marker moves its element with a transform: the pin's own turn is on a child.
  const pin = mark.appendChild(document.createElement('span'));
  pin.className = 'open-pin';
  pin.style.setProperty('--type-color', color);
  const marker = new Marker({ element: mark, anchor: 'bottom' }).setLngLat([at.longitude, at.latitude]).addTo(map);
  return () => marker.remove();
}

/** Whether the place is on the map and clear of its controls. */
export function inClearView(map: MapLibre, at: OpenPlace, clear = CLEAR_OF_CONTROLS): boolean {
  const { x, y } = map.project([at.longitude, at.latitude]);
  const { clientWidth: width, clientHeight: height } = map.getContainer();
  return x >= clear.left && x <= width - clear.right && y >= clear.top && y <= height - clear.bottom;
}
