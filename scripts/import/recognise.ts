// What kind of SAMHSA file a path holds, from its bytes and header, not its name: an XLSX
// is a zip archive, the locator API answers with a JSON object, and each CSV shape has its
// own columns (formats.ts).
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { literal } from '../../app/release/sql-text.ts';
import { rows, type Db } from '../build/db.ts';
import { csvFormatOf, FORMATS, labelOf, type Format } from './formats.ts';
import { ImportError } from './import-error.ts';

export type Recognised =
  | { kind: 'workbook' }
  | { kind: 'json' }
  | { kind: 'csv'; format: Format; header: string[] };

export async function recognise(db: Db, path: string): Promise<Recognised> {
  if (!existsSync(path) || !statSync(path).isFile()) throw new ImportError(`${path}: no such file`);
  const head = firstBytes(path, 512);
  if (head.length === 0) throw new ImportError(`${path}: empty file`);
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return { kind: 'workbook' };
  const firstChar = head.toString('utf8').replace(/^\uFEFF/, '').trimStart()[0];
  if (firstChar === '{' || firstChar === '[') return { kind: 'json' };
  const header = await csvHeader(db, path);
  const format = csvFormatOf(header);
  if (!format) {
    throw new ImportError(`${path}: not a SAMHSA file this importer knows (header: ${header.slice(0, 8).join(', ')}` +
      `${header.length > 8 ? ', …' : ''}); expected the columns of one of: ` +
      FORMATS.filter((f) => f.id !== 'locator_api').map((f) => `${labelOf(f, null)} (${f.columns.slice(0, 4).join(', ')}, …)`).join('; '));
  }
  return { kind: 'csv', format, header };
}

/** The header as DuckDB's CSV reader will name the columns when the file is loaded. */
async function csvHeader(db: Db, path: string): Promise<string[]> {
  try {
    return (await rows<{ column_name: string }>(db, `DESCRIBE SELECT * FROM ${csvSource(path)}`)).map((r) => r.column_name);
  } catch (error) {
    throw new ImportError(`${path}: not readable as CSV (${(error as Error).message.split('\n')[0]})`);
  }
}

/** Every column as text, exactly as published (ZIPs keep their leading zeros). */
export const csvSource = (path: string) =>
  `read_csv(${literal(path)}, header = true, delim = ',', quote = '"', all_varchar = true)`;

function firstBytes(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(n);
    return buffer.subarray(0, readSync(fd, buffer, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}
