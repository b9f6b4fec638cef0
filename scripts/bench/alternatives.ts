// The two things a team would build instead, made from the same release so every figure
// compares like with like: (a) the whole directory as one JSON file, (b) a SQLite database
// for sql.js with the same tables and indexes a careful team would add. Both are streamed
// out of DuckDB, so ×100 (4 M organizations, 85 M service rows) never sits in Node's memory.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import initSqlJs, { type Database } from 'sql.js';
import { literal } from '../../app/release/sql-text.ts';
import { plain } from '../../app/release/plain-value.ts';
import { openDb, rows, type Db } from '../build/db.ts';

export const ALTERNATIVES = { json: 'directory.json', sqljs: 'directory.sqlite' } as const;
/** What the alternatives hold, beside the release they are made from: 2, the program's own name (searched). */
export const ALTERNATIVES_FORMAT = 2;
export type Alternative = keyof typeof ALTERNATIVES;

/**
 * Why an alternative could not be built, or null when it was. A refusal is the approach's own
 * limit (a team would hit it too), not the harness's.
 */
export type Built = Record<Alternative, string | null>;

// The .br/.gz siblings are streamed, not made by scripts/serve/precompress.ts: that reads a file
// whole (Node stops at 2 GiB) and its brotli 9 ran at ~1 MB/s here under load: 15 minutes
// for ×10's SQLite file. Past 128 MiB, quality 5: ~4× quicker, 5% (SQLite) to 20% (JSON)
// more bytes. Past 2 GiB (×100's JSON) a file is served as it is: no browser opens it anyway.
const BEST_UP_TO = 2 ** 27;
const COMPRESS_UP_TO = 2 ** 31;

const GiB = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

// One row per organization: the common fields, then what the bench filters and dashboards read.
const FLAT = `SELECT o.org_id, o.name, o.program_name, array_to_string(o.other_names, ' ') AS other_names, o.org_type,
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

/** Writes `json/directory.json` and `sqljs/directory.sqlite` (with .br/.gz siblings) into `out`. */
export async function buildAlternatives(release: string, out: string): Promise<Built> {
  const spill = join(out, 'spill');
  await mkdir(spill, { recursive: true });
  const db = await openDb(spill);
  await db.run(`SET memory_limit = '3GB'; SET preserve_insertion_order = false`);
  await attach(db, release);
  const built = {} as Built;
  for (const [name, write] of [['json', writeJson], ['sqljs', writeSqlite]] as const) {
    const dir = join(out, name);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir);
    const started = Date.now();
    built[name] = await write(db, dir);
    const bytes = built[name] ? 0 : (await stat(join(dir, ALTERNATIVES[name]))).size;
    if (bytes && bytes <= COMPRESS_UP_TO) await compress(join(dir, ALTERNATIVES[name]), bytes);
    console.log(`  ${name}: ${built[name] ? `not built (${built[name]})` : `${(bytes / 2 ** 20).toFixed(0)} MB`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  await rm(spill, { recursive: true, force: true });
  return built;
}

async function compress(file: string, bytes: number) {
  const quality = bytes <= BEST_UP_TO ? 9 : 5;
  await Promise.all([
    pipeline(createReadStream(file), createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: quality } }), createWriteStream(`${file}.br`)),
    pipeline(createReadStream(file), createGzip({ level: 6 }), createWriteStream(`${file}.gz`)),
  ]);
}

// V8's longest string (2^29 − 24 characters on 64 bits): Response.json() and JSON.parse read
// the whole file as one string, so a larger file cannot be parsed in Chrome, whatever the machine.
const V8_STRING_LIMIT = 2 ** 29 - 24;

// One organization in a hundred, and the share it is of them all: sizes are projected from it.
const SAMPLE = 'hash(org_id) % 100 = 0';
async function sampleShare(db: Db): Promise<number> {
  const [{ all, picked }] = await rows<{ all: number; picked: number }>(db,
    `SELECT count(*) AS all, count(*) FILTER (WHERE ${SAMPLE}) AS picked FROM organizations`);
  return picked / all;
}

/** Every organization with its services and links, as JSON objects: DuckDB writes the big array. */
const copyOrganizations = (db: Db, where: string, file: string) => db.run(`COPY (SELECT f.*, s.services, r.network
    FROM (SELECT * FROM (${FLAT}) WHERE ${where}) f
    LEFT JOIN (SELECT org_id, list(code ORDER BY code) AS services FROM organization_services WHERE ${where} GROUP BY org_id) s USING (org_id)
    LEFT JOIN (SELECT org_id, list([related_org_id, relationship, related_type, distance_miles::VARCHAR, travel_minutes::VARCHAR, strength::VARCHAR]
        ORDER BY strength DESC, distance_miles) AS network FROM network_relationships WHERE ${where} GROUP BY org_id) r USING (org_id)
    ORDER BY f.org_id) TO ${literal(file)} (FORMAT JSON, ARRAY true)`);

