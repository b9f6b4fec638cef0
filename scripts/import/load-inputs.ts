// Each input file, whatever its kind, lands in its format's raw table (raw-tables.sql) with
// its values as published. A CSV and an XLSX sheet take the same path once their cells are
// text, so the same sheet gives the same rows either way.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { literal } from '../../app/release/sql-text.ts';
import { rows, type Db } from '../build/db.ts';
import { quoteIdent } from '../../app/release/sql-text.ts';
import { columnKey, formatById, labelOf, type Format } from './formats.ts';
import { ImportError } from './import-error.ts';
import { csvSource, recognise } from './recognise.ts';
import { runImportSql } from './sql-files.ts';
import { readWorkbook, type Sheet } from './workbook.ts';

export interface LoadedInput {
  inputNo: number;
  file: string;
  /** The file, and the sheet when it came from a workbook: how messages name it. */
  where: string;
  format: Format;
  rows: number;
  /** Columns (or JSON keys) the format does not know: reported, not read. */
  unknownColumns: string[];
  /** A year in the file name (…_2022_…), which dates and labels the data. */
  year: number | null;
}

/** Keys every locator API row must have for a listing to be made of it. */
const API_REQUIRED = ['name1', 'street1', 'city', 'state', 'zip', 'services'];

export async function loadInputs(db: Db, paths: readonly string[]): Promise<LoadedInput[]> {
  await runImportSql(db, 'raw-tables.sql');
  const loaded: LoadedInput[] = [];
  for (const path of paths) {
    const what = await recognise(db, path);
    const next = (where: string, format: Format) => ({ inputNo: loaded.length + 1, file: path, where, format, year: yearOf(path) });
    if (what.kind === 'workbook') {
      for (const sheet of await readWorkbook(path)) {
        const input = next(`${path}, sheet "${sheet.sheet}"`, formatById(sheet.format));
        await stageSheet(db, sheet);
        loaded.push({ ...input, ...await landTable(db, input.inputNo, input.where, input.format, sheet.header) });
      }
    } else if (what.kind === 'json') {
      const input = next(path, formatById('locator_api'));
      loaded.push({ ...input, ...await landApi(db, input.inputNo, path) });
    } else {
      const input = next(path, what.format);
      await stageCsv(db, path);
      loaded.push({ ...input, ...await landTable(db, input.inputNo, path, what.format, what.header) });
    }
  }
  await db.run('DROP TABLE IF EXISTS stage');
  return loaded;
}

export function yearOf(path: string): number | null {
  const match = /(?<!\d)((?:19|20)\d\d)(?!\d)/.exec(basename(path));
  return match ? Number(match[1]) : null;
}

async function stageCsv(db: Db, path: string): Promise<void> {
  try {
    await db.run(`CREATE OR REPLACE TEMP TABLE stage AS SELECT * FROM ${csvSource(path)}`);
  } catch (error) {
    throw new ImportError(`${path}: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`);
  }
}

/** The sheet as a table of text columns named by its header, rows in sheet order. */
async function stageSheet(db: Db, sheet: Sheet): Promise<void> {
  const names = uniqueNames(sheet.header);
  await db.run(`CREATE OR REPLACE TEMP TABLE stage (${names.map((n) => `${quoteIdent(n)} VARCHAR`).join(', ')})`);
  const appender = await db.createAppender('stage');
  for (const row of sheet.rows) {
    for (const value of row) {
      if (value === null) appender.appendNull();
      else appender.appendVarchar(value);
    }
    appender.endRow();
  }
  appender.closeSync();
}

/** Blank header cells get DuckDB's CSV names (column3); repeats get a suffix, as in a CSV. */
function uniqueNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const name = raw || `column${i}`;
    const n = seen.get(name.toLowerCase()) ?? 0;
    seen.set(name.toLowerCase(), n + 1);
    return n === 0 ? name : `${name}_${n}`;
  });
}

