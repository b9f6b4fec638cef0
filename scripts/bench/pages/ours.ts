// The directory's side of the warm mix: each case issues the SQL the UI issues for that
// interaction (app/search/queries.ts), through the app's own engine and catalog.
import { openDatabase, type Database } from '../../../app/db/database.ts';
import { relationForStates, relationsForStates, statesNear } from '../../../app/db/partitions.ts';
import {
  countQuery, facetsQuery, locationQuery, networkQuery, organizationQuery, resultsQuery, servicesQuery,
  typeDetailQuery, type ResolvedSearch,
} from '../../../app/search/queries.ts';
import type { Sql } from '../../../app/search/sql.ts';
import { EMPTY_SEARCH, type OrgType, type Radius } from '../../../app/search/state.ts';
import { PAGE, type BenchCase } from '../mix.ts';
import { exposeMix } from './expose.ts';

const DASHBOARDS: Record<string, string> = {
  'by-state': 'SELECT state, org_type, organizations FROM mv_organizations_by_state ORDER BY state, org_type',
  capacity: `SELECT state, sum(facilities) AS facilities, sum(residential_capacity) AS beds
    FROM mv_treatment_capacity GROUP BY state ORDER BY state`,
  'medicaid-mat': `SELECT state, sum(accepting_medicaid) AS medicaid, sum(offering_mat) AS mat
    FROM mv_treatment_capacity GROUP BY state ORDER BY state`,
};

async function run(db: Database, q: Sql) {
  return db.engine.query(q.text, q.params);
}

async function resolve(db: Database, zip: string, miles: number, filters = {}): Promise<ResolvedSearch> {
  const [place] = await run(db, locationQuery(zip)!);
  const near = { label: String(place.label), lat: Number(place.latitude), lon: Number(place.longitude) };
  const state = { ...EMPTY_SEARCH, where: zip, radius: miles as Radius, filters };
  return { state, near, relations: relationsForStates(db.manifest, statesNear(db.manifest, near.lat, near.lon, miles)) };
}

async function search(db: Database, s: ResolvedSearch): Promise<number> {
  await run(db, resultsQuery(s, { limit: PAGE, offset: 0 }));
  const [{ n }] = await run(db, countQuery(s));
  return Number(n);
}

async function runCase(db: Database, c: BenchCase): Promise<number> {
  switch (c.kind) {
    case 'radius':
      return search(db, await resolve(db, c.zip, c.miles));
    case 'filter':
      return search(db, await resolve(db, c.zip, c.miles, c.filters));
    case 'text':
      return search(db, { state: { ...EMPTY_SEARCH, text: c.text }, near: null });
    case 'facets': {
      const [row] = await run(db, facetsQuery(await resolve(db, c.zip, c.miles)));
      return Object.entries(row).filter(([k]) => k.startsWith('type:')).reduce((a, [, v]) => a + Number(v), 0);
    }
    case 'detail': {
      const [org] = await run(db, organizationQuery(c.orgId));
      // As the detail panel does: a treatment center's row is read from its state's files only.
      const relation = org.org_type === 'treatment_center'
        ? relationForStates(db.manifest, 'treatment_centers', [String(org.state)]) : undefined;
      await run(db, typeDetailQuery(org.org_type as OrgType, c.orgId, relation));
      return (await run(db, servicesQuery(c.orgId))).length;
    }
    case 'network':
      return (await run(db, networkQuery(c.orgId))).length;
    case 'dashboard':
      return (await db.engine.query(DASHBOARDS[c.name])).length;
  }
}

const db = await openDatabase(new URL('/data/', location.href));
exposeMix((c) => runCase(db, c));
