// The whole build on hostile fixtures: every record accounted for, repairs made, junk
// rejected with its reason, and what is published is exactly what the manifest says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRelease, dataDate, type BuildResult } from './pipeline.ts';
import { rows } from './db.ts';
import { openRelease, scratchDir, scratchSources } from './test-release.ts';
import type { Db } from './db.ts';

let outDir: string;
let result: BuildResult;
let db: Db;

beforeAll(async () => {
  outDir = join(scratchDir(), 'data');
  result = await buildRelease({ sourcesDir: scratchSources(), outDir });
  db = await openRelease(outDir, result.manifest);
});
afterAll(() => db?.closeSync());

let reports: Record<'rejects' | 'merges' | 'warnings', Record<string, string>[]>;
beforeAll(async () => {
  const read = (name: string) => rows<Record<string, string>>(db,
    `SELECT * FROM read_csv(?, header = true, all_varchar = true)`, [join(outDir, name)]);
  const { rejects, merges, warnings } = result.manifest.reports;
  reports = { rejects: await read(rejects), merges: await read(merges), warnings: await read(warnings) };
});
const csv = (kind: keyof typeof reports) => reports[kind];

describe('reconciliation', () => {
  it('accounts for every source record as loaded, merged or rejected', () => {
    expect(result.fates).toEqual([
      { file: 'treatment_centers_master.json', read: 12, loaded: 4, merged: 1, rejected: 7, warnings: expect.any(Number) },
      { file: 'master_directory.json', read: 4, loaded: 2, merged: 1, rejected: 1, warnings: expect.any(Number) },
      { file: 'recovery_community_centers_master.json', read: 2, loaded: 2, merged: 0, rejected: 0, warnings: expect.any(Number) },
      { file: 'recovery_organizations_master.json', read: 2, loaded: 1, merged: 1, rejected: 0, warnings: expect.any(Number) },
    ]);
  });

  it('rejects what cannot be repaired, naming file, record, id, field and reason', () => {
    const rejects = csv('rejects');
    const tc = rejects.filter((r) => r.file === 'treatment_centers_master.json');
    expect(tc.map((r) => [r.record, r.field, r.reason])).toEqual([
      ['4', 'facility_name', 'missing name'],
      ['5', 'state', 'unknown state "ZZ"'],
      ['6', 'minimum_age', 'impossible age range: minimum_age 65 > maximum_age 17'],
      ['7', 'id', 'duplicate id "SAMHSA_OUT_000001" (first used by treatment_centers_master.json record 0)'],
      ['8', '(record)', 'record is not a JSON object'],
      ['9', 'level_of_care', 'unknown level_of_care "day spa"'],
      ['11', 'facility_name', 'name is 5999 characters (limit 200)'],
    ]);
    expect(rejects.find((r) => r.file === 'master_directory.json')).toMatchObject({ record: '3', id: 'NARR_00004', reason: 'missing name' });
  });

  it('merges duplicates, within and across files, with a pointer to the survivor', () => {
    const merges = csv('merges');
    expect(merges.map((m) => [m.file, m.record, m.merged_into, m.survivor_file, m.survivor_record])).toEqual([
      ['treatment_centers_master.json', '1', 'SAMHSA_OUT_000001', 'treatment_centers_master.json', '0'],
      ['master_directory.json', '1', 'NARR_00001', 'master_directory.json', '0'],
      ['recovery_organizations_master.json', '1', 'RCC_0001', 'recovery_community_centers_master.json', '0'],
    ]);
  });

  it('lists each merge\'s evidence: the keys that matched, and what differed in text only', () => {
    const [harbor, hope, crcc] = csv('merges');
    expect(harbor).toMatchObject({
      name_key: 'harbor light counseling', state: 'MA', zip: '02108', city: 'boston', street: '12 main st', suite: '(none)',
      program: '(none)', level: 'outpatient', phone: '(617) 555-0101', services: 'BU MD OIT OP OTP SF SP XYZ',
      differed_in_text: 'name: "HARBOR LIGHT COUNSELING" / "Harbor Light Counseling"; street: "12 Main St" / "12 Main Street"; ' +
        'city: "boston" / "Boston"; state: "Massachusetts" / "MA"; zip: "02108" / "02108-1234"; phone: "617-555-0101" / "+1 617 555 0101"',
    });
    // A value the merging record lacks may match: its survivor keeps it.
    expect(hope).toMatchObject({ phone: '(617) 555-0103 (the merged record has none)', street: '40 oak ave' });
    expect(crcc).toMatchObject({ street: '100 river st (the merged record has none)', phone: '(617) 555-0104' });
    const report = JSON.parse(readFileSync(join(outDir, result.manifest.reports.report), 'utf8'));
    expect(report.merges).toHaveLength(3);
    expect(report.merges[0]).toMatchObject({
      file: 'treatment_centers_master.json', record: 1, merged_into: 'SAMHSA_OUT_000001', survivor_record: 0,
      matched: { name_key: 'harbor light counseling', phone: '(617) 555-0101' },
    });
    expect(report.merges[0].differed_in_text[0]).toEqual({ field: 'name', text: 'HARBOR LIGHT COUNSELING', survivor_text: 'Harbor Light Counseling' });
  });

  it('reports header totals that disagree with the array', () => {
    const report = JSON.parse(readFileSync(join(outDir, result.manifest.reports.report), 'utf8'));
    expect(report.header_mismatches).toEqual([
      { file: 'treatment_centers_master.json', key: 'total_facilities', says: 99, actual: 12 },
      { file: 'master_directory.json', key: 'total_organizations', says: 4, actual: 4 },
    ].filter((m) => m.says !== m.actual));
    expect(report.referential_integrity.every((r: { orphans: number }) => r.orphans === 0)).toBe(true);
  });

  it('reports the gazetteer\'s disagreeing and left-out ZIPs with how each was resolved', () => {
    const report = JSON.parse(readFileSync(join(outDir, result.manifest.reports.report), 'utf8'));
    expect(report.gazetteer_checks).toEqual(expect.arrayContaining([
      expect.objectContaining({ zip: '99503', issue: 'sources disagree', kept: 'geonames' }),
      expect.objectContaining({ zip: '10200', issue: 'outside its state', kept: 'neither' }),
    ]));
  });
});

