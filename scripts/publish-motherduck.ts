// npm run publish:motherduck [-- --release public/data --database national_recovery_directory]
// Uploads a built release to MotherDuck: creates (or replaces) the database, loads each table
// from the release's Parquet files, and checks every row count against the manifest. The token
// comes from MOTHERDUCK_TOKEN and is never printed: every message is scrubbed of it.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Manifest } from '../app/release/manifest.ts';
import { quoteIdent } from '../app/release/sql-text.ts';
import { loadTableSql } from './publish/load-table.ts';
import { redact } from '../app/release/redact.ts';

class PublishError extends Error {}

const { values } = parseArgs({
  options: {
    release: { type: 'string', default: 'public/data' },
    database: { type: 'string', default: 'national_recovery_directory' },
  },
});
const token = process.env.MOTHERDUCK_TOKEN ?? '';

async function step<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw new PublishError(`${what}: ${(error as Error).message.split('\n')[0]}`);
  }
}

async function publish(): Promise<void> {
  if (!token) {
    throw new PublishError('MOTHERDUCK_TOKEN is not set. Create an access token in MotherDuck (Settings → Access Tokens), '
      + 'then run MOTHERDUCK_TOKEN=… npm run publish:motherduck');
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(values.database!)) throw new PublishError(`Not a database name: ${values.database}`);
  const release = resolve(values.release!);
  const manifestPath = join(release, 'manifest.json');
  if (!existsSync(manifestPath)) throw new PublishError(`No release in ${release}: run npm run build:data first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;

  // The extension reads its token from the environment, so it never appears in SQL text.
  process.env.motherduck_token = token;
  const conn: DuckDBConnection = await (await DuckDBInstance.create(':memory:')).connect();
  await step('Could not load DuckDB\'s motherduck extension (downloaded from extensions.duckdb.org on first use; '
    + 'is this machine online?)', () => conn.run('INSTALL motherduck; LOAD motherduck;'));
  await step('Could not connect to MotherDuck (check the token and the network)', () => conn.run("ATTACH 'md:'"));
  const db = quoteIdent(values.database!);
  await step(`Could not create the database ${values.database}`, () => conn.run(`CREATE OR REPLACE DATABASE ${db}`));
  for (const [table, entry] of Object.entries(manifest.tables)) {
    const { rows } = entry;
    await step(`Could not load ${table}`, () => conn.run(loadTableSql(release, `${db}.main`, table, entry)));
    const reader = await conn.runAndReadAll(`SELECT count(*) AS n FROM ${db}.main.${quoteIdent(table)}`);
    const n = Number(reader.getRowObjectsJS()[0].n);
    if (n !== rows) throw new PublishError(`${table}: MotherDuck holds ${n} rows, the manifest says ${rows}.`);
    console.log(`${table.padEnd(28)} ${String(n).padStart(9)} rows`);
  }
  console.log(`Published ${Object.keys(manifest.tables).length} tables to md:${values.database} (release built ${manifest.built_at}).`);
}

try {
  await publish();
} catch (error) {
  console.error(redact(`publish:motherduck: ${error instanceof PublishError ? error.message : (error as Error).stack}`, token));
  process.exitCode = 1;
}
