// The two things a team would build instead, made from the same release so every figure
// compares like with like: (a) the whole directory as one JSON file, (b) a SQLite database
// for sql.js with the same tables and indexes a careful team would add.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { literal } from '../../app/release/sql-text.ts';
import { openDb, rows, type Db } from '../build/db.ts';
import { precompress } from '../serve/precompress.ts';

// One row per organization: the common fields, then what the bench filters and dashboards read.
const FLAT = `SELECT o.org_id, o.name, array_to_string(o.other_names, ' ') AS other_names, o.org_type,
    o.address_line1, o.city, o.state, o.zip, o.phone, o.latitude, o.longitude,
    t.level_of_care, t.offers_methadone, t.offers_buprenorphine, t.accepts_medicaid,
    t.medication_assisted_treatment, t.residential_capacity, n.gender, n.certification_level
  FROM organizations o
  LEFT JOIN treatment_centers t USING (org_id)
  LEFT JOIN narr_residences n USING (org_id)
  ORDER BY o.org_id`;

async function attach(db: Db, release: string) {
  for (const table of ['organizations', 'treatment_centers', 'narr_residences', 'organization_services',
    'network_relationships', 'service_codes', 'gazetteer']) {
    await db.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet(${literal(`${release}/${table}/**/*.parquet`)}, hive_partitioning = true)`);
  }
}

/** Writes `directory.json` and `directory.sqlite` (with .br/.gz siblings) into `out`. */
export async function buildAlternatives(release: string, out: string): Promise<void> {
  await mkdir(out, { recursive: true });
  const db = await openDb();
  await attach(db, release);
  await writeJson(db, out);
  await writeSqlite(db, out);
  await precompress(out);
}

async function writeJson(db: Db, out: string) {
  // DuckDB writes the big array; Node only stitches the pieces into one document.
  const orgs = join(out, 'organizations.tmp');
  await db.run(`COPY (SELECT f.*,
      (SELECT list(code ORDER BY code) FROM organization_services s WHERE s.org_id = f.org_id) AS services,
      (SELECT list([related_org_id, relationship, related_type, distance_miles::VARCHAR, travel_minutes::VARCHAR, strength::VARCHAR]
        ORDER BY strength DESC, distance_miles) FROM network_relationships r WHERE r.org_id = f.org_id) AS network
    FROM (${FLAT}) f) TO ${literal(orgs)} (FORMAT JSON, ARRAY true)`);
  const zips = await rows<{ key: string; label: string; latitude: number; longitude: number }>(db,
    `SELECT key, coalesce(city || ', ' || state || ' ', '') || key AS label, latitude, longitude FROM gazetteer WHERE kind = 'zip'`);
  const codes = await rows(db, 'SELECT code, name, category_name FROM service_codes ORDER BY code');
  const target = join(out, 'directory.json');
  const stream = createWriteStream(`${target}.tmp`);
  stream.write(`{"zips":${JSON.stringify(Object.fromEntries(zips.map((z) => [z.key, [z.label, z.latitude, z.longitude]])))},`);
  stream.write(`"codes":${JSON.stringify(codes)},"organizations":`);
  await new Promise<void>((done, fail) => {
    createReadStream(orgs).on('error', fail).on('end', done).pipe(stream, { end: false });
  });
  await new Promise<void>((done) => stream.end('}', done));
  await rename(`${target}.tmp`, target);
  await rm(orgs);
}

const SQLITE_SCHEMA = `
CREATE TABLE organizations (org_id TEXT PRIMARY KEY, name TEXT, other_names TEXT, org_type TEXT,
  address_line1 TEXT, city TEXT, state TEXT, zip TEXT, phone TEXT, latitude REAL, longitude REAL,
  level_of_care TEXT, offers_methadone INTEGER, offers_buprenorphine INTEGER, accepts_medicaid INTEGER,
  medication_assisted_treatment INTEGER, residential_capacity INTEGER, gender TEXT, certification_level INTEGER);
CREATE TABLE organization_services (org_id TEXT, code TEXT);
CREATE TABLE service_codes (code TEXT PRIMARY KEY, name TEXT, category_name TEXT);
CREATE TABLE network_relationships (org_id TEXT, related_org_id TEXT, relationship TEXT, related_type TEXT,
  distance_miles REAL, travel_minutes INTEGER, strength REAL);
CREATE TABLE gazetteer (key TEXT PRIMARY KEY, label TEXT, latitude REAL, longitude REAL);`;

const SQLITE_INDEXES = `
CREATE INDEX organizations_state ON organizations (state, org_type);
CREATE INDEX organizations_latitude ON organizations (latitude, longitude);
CREATE INDEX organization_services_org ON organization_services (org_id);
CREATE INDEX network_relationships_org ON network_relationships (org_id);
ANALYZE;`;

async function writeSqlite(db: Db, out: string) {
  const SQL = await initSqlJs({ useOldExtensionFunctions: false } as never);
  const lite = new SQL.Database();
  lite.exec(SQLITE_SCHEMA);
  const load = async (table: string, select: string) => {
    const data = await rows(db, select);
    if (!data.length) return;
    const columns = Object.keys(data[0]);
    const insert = lite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    lite.exec('BEGIN');
    for (const row of data) {
      insert.run(columns.map((c) => {
        const v = row[c];
        return typeof v === 'boolean' ? Number(v) : (v as never) ?? null;
      }));
    }
    lite.exec('COMMIT');
    insert.free();
  };
  await load('organizations', FLAT);
  await load('organization_services', 'SELECT org_id, code FROM organization_services');
  await load('service_codes', 'SELECT code, name, category_name FROM service_codes');
  await load('network_relationships', `SELECT org_id, related_org_id, relationship, related_type,
    distance_miles::DOUBLE AS distance_miles, travel_minutes::INTEGER AS travel_minutes, strength::DOUBLE AS strength FROM network_relationships`);
  await load('gazetteer', `SELECT key, coalesce(city || ', ' || state || ' ', '') || key AS label, latitude, longitude
    FROM gazetteer WHERE kind = 'zip'`);
  lite.exec(SQLITE_INDEXES);
  await writeFile(join(out, 'directory.sqlite'), lite.export());
  lite.close();
}
