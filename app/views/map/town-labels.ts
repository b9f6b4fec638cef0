// Town names on the map as HTML labels (the offline style has no glyphs for MapLibre to write
// text with): the places on screen whose zoom has come, largest first, none over another, at
// most a few dozen; chosen again when the map stops moving (between, they move with it). A view
// the towns leave with fewer than three names takes smaller ones, whatever the zoom, and then
// the smaller places of its squares of the map (fetched for that view alone): the person test's
// phone map around rural 59301 named nothing, Miles City (8,800 people) waiting for zoom 8 in a
// view of 7.8.
import { Marker, type Map as MapLibre } from 'maplibre-gl';
import { placeKey } from '../../release/place-key.ts';
import type { Place } from '../../search/state.ts';

export interface Towns { names: string; at: number[]; zooms: string }
export interface Places { names: string; at: number[] }
/** The smaller places' module: each square's loader, by name ("-108,44"), and the squares' side in degrees. */
export type PlaceCells = () => Promise<{ cellDegrees: number; default: Record<string, () => Promise<{ default: Places }>> }>;

/** A list to label from, in its order: `zooms` says from which zoom each is named; without, only to fill a nearly empty view. */
export interface Labelled { key: string; names: string[]; at: number[]; zooms?: string }

const MAX_LABELS = 40;
/** Below this many names, a view takes places its zoom has not come to, then its squares' smaller places. */
const MIN_LABELS = 3;
/** Closer than the country or a region: a view this close fetches its squares' smaller places when it needs them. */
const PLACES_ZOOM = 6;
/** Roughly a label's box at 12 px: characters × 6.5 px, and a line. */
const CHAR_PX = 6.5;
const LINE_PX = 16;
/** A name's own dot and its margin, in the name's box on the dot's side. */
const DOT_PX = 4;

/** Left, top, right, bottom in the map's pixels. */
export type Box = [number, number, number, number];
const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Where a name goes beside its dot, first choice first, and the label's anchor there (MapLibre's `anchor`). */
const SIDES = { over: 'bottom', under: 'top', right: 'left', left: 'right' } as const;
export type Side = keyof typeof SIDES;

/** How far from the searched point its town may lie: a ZIP's centroid is not its town's point, and another state's Cambridge is not it. */
const SEARCHED_MILES = 15;

/** Each list's names as placeKey reads them, made once a list (the towns are 7,000 names). */
const keysOf = new WeakMap<Labelled, string[]>();
const placeKeys = (list: Labelled) => {
  if (!keysOf.has(list)) keysOf.set(list, list.names.map(placeKey));
  return keysOf.get(list)!;
};

/**
 * The place of `lists` the searched place names, the nearest within SEARCHED_MILES, or null: on
 * 02139's laptop map the towns around were named and Cambridge was not (its dot beside a cluster's
 * circle with Boston named there), so the one name the search was about was missing. The ZIP's
 * city is USPS's name and the towns GeoNames' (placeKey): "Saint Louis" is "St. Louis", and
 * "New York" "New York City" when no "New York" is near, as the build matches them.
 */
export function searchedPlace(lists: Labelled[], searched: Place | null): [Labelled, number] | null {
  if (!searched) return null;
  const nearest = (key: string) => {
    let best: [Labelled, number] | null = null;
    let bestMiles = SEARCHED_MILES;
    for (const list of lists) {
      placeKeys(list).forEach((k, i) => {
        if (k !== key) return;
        const dx = (list.at[2 * i] / 100 - searched.lon) * Math.cos((searched.lat * Math.PI) / 180);
        const miles = Math.hypot(dx, list.at[2 * i + 1] / 100 - searched.lat) * 69;
        if (miles <= bestMiles) [best, bestMiles] = [[list, i], miles];
      });
    }
    return best;
  };
  const key = placeKey(searched.label);
  return key ? nearest(key) ?? nearest(`${key}city`) : null;
}

/** A place to name: `key:index` of its list, the side of its dot its name goes, and how far (px) from the dot when a mark covers it. */
export interface Label { key: string; side: Side; offset?: [number, number] }

type Project = (lon: number, lat: number) => { x: number; y: number };
type Size = { width: number; height: number };
const keyOf = ([list, i]: [Labelled, number]) => `${list.key}:${i}`;

/**
 * Which places to label in a view of `size` pixels: largest first, each label whole on screen (a
 * name cut at the edge read as another town's), over its dot or, when something `taken` is there
 * (the zoom buttons, a cluster's count sat on Boston's name), under it, right or left of it. A
 * place whose dot lies under one of the `marks` (a cluster's circle, the opened organization's
 * pin) or against it is named beside the mark, without a dot of its own: rural 59301's two results sat on Miles
 * City, and hid the one name the view was about. The `searched` place (searchedPlace) is named
 * first, whatever the zoom, on the side of its dot that leaves the largest places named (its first
 * side with room can take a larger town's only room: the test's case). On a laptop's map of 02139
 * at 25 miles Cambridge has room only right of its dot, which leaves Boston none: Cambridge is named.
 * Exported for its test.
 */
