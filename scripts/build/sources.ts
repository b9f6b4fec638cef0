// Reading the source files into raw_records, one JSON value per array element. Any of the
// four may be absent (a folder of SAMHSA's treatment centers alone builds a directory of
// them); a folder with none, a file that is not a regular file, not valid JSON, holds a
// top-level key twice or lacks its array stops the build with a message that names the file
// and where in it the fault is.
import { existsSync, rmSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { literal } from '../../app/release/sql-text.ts';
import { rows, type Db } from './db.ts';
import { scanJson } from './json-position.ts';
import { splitSource } from './source-split.ts';
import { BuildError } from './failure.ts';

export const SOURCE_FILES = [
  { file: 'treatment_centers_master.json', key: 'all_facilities', orgType: 'treatment_center' },
  { file: 'master_directory.json', key: 'all_organizations', orgType: 'narr_residence' },
  { file: 'recovery_community_centers_master.json', key: 'all_centers', orgType: 'recovery_center' },
  { file: 'recovery_organizations_master.json', key: 'all_organizations', orgType: 'recovery_organization' },
] as const;

export type OrgType = (typeof SOURCE_FILES)[number]['orgType'];

export class SourceError extends BuildError {}

export interface SourceInfo {
  file: string;
  /** The header says `synthetic: true`: only the sample generator writes that. */
  synthetic: boolean;
  bytes: number;
  sha256: string;
  records: number;
  header: Record<string, unknown>;
  /** Header `total_*` keys that disagree with the array's real length. */
  header_mismatches: { key: string; says: number; actual: number }[];
}

export interface LoadedSources {
  sources: SourceInfo[];
  /** The source files the folder does not hold. */
  notProvided: string[];
}

export async function loadSources(db: Db, dir: string, scratchDir: string): Promise<LoadedSources> {
  await db.run(`CREATE OR REPLACE TEMP TABLE raw_records (
    src_file VARCHAR, file_order INTEGER, org_type VARCHAR, generated BOOLEAN, src_index INTEGER, rec JSON)`);
  const present = SOURCE_FILES.map((source, order) => ({ ...source, order, path: join(dir, source.file) }))
    .filter((source) => existsSync(source.path));
  if (present.length === 0) {
    throw new SourceError(`${dir}: no source files (expected one or more of ${SOURCE_FILES.map((s) => s.file).join(', ')})`);
  }
  for (const source of present) {
    const stat = statSync(source.path);
    // DuckDB would wait forever on a named pipe that nobody writes to.
    if (!stat.isFile()) throw new SourceError(`${source.path}: ${kindOf(stat)}, not a regular file`);
  }
  const sources: SourceInfo[] = [];
  for (const source of present) sources.push(await loadOne(db, source.path, source.file, source.key, source.orgType, source.order, scratchDir));
  return { sources, notProvided: SOURCE_FILES.map((s) => s.file).filter((file) => !present.some((p) => p.file === file)) };
}

async function loadOne(db: Db, path: string, file: string, key: string, orgType: string, order: number, scratchDir: string): Promise<SourceInfo> {
  const bytes = statSync(path).size;
  const [headerPath, recordsPath] = [join(scratchDir, `source-${order}-header.json`), join(scratchDir, `source-${order}-records.json`)];
  const { sha256, split } = splitSource(path, key, headerPath, recordsPath);
  try {
    // Unsplit (a shape the pass does not recognise): the whole document, which reports its fault.
    const docPath = split?.header ?? path;
    await asJsonFault(path, () => db.run(`CREATE OR REPLACE TEMP TABLE doc AS SELECT json FROM read_json_objects(${literal(docPath)},
      format = 'unstructured', maximum_object_size = ${Math.max(statSync(docPath).size + 1, 16 << 20)})`));
    const path$ = `$."${key}"`;
    const top = await rows<{ n: number; types: (string | null)[]; keys: string[] | null }>(db, `
      SELECT count(*) OVER () AS n, json_type(json, ['$', $path]) AS types, json_keys(json) AS keys FROM doc LIMIT 1`,
      { path: path$ });
    if (top.length === 0) throw new SourceError(`${path}: empty file (expected a JSON object with an "${key}" array)`);
    const [{ n, types: [kind, arrayKind], keys }] = top;
    if (n !== 1) throw new SourceError(`${path}: ${n} JSON values at the top level (expected exactly one object)`);
    if (kind !== 'OBJECT') throw new SourceError(`${path}: the top level is ${kind}, not an object with an "${key}" array`);
    const twice = (keys ?? []).find((k, i) => keys!.indexOf(k) !== i);
    if (twice !== undefined) throw new SourceError(describeDuplicateKey(path, twice));
    if (arrayKind === null) {
      throw new SourceError(`${path}: no "${key}" key (found: ${(keys ?? []).slice(0, 12).join(', ') || 'none'})`);
    }
    if (arrayKind !== 'ARRAY') throw new SourceError(`${path}: "${key}" is ${arrayKind}, not an array`);

    const headerKeys = (keys ?? []).filter((k) => k !== key);
    const headerValues = headerKeys.length === 0 ? [] : (await rows<{ v: string[] }>(db,
      `SELECT CAST(json_extract(json, [${headerKeys.map((k) => literal(`$."${k.replaceAll('"', '\\"')}"`)).join(', ')}]) AS VARCHAR[]) AS v FROM doc`))[0].v;
    const headerObj: Record<string, unknown> = Object.fromEntries(headerKeys.map((k, i) => [k, JSON.parse(headerValues[i])]));
    const synthetic = headerObj.synthetic === true;
    const params = { file, order, orgType, synthetic };
    if (split) {
      await db.run('DROP TABLE doc');
      // Element by element: memory holds a buffer of the file, never the document. A JSON
      // column is written as json() writes a value, as the document's json_extract did (no
      // whitespace), so record sizes and the published text stay what they were; parsed once,
      // where read_json_objects then json() parsed each record twice (×10: 2.7 → 1.9 CPU s,
      // the same text for every record). A null element reads as NULL: it stays JSON null,
      // rejected as not an object.
      await asJsonFault(path, () => db.run(`INSERT INTO raw_records
        SELECT $file, $order, $orgType, $synthetic, ordinality - 1, coalesce(json, 'null')
        FROM read_json(${literal(split.records)}, format = 'array', records = false, columns = {json: 'JSON'}) WITH ORDINALITY`, params));
    } else {
      await db.run(`INSERT INTO raw_records
        SELECT $file, $order, $orgType, $synthetic, unnest(range(len(list))) AS src_index, unnest(list) AS rec
        FROM (SELECT json_extract(json, $records) AS list FROM doc)`, { ...params, records: `${path$}[*]` });
      await db.run('DROP TABLE doc');
    }
    const records = (await rows<{ n: number }>(db, 'SELECT count(*) AS n FROM raw_records WHERE src_file = $file', { file }))[0].n;
    const header_mismatches = Object.entries(headerObj)
      .filter(([k, v]) => k.startsWith('total_') && typeof v === 'number' && v !== records)
      .map(([k, v]) => ({ key: k, says: v as number, actual: records }));
    return { file, synthetic, bytes, sha256, records, header: headerObj, header_mismatches };
  } finally {
    rmSync(headerPath, { force: true });
    rmSync(recordsPath, { force: true });
  }
}

/** Runs a read of `path`'s JSON; DuckDB's complaint about its content becomes one that says where. */
async function asJsonFault(path: string, read: () => Promise<unknown>): Promise<void> {
  try {
    await read();
  } catch (error) {
    if (!/JSON/.test((error as Error).message)) throw error; // a read error, not the file's content
    throw new SourceError(describeJsonError(path, error as Error));
  }
}

/**
 * DuckDB's byte offset counts from the start of the value it was reading, so the position
 * comes from our own pass over the file; DuckDB's words remain when that pass finds no fault.
 */
function describeJsonError(path: string, error: Error): string {
  const { fault } = scanJson(path);
  if (!fault) return `${path}: not valid JSON: ${error.message.replace(/^.*?Error: /, '').split('\n')[0]}`;
  return `${path}: invalid JSON at line ${fault.line}, column ${fault.column} (byte ${fault.byte}): ${fault.message}`;
}

/**
 * DuckDB reads the first of two equal keys and Python, jq and JSON.parse the last: the
 * records under the other would vanish, and the counts still add up.
 */
function describeDuplicateKey(path: string, key: string): string {
  const [first, second] = scanJson(path).topKeys.filter((k) => k.key === key);
  return `${path}: the key "${key}" appears twice at the top level (line ${first.line}, column ${first.column} ` +
    `and line ${second.line}, column ${second.column}); readers disagree on which to keep, so keep one`;
}

function kindOf(stat: Stats): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isDirectory()) return 'a folder';
  if (stat.isSocket()) return 'a socket';
  return 'a device';
}
