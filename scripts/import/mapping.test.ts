// Every mapping decision of mapping.sql, run in real DuckDB as the importer runs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { literal } from '../../app/release/sql-text.ts';
import { type Db, loadMacros, openDb, rows } from '../build/db.ts';
import { runImportSql } from './sql-files.ts';

let db: Db;
beforeAll(async () => {
  db = await openDb();
  await loadMacros(db);
  await runImportSql(db, 'mapping.sql');
});
afterAll(() => db.closeSync());

const one = async (sql: string, params: unknown[] = []) =>
  Object.values((await rows(db, `SELECT ${sql} AS v`, params))[0])[0];
// Lists and NULLs cannot be bound without a type, so these go in as literals.
const text = (v: string | null) => `${literal(v)}::VARCHAR`;
const list = (codes: string[]) => `[${codes.map(literal).join(', ')}]::VARCHAR[]`;
const split = (n1: string | null, n2: string | null) => one(`split_name(${text(n1)}, ${text(n2)})`);

describe('names', () => {
  it('joins a name SAMHSA cut after a joining word', async () => {
    expect(await split('Luminous Counseling and', 'Consulting LLC')).toEqual(
      { facility_name: 'Luminous Counseling and Consulting LLC', program_name: null, other_name: null, kind: 'continuation' });
    expect(await split('Behavioral Health Services at', 'ProHealth Care Medical Centers')).toMatchObject(
      { facility_name: 'Behavioral Health Services at ProHealth Care Medical Centers', kind: 'continuation' });
    expect(await split('Safe Harbor Treatment Center', 'for Women LLC')).toMatchObject(
      { facility_name: 'Safe Harbor Treatment Center for Women LLC', kind: 'continuation' });
  });
  it('keeps a program or site name apart', async () => {
    expect(await split('Akeela Inc', 'Stepping Stones Resid Trt Center')).toEqual(
      { facility_name: 'Akeela Inc', program_name: 'Stepping Stones Resid Trt Center', other_name: null, kind: 'program' });
    // "In" is part of the name "Outside In": only lower-case joining words continue.
    expect(await split('Outside In', 'Pathway to Recovery Outpatient')).toMatchObject({ kind: 'program' });
    expect(await split('Shelby County Treatment Center', null)).toMatchObject(
      { facility_name: 'Shelby County Treatment Center', program_name: null, kind: 'single' });
  });
  it('takes an acronym in brackets into the name and what follows it as the program', async () => {
    expect(await split('Community Health Awareness Council', '(CHAC)')).toMatchObject(
      { facility_name: 'Community Health Awareness Council (CHAC)', program_name: null, kind: 'continuation' });
    expect(await split('Saint Peters Addiction Recovery Center', '(SPARC)/Acute Care Unit')).toMatchObject(
      { facility_name: 'Saint Peters Addiction Recovery Center (SPARC)', program_name: 'Acute Care Unit' });
    expect(await split('Serving Children and Adults in Need', '(SCAN) Inc/Esperanza Yth Recovery Home')).toMatchObject(
      { facility_name: 'Serving Children and Adults in Need (SCAN) Inc', program_name: 'Esperanza Yth Recovery Home' });
  });
  it('splits a continuation at its last slash, except inside Alc/Drug', async () => {
    expect(await split('Drug Abuse Foundation of', 'Palm Bch Cnty/Outpatient')).toMatchObject(
      { facility_name: 'Drug Abuse Foundation of Palm Bch Cnty', program_name: 'Outpatient' });
    expect(await split('Riverside County Latino Commission on', 'Alc/Drug Abuse Servs/Casa Las Palmas')).toMatchObject(
      { facility_name: 'Riverside County Latino Commission on Alc/Drug Abuse Servs', program_name: 'Casa Las Palmas' });
    expect(await split('Fresno County Hispanic Commission on', 'Alcohol/Drug Abuse Servs Inc')).toMatchObject(
      { facility_name: 'Fresno County Hispanic Commission on Alcohol/Drug Abuse Servs Inc', program_name: null });
  });
  it('reads DBA, AKA and former names as other names, also after a continuation', async () => {
    expect(await split('Soba Mesa LLC', 'DBA Soba Recovery Center')).toEqual(
      { facility_name: 'Soba Mesa LLC', program_name: null, other_name: 'Soba Recovery Center', kind: 'other_name' });
    expect(await split('Circle Health Services', 'fka Free Clinic of Greater Cleveland')).toMatchObject(
      { other_name: 'Free Clinic of Greater Cleveland', kind: 'other_name' });
    expect(await split('MCAT LLC', 'DBA as Evoke Wellness')).toMatchObject({ other_name: 'Evoke Wellness' });
    expect(await split('Mile High Council on Alcoholism and', 'Drug Abuse/DBA Mile High Behav Hlth')).toMatchObject(
      { facility_name: 'Mile High Council on Alcoholism and Drug Abuse', program_name: null, other_name: 'Mile High Behav Hlth' });
  });
});

