// The build on sources whose values are there but unreadable, whose records repeat keys, hide
// bidirectional controls, and carry formulas for a spreadsheet: nothing is dropped without a
// warning naming record and field, and no published CSV cell starts a formula.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildRelease, type BuildResult } from './pipeline.ts';
import { rows, type Db } from './db.ts';
import { openRelease, scratchDir, scratchSources } from './test-release.ts';

let outDir: string;
let result: BuildResult;
let db: Db;
let csv: Record<'rejects' | 'merges' | 'warnings', Record<string, string>[]>;

beforeAll(async () => {
  outDir = join(scratchDir(), 'data');
  result = await buildRelease({ sourcesDir: scratchSources('unreadable'), outDir });
  db = await openRelease(outDir, result.manifest);
  const read = (name: string) => rows<Record<string, string>>(db,
    `SELECT * FROM read_csv(?, header = true, all_varchar = true, quote = '"', escape = '"')`, [join(outDir, name)]);
  const { rejects, merges, warnings } = result.manifest.reports;
  csv = { rejects: await read(rejects), merges: await read(merges), warnings: await read(warnings) };
});
afterAll(() => db?.closeSync());

const warned = (file: string, record: number) => csv.warnings
  .filter((w) => w.file === file && w.record === String(record)).map((w) => `${w.field}: ${w.message}`);

describe('values that are there but cannot be read', () => {
  it('are each reported with record and field: numbers, coordinates, ages, dates, flags', () => {
    expect(warned('treatment_centers_master.json', 1)).toEqual([
      'accepts_medicaid: dropped "maybe": not yes or no; read as no',
      'current_outpatient_census: dropped "n/a": not a whole number',
      'last_inspection_date: dropped "13/45/2024": not a date',
      'last_updated: dropped "yesterday": not a date',
      'latitude: dropped "42,3588": not a number',
      'minimum_age: dropped "eighteen": not a whole number',
      'outpatient_capacity: dropped "twelve": not a whole number',
    ]);
    expect(warned('master_directory.json', 0)).toEqual([
      'capacity: dropped "twelve": no number in it',
      'certification_level: dropped "Level V": not a level from I to IV',
    ]);
  });

  it('are published as unknown, while what could be read is kept', async () => {
    const [tc] = await rows(db, `SELECT * FROM treatment_centers WHERE org_id = 'SAMHSA_OUT_000001'`);
    expect(tc).toMatchObject({ outpatient_capacity: null, inpatient_capacity: 12, minimum_age: null, maximum_age: 65,
      accepts_medicaid: false, serves_adults: true, standard_outpatient: true });
    const [org] = await rows(db, `SELECT geo_precision, last_updated FROM organizations WHERE org_id = 'SAMHSA_OUT_000001'`);
    expect(org).toEqual({ geo_precision: 'zip', last_updated: null });
  });
});

describe('a key given twice inside a record', () => {
  it('is reported per record and field, and the first value is the one published', async () => {
    expect(warned('treatment_centers_master.json', 3)).toEqual([
      'facility_name: given 2 times; the first value was read',
      'phone: given 3 times; the first value was read',
    ]);
    expect(warned('recovery_organizations_master.json', 0)).toEqual(['address.city: given 2 times; the first value was read']);
    const names = await rows(db, `SELECT org_id, name, phone, city FROM organizations WHERE org_id IN ('SAMHSA_OUT_000003', 'RCO_1') ORDER BY org_id`);
    expect(names).toEqual([
      { org_id: 'RCO_1', name: 'Bay Advocates', phone: null, city: 'Boston' },
      { org_id: 'SAMHSA_OUT_000003', name: 'First Name', phone: '(617) 555-0100', city: 'Boston' },
    ]);
  });
});

describe('bidirectional control characters', () => {
  it('are removed from every text field, escaped or not, with a warning per field', async () => {
    const [org] = await rows<{ name: string; address_line1: string; other_names: string[] }>(db,
      `SELECT name, address_line1, other_names FROM organizations WHERE name LIKE '%Recovery' AND name <> 'Twelve Beds Recovery'`);
    expect(org).toEqual({ name: 'enilno Recovery', address_line1: '3 Main St', other_names: ['Online Recovery'] });
    expect(warned('treatment_centers_master.json', 2).filter((w) => !w.startsWith('id:'))).toEqual([
      'address_line1: removed 2 bidirectional control character(s), which reorder how text around them is shown',
      'dba_names[0]: removed 1 bidirectional control character(s), which reorder how text around them is shown',
      'facility_name: removed 2 bidirectional control character(s), which reorder how text around them is shown',
    ]);
  });
});

describe('the published CSVs', () => {
  it('neutralize cells a spreadsheet would run as formulas, and leave plain numbers alone', () => {
    expect(csv.warnings.find((w) => w.record === '0' && w.field === 'id')?.id).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(csv.warnings.find((w) => w.record === '2')?.id).toBe(`'+cmd|' /C calc'!A0`);
    expect(csv.rejects.map((r) => r.id)).toEqual([`'@SUM(1+1)*cmd|' /C calc'!A0`, '-2']);
    expect(csv.merges.map((m) => m.id)).toEqual([`'-2+3+cmd|' /C calc'!A0`]);
    const cells = Object.values(csv).flatMap((table) => table.flatMap((row) => Object.values(row)));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c ?? '') && !/^-?\d+$/.test(c))).toEqual([]);
  });
});