describe('normalization', () => {
  it('cleans names, states, ZIPs, phones and websites', async () => {
    const [harbor] = await rows(db, `SELECT * FROM organizations WHERE org_id = 'SAMHSA_OUT_000001'`);
    expect(harbor).toMatchObject({
      name: 'Harbor Light Counseling', other_names: ['Harbor Light'], state: 'MA', zip: '02108', zip4: '1234',
      phone: '(617) 555-0101', website: 'https://www.harborlight.example.org', email: 'info@harborlight.example.org',
      geo_precision: 'source', address_line2: null,
    });
    expect((harbor.last_updated as Date).toISOString()).toMatch(/^2024-03-15/);
  });

  it('keeps HTML, emoji and right-to-left text as inert text, and drops javascript: and ftp: URLs with a warning', async () => {
    const names = (await rows<{ name: string; website: string | null }>(db,
      `SELECT name, website FROM organizations WHERE state IN ('IL', 'OR') AND org_type = 'treatment_center' ORDER BY name`));
    expect(names).toEqual([
      { name: "<script>alert('x')</script> Recovery 🌅", website: null },
      { name: 'حديقة التعافي Recovery Garden', website: null },
    ]);
    const warnings = csv('warnings').map((w) => `${w.record}:${w.field}`);
    expect(warnings).toEqual(expect.arrayContaining(['2:website', '10:website', '10:phone', '2:latitude', '3:latitude', '3:quality_score', '0:service_codes']));
  });

  it('derives a stable id for records without one', async () => {
    const [row] = await rows<{ org_id: string; source_id: string | null }>(db,
      `SELECT org_id, source_id FROM organizations WHERE state = 'IL' AND org_type = 'treatment_center'`);
    expect(row.org_id).toMatch(/^TC_[0-9a-f]{12}$/);
    expect(row.source_id).toBeNull();
  });

  it('resolves service code aliases and flags, and reports unknown codes', async () => {
    const codes = async (id: string) => (await rows<{ code: string }>(db,
      `SELECT code FROM organization_services WHERE org_id = ? ORDER BY code`, [id])).map((r) => r.code);
    expect(await codes('SAMHSA_OUT_000001')).toEqual(['BU', 'MD', 'OIT', 'OP', 'OTP', 'SF', 'SP']);
    expect(await codes('SAMHSA_OUT_000010')).toEqual(['CHLD', 'ODT', 'SNR']);
    const [tc] = await rows(db, `SELECT * FROM treatment_centers WHERE org_id = 'SAMHSA_OUT_000001'`);
    expect(tc).toMatchObject({
      accepts_medicaid: true, opioid_treatment_program: true, offers_buprenorphine: true, offers_methadone: true,
      intensive_outpatient: true, accepts_cash_self_payment: true, spanish: true, accepts_medicare: false,
      medication_assisted_treatment: true, level_of_care: 'outpatient', facility_type: 'SUMH', current_census: 80,
    });
    expect(csv('warnings').find((w) => w.field === 'service_codes')?.message).toBe('unknown service code "XYZ"');
  });

  it('maps each type\'s own fields', async () => {
    const [narr] = await rows(db, `SELECT * FROM narr_residences WHERE org_id = 'NARR_00001'`);
    expect(narr).toMatchObject({ certification_level: 2, capacity: 8, gender: 'women', affiliate_state: 'MA' });
    const [center] = await rows(db, `SELECT * FROM recovery_centers WHERE org_id = 'RCC_0001'`);
    expect(center).toMatchObject({ annual_reach: 5000, funding_sources: ['SAMHSA block grant', 'County contract'], twitter: '@crcc' });
    expect(center.operating_hours).toMatchObject({ monday: '9-5', sunday: null });
    const [hours] = await rows(db, `SELECT operating_hours_text AS t, annual_reach AS n FROM recovery_centers WHERE org_id = 'RCC_0002'`);
    expect(hours).toEqual({ t: 'Monday-Friday 9AM-5PM', n: 1200 });
  });
});

