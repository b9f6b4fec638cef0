// The importer on small files written here: the workbook and its CSV give the same records,
// files are told apart by content, and a broken file is refused with its sheet or column.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError } from './import-error.ts';
import { importSamhsa } from './run-import.ts';

const DIRECTORY_COLUMNS = ['name1', 'name2', 'street1', 'street2', 'city', 'state', 'zip', 'phone',
  'intake1', 'intake2', 'intake1a', 'intake2a', 'service_code_info'];
// Invented facilities with fictional 555-01xx numbers, shaped like SAMHSA's rows.
const FACILITIES = [
  ['Harbor Light Counseling and', 'Recovery Services LLC', '12 Elm Street', 'Suite 4', 'Hartford', 'CT', '06103',
    '860-555-0142 x12', '860-555-0150', null, '860-555-0150', null, 'SA SUMH * OP ORT OIT * MD SF * ADLT'],
  ['Northfield House', 'Womens Residential', '400 River Road', null, 'Northfield', 'MN', '55057',
    '507-555-0110', null, null, null, null, 'SA HH * RES RL * PI SS * ADLT SNR'],
  ['Valley Hospital', 'Detox Unit', '9 Main Street', null, 'Anchorage', 'AK', '99503',
    '907-555-0100', '907-555-0101', '907-555-0102', null, null, 'SA DT * HI HID OP * MC MD * ADLT'],
  ['Quiet Pines', null, '1 Pine Way', null, 'Boise', 'ID', '83702', '208-555-0177', null, null, null, null, 'PVTN * SMON'],
  ['Oak Avenue Recovery LLC', 'DBA Oak Recovery', '5 Oak Avenue', null, 'Austin', 'TX', '78701',
    '512-555-0199', null, null, null, null, 'SA * OP ORT * ZZQ'],
];
const referenceRows = () => readFileSync(new URL('../../data/service_codes.csv', import.meta.url), 'utf8')
  .trim().split('\n').slice(1).map((line) => {
    const [code, categoryCode, categoryName, name] = parseCsvLine(line);
    return [categoryCode, categoryName, code, name, ''];
  });
const REFERENCE_COLUMNS = ['category_code', 'category_name', 'service_code', 'service_name', 'service_description'];

function parseCsvLine(line: string): string[] {
  return [...line.matchAll(/("([^"]*(?:""[^"]*)*)"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => (m[2] ?? m[1]).replaceAll('""', '"'));
}
const csv = (rows: (string | null)[][]) =>
  rows.map((r) => r.map((v) => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(',')).join('\n') + '\n';

let dir: string;
async function workbook(name: string, sheets: Record<string, (string | number | null)[][]>): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const worksheet = book.addWorksheet(sheet);
    for (const row of rows) worksheet.addRow(row);
  }
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return path;
}
function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}
async function refusal(files: string[], options = {}): Promise<string> {
  const error = await importSamhsa(files, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return (error as Error).message;
}

let xlsxPath: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nrd-import-'));
  // Excel keeps a ZIP typed as a number without its leading zero: 06103 → 6103.
  const asExcel = FACILITIES.map((r) => r.map((v, i) => (i === 6 && v?.startsWith('0') ? Number(v) : v)));
  xlsxPath = await workbook('National_Directory_SA_Facilities_2022.xlsx', {
    'Facilities List': [DIRECTORY_COLUMNS, ...asExcel],
    'Service Code Reference': [REFERENCE_COLUMNS, ...referenceRows()],
  });
});

