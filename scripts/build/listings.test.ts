// Real-shaped listings (fixtures/listings: SAMHSA's shape, invented places) from two of the four
// source files, one of them generated: one site's programs stay apart, only true duplicates
// merge, phones keep their extensions, and the release says what is generated and what is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildRelease, type BuildResult } from './pipeline.ts';
import { printReport } from './report.ts';
import { rows, type Db } from './db.ts';
import { openRelease, scratchDir, scratchSources } from './test-release.ts';

let outDir: string;
let result: BuildResult;
let db: Db;
beforeAll(async () => {
  outDir = join(scratchDir(), 'data');
  result = await buildRelease({ sourcesDir: scratchSources('listings'), outDir });
  db = await openRelease(outDir, result.manifest);
});
afterAll(() => db?.closeSync());

const report = (name: 'merges' | 'warnings') => rows<Record<string, string>>(db,
  'SELECT * FROM read_csv(?, header = true, all_varchar = true)', [join(outDir, result.manifest.reports[name])]);
const listings = () => rows<Record<string, unknown>>(db, `
  SELECT o.source_index AS record, o.org_id, o.program_name, o.address_line2 AS suite, o.phone, t.level_of_care
  FROM organizations o JOIN treatment_centers t USING (org_id) ORDER BY o.source_index`);

describe('listings at one address', () => {
  it('keeps apart records that differ in program name, suite, phone, level of care or services', async () => {
    const loaded = await listings();
    expect(loaded.map((l) => l.record)).toEqual([0, 1, 2, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14]);
    const akeela = loaded.filter((l) => Number(l.record) <= 2);
    expect(akeela.map((l) => [l.program_name, l.suite, l.level_of_care])).toEqual([
      ['Outpatient Services', 'Suite 210', 'outpatient'],
      ['Stepping Stones Resid', null, 'residential'],
      ['Women and Families', 'Suite 200', 'outpatient'],
    ]);
  });

  it('gives listings whose derived ids would collide ids of their own, numbered in source order', async () => {
    const ids = (await listings()).map((l) => String(l.org_id));
    expect(new Set(ids).size).toBe(ids.length);
    const clinic = ids.filter((id) => id.startsWith(ids[3]));
    expect(clinic).toEqual([ids[3], `${ids[3]}_2`, `${ids[3]}_3`, `${ids[3]}_4`]);
  });

  it('merges only true duplicates, and a record lacking a phone or services into one that has them', async () => {
    const merges = await report('merges');
    expect(merges.map((m) => [m.record, m.survivor_record])).toEqual([['3', '0'], ['7', '4']]);
    expect(merges[0]).toMatchObject({
      name_key: 'akeela', state: 'AK', zip: '99501', street: '1 main st', suite: 'ste 210', program: 'outpatient services',
      level: 'outpatient', phone: '(907) 555-0110', services: 'OP ORT SA',
    });
    expect(merges[0].differed_in_text).toContain('suite: "Ste. 210" / "Suite 210"');
    expect(merges[1]).toMatchObject({
      phone: '(907) 555-0120 ext. 23011 (the merged record has none)', services: 'OP SA (the merged record has none)',
    });
  });

  it('never merges into a record lacking what the duplicate has: the phone would be lost', async () => {
    const quiet = (await listings()).filter((l) => l.record === 10 || l.record === 11);
    expect(quiet.map((l) => l.phone)).toEqual([null, '(907) 555-0140']);
  });
});

describe('phones', () => {
  it('keeps extensions, reads vanity numbers and normalizes intake and hotline numbers alike', async () => {
    expect((await listings()).filter((l) => l.record === 4 || l.record === 5).map((l) => l.phone))
      .toEqual(['(907) 555-0120 ext. 23011', '(907) 555-0120 ext. 23014']);
    const [desk] = await rows(db, `SELECT o.phone, t.intake_phones, t.hotline_phones
      FROM organizations o JOIN treatment_centers t USING (org_id) WHERE o.name = 'Front Desk Recovery'`);
    expect(desk).toEqual({
      phone: '(907) 555-0130',
      intake_phones: ['(907) 555-0131 ext. 2', '(888) 727-6398'],
      hotline_phones: ['(800) 662-4357'],
    });
  });

  it('warns about what it could not read, keeping the number when there is one', async () => {
    expect((await report('warnings')).map((w) => [w.record, w.field, w.message])).toEqual([
      ['12', 'intake_phones', 'dropped "intake closed": not a 10-digit US number'],
      ['12', 'phone', 'kept (907) 555-0130 of "907-555-0130 (front desk)": could not read "(front desk)"'],
      ['13', 'latitude', 'coordinates (38.1104, -82.6002) are 25 mi from the ZIP\'s and the town\'s points, in a county neither is in; located by zip'],
    ]);
  });
});

