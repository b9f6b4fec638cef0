// The build's handle on native DuckDB: run .sql files, read rows as plain objects.
import { DuckDBInstance, StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { formulaSafe } from '../../app/release/formula-safe.ts';
import { plainRow } from '../../app/release/plain-value.ts';

export type Db = DuckDBConnection;

/**
 * Given a folder, DuckDB spills there when it reaches its memory limit (by default into
 * ./.tmp, which a killed build would leave behind in the project).
 */
export async function openDb(spillDir?: string): Promise<Db> {
  const instance = await DuckDBInstance.create(':memory:', spillDir ? { temp_directory: spillDir } : {});
  const db = await instance.connect();
  instances.set(db, instance);
  return db;
}

const instances = new WeakMap<Db, DuckDBInstance>();

/** One more connection to `db`'s database: a query of its own beside db's, seeing its tables but not its TEMP ones. */
export async function connectAgain(db: Db): Promise<Db> {
  return instances.get(db)!.connect();
}

export function sqlFile(name: string): string {
  return readFileSync(new URL(`../sql/${name}`, import.meta.url), 'utf8');
}

/**
 * Runs a .sql file. With NRD_STATEMENTS=1 in the environment it runs statement by statement and
 * prints each one's planning and running CPU seconds to stderr: how ×1's 1.7 s of planning was
 * found (issue 15; scripts/bench/HISTORY.md, "Issue 15's planning and keys pass").
 */
export async function runFile(db: Db, name: string): Promise<void> {
  if (!process.env.NRD_STATEMENTS) return void (await db.run(sqlFile(name)));
  const statements = await db.extractStatements(sqlFile(name));
  const seconds = (since: NodeJS.CpuUsage) => ((u) => (u.user + u.system) / 1e6)(process.cpuUsage(since));
  for (let i = 0; i < statements.count; i++) {
    const started = process.cpuUsage();
    const statement = await statements.prepare(i);
    const planned = seconds(started);
    await statement.run();
    process.stderr.write(`${name} #${i} ${StatementType[statement.statementType]}: planned ${planned.toFixed(2)} s, ` +
      `ran ${(seconds(started) - planned).toFixed(2)} s CPU\n`);
  }
}

/**
 * The build's macros (macros.sql), and `formula_safe(v)` for the published CSVs written from
 * the release contract's rule, so the build's CSVs and the app's exports neutralize formulas
 * one way.
 */
export async function loadMacros(db: Db): Promise<void> {
  await runFile(db, 'macros.sql');
  await db.run(`CREATE OR REPLACE MACRO formula_safe(v) AS ${formulaSafe('CAST(v AS VARCHAR)')}`);
}

/** Rows as plain objects, as the app's engines give them (BIGINTs as numbers). */
export async function rows<T = Record<string, unknown>>(db: Db, sql: string, params?: Record<string, unknown> | unknown[]): Promise<T[]> {
  const reader = await db.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS().map(plainRow) as T[];
}
