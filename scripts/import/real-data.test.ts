// The importer on SAMHSA's own files (shared/real-world, beside the project, never in it):
// the 2022 National Directory alone and with the 2021 geocoded locator, the locator API's
// JSON and the wide export.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rows } from '../build/db.ts';
import { buildRelease } from '../build/pipeline.ts';
import { openRelease, scratchDir } from '../build/test-release.ts';
import { importSamhsa, type ImportResult } from './run-import.ts';
import type { SourceRecord } from './source-record.ts';
import { SOURCE_FILE, writeSourceFile } from './write-source.ts';

const real = (name: string) => fileURLToPath(new URL(`../../../shared/real-world/${name}`, import.meta.url));
const DIRECTORY = real('samhsa_national_directory_su_2022_facilities.csv');
const GEOCODED = real('samhsa_locator_su_facilities_2021_geocoded.csv');
const API = real('samhsa_locator_api_2019_sample.json');
const WIDE = real('samhsa_locator_wide_format_2022_sample.csv');

const find = (records: SourceRecord[], name: string, program: string | null = null) =>
  records.filter((r) => r.facility_name === name && r.program_name === program);

describe.runIf(existsSync(DIRECTORY) && existsSync(GEOCODED))('the 2022 National Directory', () => {
  let alone: ImportResult;
  let joined: ImportResult;
  beforeAll(async () => {
    alone = await importSamhsa([DIRECTORY]);
    joined = await importSamhsa([DIRECTORY, GEOCODED]);
  });

  it('writes every facility once, with a stable id', async () => {
    const { records } = alone.document;
    expect(records).toHaveLength(12_176);
    expect(alone.document.header).toMatchObject({
      extraction_date: '2022', data_source: 'SAMHSA National Directory 2022', total_facilities: 12_176 });
    expect(new Set(records.map((r) => r.id)).size).toBe(12_176);
    // Six rows repeat an earlier row's name, street, suite and ZIP; their order tells them apart.
    expect(records.filter((r) => /_\d$/.test(r.id))).toHaveLength(6);
    expect(joined.document.records.map((r) => r.id)).toEqual(records.map((r) => r.id));
  });

  it('maps levels of care from the Service Setting codes, counting what it assumed', () => {
    expect(alone.summary.levels).toEqual({ outpatient: 8_961, residential: 2_561, inpatient: 654 });
    expect(alone.summary.levelBasis).toEqual({ setting: 12_005, assumed_outpatient: 154, assumed_residential: 17 });
    expect(alone.summary.types).toEqual({ SUMH: 7_142, SU: 5_034 });
    // South Central Alabama MHC's residential "First Step" beside its outpatient clinic.
    const andalusia = find(alone.document.records, 'South Central Alabama MHC', 'First Step');
    expect(andalusia.map((r) => r.level_of_care)).toEqual(['residential']);
  });

  it('keeps phones as published, extensions and intake numbers included', () => {
    const { records } = alone.document;
    expect(alone.summary.phonesWithExtension).toBe(1_249);
    // The one listing without a phone is the one SAMHSA published without (an intake line only).
    expect(records.filter((r) => r.phone === null).map((r) => [r.program_name, r.intake_phones])).toEqual(
      [['Stewart Community Center', ['503-655-8401']]]);
    expect(records.some((r) => r.phone === '256-734-4688 x3971')).toBe(true);
    expect(alone.summary.withIntakePhones).toBe(5_788);
    expect(records.every((r) => new Set(r.intake_phones).size === r.intake_phones.length)).toBe(true);
  });

  it('tells a continued name from a program name', () => {
    const { records } = alone.document;
    expect(alone.summary.names).toEqual({ single: 5_905, program: 5_647, continuation: 414, other_name: 210 });
    expect(find(records, 'Luminous Counseling and Consulting LLC')).toHaveLength(1);
    expect(find(records, 'Akeela Inc', 'Stepping Stones Resid Trt Center')).toHaveLength(1);
    expect(find(records, 'Drug Abuse Foundation of Palm Bch Cnty', 'Halfway House')).toHaveLength(1);
    expect(records.filter((r) => r.facility_name === 'Soba Mesa LLC').map((r) => r.dba_names)).toEqual([['Soba Recovery Center']]);
  });

  it('takes positions from the 2021 locator by listing, then by street address', () => {
    const { summary, document } = joined;
    expect(summary.join).toEqual({
      byListing: 8_844, byAddress: 1_673, ambiguous: 11, unmatched: 1_648, pointsRead: 14_034, pointsUnmatched: 3_435 });
    expect(summary.positions).toEqual({ lent: 10_517, none: 1_659 });
    const [luminous] = find(document.records, 'Luminous Counseling and Consulting LLC');
    expect(luminous).toMatchObject({ latitude: 34.6455636, longitude: -86.5417637, location_source: 'SAMHSA locator 2021 (geocoded)' });
    expect(document.header.data_source).toBe('SAMHSA National Directory 2022; positions from SAMHSA locator 2021 (geocoded)');
    expect(document.records.filter((r) => r.location_source === null).every((r) => r.latitude === null)).toBe(true);
  });

  it('built, places a listing at its ZIP where the locator put it far off, in a county neither its ZIP nor its town is in', async () => {
    // Addiction Recovery Centers, 2221 Central Ave, Ashland, KY was 27 mi away near Louisa, read as
    // the nearest help there and routed to (a walkthrough); Turning Winds, up the Yaak 25 mi from
    // Troy, MT's ZIP and town point in the same county, stays.
    const sources = scratchDir();
    writeSourceFile(join(sources, SOURCE_FILE), joined.document.header, joined.document.records);
    const outDir = join(scratchDir(), 'data');
    const { manifest } = await buildRelease({ sourcesDir: sources, outDir });
    const db = await openRelease(outDir, manifest);
    try {
      const astray = await rows<{ city: string; state: string; geo_precision: string; miles: number }>(db, `
        SELECT o.city, o.state, o.geo_precision, regexp_extract(w.message, 'are (\\d+) mi', 1)::INTEGER AS miles
        FROM read_csv(?, header = true, all_varchar = true) w JOIN organizations o ON o.org_id = w.id
        WHERE w.message LIKE '%in a county neither is in%' ORDER BY miles`, [join(outDir, manifest.reports.warnings)]);
      expect(astray.map((a) => `${a.city}, ${a.state} ${a.miles}`)).toEqual([
        'Piedmont, OK 24', 'Oak Ridge, TN 26', 'Ashland, KY 27', 'Caguas, PR 37', 'Star, NC 43', 'Bartow, FL 51',
        'Saint Just, PR 71', 'Dodson, MT 142', 'Chattaroy, WV 143']);
      expect(new Set(astray.map((a) => a.geo_precision))).toEqual(new Set(['zip']));
      const [yaak] = await rows(db, `SELECT geo_precision FROM organizations WHERE city = 'Troy' AND state = 'MT' AND name = 'Turning Winds'`);
      expect(yaak).toEqual({ geo_precision: 'source' });
      // A county for every Ohio listing: the locator's for those it placed, else the one holding the ZIP's center.
      expect(await rows(db, `SELECT county_source, count(*)::INTEGER AS n, count(county)::INTEGER AS with_county FROM organizations
        WHERE state = 'OH' GROUP BY ALL ORDER BY 1`)).toEqual([
        { county_source: 'position', n: 45, with_county: 45 }, { county_source: 'source', n: 394, with_county: 394 }]);
    } finally {
      db.closeSync();
    }
  });
});

