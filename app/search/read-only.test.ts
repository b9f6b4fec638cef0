// The read-only check agrees with DuckDB's parser: what it lets through, DuckDB parses as a
// query (json_serialize_sql serializes SELECT statements only), and what DuckDB parses as
// something else, it stops.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_QUERIES } from './console.ts';
import { whyNotReadOnly } from './read-only.ts';

let conn: DuckDBConnection;
beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
});

/** Whether DuckDB parses `sql` as one SELECT statement. */
async function duckdbSaysSelect(sql: string): Promise<boolean> {
  const reader = await conn.runAndReadAll(`SELECT json_extract(json_serialize_sql(${`'${sql.replaceAll("'", "''")}'`}), '$.error')::BOOLEAN AS failed`);
  return !reader.getRowObjectsJS()[0].failed;
}

const QUERIES = [
  'SELECT 1',
  'select * from organizations where state = \'MA\';',
  'WITH t AS (SELECT 1 AS x) SELECT x FROM t',
  'FROM organizations_by_id LIMIT 5',
  "SELECT 'insert into x values (1); drop table y' AS s",
  'SELECT "update", "delete" FROM (SELECT 1 AS "update", 2 AS "delete")',
  '-- drop table organizations\nSELECT 1 /* delete everything */',
  'SELECT $$ ; create table t $$ AS s',
  'VALUES (1, 2)',
];
const WRITES = [
  'DROP TABLE organizations',
  'INSERT INTO organizations SELECT * FROM organizations',
  'UPDATE organizations SET name = \'x\'',
  'DELETE FROM organizations',
  'CREATE OR REPLACE TABLE organizations AS SELECT 1',
  'WITH t AS (SELECT 1) INSERT INTO x SELECT * FROM t',
  "COPY organizations TO 'out.csv'",
  "ATTACH 'md:other'",
  'SET threads = 1',
  'CREATE TABLE t AS WITH x AS (SELECT 1) SELECT * FROM x',
];

describe('whyNotReadOnly', () => {
  it.each(QUERIES)('lets a query through, as DuckDB parses it: %s', async (sql) => {
    expect(whyNotReadOnly(sql)).toBeNull();
    expect(await duckdbSaysSelect(sql.replace(/;$/, ''))).toBe(true);
  });

  it.each(WRITES)('stops a statement DuckDB does not parse as a query: %s', async (sql) => {
    expect(whyNotReadOnly(sql)).not.toBeNull();
    expect(await duckdbSaysSelect(sql)).toBe(false);
  });

  it('stops a second statement after a query, and says why', () => {
    expect(whyNotReadOnly('SELECT 1; DROP TABLE organizations')).toEqual({ reason: 'several' });
    expect(whyNotReadOnly('SELECT 1; -- just a comment')).toBeNull();
  });

  it('reads the describing statements as reads, and names the word it stops on', () => {
    for (const sql of ['DESCRIBE organizations', 'SHOW TABLES', 'SUMMARIZE gazetteer', 'EXPLAIN SELECT 1']) expect(whyNotReadOnly(sql)).toBeNull();
    expect(whyNotReadOnly('DROP TABLE t')).toEqual({ reason: 'notRead', word: 'drop' });
    expect(whyNotReadOnly('PREPARE q AS SELECT 1')).toEqual({ reason: 'notRead', word: 'prepare' });
    expect(whyNotReadOnly("COMMENT ON TABLE t IS 'x'")).toEqual({ reason: 'notRead', word: 'comment' });
  });

  it('says a statement DuckDB cannot parse is none it knows, with the reading keyword it is one letter from', async () => {
    // A typo is no write: refused as one, "SELEC" sent an analyst to unlock changes (a walkthrough).
    expect(whyNotReadOnly('SELEC count(*) FROM organizations')).toEqual({ reason: 'unknown', word: 'selec', meant: 'select' });
    expect(whyNotReadOnly('SLECT 1')).toEqual({ reason: 'unknown', word: 'slect', meant: 'select' });
    expect(whyNotReadOnly('GIVE ME everything')).toEqual({ reason: 'unknown', word: 'give', meant: null });
    expect(whyNotReadOnly('.tables')).toEqual({ reason: 'unknown', word: '.tables', meant: null });
    for (const sql of ['SELEC count(*) FROM organizations', 'SLECT 1', 'GIVE ME everything', '.tables']) {
      await expect(conn.extractStatements(sql), sql).rejects.toThrow(/Parser Error/);
    }
    // DuckDB's other names for its reading statements read.
    expect(whyNotReadOnly('PIVOT_WIDER organizations ON state USING count(*)')).toBeNull();
    expect(whyNotReadOnly('-- nothing')).toEqual({ reason: 'empty' });
    expect(whyNotReadOnly('SELECT * FROM t; ')).toBeNull();
    expect(whyNotReadOnly('EXPLAIN ANALYZE DELETE FROM t')).toEqual({ reason: 'writes', word: 'delete' });
  });

  it('lets every sample query of the console through', () => {
    for (const { title, sql } of SAMPLE_QUERIES) expect([title, whyNotReadOnly(sql)]).toEqual([title, null]);
  });
});