describe('a release from some of the source files, one of them generated', () => {
  it('reports the missing files as not provided', () => {
    const lines: string[] = [];
    printReport(result.fates, (line) => lines.push(line));
    expect(lines.filter((l) => l.includes('not provided')).map((l) => l.split(/\s+/)[0]))
      .toEqual(['recovery_community_centers_master.json', 'recovery_organizations_master.json']);
    expect(result.manifest.not_provided).toEqual(['recovery_community_centers_master.json', 'recovery_organizations_master.json']);
    expect(result.fates.map((f) => [f.file, f.read, f.loaded, f.merged, f.rejected])).toEqual([
      ['treatment_centers_master.json', 15, 13, 2, 0], ['master_directory.json', 1, 1, 0, 0],
    ]);
  });

  it('marks each generated record, counts them, and dates the data by its real source', async () => {
    expect(await rows(db, 'SELECT org_type, generated, count(*)::INTEGER AS n FROM organizations GROUP BY ALL ORDER BY ALL'))
      .toEqual([{ org_type: 'narr_residence', generated: true, n: 1 }, { org_type: 'treatment_center', generated: false, n: 13 }]);
    expect(result.manifest).toMatchObject({
      synthetic: false, generated_records: 1, data_date: '2022-06-01',
      org_type_counts: { treatment_center: 13, narr_residence: 1, recovery_center: 0, recovery_organization: 0 },
    });
    expect(result.manifest.sources.map((s) => [s.file, s.synthetic, s.extraction_date]))
      .toEqual([['treatment_centers_master.json', false, '2022-06-01'], ['master_directory.json', true, '2024-11-01']]);
  });

  it('says where source coordinates came from, only for records located by them', async () => {
    expect(await rows(db, `SELECT source_index AS record, geo_precision, location_source FROM organizations
      WHERE source_index IN (0, 1) AND org_type = 'treatment_center' ORDER BY 1`)).toEqual([
      { record: 0, geo_precision: 'source', location_source: 'SAMHSA locator 2021' },
      { record: 1, geo_precision: 'zip', location_source: null },
    ]);
  });

  it('places a listing at its ZIP when its coordinates lie far off in another county, not one far off in its own', async () => {
    // Ashland, KY's listing as SAMHSA's locator placed a real one, 27 mi away near Louisa (Lawrence
    // County, not Boyd): read as the nearest help from Louisa and routed there. Troy, MT's is where
    // a real one is, up the Yaak, 25 mi from its ZIP's and town's point, in the same county (Lincoln).
    const placed = await rows<{ record: number; geo_precision: string; latitude: number; location_source: string | null }>(db, `
      SELECT source_index AS record, geo_precision, latitude, location_source FROM organizations
      WHERE source_index IN (13, 14) AND org_type = 'treatment_center' ORDER BY 1`);
    expect(placed.map((p) => [p.record, p.geo_precision, p.location_source])).toEqual([
      [13, 'zip', null], [14, 'source', 'SAMHSA locator 2021'],
    ]);
    expect(placed[0].latitude).toBeCloseTo(38.47, 2);
    expect(placed[1].latitude).toBeCloseTo(48.83, 2);
  });

  it('names the county holding where each is placed when the file names none, and says so', async () => {
    // None of these listings gives a county (a county analyst's state had 45 of 439 without one).
    const counties = await rows(db, `SELECT source_index AS record, county, county_source FROM organizations
      WHERE source_index IN (0, 1, 13, 14) AND org_type = 'treatment_center' ORDER BY 1`);
    expect(counties).toEqual([
      { record: 0, county: 'Anchorage', county_source: 'position' },
      { record: 1, county: 'Anchorage', county_source: 'position' },
      // Placed at its ZIP's center, not the locator's point in Lawrence County.
      { record: 13, county: 'Boyd', county_source: 'position' },
      { record: 14, county: 'Lincoln', county_source: 'position' },
    ]);
  });

  it('publishes the tables of the absent types, empty, with their columns', async () => {
    for (const table of ['recovery_centers', 'recovery_organizations']) {
      expect(result.manifest.tables[table].rows).toBe(0);
      expect((await rows(db, `SELECT column_name AS name, column_type AS type FROM (DESCRIBE ${table})`)))
        .toEqual(result.manifest.tables[table].columns);
    }
  });

  it('publishes an empty table as one file that reads like a full one', async () => {
    const residencesOnly = scratchSources('listings');
    rmSync(join(residencesOnly, 'treatment_centers_master.json'));
    const alone = join(scratchDir(), 'data');
    const { manifest } = await buildRelease({ sourcesDir: residencesOnly, outDir: alone });
    expect(manifest.tables.treatment_centers).toMatchObject({ rows: 0, partitioned_by: [] });
    expect(manifest.tables.treatment_centers.files).toHaveLength(1);
    const empty = await openRelease(alone, manifest);
    try {
      const describe = (on: Db) => rows(on, 'SELECT column_name, column_type FROM (DESCRIBE treatment_centers)');
      expect(await describe(empty)).toEqual(await describe(db));
      expect(await rows(empty, `SELECT count(*)::INTEGER AS n FROM treatment_centers WHERE state = 'AK'`)).toEqual([{ n: 0 }]);
    } finally {
      empty.closeSync();
    }
  });
});
