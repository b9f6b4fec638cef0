// The schema, the normalization macros, and the reference tables the ETL joins against:
// states, service codes and aliases, the gazetteer.
import { listValue } from '@duckdb/node-api';
import { fileURLToPath } from 'node:url';
import { literal } from '../../app/release/sql-text.ts';
import { type Db, loadMacros, rows, runFile } from './db.ts';
import { loadCountyOutlines } from './county-outlines.ts';
import { gazetteerFile } from './gazetteer-cache.ts';
import type { ZipCheck } from './zip-crosscheck.ts';

const dataFile = (name: string) => fileURLToPath(new URL(`../../data/${name}`, import.meta.url));

/**
 * Everything the ETL (and the geocoder measurement) needs before any source is read. Returns
 * the gazetteer's ZIP checks (disagreements and ZIPs left out) for the build report.
 */
export async function prepareDatabase(db: Db): Promise<ZipCheck[]> {
  await loadMacros(db);
  await runFile(db, 'schema.sql');
  return loadReference(db);
}

/**
 * Category codes in the order a code reference first lists them (data/service_codes.csv keeps
 * SAMHSA's: Type of Care, Service Setting, …). A plain scan returns a file's rows in order.
 */
export async function categoryOrder(db: Db, file: string): Promise<string[]> {
  const listed = await rows<{ category_code: string }>(db,
    `SELECT trim(category_code) AS category_code FROM read_csv(${literal(file)}, header = true, all_varchar = true)`);
  return [...new Set(listed.map((r) => r.category_code))];
}

async function loadReference(db: Db): Promise<ZipCheck[]> {
  await db.run(`
    INSERT INTO states SELECT code, name, fips, population_2020
      FROM read_csv(${literal(dataFile('states.csv'))}, header = true, all_varchar = true)`);
  // A table's rows have no order: the build publishes the categories' own.
  const codes = dataFile('service_codes.csv');
  await db.run(`INSERT INTO service_codes SELECT code, category_code, category_name, name, scheme, list_position($order, category_code)
    FROM read_csv(${literal(codes)}, header = true, all_varchar = true)`, { order: listValue(await categoryOrder(db, codes)) });
  // Lookups written into the macro (a lookup subquery per row was 40× slower).
  // state_code(s): a two-letter code from a code or a full name, from a MAP that names s once:
  // as `CASE lower(clean_text(s)) WHEN …` the binder pasted s into each of the 118 WHENs, and
  // planning one state_code(clean_text(r.state)) took 0.33 s of CPU (×1's narr_residences
  // insert, 402 rows, spent 0.8 s planning); the same codes for every input, no slower to run.
  await runGenerated(db, `
    SELECT 'CREATE OR REPLACE MACRO state_code(s) AS MAP {'
      || string_agg(format('''{}'': ''{}'', ''{}'': ''{}''', lower(code), code, replace(lower(name), '''', ''''''), code), ', ')
      || '}[lower(clean_text(s))]' AS sql FROM states`);
  // service_code(s): a listed code (clean_list's, already trimmed), upper-cased, with the
  // extracts' shorthands resolved (IOP → OIT).
  await runGenerated(db, `
    SELECT 'CREATE OR REPLACE MACRO service_code(s) AS CASE upper(s) '
      || string_agg(format('WHEN ''{}'' THEN ''{}''', upper(alias), code), ' ' ORDER BY alias)
      || ' ELSE upper(s) END' AS sql
    FROM read_csv(${literal(dataFile('service_code_aliases.csv'))}, header = true, all_varchar = true)`);

  const { file, checks } = gazetteerFile();
  await db.run(`INSERT INTO gazetteer BY NAME SELECT * FROM read_json(${literal(file)}, format = 'newline_delimited',
    columns = {kind: 'VARCHAR', key: 'VARCHAR', city: 'VARCHAR', state: 'VARCHAR', latitude: 'DOUBLE', longitude: 'DOUBLE',
               source: 'VARCHAR', central_zip: 'VARCHAR'})`);
  // Counted here once: in the browser each city lookup and suggestion counted them over every ZIP
  // row, which read the whole 1 MB file where the city rows of one letter would do.
  await db.run(`UPDATE gazetteer g SET zip_count = (SELECT count(*) FROM gazetteer z
    WHERE z.kind = 'zip' AND z.city = g.city AND z.state = g.state) WHERE g.kind = 'city'`);
  await loadCountyOutlines(db);
  // Which counties reach into each degree cell: a point meets the edges of those alone.
  await db.run(`CREATE TABLE county_cells AS
    SELECT fips, band, unnest(range(floor(min(least(lon1, lon2)))::INTEGER, floor(max(greatest(lon1, lon2)))::INTEGER + 1)) AS lon_cell
    FROM county_edges GROUP BY fips, band`);
  return checks;
}

/** Runs the statement that `query` writes (one row, column `sql`). */
async function runGenerated(db: Db, query: string): Promise<void> {
  const [{ sql }] = await rows<{ sql: string }>(db, query);
  await db.run(sql);
}
