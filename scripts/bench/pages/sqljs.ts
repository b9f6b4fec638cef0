// Alternative (b): SQLite compiled to WASM (sql.js), the whole database file fetched and
// opened in memory, with the same tables and indexes (see ../alternatives.ts).
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import sqlWasm from 'sql.js/dist/sql-wasm.wasm?url';
import { FLAT_FILTERS, PAGE, type Filters } from '../mix.ts';
import { exposeMix, loadOrReport, type Answers } from './expose.ts';
import { boundingBox, EARTH_RADIUS_MILES } from '../../../app/release/geo.ts';
import { paintFirstPage, searchFromLocation, type ListedRow } from './first-page.ts';

const db: Database = await loadOrReport(async () => {
  const [SQL, file] = await Promise.all([
    initSqlJs({ locateFile: () => sqlWasm, useOldExtensionFunctions: false } as never),
    fetch('/alt/sqljs/directory.sqlite').then((r) => r.arrayBuffer()),
  ]);
  return new SQL.Database(new Uint8Array(file));
});

function all(text: string, params: SqlValue[] = []): Record<string, SqlValue>[] {
  const statement = db.prepare(text, params);
  const out: Record<string, SqlValue>[] = [];
  while (statement.step()) out.push(statement.getAsObject());
  statement.free();
  return out;
}

function filterWhere(filters: Filters): { text: string; params: SqlValue[] } {
  const params: SqlValue[] = [];
  const groups = Object.entries(filters).map(([group, values]) => `(${values.map((v) => {
    const { column, equals } = FLAT_FILTERS[group][v];
    params.push(typeof equals === 'boolean' ? Number(equals) : equals);
    return `${column} = ?`;
  }).join(' OR ')})`);
  return { text: groups.length ? ` AND ${groups.join(' AND ')}` : '', params };
}

// The latitude/longitude box uses the index; the distance is exact.
function within(zip: string, miles: number, filters: Filters = {}) {
  const [{ latitude: lat, longitude: lon }] = all('SELECT latitude, longitude FROM gazetteer WHERE key = ?', [zip]) as { latitude: number; longitude: number }[];
  const box = boundingBox(lat, lon, miles);
  const f = filterWhere(filters);
  return {
    from: `(SELECT *, 2 * ${EARTH_RADIUS_MILES} * asin(sqrt(pow(sin(radians(latitude - ?) / 2), 2)
        + cos(radians(?)) * cos(radians(latitude)) * pow(sin(radians(longitude - ?) / 2), 2))) AS d
      FROM organizations WHERE latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?${f.text}) WHERE d <= ?`,
    params: [lat, lat, lon, box.minLat, box.maxLat, box.minLon, box.maxLon, ...f.params, miles] as SqlValue[],
  };
}

function nearest(zip: string, miles: number, filters?: Filters) {
  const w = within(zip, miles, filters);
  const page = all(`SELECT * FROM ${w.from} ORDER BY d, lower(name), org_id LIMIT ${PAGE}`, w.params);
  const [{ n }] = all(`SELECT count(*) AS n FROM ${w.from}`, w.params);
  return { page: page as unknown as ListedRow[], total: Number(n) };
}

function text(query: string) {
  const words = query.trim().split(/\s+/).filter(Boolean);
  const params: SqlValue[] = [];
  const where = words.map((w) => {
    params.push(...Array(5).fill(`%${w}%`));
    return `(name LIKE ? OR program_name LIKE ? OR other_names LIKE ? OR address_line1 LIKE ? OR city LIKE ?)`;
  }).join(' AND ');
  const phrase = query.trim();
  const rank = `CASE WHEN lower(name) = lower(?) THEN 0 WHEN name LIKE ? THEN 1 WHEN name LIKE ? THEN 2 ELSE 3 END`;
  all(`SELECT * FROM organizations WHERE ${where} ORDER BY ${rank}, lower(name), org_id LIMIT ${PAGE}`,
    [...params, phrase, `${phrase}%`, `% ${phrase}%`]);
  return Number(all(`SELECT count(*) AS n FROM organizations WHERE ${where}`, params)[0].n);
}

const DASHBOARDS: Record<string, string> = {
  'by-state': 'SELECT state, org_type, count(*) FROM organizations GROUP BY state, org_type',
  capacity: `SELECT state, count(*), sum(residential_capacity) FROM organizations
    WHERE org_type = 'treatment_center' GROUP BY state`,
  'medicaid-mat': `SELECT state, sum(accepts_medicaid), sum(medication_assisted_treatment) FROM organizations
    WHERE org_type = 'treatment_center' GROUP BY state`,
};

const answers: Answers = {
  near: (zip, miles, filters) => nearest(zip, miles, filters).total,
  text,
  facets: (zip, miles) => {
    const w = within(zip, miles);
    const options = Object.entries(FLAT_FILTERS).flatMap(([, values]) => Object.values(values));
    const counts = options.map(({ column, equals }) => `sum(${column} = ${typeof equals === 'string' ? `'${equals}'` : Number(equals)})`);
    all(`SELECT ${counts.join(', ')} FROM ${w.from}`, w.params);
    return all(`SELECT org_type, count(*) AS n FROM ${w.from} GROUP BY org_type`, w.params).reduce((a, r) => a + Number(r.n), 0);
  },
  detail: (orgId) => {
    all('SELECT * FROM organizations WHERE org_id = ?', [orgId]);
    return all(`SELECT c.category_name, c.code, c.name FROM organization_services s JOIN service_codes c ON c.code = s.code
      WHERE s.org_id = ?`, [orgId]).length;
  },
  network: (orgId) => all(`SELECT r.*, o.name, o.city, o.state, o.phone FROM network_relationships r
    JOIN organizations o ON o.org_id = r.related_org_id WHERE r.org_id = ? ORDER BY r.strength DESC`, [orgId]).length,
  dashboard: (name) => all(DASHBOARDS[name]).length,
};

const cold = searchFromLocation();
const first = cold ? nearest(cold.zip, cold.miles)
  : { page: all(`SELECT * FROM organizations ORDER BY lower(name), org_id LIMIT ${PAGE}`) as unknown as ListedRow[], total: Number(all('SELECT count(*) AS n FROM organizations')[0].n) };
paintFirstPage(first.page, first.total);
exposeMix(answers);
