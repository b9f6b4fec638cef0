// Town names on the map as HTML labels (the offline style has no glyphs for MapLibre to write
// text with): the places on screen whose zoom has come, largest first, none over another, at
// most a few dozen; chosen again when the map stops moving (between, they move with it).
import { Marker, type Map as MapLibre } from 'maplibre-gl';

export interface Towns { names: string; at: number[]; zooms: string }

const MAX_LABELS = 40;
/** Roughly a label's box at 12 px: characters × 6.5 px, and a line. */
const CHAR_PX = 6.5;
const LINE_PX = 16;

type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Which towns to label in a view of `size` pixels: indexes into `towns`, largest first, each
 * label whole on screen (a name cut at the edge read as another town's). Exported for its test.
 */
export function townsInView(names: string[], towns: Towns, zoom: number, project: (lon: number, lat: number) => { x: number; y: number },
  size: { width: number; height: number }): number[] {
  const chosen: number[] = [];
  const boxes: Box[] = [];
  for (let i = 0; i < names.length && chosen.length < MAX_LABELS; i++) {
    // Largest first, so the zooms only grow: the rest wait for a closer view.
    if (Number(towns.zooms[i]) > zoom) break;
    const p = project(towns.at[2 * i] / 100, towns.at[2 * i + 1] / 100);
    const half = (names[i].length * CHAR_PX) / 2 + 4;
    const box: Box = [p.x - half, p.y - LINE_PX, p.x + half, p.y + 4];
    if (box[0] < 0 || box[1] < 0 || box[2] > size.width || box[3] > size.height) continue;
    if (boxes.some((b) => overlaps(b, box))) continue;
    boxes.push(box);
    chosen.push(i);
  }
  return chosen;
}

export function showTowns(map: MapLibre, towns: Towns): () => void {
  const names = towns.names.split('|');
  let shown = new Map<number, Marker>();
  const update = () => {
    const size = map.getCanvas().getBoundingClientRect();
    const next = new Map<number, Marker>();
    for (const i of townsInView(names, towns, map.getZoom(), (lon, lat) => map.project([lon, lat]), size)) {
      let marker = shown.get(i);
      if (!marker) {
        const label = document.createElement('span');
        label.className = 'town-label';
        label.textContent = names[i];
        // The list and the headings say where; the names only orient the eye.
        label.setAttribute('aria-hidden', 'true');
        marker = new Marker({ element: label, anchor: 'bottom' }).setLngLat([towns.at[2 * i] / 100, towns.at[2 * i + 1] / 100]).addTo(map);
      }
      next.set(i, marker);
    }
    for (const [i, marker] of shown) if (!next.has(i)) marker.remove();
    shown = next;
  };
  map.on('moveend', update);
  map.on('resize', update);
  update();
  return () => {
    map.off('moveend', update);
    map.off('resize', update);
    for (const marker of shown.values()) marker.remove();
  };
}