export function labelsInView(lists: Labelled[], zoom: number, project: Project, size: Size, taken: Box[] = [], marks: Box[] = [],
  searched: [Labelled, number] | null = null): Label[] {
  // Each place projected once for the tries below (four of them, each over up to every town).
  const projected = new Map<string, { x: number; y: number }>();
  const once: Project = (lon, lat) => {
    const key = `${lon},${lat}`;
    if (!projected.has(key)) projected.set(key, project(lon, lat));
    return projected.get(key)!;
  };
  const plain = () => choose(lists, zoom, once, size, taken, marks, null);
  if (!searched) return plain();
  const [list, i] = searched;
  const { x, y } = once(list.at[2 * i] / 100, list.at[2 * i + 1] / 100);
  if (x < 0 || y < 0 || x > size.width || y > size.height) return plain();
  const tries = (Object.keys(SIDES) as Side[]).map((side) => choose(lists, zoom, once, size, taken, marks, { place: searched, side }))
    .filter((labels) => labels[0]?.key === keyOf(searched));
  if (!tries.length) return plain();
  // Of two labellings, the better leaves out only smaller places: the places each leaves out of
  // those any names, by their place in candidates' order, compared smallest first.
  const anyNamed = new Set(tries.flat().map((l) => l.key));
  const rank = new Map<string, number>();
  let place = 0;
  for (const candidate of candidates(lists, null)) {
    if (anyNamed.has(keyOf(candidate))) rank.set(keyOf(candidate), place);
    if (rank.size === anyNamed.size) break;
    place++;
  }
  const leftOut = tries.map((labels) => {
    const named = new Set(labels.map((l) => l.key));
    return [...anyNamed].filter((key) => !named.has(key)).map((key) => rank.get(key)!).sort((a, b) => a - b);
  });
  const better = (a: number[], b: number[]) => {
    for (let n = 0; n < Math.min(a.length, b.length); n++) if (a[n] !== b[n]) return a[n] > b[n];
    return a.length < b.length;
  };
  let best = 0;
  for (let n = 1; n < tries.length; n++) if (better(leftOut[n], leftOut[best])) best = n;
  return tries[best];
}

/** labelsInView's labels with `searched` named first on its given side (none if it has no room there). */
function choose(lists: Labelled[], zoom: number, project: Project, size: Size, taken: Box[], marks: Box[],
  searched: { place: [Labelled, number]; side: Side } | null): Label[] {
  const chosen: Label[] = [];
  const boxes: Box[] = [...taken, ...marks];
  const free = (box: Box) => box[0] >= 0 && box[1] >= 0 && box[2] <= size.width && box[3] <= size.height && !boxes.some((b) => overlaps(b, box));
  for (const [list, i] of candidates(lists, searched?.place ?? null)) {
    if (chosen.length >= MAX_LABELS) break;
    // Largest first, so the zooms only grow: the rest wait for a closer view, unless this one is
    // nearly empty (the searched place comes first, so its zoom never stops it).
    if ((list.zooms ? Number(list.zooms[i]) : Infinity) > zoom && chosen.length >= MIN_LABELS) break;
    const first = searched !== null && searched.place[0] === list && searched.place[1] === i;
    const { x, y } = project(list.at[2 * i] / 100, list.at[2 * i + 1] / 100);
    const width = list.names[i].length * CHAR_PX + 8;
    // A dot under a mark, or so near one that a name beside it would touch it (Boston's, 2 px over
    // a circle on 02139's laptop map), is named beside the mark; else beside its own dot.
    const mark = marks.find((b) => b[0] - DOT_PX <= x && x <= b[2] + DOT_PX && b[1] - DOT_PX <= y && y <= b[3] + DOT_PX);
    const [left, top, right, bottom] = mark ?? [x, y, x, y];
    const dot = mark ? 0 : DOT_PX;
    const around: Record<Side, Box> = {
      over: [x - width / 2, top - LINE_PX, x + width / 2, top + dot],
      under: [x - width / 2, bottom - dot, x + width / 2, bottom + LINE_PX],
      right: [right - dot, y - LINE_PX / 2, right + width, y + LINE_PX / 2],
      left: [left - width, y - LINE_PX / 2, left + dot, y + LINE_PX / 2],
    };
    const side = first ? (free(around[searched.side]) ? searched.side : undefined) : (Object.keys(SIDES) as Side[]).find((s) => free(around[s]));
    if (!side) continue;
    boxes.push(around[side]);
    const offsets: Record<Side, [number, number]> = { over: [0, top - y], under: [0, bottom - y], right: [right - x, 0], left: [left - x, 0] };
    chosen.push(mark ? { key: `${list.key}:${i}`, side, offset: offsets[side] } : { key: `${list.key}:${i}`, side });
  }
  return chosen;
}

/**
 * Each place of `lists` in turn, `searched` first: the ranked lists (with zooms) in their order,
 * then the squares' places, the largest of each square before the second of any. Square by
 * square, a view across two named the first square's hamlets and not the other's town (a cold review).
 */
