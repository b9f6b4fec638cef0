// Result layers as typed data: clusters sized by count, points coloured by type, and a ring for
// the hovered organization (the opened one's is over the canvas: open-mark.ts).
import type { LayerSpecification } from 'maplibre-gl';
import type { OrgType } from '../../search/state.ts';

export const TYPE_COLORS: Record<OrgType, string> = {
  treatment_center: '#1f6fb2',
  narr_residence: '#b3541e',
  recovery_center: '#2e8540',
  recovery_organization: '#7a3e9d',
};

/** A cluster's circle radius in px from its count: 10 up to 9, 14 up to 99, 19 up to 999, then 25. */
const CLUSTER_RADII: [number, number][] = [[0, 10], [10, 14], [100, 19], [1000, 25]];
export const clusterRadius = (count: number) => CLUSTER_RADII.findLast(([from]) => count >= from)![1];

const typeColor = ['match', ['get', 'org_type'], ...Object.entries(TYPE_COLORS).flat(), '#555'] as unknown as string;

export const RESULT_LAYERS: LayerSpecification[] = [
  // The selected organization's network: a line to each related one, thicker when stronger.
  {
    id: 'network-links', type: 'line', source: 'network',
    paint: { 'line-color': typeColor, 'line-opacity': 0.8, 'line-width': ['interpolate', ['linear'], ['get', 'strength'], 0, 1, 1, 5] },
  },
  { id: 'radius-fill', type: 'fill', source: 'radius', paint: { 'fill-color': '#1f6fb2', 'fill-opacity': 0.06 } },
  { id: 'radius-line', type: 'line', source: 'radius', paint: { 'line-color': '#1f6fb2', 'line-width': 1.5, 'line-dasharray': [3, 2] } },
  {
    id: 'clusters', type: 'circle', source: 'results', filter: ['has', 'point_count'],
    paint: {
      'circle-color': '#35556e', 'circle-opacity': 0.75, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5,
      'circle-radius': ['step', ['get', 'point_count'], CLUSTER_RADII[0][1], ...CLUSTER_RADII.slice(1).flat()] as unknown as number,
    },
  },
  {
    id: 'points', type: 'circle', source: 'results', filter: ['!', ['has', 'point_count']],
    paint: { 'circle-color': typeColor, 'circle-radius': 6, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1.5 },
  },
  {
    id: 'hovered', type: 'circle', source: 'results', filter: ['==', ['get', 'org_id'], ''],
    paint: { 'circle-radius': 10, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#f5a623', 'circle-stroke-width': 3 },
  },
];
