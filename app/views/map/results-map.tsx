// The results on a map that works with no tile server: clustered points coloured by type with
// their counts, town names from an offline list (more as it zooms in), the search radius,
// fitted to it (the contiguous states when there is no place);
// zoom buttons and MapLibre's keyboard handler (arrows, + and -) on a labelled, focusable canvas; hover and selection shared with the table;
// "Search this area" after the map is moved by hand.
import { Map as MapLibre, NavigationControl, setWorkerUrl, type GeoJSONSource, type MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';
import { QueryFailed } from '../../components/query-failed.tsx';
import { MILES_PER_DEGREE } from '../../release/geo.ts';
import { useQuery } from '../../db/use-query.ts';
import { organizationQuery, pointsQuery, type ResolvedSearch } from '../../search/queries.ts';
import { usePlacedNetwork } from '../../shell/use-network.ts';
import { RADII, type OrgType, type Place, type Radius } from '../../search/state.ts';
import { roundedPlace } from '../../search/url.ts';
import { baseStyle } from './base-style.ts';
import { showClusterCounts } from './cluster-counts.ts';
import { showTowns } from './town-labels.ts';
import { CLEAR_OF_CONTROLS, inClearView, showOpenMark } from './open-mark.ts';
import { bounds, circle, linksCollection, pointsCollection, type MapPoint } from './geometry.ts';
import { RESULT_LAYERS, TYPE_COLORS } from './layers.ts';

setWorkerUrl(workerUrl);

interface Props {
  search: ResolvedSearch;
  selectedId: string | null;
  hoveredId: string | null;
  onSelect: (orgId: string) => void;
  onHover: (orgId: string | null) => void;
  /** The types the release holds: the legend names only those. */
  types: readonly OrgType[];
  /** Absent when the place cannot change (an embed with its place locked). */
  onSearchArea?: (at: Place, radius: Radius) => void;
}

const EMPTY = pointsCollection([]);
const US_BOUNDS: [[number, number], [number, number]] = [[-125, 24], [-66, 50]];
/** How far in from the map's edges a search's circle is fitted, in pixels. */
const SEARCH_PADDING = 24;

export default function ResultsMap({ search, selectedId, hoveredId, onSelect, onHover, types, onSearchArea }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibre | null>(null);
  const [moved, setMoved] = useState(false);
  // The rows the map has drawn and fitted its view to (the point count is only shown for them).
  const [drawn, setDrawn] = useState<MapPoint[] | null>(null);
  const points = useQuery<MapPoint>(pointsQuery(search), { background: true });
  const origin = useQuery<{ org_id: string; org_type: OrgType; name: string; latitude: number | null; longitude: number | null }>(selectedId ? organizationQuery(selectedId) : null, { background: true });
  const links = usePlacedNetwork(selectedId, { background: true });
  const handlers = useRef({ onSelect, onHover });
  handlers.current = { onSelect, onHover };
  // The town searched near is named first (town-labels.ts).
  const searched = useRef<Place | null>(null);
  searched.current = search.near;

  useEffect(() => {
    const m = new MapLibre({ container: container.current!, style: baseStyle(), bounds: US_BOUNDS, attributionControl: false });
    m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    m.getCanvas().setAttribute('aria-label', t('map.canvas'));
    const hideCounts = showClusterCounts(m);
    let hideTowns = () => {};
    let removed = false;
    m.on('load', () => {
      // Its own chunk, fetched from this site beside the points' query.
      import('virtual:towns').then(({ default: towns }) => { if (!removed) hideTowns = showTowns(m, towns, () => import('virtual:places'), () => searched.current); }, () => {});
      m.addSource('results', { type: 'geojson', data: EMPTY, cluster: true, clusterMaxZoom: 11, clusterRadius: 40 });
      m.addSource('radius', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      m.addSource('network', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      RESULT_LAYERS.forEach((layer) => m.addLayer(layer));
      setMap(m);
    });
    m.on('click', 'points', (e: MapLayerMouseEvent) => handlers.current.onSelect(String(e.features![0].properties.org_id)));
    m.on('mousemove', 'points', (e: MapLayerMouseEvent) => {
      m.getCanvas().style.cursor = 'pointer';
      handlers.current.onHover(String(e.features![0].properties.org_id));
    });
    m.on('mouseleave', 'points', () => {
      m.getCanvas().style.cursor = '';
      handlers.current.onHover(null);
    });
    m.on('click', 'clusters', async (e: MapLayerMouseEvent) => {
      const feature = e.features![0];
      const zoom = await (m.getSource('results') as GeoJSONSource).getClusterExpansionZoom(feature.properties.cluster_id);
      m.easeTo({ center: (feature.geometry as GeoJSON.Point).coordinates as [number, number], zoom });
    });
    // Only a move the person started offers a new search; fitting to results does not.
    let byHand = false;
    m.on('movestart', (e) => { byHand = Boolean((e as { originalEvent?: unknown }).originalEvent); });
    m.on('moveend', () => {
      if (byHand) setMoved(true);
      // What the map shows, for the browser tests (west, south, east, north).
      const b = m.getBounds();
      container.current?.setAttribute('data-view', [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((d) => d.toFixed(4)).join(','));
    });
    return () => {
      removed = true;
      hideCounts();
      hideTowns();
      m.remove();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the map is made once; the effect below relabels it
  }, []);
  useEffect(() => {
    map?.getCanvas().setAttribute('aria-label', t('map.canvas'));
    const zoom = map?.getContainer().querySelectorAll<HTMLButtonElement>('.maplibregl-ctrl-zoom-in, .maplibregl-ctrl-zoom-out');
    zoom?.forEach((b) => {
      const label = t(b.classList.contains('maplibregl-ctrl-zoom-in') ? 'map.zoomIn' : 'map.zoomOut');
      b.title = label;
      b.setAttribute('aria-label', label);
    });
  }, [map, t]);

  const rows = points.status === 'done' ? points.rows : null;
  // The opened organization the map is framed on (below): a search's new rows fit its view, then the frame again.
  const framed = useRef<string | null>(null);
  const ring = useMemo(() => (search.near ? circle(search.near, search.state.radius) : null), [search.near, search.state.radius]);
  // A whole state: its results. Without a place, the contiguous states: fitting every point took in Guam and made the mainland tiny.
  const stateBox = useMemo(() => (search.inState && rows ? bounds(rows.map((r) => [r.longitude, r.latitude])) : null), [search.inState, rows]);
  const searchBox = (ring ? bounds(ring.geometry.coordinates[0]) : null) ?? stateBox ?? US_BOUNDS;
  useEffect(() => {
    if (!map || !rows) return;
    (map.getSource('results') as GeoJSONSource).setData(pointsCollection(rows));
    (map.getSource('radius') as GeoJSONSource).setData({ type: 'FeatureCollection', features: ring ? [ring] : [] });
    map.fitBounds(searchBox, { padding: SEARCH_PADDING, maxZoom: 13, duration: 0 });
    framed.current = null;
    setMoved(false);
    setDrawn(rows);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- searchBox follows ring, and stateBox rows
  }, [map, rows, ring]);

  // For one render after another opening, `origin` still holds the last one's row.
  const opened = selectedId && origin.status === 'done' && origin.rows[0]?.org_id === selectedId ? origin.rows[0] : undefined;
  const from = opened?.latitude != null && opened.longitude != null ? { latitude: opened.latitude, longitude: opened.longitude } : null;
  const linkRows = selectedId && links.status === 'done' ? links.rows : [];
  const network = linksCollection(from, linkRows);
  useEffect(() => {
    (map?.getSource('network') as GeoJSONSource | undefined)?.setData(network);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- by value: `network` is a new collection each render
  }, [map, JSON.stringify(network)]);

  const openColor = opened ? TYPE_COLORS[opened.org_type] : null;
  useEffect(() => {
    if (!map || !from || !openColor) return;
    return showOpenMark(map, from, openColor);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- by value: `from` is a new object each render
  }, [map, from?.latitude, from?.longitude, openColor]);

  // An opened organization is framed with the places its links name, once an opening (a person
  // test: at the search's zoom its 2–4 mile lines were ~10 px, and a farther one ran off the map),
  // clear of the map's controls; one with no links is brought out from under them or into view.
  // The person's own moves after it stay, and closing it goes back to the search's view. No closer
  // than a town (zoom 12: a 2-mile line ~110 px): sites a block apart framed at street level (14)
  // left a laptop's map blank but for two dots, with no outline or town name to say where.
  const frame = from && network.features.length
    ? bounds([[from.longitude, from.latitude], ...network.features.map((f) => f.geometry.coordinates[1])]) : null;
  const linksRead = links.status === 'done' || links.status === 'failed';
  useEffect(() => {
    if (!map) return;
    if (selectedId && from && linksRead && framed.current !== selectedId) {
      framed.current = selectedId;
      // The map shrinks as the details open above it (styles.css): measured at its new size, not the old one.
      map.resize();
      if (frame) map.fitBounds(frame, { padding: CLEAR_OF_CONTROLS, maxZoom: 12, duration: 0 });
      else if (!inClearView(map, from)) map.jumpTo({ center: [from.longitude, from.latitude] });
    } else if (!selectedId && framed.current) {
      framed.current = null;
      map.fitBounds(searchBox, { padding: SEARCH_PADDING, maxZoom: 13, duration: 0 });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- by value: `frame` and `from` are new each render
  }, [map, selectedId, JSON.stringify(frame), from?.latitude, from?.longitude, linksRead, rows]);

  useEffect(() => {
    map?.setFilter('hovered', ['==', ['get', 'org_id'], hoveredId ?? '']);
  }, [map, hoveredId]);

  const searchThisArea = () => {
    if (!map || !onSearchArea) return;
    const c = map.getCenter();
    const b = map.getBounds();
    const { clientWidth: width, clientHeight: height } = map.getContainer();
    // The circle the view holds as a search's circle is fitted to it, so a pan alone keeps the
    // radius (a person test: the view's half height, padding and all, made a 25-mile search 50
    // miles on a phone); within 5%, for the projection's stretch across the view.
    const milesPerPixel = ((b.getNorth() - b.getSouth()) * MILES_PER_DEGREE) / height;
    const held = (Math.min(width, height) / 2 - SEARCH_PADDING) * milesPerPixel;
    const radius = RADII.find((r) => r >= held * 0.95) ?? RADII[RADII.length - 1];
    onSearchArea(roundedPlace(c.lat, c.lng, 'the map area'), radius);
  };

  return (
    <section className="results-map" aria-label={t('map.label')}>
      <div ref={container} className="map-canvas" data-point-count={rows && drawn === rows ? rows.length : ''} data-link-count={network.features.length} />
      <p className="map-caption" aria-live="polite">
        {rows ? t('map.locations', { count: rows.length, n: formatNumber(rows.length) }) : t('app.loadingMap')}
      </p>
      {moved && onSearchArea && <button type="button" className="search-area" onClick={searchThisArea}>{t('map.searchArea')}</button>}
      <ul className="legend" aria-label={t('map.legend')}>
        {types.map((type) => (
          <li key={type}><span style={{ background: TYPE_COLORS[type] }} aria-hidden="true" /> {t(`data.orgType.${type}`)}</li>
        ))}
        {opened && from && <li className="legend-open"><span aria-hidden="true"><span className="open-pin" /></span> {t('map.open')} <bdi translate="no">{opened.name}</bdi></li>}
      </ul>
      {points.status === 'failed' && <QueryFailed error={points.error} onRetry={points.retry} />}
    </section>
  );
}
