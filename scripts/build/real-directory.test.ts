// The build on SAMHSA's 2022 National Directory (12,176 real facilities, shared/real-world):
// no merge joins different listings, no facility loses its published phone, and the report
// gives every merge's evidence. Before this test, the build made 241 merges (237 of them
// between records differing in program name, suite or phone) and dropped 1,199 phones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRelease, type BuildResult } from './pipeline.ts';
import { rows, type Db } from './db.ts';
import { DIRECTORY_2022, hasDirectory2022, writeDirectory2022Source } from './samhsa-2022-sources.ts';
import { openRelease, scratchDir } from './test-release.ts';

let outDir: string;
let result: BuildResult;
let db: Db;

describe.runIf(hasDirectory2022())('the 2022 National Directory', () => {
  beforeAll(async () => {
    const sources = scratchDir();
    await writeDirectory2022Source(sources);
    outDir = join(scratchDir(), 'data');
    result = await buildRelease({ sourcesDir: sources, outDir });
    db = await openRelease(outDir, result.manifest);
    // The directory as published, one row per facility in file order (= source record index),
    // and the merges with their survivors.
    await db.run(`CREATE TABLE directory AS SELECT row_number() OVER () - 1 AS record, *
      FROM read_csv(?, header = true, all_varchar = true)`, [DIRECTORY_2022]);
    await db.run(`CREATE TABLE merges AS SELECT record::INTEGER AS record, survivor_record::INTEGER AS survivor_record
      FROM read_csv(?, header = true, all_varchar = true)`, [join(outDir, result.manifest.reports.merges)]);
  });
  afterAll(() => db?.closeSync());

  it('accounts for every facility, merging only a true duplicate', () => {
    const [tc] = result.fates;
    expect(tc.read).toBe(12176);
    expect(tc.loaded + tc.merged + tc.rejected).toBe(12176);
    expect(tc.merged).toBe(1);
    expect(tc.rejected).toBe(0); // Palau and Micronesia are states of the directory too
  });

  it('never merges records that differ in program name, suite or phone', async () => {
    const [{ n, differing }] = await rows<{ n: number; differing: number }>(db, `
      SELECT count(*) AS n, count(*) FILTER (WHERE m.name2 IS DISTINCT FROM s.name2 OR m.street2 IS DISTINCT FROM s.street2
        OR m.phone IS DISTINCT FROM s.phone OR m.service_code_info IS DISTINCT FROM s.service_code_info) AS differing
      FROM merges JOIN directory m ON m.record = merges.record JOIN directory s ON s.record = merges.survivor_record`);
    expect(n).toBe(result.fates[0].merged);
    expect(differing).toBe(0);
  });

  it('publishes every facility\'s phone, extension included, as the number it is', async () => {
    // Each facility with a phone, by its own listing or the one it merged into.
    const [phones] = await rows<Record<string, number>>(db, `
      SELECT count(*) AS published, count(*) FILTER (WHERE o.phone IS NULL) AS lost,
        count(*) FILTER (WHERE regexp_replace(o.phone, '\\D', '', 'g') <> regexp_replace(regexp_replace(d.phone, ' x0+$', ''), '\\D', '', 'g')) AS altered,
        count(*) FILTER (WHERE d.phone LIKE '% x%') AS with_extension,
        count(*) FILTER (WHERE d.phone LIKE '% x0') AS with_zero,
        count(*) FILTER (WHERE o.phone LIKE '% ext. %') AS shown_with_extension
      FROM directory d
      LEFT JOIN merges m USING (record)
      JOIN organizations o ON o.source_index = coalesce(m.survivor_record, d.record)
      WHERE d.phone IS NOT NULL`);
    // "x0" is no extension: shown without one (its zero pressed after the call was answered meant nothing).
    expect(phones).toEqual({ published: 12175, lost: 0, altered: 0, with_extension: 1249, with_zero: 29, shown_with_extension: 1220 });
    const [{ warnings }] = await rows<{ warnings: number }>(db,
      'SELECT count(*)::INTEGER AS warnings FROM read_csv(?, header = true, all_varchar = true)', [join(outDir, result.manifest.reports.warnings)]);
    expect(warnings).toBe(0); // every form of phone in the directory is read
  });

  it('keeps intake numbers, vanity ones dialled as digits', async () => {
    const [intake] = await rows<Record<string, unknown>>(db, `
      SELECT count(*) FILTER (WHERE coalesce(d.intake1, d.intake2, d.intake1a, d.intake2a) IS NOT NULL)::INTEGER AS listed,
        count(*) FILTER (WHERE t.intake_phones IS NOT NULL)::INTEGER AS kept,
        list_distinct(flatten(list(t.intake_phones) FILTER (WHERE d.intake1a = '888-PARNEXT'))) AS parnext
      FROM directory d JOIN organizations o ON o.source_index = d.record JOIN treatment_centers t USING (org_id)`);
    expect(intake.kept).toBe(intake.listed);
    expect(intake.parnext).toEqual(['(888) 727-6398']);
  });

  it('keeps every residential and inpatient listing', async () => {
    const levels = await rows(db, 'SELECT level_of_care, count(*)::INTEGER AS n FROM treatment_centers GROUP BY ALL ORDER BY ALL');
    expect(levels).toEqual([
      { level_of_care: 'inpatient', n: 654 }, { level_of_care: 'outpatient', n: 8977 }, { level_of_care: 'residential', n: 2544 },
    ]);
  });

  it('lists every merge\'s evidence in the build report', () => {
    const report = JSON.parse(readFileSync(join(outDir, result.manifest.reports.report), 'utf8'));
    expect(report.merges).toHaveLength(result.fates[0].merged);
    for (const merge of report.merges) {
      expect(Object.keys(merge.matched)).toEqual(['name_key', 'state', 'zip', 'city', 'street', 'suite', 'program', 'level', 'phone', 'services']);
      expect(Object.values(merge.matched).join(' ')).not.toContain('≠');
    }
  });
});
