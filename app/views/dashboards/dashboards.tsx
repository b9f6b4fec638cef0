// The precomputed aggregates as pictures: organizations by state on a map of the US,
// treatment capacity by state and level of care, where a service is offered, and the data's
// quality from the build report. Each chart keeps its data and SQL a click away.
import * as Plot from '@observablehq/plot';
import { useCallback, useState } from 'react';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import statesTopology from 'us-atlas/states-10m.json';
import { useDatabase } from '../../db/use-database.ts';
import { useQuery } from '../../db/use-query.ts';
import { capacityQuery, organizationsByStateQuery, serviceByStateQuery, serviceCodesQuery } from '../../search/dashboards.ts';
import { LEVEL_OF_CARE_NAMES, nameOf } from '../../search/names.ts';
import { releaseTypes } from '../../search/release.ts';
import { ORG_TYPE_LABELS, type OrgType } from '../../search/state.ts';
import { ChartPanel } from './chart-panel.tsx';
import { DataQuality } from './data-quality.tsx';

const topology = statesTopology as unknown as Topology<{ states: GeometryCollection<{ name: string }> }>;
const STATES = feature(topology, topology.objects.states);
const BORDERS = mesh(topology, topology.objects.states, (a, b) => a !== b);

interface StateCount extends Record<string, unknown> { state: string; state_name: string; organizations: number }
interface Capacity extends Record<string, unknown> { state: string; level_of_care: string; residential_capacity: number | null }

const hasBeds = (r: Capacity) => Boolean(r.residential_capacity);

/** A choropleth of a count per state name. */
function choropleth(rows: StateCount[], label: string): Element {
  const byName = new Map(rows.map((r) => [r.state_name, r.organizations]));
  return Plot.plot({
    projection: 'albers-usa',
    width: 760,
    color: { type: 'quantile', n: 6, scheme: 'blues', legend: true, label, unknown: '#eee', tickFormat: ',.0f' },
    marks: [
      Plot.geo(STATES, {
        fill: (d: { properties: { name: string } }) => byName.get(d.properties.name) ?? null,
        title: (d: { properties: { name: string } }) => `${d.properties.name}: ${(byName.get(d.properties.name) ?? 0).toLocaleString('en-US')}`,
      }),
      Plot.geo(BORDERS, { stroke: 'white', strokeWidth: 0.7 }),
    ],
  });
}

export default function Dashboards({ onOpenConsole }: { onOpenConsole: (sql: string) => void }) {
  const database = useDatabase();
  const [type, setType] = useState<OrgType | null>(null);
  const [code, setCode] = useState('MD');
  const byStateSql = organizationsByStateQuery(type);
  const byState = useQuery<StateCount>(byStateSql);
  const capacitySql = capacityQuery();
  const capacity = useQuery<Capacity>(capacitySql);
  const serviceSql = serviceByStateQuery(code);
  const service = useQuery<StateCount>(serviceSql);
  const codes = useQuery<{ code: string; name: string; category_name: string }>(serviceCodesQuery());
  const codeName = codes.status === 'done' ? codes.rows.find((c) => c.code === code)?.name ?? code : code;

  const types = database.status === 'ready' ? releaseTypes(database.db.manifest) : [];

  const drawByState = useCallback((rows: StateCount[]) => choropleth(rows, 'Organizations'), []);
  const drawService = useCallback((rows: StateCount[]) => choropleth(rows, `Organizations listing ${codeName}`), [codeName]);
  const drawCapacity = useCallback((rows: Capacity[]) => Plot.plot({
    width: 760, height: 900, marginLeft: 40, x: { label: 'Residential beds', grid: true }, y: { label: null },
    color: { legend: true },
    marks: [
      Plot.barX(rows.filter(hasBeds), Plot.stackX({
        x: 'residential_capacity', y: 'state', fill: (r: Capacity) => nameOf(LEVEL_OF_CARE_NAMES, r.level_of_care),
        title: (r: Capacity) => `${r.state} ${nameOf(LEVEL_OF_CARE_NAMES, r.level_of_care).toLowerCase()}: ${r.residential_capacity}`,
        sort: { y: '-x' },
      })),
      Plot.ruleX([0]),
    ],
  }), []);

  return (
    <div className="dashboards">
      <ChartPanel title="Organizations by state" query={byStateSql} result={byState} draw={drawByState}
        empty="This release holds no organizations." onOpenConsole={onOpenConsole}>
        {types.length > 1 && (
          <label>
            Type{' '}
            <select value={type ?? ''} onChange={(e) => setType((e.target.value || null) as OrgType | null)}>
              <option value="">All types</option>
              {types.map((t) => <option key={t} value={t}>{ORG_TYPE_LABELS[t]}</option>)}
            </select>
          </label>
        )}
      </ChartPanel>
      <ChartPanel title="Treatment capacity by state and level of care" query={capacitySql} result={capacity} draw={drawCapacity}
        drawable={(rows) => rows.some(hasBeds)}
        empty="No treatment center in this release reports its residential capacity (SAMHSA's National Directory publishes no capacities)."
        onOpenConsole={onOpenConsole} />
      <ChartPanel title={`Where ${codeName} is offered`} query={serviceSql} result={service} draw={drawService}
        empty={`No organization in this release lists ${codeName}.`} onOpenConsole={onOpenConsole}>
        <label>
          Service{' '}
          <select value={code} onChange={(e) => setCode(e.target.value)}>
            {(codes.status === 'done' ? codes.rows : []).map((c) => <option key={c.code} value={c.code}>{c.category_name}: {c.name} ({c.code})</option>)}
          </select>
        </label>
      </ChartPanel>
      {database.status === 'ready' && <DataQuality manifest={database.db.manifest} />}
    </div>
  );
}