describe('level of care', () => {
  it('is the most intensive Service Setting', async () => {
    expect(await one(`level_of_care(['OP', 'ORT', 'RES', 'RL'])`)).toBe('residential');
    expect(await one(`level_of_care(['OP', 'HID', 'RES'])`)).toBe('inpatient');
    expect(await one(`level_of_care(['SA', 'OIT', 'OMB'])`)).toBe('outpatient');
  });
  it('is assumed without a setting: residential for a halfway house, else outpatient', async () => {
    expect(await one(`setting_level(['SA', 'HH', 'PVTN'])`)).toBeNull();
    expect(await one(`level_of_care(['SA', 'HH', 'PVTN'])`)).toBe('residential');
    expect(await one(`level_of_care(['PVTN', 'SMON', 'VAPN'])`)).toBe('outpatient');
  });
  it('covers every Service Setting code of the reference', async () => {
    const settings = readFileSync(new URL('../../data/service_codes.csv', import.meta.url), 'utf8')
      .split('\n').filter((line) => line.split(',')[1] === 'SET').map((line) => line.split(',')[0]);
    expect(settings.length).toBe(13);
    for (const code of settings) expect(await one('setting_level([?])', [code]), code).not.toBeNull();
  });
});

describe('facility type', () => {
  it.each([
    [['SA', 'SUMH', 'OP'], null, 'SU', 'SUMH'],
    [['SA', 'DT'], null, 'SU', 'SU'],
    [['HH'], null, null, 'SU'],
    [['MH', 'RES'], 'MH', null, 'MH'],
    [['MH', 'SA'], 'MH', null, 'SUMH'],
    [['OP'], 'SA', null, 'SU'],
    [['OP'], null, 'SU', 'SU'],
    [['OP'], null, null, null],
  ] as [string[], string | null, string | null, string | null][])('%j (type column %s, file default %s) → %s', async (codes, hint, fallback, type) => {
    expect(await one(`facility_type_of(${list(codes)}, ${text(hint)}, ${text(fallback)})`)).toBe(type);
  });
});

describe('flags', () => {
  it('are the codes the build maps them back to', async () => {
    const flags = await one(`service_flags(['ORT', 'MD', 'SF', 'BU', 'CHLD'])`) as Record<string, boolean>;
    expect(Object.keys(flags)).toHaveLength(17);
    expect(Object.entries(flags).filter(([, v]) => v).map(([k]) => k).sort()).toEqual([
      'accepts_cash_self_payment', 'accepts_medicaid', 'medication_assisted_treatment', 'serves_adolescents', 'standard_outpatient']);
    // The build turns each flag back into its code (macros.sql flag_codes): the round trip
    // gives back every code that sets a flag of its own (MAT has many codes, none its own).
    const own = ['ORT', 'OIT', 'ODT', 'OTP', 'ICO', 'GCO', 'FCO', 'CBT', 'CHLD', 'ADLT', 'SNR', 'MD', 'MC', 'PI', 'SF', 'SS'];
    expect(await one(`list_sort(flag_codes(service_flags([${own.map(text).join(', ')}])))`)).toEqual([...own].sort());
  });
});

describe('ZIP codes', () => {
  it.each([
    ['35007', null, '35007'],
    ['6708', null, '06708'],
    ['30306', '3421.0', '30306-3421'],
    ['02108', '42.0', '02108-0042'],
    ['35007-1234', null, '35007-1234'],
    ['ABCDE', null, 'ABCDE'],
  ] as [string, string | null, string][])('%s + %s → %s', async (zip, zip4, expected) => {
    expect(await one(`zip_code_of(${text(zip)}, ${text(zip4)})`)).toBe(expected);
  });
});
