// The build report: for each source file, records read = loaded + merged + rejected,
// with the rejects, merges and warnings behind the numbers as CSV files.
import { join } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { literal } from '../../app/release/sql-text.ts';
import { rows, type Db } from './db.ts';
import { writeHashed } from './publish.ts';
import { SOURCE_FILES, type SourceInfo } from './sources.ts';
import { BuildError } from './failure.ts';

export interface FileCounts {
  file: string;
  read: number;
  loaded: number;
  merged: number;
  rejected: number;
  warnings: number;
}

export class ReconciliationError extends BuildError {}

export async function countFates(db: Db, sources: SourceInfo[]): Promise<FileCounts[]> {
  const counted = await rows<Omit<FileCounts, 'read'>>(db, `
    SELECT src_file AS file,
      count(*) FILTER (WHERE status = 'loaded') AS loaded,
      count(*) FILTER (WHERE status = 'merged') AS merged,
      count(*) FILTER (WHERE status = 'rejected') AS rejected,
      (SELECT count(*) FROM warnings w WHERE w.src_file = r.src_file) AS warnings
    FROM fates r GROUP BY src_file`);
  const byFile = new Map(counted.map((c) => [c.file, c]));
  const fates = sources.map(({ file, records }) => ({
    loaded: 0, merged: 0, rejected: 0, warnings: 0,
    ...byFile.get(file),
    file,
    read: records,
  }));
  for (const f of fates) {
    if (f.read !== f.loaded + f.merged + f.rejected) {
      throw new ReconciliationError(`${f.file}: read ${f.read} ≠ loaded ${f.loaded} + merged ${f.merged} + rejected ${f.rejected}`);
    }
  }
  return fates;
}

const DETAIL_QUERIES = {
  rejects: `SELECT src_file AS file, src_index AS record, src_id AS id, rejection.field AS field, rejection.reason AS reason
    FROM fates WHERE status = 'rejected' ORDER BY file_order, src_index`,
  // One row per merge with its evidence (sql/merges.sql): the keys that matched, one column each.
  merges: `SELECT * EXCLUDE (file_order, matched, differed_in_text), unnest(matched),
      array_to_string(list_transform(differed_in_text, lambda d: format('{}: "{}" / "{}"', d.field, d.text, d.survivor_text)), '; ')
        AS differed_in_text
    FROM merge_evidence ORDER BY file_order, record`,
  warnings: `SELECT src_file AS file, src_index AS record, src_id AS id, field, message FROM warnings`,
} as const;

/**
 * Writes rejects, merges and warnings as CSV (content-hashed names); returns their names. Every
 * cell goes through formula_safe (db.ts loadMacros, the release contract's rule): these files quote the sources, and a spreadsheet
 * would run a name like =HYPERLINK(…) as a formula.
 */
export async function writeDetails(db: Db, releaseDir: string): Promise<Record<keyof typeof DETAIL_QUERIES, string>> {
  const names = {} as Record<keyof typeof DETAIL_QUERIES, string>;
  for (const [kind, sql] of Object.entries(DETAIL_QUERIES) as [keyof typeof DETAIL_QUERIES, string][]) {
    const tmp = join(releaseDir, `${kind}.csv.tmp`);
    await db.run(`COPY (SELECT formula_safe(COLUMNS(*)) FROM (${sql})) TO ${literal(tmp)} (HEADER, DELIMITER ',')`);
    names[kind] = writeHashed(releaseDir, kind, 'csv', readFileSync(tmp));
    rmSync(tmp);
  }
  return names;
}

/** The merges with their evidence, as the build report lists them. */
export function mergeEvidence(db: Db): Promise<Record<string, unknown>[]> {
  return rows(db, 'SELECT * EXCLUDE (file_order) FROM merge_evidence ORDER BY file_order, record');
}

export function printReport(fates: FileCounts[], log: (line: string) => void): void {
  const pad = (v: string | number, n: number) => String(v).padStart(n);
  log(`${'source file'.padEnd(40)}${pad('read', 8)}${pad('loaded', 8)}${pad('merged', 8)}${pad('rejected', 9)}${pad('warnings', 9)}`);
  for (const { file } of SOURCE_FILES) {
    const f = fates.find((c) => c.file === file);
    log(f ? `${file.padEnd(40)}${pad(f.read, 8)}${pad(f.loaded, 8)}${pad(f.merged, 8)}${pad(f.rejected, 9)}${pad(f.warnings, 9)}`
      : `${file.padEnd(40)}${pad('not provided', 16)}`);
  }
  const sum = (k: keyof FileCounts) => fates.reduce((s, f) => s + (f[k] as number), 0);
  log(`${'total'.padEnd(40)}${pad(sum('read'), 8)}${pad(sum('loaded'), 8)}${pad(sum('merged'), 8)}${pad(sum('rejected'), 9)}${pad(sum('warnings'), 9)}`);
}