function* candidates(lists: Labelled[], searched: [Labelled, number] | null): Generator<[Labelled, number]> {
  if (searched) yield searched;
  const other = ([list, i]: [Labelled, number]) => searched?.[0] !== list || searched[1] !== i;
  const squares = lists.filter((l) => !l.zooms);
  for (const list of lists.filter((l) => l.zooms)) for (let i = 0; i < list.names.length; i++) if (other([list, i])) yield [list, i];
  const longest = Math.max(0, ...squares.map((l) => l.names.length));
  for (let i = 0; i < longest; i++) for (const list of squares) if (i < list.names.length && other([list, i])) yield [list, i];
}

/** The squares of `degrees` a view's bounds touch, as the build names them ("-108,44"). */
export function cellsOf(west: number, south: number, east: number, north: number, degrees: number): string[] {
  const cells: string[] = [];
  for (let x = Math.floor(west / degrees) * degrees; x < east; x += degrees) {
    for (let y = Math.floor(south / degrees) * degrees; y < north; y += degrees) cells.push(`${x},${y}`);
  }
  return cells;
}

const listOf = (key: string, places: Places | Towns): Labelled => ({ key, names: places.names.split('|'), at: places.at, zooms: 'zooms' in places ? places.zooms : undefined });

/** `searched`: the place the search is near (its label's town, "Cambridge" of "Cambridge, MA 02139", is named first), read each time the labels are chosen. */
export function showTowns(map: MapLibre, towns: Towns, placeCells: PlaceCells, searched: () => Place | null): () => void {
  const lists = new Map<string, Labelled>([['towns', listOf('towns', towns)]]);
  let cells: ReturnType<PlaceCells> | null = null;
  let degrees = 0;
  const asked = new Set<string>();
  let shown = new Map<string, Marker>();
  let removed = false;
  const update = () => {
    if (removed) return;
    const size = map.getCanvas().getBoundingClientRect();
    const zoom = map.getZoom();
    const b = map.getBounds();
    const inView = () => cellsOf(b.getWest(), b.getSouth(), b.getEast(), b.getNorth(), degrees);
    const loaded = degrees ? inView().flatMap((cell) => lists.get(cell) ?? []) : [];
    // No name under the zoom buttons ("Terry" sat half under them on a phone), nor under a
    // cluster's circle (cluster-counts.ts) or the opened organization's pin, which hid the name
    // of the town they sat on.
    const boxesOf = (selector: string) => [...map.getContainer().querySelectorAll(selector)].map((c): Box => {
      const r = c.getBoundingClientRect();
      return [r.left - size.left, r.top - size.top, r.right - size.left, r.bottom - size.top];
    });
    const inLists = [lists.get('towns')!, ...loaded];
    const chosen = labelsInView(inLists, zoom, (lon, lat) => map.project([lon, lat]), size,
      boxesOf('.maplibregl-ctrl'), boxesOf('.cluster-count, .open-mark'), searchedPlace(inLists, searched()));
    const next = new Map<string, Marker>();
    for (const { key, side, offset } of chosen) {
      const id = `${key} ${side} ${offset ?? ''}`;
      let marker = shown.get(id);
      if (!marker) {
        const [listKey, i] = [key.slice(0, key.lastIndexOf(':')), Number(key.slice(key.lastIndexOf(':') + 1))];
        const list = lists.get(listKey)!;
        const label = document.createElement('span');
        label.className = `town-label ${side}${offset ? ' beside' : ''}`;
        label.textContent = list.names[i];
        label.translate = false; // a place's name as the gazetteer has it ("Near North Side"), not words to translate
        // The list and the headings say where; the names only orient the eye.
        label.setAttribute('aria-hidden', 'true');
        marker = new Marker({ element: label, anchor: SIDES[side], offset }).setLngLat([list.at[2 * i] / 100, list.at[2 * i + 1] / 100]).addTo(map);
      }
      next.set(id, marker);
    }
    for (const [key, marker] of shown) if (!next.has(key)) marker.remove();
    shown = next;
    if (chosen.length >= MIN_LABELS || zoom < PLACES_ZOOM) return;
    // Nearly empty: the smaller places of the squares in view, each square fetched once (a chunk of this site).
    cells ??= placeCells();
    cells.then(({ cellDegrees, default: loaders }) => {
      degrees = cellDegrees;
      const missing = inView().filter((cell) => loaders[cell] && !asked.has(cell));
      missing.forEach((cell) => asked.add(cell));
      return Promise.all(missing.map((cell) => loaders[cell]().then(({ default: places }) => { lists.set(cell, listOf(cell, places)); })))
        .then(() => { if (missing.length) update(); });
    }).catch(() => {});
  };
  // Again once the map is still and drawn ('idle'): the clusters of a new zoom are counted only then.
  const events = ['moveend', 'resize', 'idle'] as const;
  for (const event of events) map.on(event, update);
  update();
  return () => {
    removed = true;
    for (const event of events) map.off(event, update);
    for (const marker of shown.values()) marker.remove();
  };
}