/** The JSON file, unless a sample shows no browser could parse it (×100: minutes to write 4 GB for nothing). */
async function writeJson(db: Db, out: string): Promise<string | null> {
  const orgs = join(out, 'organizations.tmp');
  await copyOrganizations(db, SAMPLE, orgs);
  const projected = (await stat(orgs)).size / (await sampleShare(db));
  if (projected > V8_STRING_LIMIT) {
    await rm(orgs);
    return `JSON.parse: the file would be ${GiB(projected)} (projected from 1% of the organizations), ` +
      `longer than V8's longest string (${GiB(V8_STRING_LIMIT)}): Response.json() cannot read it`;
  }
  await copyOrganizations(db, 'true', orgs);
  const zips = await rows<{ key: string; label: string; latitude: number; longitude: number }>(db,
    `SELECT key, coalesce(city || ', ' || state || ' ', '') || key AS label, latitude, longitude FROM gazetteer WHERE kind = 'zip'`);
  const codes = await rows(db, 'SELECT code, name, category_name FROM service_codes ORDER BY code');
  const target = join(out, ALTERNATIVES.json);
  const stream = createWriteStream(`${target}.tmp`);
  stream.write(`{"zips":${JSON.stringify(Object.fromEntries(zips.map((z) => [z.key, [z.label, z.latitude, z.longitude]])))},`);
  stream.write(`"codes":${JSON.stringify(codes)},"organizations":`);
  await new Promise<void>((done, fail) => {
    createReadStream(orgs).on('error', fail).on('end', done).pipe(stream, { end: false });
  });
  await new Promise<void>((done) => stream.end('}', done));
  await rename(`${target}.tmp`, target);
  await rm(orgs);
  return null;
}

const SQLITE_SCHEMA = `
CREATE TABLE organizations (org_id TEXT PRIMARY KEY, name TEXT, program_name TEXT, other_names TEXT, org_type TEXT,
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

// The per-organization tables first, then the small shared ones. `where` picks organizations.
const sqliteTables = (where: string): [string, string][] => [
  ['organizations', `SELECT * FROM (${FLAT}) WHERE ${where}`],
  ['organization_services', `SELECT org_id, code FROM organization_services WHERE ${where}`],
  ['network_relationships', `SELECT org_id, related_org_id, relationship, related_type, distance_miles::DOUBLE AS distance_miles,
    travel_minutes::INTEGER AS travel_minutes, strength::DOUBLE AS strength FROM network_relationships WHERE ${where}`],
  ['service_codes', 'SELECT code, name, category_name FROM service_codes'],
  ['gazetteer', `SELECT key, coalesce(city || ', ' || state || ' ', '') || key AS label, latitude, longitude
    FROM gazetteer WHERE kind = 'zip'`],
];

// sql.js keeps the database in one in-memory file whose growth it computes in 32 bits
// (`>>> 0` in its MEMFS): past 4 GiB it cannot grow, in Node or in a browser.
const SQLJS_FILE_LIMIT = 2 ** 32;

async function sqlJs(): Promise<Database> {
  const SQL = await initSqlJs({ useOldExtensionFunctions: false } as never);
  const lite = new SQL.Database();
  lite.exec(SQLITE_SCHEMA);
  return lite;
}

const fileBytes = (lite: Database) => Number(lite.exec('PRAGMA page_count')[0].values[0][0]) * Number(lite.exec('PRAGMA page_size')[0].values[0][0]);

/** Streams DuckDB's rows into a sql.js table, a chunk (~2 k rows) at a time. */
async function load(db: Db, lite: Database, table: string, select: string) {
  const result = await db.stream(select);
  const columns = result.columnNames();
  const insert = lite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  lite.exec('BEGIN');
  for await (const chunk of result.yieldRowsJs()) {
    for (const row of chunk) insert.run(row.map((v) => (typeof v === 'boolean' ? Number(v) : plain(v) ?? null)) as never);
  }
  lite.exec('COMMIT');
  insert.free();
}

/**
 * The size the whole database would have, from one organization in a hundred with all their
 * rows and indexes (the small shared tables left out: a lower bound). Building ×100's whole
 * database in sql.js to find it too large would take half an hour.
 */
async function projectedBytes(db: Db): Promise<number> {
  const lite = await sqlJs();
  try {
    for (const [table, select] of sqliteTables(SAMPLE).slice(0, 3)) await load(db, lite, table, select);
    lite.exec(SQLITE_INDEXES);
    return fileBytes(lite) / (await sampleShare(db));
  } finally {
    lite.close();
  }
}

/** The database built in sql.js itself, unless it would be larger than sql.js can hold. */
async function writeSqlite(db: Db, out: string): Promise<string | null> {
  const projected = await projectedBytes(db);
  if (projected > SQLJS_FILE_LIMIT) {
    return `sql.js: the database would be ${GiB(projected)} or more (projected from 1% of the organizations), ` +
      `past the 4 GiB that sql.js's in-memory file can hold`;
  }
  const lite = await sqlJs();
  try {
    for (const [table, select] of sqliteTables('true')) await load(db, lite, table, select);
    lite.exec(SQLITE_INDEXES);
    await writeFile(join(out, ALTERNATIVES.sqljs), lite.export());
    return null;
  } catch (error) {
    return `sql.js: ${(error as Error).message.split('\n')[0]}`;
  } finally {
    lite.close();
  }
}
