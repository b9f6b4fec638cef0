// The directory's side of the warm mix: each case issues the SQL the UI issues for that
// interaction (app/search/queries.ts), through the app's own engine and catalog.
import { openDatabase, type Database } from '../../../app/db/database.ts';
import { statesNear } from '../../../app/release/geo.ts';
import {
  countQuery, facetsQuery, locationQuery, networkQuery, organizationQuery, relatedQuery, resultsQuery, servicesQuery,
  typeDetailQuery, withRelated, type ResolvedSearch,
} from '../../../app/search/queries.ts';
import type { Sql } from '../../../app/release/sql.ts';
import { releaseUrl } from '../../../app/release/manifest.ts';
import { EMPTY_SEARCH, type OrgType, type Radius } from '../../../app/search/state.ts';

// The alternatives answer over every organization: the page leaves mental-health-only
// facilities out unless asked, so the benchmark asks.
const EVERY_TYPE = { mentalHealthOnly: true };
import { PAGE } from '../mix.ts';
import { exposeMix, type Answers } from './expose.ts';

const DASHBOARDS: Record<string, string> = {
  'by-state': 'SELECT state, org_type, organizations FROM mv_organizations_by_state ORDER BY state, org_type',
  capacity: `SELECT state, sum(facilities) AS facilities, sum(residential_capacity) AS beds
    FROM mv_treatment_capacity GROUP BY state ORDER BY state`,
  'medicaid-mat': `SELECT state, sum(accepting_medicaid) AS medicaid, sum(offering_mat) AS mat
    FROM mv_treatment_capacity GROUP BY state ORDER BY state`,
};

// Warm means the engine's files and views, not answers kept: every query reaches the engine,
// as every query of the mix did before the app's answers were cached (db/query-cache.ts).
async function run(db: Database, q: Sql) {
  db.cache.clear();
  return db.engine.query(q.text, q.params);
}

async function resolve(db: Database, zip: string, miles: number, filters = {}): Promise<ResolvedSearch> {
  const [place] = await run(db, locationQuery(zip)!);
  const near = { label: String(place.label), lat: Number(place.latitude), lon: Number(place.longitude) };
  const state = { ...EMPTY_SEARCH, ...EVERY_TYPE, where: zip, radius: miles as Radius, filters };
  return { state, near, states: statesNear(db.manifest, near.lat, near.lon, miles) };
}

async function search(db: Database, s: ResolvedSearch): Promise<number> {
  await run(db, resultsQuery(s, { limit: PAGE, offset: 0 }));
  const [{ n }] = await run(db, countQuery(s));
  return Number(n);
}

function answers(db: Database): Answers {
  return {
    near: async (zip, miles, filters) => search(db, await resolve(db, zip, miles, filters)),
    text: (text) => search(db, { state: { ...EMPTY_SEARCH, ...EVERY_TYPE, text }, near: null }),
    facets: async (zip, miles) => {
      const [row] = await run(db, facetsQuery(await resolve(db, zip, miles)));
      return Object.entries(row).filter(([k]) => k.startsWith('type:')).reduce((a, [, v]) => a + Number(v), 0);
    },
    detail: async (orgId) => {
      const [org] = await run(db, organizationQuery(orgId));
      // As the detail panel does: a treatment center's row is read from its state's files only.
      await run(db, typeDetailQuery(org.org_type as OrgType, orgId, [String(org.state)]));
      return (await run(db, servicesQuery(orgId))).length;
    },
    // As the nearby supports do (shell/use-network.ts): the links, then their organizations.
    network: async (orgId) => {
      const links = await run(db, networkQuery(orgId));
      const related = relatedQuery(links.map((l) => String(l.related_org_id)));
      return withRelated(links as { related_org_id: string }[], related ? await run(db, related) as { org_id: string }[] : []).length;
    },
    dashboard: async (name) => (await run(db, { text: DASHBOARDS[name], params: [] })).length,
  };
}

const db = await openDatabase(releaseUrl(new URL('/', location.href)));
exposeMix(answers(db));