describe.runIf(existsSync(API))('the locator API answer (2019)', () => {
  it('gives one record per row, services named in words mapped to codes', async () => {
    const { document, summary } = await importSamhsa([API]);
    expect(document.records).toHaveLength(30);
    const [mohr] = document.records;
    expect(mohr).toMatchObject({
      facility_name: 'Region Ten Community Services Board', program_name: 'Mohr Center', latitude: 38.0282239,
      longitude: -78.4725231, location_source: 'SAMHSA locator API 2019', website: 'http://www.regionten.org',
      intake_phones: ['434-972-1800'], level_of_care: 'residential', facility_type: 'SU', accepts_medicaid: true,
      extraction_date: null,
    });
    // "Residential; Short-term residential" under SET, and "State substance abuse agency" (2019) → STAG.
    expect(mohr.service_codes).toEqual(expect.arrayContaining(['RES', 'RS', 'STAG', 'SA']));
    expect(summary.levels).toEqual({ outpatient: 25, residential: 3, inpatient: 2 });
    expect(summary.unknownServiceNames.distinct).toBe(44);
    expect(summary.unknownServiceNames.top[0]).toEqual({ value: 'PAY: State mental health agency (or equivalent) funds', n: 14 });
  });
});

describe.runIf(existsSync(WIDE))('the locator wide export (2022)', () => {
  it('reads one code column per service, with the facility type column', async () => {
    const { document, summary } = await importSamhsa([WIDE]);
    expect(document.records).toHaveLength(168);
    const [csb] = document.records;
    expect(csb).toMatchObject({
      facility_name: 'CSB of Middle Georgia', program_name: 'Quentin Price Crisis Stablization Unit',
      phone: '478-275-6811 x1177', intake_phones: ['478-275-6810', '478-275-6811 x1176'], facility_type: 'SUMH',
    });
    expect(document.records.find((r) => r.facility_name === 'Hillside Inc')?.zip_code).toBe('30306-3421');
    // The mental-health codes are not in the substance use reference: kept and reported.
    expect(summary.unknownCodes.top[0]).toEqual({ value: 'MH', n: 168 });
    expect(summary.inputs[0].unknownColumns).toEqual([]);
  });
});
