// The directory's side of the warm mix: each case issues the SQL the UI issues for that
// interaction (app/search/queries.ts). Shared by the bench page (ours.ts, the app's own
// engine in a browser) and scripts/engines/warm-profile.ts (duckdb-wasm in Node, CPU per query).
import type { Row } from '../../../app/db/engine.ts';
import { statesNear } from '../../../app/release/geo.ts';
import type { Manifest } from '../../../app/release/manifest.ts';
import type { Sql } from '../../../app/release/sql.ts';
import {
  countOf, countQuery, facetsQuery, locationQuery, networkQuery, offeredServices, organizationQuery, resultsQuery,
  serviceCodesQuery, type ResolvedSearch,
} from '../../../app/search/queries.ts';
import { EMPTY_SEARCH, type Radius } from '../../../app/search/state.ts';
import { PAGE } from '../mix.ts';
import type { Answers } from './expose.ts';

// The alternatives answer over every organization: the page leaves mental-health-only
// facilities out unless asked, so the benchmark asks.
const EVERY_TYPE = { mentalHealthOnly: true };

const DASHBOARDS: Record<string, string> = {
  'by-state': 'SELECT state, org_type, organizations FROM mv_organizations_by_state ORDER BY state, org_type',
  capacity: `SELECT state, sum(facilities) AS facilities, sum(residential_capacity) AS beds
    FROM mv_treatment_capacity GROUP BY state ORDER BY state`,
  'medicaid-mat': `SELECT state, sum(accepting_medicaid) AS medicaid, sum(offering_mat) AS mat
    FROM mv_treatment_capacity GROUP BY state ORDER BY state`,
};

/** `run` reaches the engine for every query: warm means the engine's files and views, not answers kept. */
export function directoryAnswers(run: (q: Sql) => Promise<Row[]>, manifest: Pick<Manifest, 'state_extents'>): Answers {
  async function resolve(zip: string, miles: number, filters = {}): Promise<ResolvedSearch> {
    const [place] = await run(locationQuery(zip)!);
    const near = { label: String(place.label), lat: Number(place.latitude), lon: Number(place.longitude) };
    const state = { ...EMPTY_SEARCH, ...EVERY_TYPE, where: zip, radius: miles as Radius, filters };
    return { state, near, states: statesNear(manifest, near.lat, near.lon, miles) };
  }

  // The count the page asks too, unless it is the first page's own statement (a text search's,
  // queries.ts), which the page's cache answers once.
  async function search(s: ResolvedSearch): Promise<number> {
    const page = resultsQuery(s, { limit: PAGE, offset: 0 });
    const count = countQuery(s);
    const rows = await run(page);
    return countOf(JSON.stringify([count.text, count.params]) === JSON.stringify([page.text, page.params]) ? rows : await run(count));
  }

  return {
    near: async (zip, miles, filters) => search(await resolve(zip, miles, filters)),
    text: (text) => search({ state: { ...EMPTY_SEARCH, ...EVERY_TYPE, text }, near: null }),
    facets: async (zip, miles) => {
      const [row] = await run(facetsQuery(await resolve(zip, miles)));
      return Object.entries(row).filter(([k]) => k.startsWith('type:')).reduce((a, [, v]) => a + Number(v), 0);
    },
    // As the detail panel does (views/detail/detail-panel.tsx): the organization's row, with its
    // type's fields and service codes, and the codes' names, asked at once. The page's cache
    // answers the names after a first opening; here they reach the engine every time.
    detail: async (orgId) => {
      const [[org], codes] = await Promise.all([run(organizationQuery(orgId)), run(serviceCodesQuery())]);
      return offeredServices(codes as { code: string }[], org).length;
    },
    // As the panel's nearby supports do (shell/use-network.ts): the links with their organizations'
    // names and places. The map's lines then look up where those are, in the background, behind
    // any query a person waits for (db/lanes.ts), as the map's other queries are: not timed here.
    network: async (orgId) => (await run(networkQuery(orgId))).length,
    dashboard: async (name) => (await run({ text: DASHBOARDS[name], params: [] })).length,
  };
}