describe('geocoding', () => {
  it('puts swapped coordinates back, and locates the rest by ZIP, then by city', async () => {
    const located = await rows<{ name: string; geo_precision: string; latitude: number; longitude: number }>(db,
      `SELECT name, geo_precision, latitude, longitude FROM organizations ORDER BY name`);
    const by = Object.fromEntries(located.map((o) => [o.name, o]));
    expect(by["<script>alert('x')</script> Recovery 🌅"]).toMatchObject({ geo_precision: 'source', latitude: 41.8864, longitude: -87.6229 });
    expect(by['Zero Point Residential'].geo_precision).toBe('zip');
    expect(by['Zero Point Residential'].latitude).toBeCloseTo(39.75, 1);
    expect(by['Hope House'].geo_precision).toBe('zip');
    expect(by['Stepping Stones Place'].geo_precision).toBe('city');
    expect(by['Stepping Stones Place'].latitude).toBeCloseTo(39.8, 0);
  });

  it('links organizations to nearby complementary ones within 25 miles', async () => {
    const links = await rows(db, `SELECT * FROM network_relationships WHERE org_id = 'SAMHSA_OUT_000001' ORDER BY strength DESC`);
    expect(links.map((l) => l.related_org_id)).toEqual(expect.arrayContaining(['NARR_00001', 'RCC_0001', 'RCO_0001']));
    for (const l of links) {
      expect(l.distance_miles as number).toBeLessThanOrEqual(25);
      expect(l.strength as number).toBeGreaterThan(0);
    }
  });
});

describe('publishing', () => {
  it('partitions the organizations by state, every file with a content-hashed name, as the manifest lists them', () => {
    const { tables } = result.manifest;
    expect(tables.organizations.partitioned_by).toEqual(['state']);
    expect(tables.treatment_centers.partitioned_by).toEqual([]);
    for (const table of Object.values(tables)) {
      for (const file of table.files) {
        const content = readFileSync(join(outDir, file.path));
        expect(createHash('sha256').update(content).digest('hex')).toBe(file.sha256);
        expect(file.path.endsWith(`${file.sha256.slice(0, 16)}.parquet`)).toBe(true);
        expect(content.length).toBe(file.bytes);
      }
    }
    expect(tables.organizations.files.map((f) => f.partition.state).sort()).toEqual(['CO', 'IL', 'MA', 'OR']);
    expect(tables.organizations.rows).toBe(9);
  });

  it('publishes nothing the manifest does not name', () => {
    const listed = new Set(['manifest.json', ...Object.values(result.manifest.reports),
      ...Object.values(result.manifest.tables).flatMap((t) => t.files.map((f) => f.path))]);
    const walk = (dir: string, prefix = ''): string[] => readdirSync(join(dir, prefix), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
    expect(walk(outDir).filter((f) => !listed.has(f))).toEqual([]);
  });

  it('marks only generated sample data as synthetic, and counts what it loaded by type', () => {
    expect(result.manifest).toMatchObject({
      synthetic: false, generated_records: 0, data_date: '2024-10-15', not_provided: [],
      org_type_counts: { treatment_center: 4, narr_residence: 2, recovery_center: 2, recovery_organization: 1 },
    });
    expect(result.manifest.sources.map((s) => [s.file, s.synthetic, s.extraction_date])).toEqual([
      ['treatment_centers_master.json', false, '2024-10-15'], ['master_directory.json', false, '2024-10-01'],
      ['recovery_community_centers_master.json', false, '2024-10-01'], ['recovery_organizations_master.json', false, '2024-10-01'],
    ]);
  });
});

describe('the data date', () => {
  const source = (extraction_date: unknown, synthetic = false) => ({ synthetic, header: { extraction_date } });
  it('is the latest day, or a year alone where a source gives no day (SAMHSA\'s yearly directory)', () => {
    expect(dataDate([source('2022')])).toBe('2022');
    expect(dataDate([source('2022'), source('2021-05-01')])).toBe('2022');
    expect(dataDate([source('2022'), source('2022-03-01')])).toBe('2022-03-01');
    expect(dataDate([source('2024-11-01T10:00:00Z')])).toBe('2024-11-01');
    // Real sources date the data over generated ones, whose header is newer.
    expect(dataDate([source('2022'), source('2024-11-01', true)])).toBe('2022');
  });
  it('reads no date from a malformed one: "20241101" is no year 2024', () => {
    for (const bad of ['20241101', '2024/11/01', '2022 or so', '', null]) expect(dataDate([source(bad)]), String(bad)).toBeNull();
  });
});
