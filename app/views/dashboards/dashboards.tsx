// The precomputed aggregates as pictures: organizations by state on a map of the US,
// treatment capacity by state and level of care, where a service is offered, and the data's
// quality from the build report. Each chart keeps its data and SQL a click away.
import * as Plot from '@observablehq/plot';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import statesTopology from 'us-atlas/states-10m.json';
import { useDatabase } from '../../db/use-database.ts';
import { useQuery } from '../../db/use-query.ts';
import { capacityQuery, organizationsByStateQuery, serviceByStateQuery } from '../../search/dashboards.ts';
import { serviceCodesQuery } from '../../search/queries.ts';
import { formatNumber } from '../../i18n/format.ts';
import { releaseTypes } from '../../search/release.ts';
import type { OrgType } from '../../search/state.ts';
import { ChartPanel } from './chart-panel.tsx';
import { DataQuality } from './data-quality.tsx';

const topology = statesTopology as unknown as Topology<{ states: GeometryCollection<{ name: string }> }>;
const STATES = feature(topology, topology.objects.states);
const BORDERS = mesh(topology, topology.objects.states, (a, b) => a !== b);
// The Albers USA projection draws the 50 states and DC (FIPS below 60); Puerto Rico and the
// island territories it leaves out, and the freely associated states are not in us-atlas at all.
const ON_MAP = new Set(STATES.features.filter((f) => Number(f.id) < 60).map((f) => f.properties.name));

interface StateCount extends Record<string, unknown> { state: string; state_name: string; organizations: number }
interface Capacity extends Record<string, unknown> { state: string; level_of_care: string; residential_capacity: number | null }

const hasBeds = (r: Capacity) => Boolean(r.residential_capacity);

/** "Not on this map: Puerto Rico 56, Guam 3.", in the page's language (`data.states`). */
function offMapCaption(t: TFunction, rows: StateCount[]): Node {
  const lead = t('dashboards.offMap');
  const caption = document.createElement('span');
  caption.append(`${lead} `);
  rows.forEach((r, i) => {
    const name = document.createElement('span');
    name.translate = false;
    name.textContent = t(`data.states.${r.state}`, { defaultValue: r.state_name });
    caption.append(...(i ? [', '] : []), name, ` ${formatNumber(r.organizations)}`);
  });
  caption.append('.');
  return caption;
}

/** A choropleth of a count per state name; what the map cannot draw is named under it. */
function choropleth(t: TFunction, rows: StateCount[], label: string): Element {
  const byName = new Map(rows.map((r) => [r.state_name, r.organizations]));
  // The map's shapes are named in English (us-atlas); shown in the page's language.
  const shown = new Map(rows.map((r) => [r.state_name, t(`data.states.${r.state}`, { defaultValue: r.state_name })]));
  const offMap = rows.filter((r) => r.organizations > 0 && !ON_MAP.has(r.state_name));
  return Plot.plot({
    projection: 'albers-usa',
    width: 760,
    // Puerto Rico's 56 listings were in the table only: nothing said the map left them out.
    caption: offMap.length ? offMapCaption(t, offMap) : null,
    color: { type: 'quantile', n: 6, scheme: 'blues', legend: true, label, unknown: '#eee', tickFormat: (n: number) => formatNumber(Math.round(n)) },
    marks: [
      Plot.geo(STATES, {
        fill: (d: { properties: { name: string } }) => byName.get(d.properties.name) ?? null,
        title: (d: { properties: { name: string } }) => `${shown.get(d.properties.name) ?? d.properties.name}: ${formatNumber(byName.get(d.properties.name) ?? 0)}`,
      }),
      // Decorative: without ariaHidden Plot labels the group, which axe reports as a prohibited attribute.
      Plot.geo(BORDERS, { stroke: 'white', strokeWidth: 0.7, ariaHidden: 'true' }),
    ],
  });
}

