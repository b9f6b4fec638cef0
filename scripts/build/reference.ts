// The schema, the normalization macros, and the reference tables the ETL joins against:
// states, service codes and aliases, the gazetteer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { literal, rows, runFile, type Db } from './db.ts';
import { loadZipPlaces } from './gazetteer.ts';

const dataFile = (name: string) => fileURLToPath(new URL(`../../data/${name}`, import.meta.url));

/** Everything the ETL (and the geocoder measurement) needs before any source is read. */
export async function prepareDatabase(db: Db): Promise<void> {
  await runFile(db, 'macros.sql');
  await runFile(db, 'schema.sql');
  await loadReference(db);
}

async function loadReference(db: Db): Promise<void> {
  await db.run(`
    INSERT INTO states SELECT code, name, fips, population_2020
      FROM read_csv(${literal(dataFile('states.csv'))}, header = true, all_varchar = true);
    INSERT INTO service_codes SELECT code, category_code, category_name, name, scheme
      FROM read_csv(${literal(dataFile('service_codes.csv'))}, header = true, all_varchar = true);`);
  // Lookups as one CASE each (a lookup subquery per row was 40× slower).
  // state_code(s): a two-letter code from a code or a full name.
  await runGenerated(db, `
    SELECT 'CREATE OR REPLACE MACRO state_code(s) AS CASE lower(clean_text(s)) '
      || string_agg(format('WHEN ''{}'' THEN ''{}'' WHEN ''{}'' THEN ''{}''', lower(code), code,
                           replace(lower(name), '''', ''''''), code), ' ')
      || ' END' AS sql FROM states`);
  // service_code(s): a listed code (clean_list's, already trimmed), upper-cased, with the
  // extracts' shorthands resolved (IOP → OIT).
  await runGenerated(db, `
    SELECT 'CREATE OR REPLACE MACRO service_code(s) AS CASE upper(s) '
      || string_agg(format('WHEN ''{}'' THEN ''{}''', upper(alias), code), ' ' ORDER BY alias)
      || ' ELSE upper(s) END' AS sql
    FROM read_csv(${literal(dataFile('service_code_aliases.csv'))}, header = true, all_varchar = true)`);

  // A scratch file outside the release: it must never be published with it.
  const scratch = mkdtempSync(join(tmpdir(), 'nrd-gazetteer-'));
  const zipFile = join(scratch, 'zip-places.ndjson');
  writeFileSync(zipFile, loadZipPlaces().map((p) => JSON.stringify(p)).join('\n'));
  try {
    await db.run(`CREATE TEMP TABLE zip_places AS SELECT * FROM read_json(${literal(zipFile)}, format = 'newline_delimited',
      columns = {zip: 'VARCHAR', city: 'VARCHAR', state: 'VARCHAR', lat: 'DOUBLE', lon: 'DOUBLE', coord_source: 'VARCHAR'})`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  await db.run(`
    INSERT INTO gazetteer
    SELECT 'zip', zip, city, state, lat, lon, coord_source
    FROM zip_places
    UNION ALL
    -- A city's point is the mean of its ZIP centroids.
    SELECT 'city', lower(city) || ', ' || lower(state), min(city), state, avg(lat), avg(lon), 'zip-average'
    FROM zip_places WHERE city IS NOT NULL GROUP BY lower(city), state;`);
}

/** Runs the statement that `query` writes (one row, column `sql`). */
async function runGenerated(db: Db, query: string): Promise<void> {
  const [{ sql }] = await rows<{ sql: string }>(db, query);
  await db.run(sql);
}