describe('the National Directory as XLSX and as CSV', () => {
  it('gives the same records either way', async () => {
    const fromXlsx = await importSamhsa([xlsxPath]);
    const fromCsv = await importSamhsa([
      file('facilities_2022.csv', csv([DIRECTORY_COLUMNS, ...FACILITIES])),
      file('service_codes_2022.csv', csv([REFERENCE_COLUMNS, ...referenceRows()])),
    ]);
    expect(fromXlsx.document.records).toHaveLength(FACILITIES.length);
    expect(fromCsv.document.records).toEqual(fromXlsx.document.records);
    expect(fromCsv.document.header).toEqual(fromXlsx.document.header);
    expect(fromXlsx.summary.inputs.map((i) => [i.format, i.rows])).toEqual([
      ['SAMHSA National Directory 2022', 5], ['SAMHSA service code reference 2022', referenceRows().length]]);
  });

  it('maps names, phones, levels, types and codes', async () => {
    const { document, summary } = await importSamhsa([xlsxPath]);
    const [harbor, northfield, valley, pines, oak] = document.records;
    expect(harbor).toMatchObject({
      facility_name: 'Harbor Light Counseling and Recovery Services LLC', program_name: null, zip_code: '06103',
      phone: '860-555-0142 x12', intake_phones: ['860-555-0150'], level_of_care: 'outpatient', facility_type: 'SUMH',
      standard_outpatient: true, intensive_outpatient: true, accepts_medicaid: true, accepts_medicare: false,
      latitude: null, location_source: null, data_source: 'SAMHSA National Directory 2022', extraction_date: null,
    });
    expect(northfield).toMatchObject({ program_name: 'Womens Residential', level_of_care: 'residential', serves_seniors: true });
    expect(valley).toMatchObject({ level_of_care: 'inpatient', intake_phones: ['907-555-0101', '907-555-0102'] });
    expect(pines).toMatchObject({ level_of_care: 'outpatient', facility_type: 'SU', service_codes: ['PVTN', 'SMON'] });
    expect(oak).toMatchObject({ facility_name: 'Oak Avenue Recovery LLC', dba_names: ['Oak Recovery'], program_name: null });
    // Unknown codes stay in the record for the build to report, and the summary names them.
    expect(oak.service_codes).toContain('ZZQ');
    expect(summary.unknownCodes).toMatchObject({ distinct: 1, occurrences: 1, top: [{ value: 'ZZQ', n: 1 }] });
    expect(summary.levelBasis).toEqual({ setting: 4, assumed_outpatient: 1 });
    expect(new Set(document.records.map((r) => r.id)).size).toBe(5);
    expect(document.records.every((r) => /^SAMHSA_[0-9a-f]{12}$/.test(r.id))).toBe(true);
  });

  it('refuses a workbook without one of its sheets, naming it', async () => {
    const path = await workbook('only_facilities_2022.xlsx', { 'Facilities List': [DIRECTORY_COLUMNS, ...FACILITIES] });
    expect(await refusal([path])).toMatch(/only_facilities_2022\.xlsx: no sheet "Service Code Reference" \(the workbook has: "Facilities List"\)/);
  });

  it('refuses a renamed column, naming the sheet and the column', async () => {
    const renamed = DIRECTORY_COLUMNS.map((c) => (c === 'service_code_info' ? 'services' : c));
    const path = await workbook('renamed_2022.xlsx', {
      'Facilities List': [renamed, ...FACILITIES],
      'Service Code Reference': [REFERENCE_COLUMNS, ...referenceRows()],
    });
    expect(await refusal([path])).toMatch(/renamed_2022\.xlsx, sheet "Facilities List": missing column "service_code_info"/);
    const csvPath = file('renamed_2022.csv', csv([renamed, ...FACILITIES]));
    expect(await refusal([csvPath])).toMatch(/renamed_2022\.csv: missing column "service_code_info"/);
  });
});

describe('inputs', () => {
  it('are recognised by content, not by name', async () => {
    const path = file('export_2022.txt', csv([DIRECTORY_COLUMNS, ...FACILITIES]));
    expect((await importSamhsa([path])).summary.inputs[0].format).toBe('SAMHSA National Directory 2022');
    expect(await refusal([file('other_2022.csv', 'a,b,c\n1,2,3\n')])).toMatch(/other_2022\.csv: not a SAMHSA file this importer knows/);
    expect(await refusal([file('rows_2022.json', '{"page": 1}')])).toMatch(/not a SAMHSA locator API answer/);
    expect(await refusal([join(dir, 'missing_2022.csv')])).toMatch(/missing_2022\.csv: no such file/);
  });

  it('need a date: the year in the file name, or --data-date', async () => {
    const undated = file('facilities.csv', csv([DIRECTORY_COLUMNS, ...FACILITIES]));
    expect(await refusal([undated])).toMatch(/facilities\.csv: no year in the file name .*--data-date/);
    const { document } = await importSamhsa([undated], { dataDate: '2023-03-31' });
    expect(document.header.extraction_date).toBe('2023-03-31');
    expect(document.records[0].extraction_date).toBe('2023-03-31');
    expect(await refusal([undated], { dataDate: '2023-02-30' })).toMatch(/--data-date must be a date as YYYY-MM-DD/);
  });

  it('are refused when none lists facilities', async () => {
    const reference = file('codes_2022.csv', csv([REFERENCE_COLUMNS, ...referenceRows()]));
    expect(await refusal([reference])).toMatch(/lists no facilities/);
  });
});