export default function Dashboards({ onOpenConsole }: { onOpenConsole: (sql: string) => void }) {
  const { t } = useTranslation();
  const database = useDatabase();
  const [type, setType] = useState<OrgType | null>(null);
  const [code, setCode] = useState('MD');
  const byStateSql = organizationsByStateQuery(type);
  const byState = useQuery<StateCount>(byStateSql);
  const capacitySql = capacityQuery();
  const capacity = useQuery<Capacity>(capacitySql);
  const serviceSql = serviceByStateQuery(code);
  const service = useQuery<StateCount>(serviceSql);
  const codes = useQuery<{ code: string; name: string; category_code: string; category_name: string }>(serviceCodesQuery());
  const serviceLabel = (c: { code: string; name: string }) => t(`services.${c.code}`, { defaultValue: c.name });
  const listed = codes.status === 'done' ? codes.rows.find((c) => c.code === code) : undefined;
  const codeName = listed ? serviceLabel(listed) : code;

  const types = database.status === 'ready' ? releaseTypes(database.db.manifest) : [];

  const drawByState = useCallback((rows: StateCount[]) => choropleth(t, rows, t('dashboards.organizations')), [t]);
  const drawService = useCallback((rows: StateCount[]) => choropleth(t, rows, t('dashboards.organizationsListing', { service: codeName })), [t, codeName]);
  const drawCapacity = useCallback((rows: Capacity[]) => capacityChart(t, rows), [t]);

  return (
    <div className="dashboards">
      <ChartPanel title={t('dashboards.byState')} query={byStateSql} result={byState} draw={drawByState}
        empty={t('dashboards.byStateEmpty')} onOpenConsole={onOpenConsole}>
        {types.length > 1 && (
          <label>
            {t('results.type')}{' '}
            <select value={type ?? ''} onChange={(e) => setType((e.target.value || null) as OrgType | null)}>
              <option value="">{t('dashboards.allTypes')}</option>
              {types.map((ty) => <option key={ty} value={ty}>{t(`data.orgType.${ty}`)}</option>)}
            </select>
          </label>
        )}
      </ChartPanel>
      <ChartPanel title={t('dashboards.capacity')} query={capacitySql} result={capacity} draw={drawCapacity}
        drawable={(rows) => rows.some(hasBeds)}
        empty={t('dashboards.capacityEmpty')}
        onOpenConsole={onOpenConsole} />
      <ChartPanel title={t('dashboards.service', { service: codeName })} query={serviceSql} result={service} draw={drawService}
        empty={t('dashboards.serviceEmpty', { service: codeName })} onOpenConsole={onOpenConsole}>
        <label>
          {t('dashboards.serviceLabel')}{' '}
          <select value={code} onChange={(e) => setCode(e.target.value)}>
            {(codes.status === 'done' ? codes.rows : []).map((c) => (
              <option key={c.code} value={c.code}>
                {t('dashboards.serviceOption', { category: t(`serviceCategories.${c.category_code}`, { defaultValue: c.category_name }), service: serviceLabel(c), code: c.code })}
              </option>
            ))}
          </select>
        </label>
      </ChartPanel>
      {database.status === 'ready' && <DataQuality manifest={database.db.manifest} />}
    </div>
  );
}

/** Residential beds per state, stacked by level of care, the axes and legend in the page's language. */
function capacityChart(t: TFunction, rows: Capacity[]): Element {
  const level = (r: Capacity) => t(`data.level.${r.level_of_care}`, { defaultValue: r.level_of_care });
  return Plot.plot({
    width: 760, height: 900, marginLeft: 40, x: { label: t('dashboards.residentialBeds'), grid: true, tickFormat: (n: number) => formatNumber(n) }, y: { label: null },
    color: { legend: true },
    marks: [
      Plot.barX(rows.filter(hasBeds), Plot.stackX({
        x: 'residential_capacity', y: 'state', fill: level,
        title: (r: Capacity) => t('dashboards.capacityTip', { state: r.state, level: level(r), beds: formatNumber(r.residential_capacity ?? 0) }),
        sort: { y: '-x' },
      })),
      Plot.ruleX([0], { ariaHidden: 'true' }),
    ],
  });
}
