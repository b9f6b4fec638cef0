// A map style that needs no tile server: US state outlines from us-atlas, drawn locally.
// A hosted deployment may point VITE_MAP_STYLE_URL at a tile style instead.
import type { StyleSpecification } from 'maplibre-gl';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import statesTopology from 'us-atlas/states-10m.json';

const topology = statesTopology as unknown as Topology<{ states: GeometryCollection }>;

export function baseStyle(): StyleSpecification | string {
  const hosted = import.meta.env.VITE_MAP_STYLE_URL as string | undefined;
  if (hosted) return hosted;
  return {
    version: 8,
    sources: {
      land: { type: 'geojson', data: feature(topology, topology.objects.states) },
      // Every state's outline, the coast and the borders with Canada and Mexico included: against the neutral outside, only a line marks them.
      borders: { type: 'geojson', data: mesh(topology, topology.objects.states) },
    },
    layers: [
      // Outside the states: water and the neighbouring countries alike (us-atlas draws no coastline
      // of its own, nor Canada or Mexico), so neither reads as the other: in blue, Ontario and
      // British Columbia were drawn as lakes (a person test, 2026-12-03).
      { id: 'outside', type: 'background', paint: { 'background-color': '#e3e3df' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f7f6f2' } },
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#9aa5b1', 'line-width': 0.8 } },
    ],
  };
}