/** `stage` → the format's raw table, by column name (case and spaces aside). */
async function landTable(db: Db, inputNo: number, where: string, format: Format, header: readonly string[]) {
  const actual = new Map(uniqueNames(header).map((h) => [columnKey(h), h]));
  const missing = format.columns.filter((c) => !actual.has(c));
  if (missing.length) {
    throw new ImportError(`${where}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} ` +
      `(a ${labelOf(format, null)} file has ${format.columns.join(', ')}; this one has ${header.slice(0, 20).join(', ')}` +
      `${header.length > 20 ? ', …' : ''})`);
  }
  const known = new Set(format.columns);
  const extra = [...actual.entries()].filter(([key]) => !known.has(key)).map(([, name]) => name);
  const select = format.columns.map((c) => `${quoteIdent(actual.get(c)!)} AS ${quoteIdent(c)}`).join(', ');
  await db.run(`INSERT INTO ${quoteIdent(`raw_${format.id}`)} BY NAME
    SELECT $input AS input_no, CAST(rowid + 1 AS INTEGER) AS row_no, ${select} FROM stage`, { input: inputNo });
  if (format.id === 'locator_wide' && extra.length) {
    // The wide export's other columns are its service codes: 1 (or 1.0) where the facility has it.
    await db.run(`INSERT INTO raw_locator_wide_codes
      SELECT $input, row_no, upper(trim(code)) FROM (
        UNPIVOT (SELECT CAST(rowid + 1 AS INTEGER) AS row_no, ${extra.map(quoteIdent).join(', ')} FROM stage)
        ON ${extra.map(quoteIdent).join(', ')} INTO NAME code VALUE v)
      WHERE coalesce(TRY_CAST(v AS DOUBLE) <> 0, true)`, { input: inputNo });
  }
  const [{ n }] = await rows<{ n: number }>(db, 'SELECT count(*) AS n FROM stage');
  return { rows: n, unknownColumns: format.id === 'locator_wide' ? [] : extra };
}

/** The locator API's answer, `{page, …, rows: [{name1, …, services: [{f1, f2, f3}]}]}`. */
async function landApi(db: Db, inputNo: number, path: string) {
  const bytes = statSync(path).size;
  try {
    await db.run(`CREATE OR REPLACE TEMP TABLE stage_doc AS SELECT json FROM read_json_objects(${literal(path)},
      format = 'unstructured', maximum_object_size = ${Math.max(bytes + 1, 16 << 20)})`);
  } catch (error) {
    throw new ImportError(`${path}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const [doc] = await rows<{ docs: number; kind: string | null }>(db,
    `SELECT count(*) OVER () AS docs, json_type(json, '$.rows') AS kind FROM stage_doc LIMIT 1`);
  if (!doc || doc.docs !== 1 || doc.kind !== 'ARRAY') {
    throw new ImportError(`${path}: not a SAMHSA locator API answer (expected one JSON object with a "rows" array)`);
  }
  await db.run(`CREATE OR REPLACE TEMP TABLE stage AS SELECT unnest(json_extract(json, '$.rows[*]')) AS r FROM stage_doc;
    DROP TABLE stage_doc`);
  const [bad] = await rows<{ row_no: number }>(db, `SELECT rowid + 1 AS row_no FROM stage WHERE json_type(r) <> 'OBJECT' LIMIT 1`);
  if (bad) throw new ImportError(`${path}: rows[${bad.row_no - 1}] is not an object`);
  const keys = (await rows<{ k: string }>(db, 'SELECT DISTINCT unnest(json_keys(r)) AS k FROM stage ORDER BY k')).map((r) => r.k);
  const format = formatById('locator_api');
  const missing = API_REQUIRED.filter((k) => !keys.includes(k));
  if (missing.length) throw new ImportError(`${path}: no row has ${missing.map((k) => `"${k}"`).join(', ')} (keys found: ${keys.join(', ')})`);
  const select = format.columns.map((c) => c === 'services'
    ? `r -> '$.services' AS services`
    : `r ->> ${literal(`$.${c}`)} AS ${quoteIdent(c)}`).join(', ');
  await db.run(`INSERT INTO raw_locator_api BY NAME
    SELECT $input AS input_no, CAST(rowid + 1 AS INTEGER) AS row_no, ${select} FROM stage`, { input: inputNo });
  const [{ n }] = await rows<{ n: number }>(db, 'SELECT count(*) AS n FROM stage');
  return { rows: n, unknownColumns: keys.filter((k) => !format.columns.includes(k)) };
}
