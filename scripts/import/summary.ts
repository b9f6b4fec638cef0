// What the import did, counted in SQL over the tables records.sql leaves: rows per input,
// how names, levels and positions were decided, and everything unknown, with examples.
import { rows, type Db } from '../build/db.ts';
import { labelOf } from './formats.ts';
import type { DataDates } from './data-date.ts';
import type { LoadedInput } from './load-inputs.ts';
import type { Reference } from './reference.ts';

type Counts = Record<string, number>;
interface Top { value: string; n: number }

export interface ImportSummary {
  inputs: { where: string; format: string; rows: number; unknownColumns: string[] }[];
  dataDate: { value: string; source: string };
  written: number;
  levels: Counts;
  /** level_basis → count: `setting`, or assumed without a Service Setting code. */
  levelBasis: Counts;
  levelAssumedExamples: string[];
  types: Counts;
  typeFromFile: number;
  /** single | program | continuation | other_name → count. */
  names: Counts;
  continuationExamples: string[];
  phonesWithExtension: number;
  withIntakePhones: number;
  withHotlinePhones: number;
  /** own | lent | none → records. */
  positions: Counts;
  join: { byListing: number; byAddress: number; ambiguous: number; unmatched: number; pointsRead: number; pointsUnmatched: number } | null;
  unknownCodes: { distinct: number; occurrences: number; top: Top[] };
  unknownServiceNames: { distinct: number; occurrences: number; top: Top[] };
  settingCodesWithoutLevel: string[];
  referenceNotInProject: string[];
}

const counts = async (db: Db, sql: string): Promise<Counts> =>
  Object.fromEntries((await rows<{ k: string | null; n: number }>(db, sql)).map((r) => [r.k ?? 'null', r.n]));
const one = async (db: Db, sql: string): Promise<number> => (await rows<{ n: number }>(db, sql))[0].n;
const list = async (db: Db, sql: string): Promise<string[]> => (await rows<{ v: string }>(db, sql)).map((r) => r.v);
const top = async (db: Db, sql: string) => {
  const found = await rows<{ value: string; n: number }>(db, sql);
  return { distinct: found.length, occurrences: found.reduce((s, r) => s + r.n, 0), top: found.slice(0, 12) };
};

export async function summarise(db: Db, loaded: readonly LoadedInput[], reference: Reference, dates: DataDates): Promise<ImportSummary> {
  const lends = await one(db, 'SELECT count(*) AS n FROM points');
  return {
    inputs: loaded.map((i) => ({ where: i.where, format: labelOf(i.format, i.year), rows: i.rows, unknownColumns: i.unknownColumns })),
    dataDate: { value: dates.header, source: dates.source },
    written: await one(db, 'SELECT count(*) AS n FROM records'),
    levels: await counts(db, 'SELECT level_of_care AS k, count(*) AS n FROM records GROUP BY 1 ORDER BY 2 DESC'),
    levelBasis: await counts(db, 'SELECT level_basis AS k, count(*) AS n FROM records GROUP BY 1 ORDER BY 2 DESC'),
    levelAssumedExamples: await list(db, `SELECT format('{} ({}, {}): {}', facility_name, city, state, level_of_care) AS v
      FROM records WHERE level_basis <> 'setting' ORDER BY input_no, row_no LIMIT 3`),
    types: await counts(db, 'SELECT facility_type AS k, count(*) AS n FROM records GROUP BY 1 ORDER BY 2 DESC'),
    typeFromFile: await one(db, 'SELECT count(*) AS n FROM records WHERE NOT type_from_codes'),
    names: await counts(db, 'SELECT name_kind AS k, count(*) AS n FROM records GROUP BY 1 ORDER BY 2 DESC'),
    // Five different examples, the same five for the same input.
    continuationExamples: await list(db, `SELECT DISTINCT format('"{}" + "{}" → "{}"{}', l.name1, l.name2, r.facility_name,
        CASE WHEN r.program_name IS NOT NULL THEN format(', program "{}"', r.program_name) ELSE '' END) AS v
      FROM records r JOIN listings l USING (input_no, row_no) WHERE r.name_kind = 'continuation'
      ORDER BY hash(v) LIMIT 5`),
    phonesWithExtension: await one(db, `SELECT count(*) AS n FROM records WHERE regexp_matches(phone, '(x|ext)\\.?\\s*\\d', 'i')`),
    withIntakePhones: await one(db, 'SELECT count(*) AS n FROM records WHERE len(intake_phones) > 0'),
    withHotlinePhones: await one(db, 'SELECT count(*) AS n FROM records WHERE len(hotline_phones) > 0'),
    positions: await counts(db, `SELECT CASE WHEN latitude IS NULL THEN 'none' WHEN lent_tier IS NULL THEN 'own' ELSE 'lent' END AS k,
      count(*) AS n FROM records GROUP BY 1 ORDER BY 2 DESC`),
    join: lends === 0 ? null : {
      byListing: await one(db, `SELECT count(*) AS n FROM records WHERE lent_tier = 'listing' AND NOT lent_ambiguous`),
      byAddress: await one(db, `SELECT count(*) AS n FROM records WHERE lent_tier = 'address' AND NOT lent_ambiguous`),
      ambiguous: await one(db, 'SELECT count(*) AS n FROM records WHERE lent_ambiguous'),
      unmatched: await one(db, 'SELECT count(*) AS n FROM records WHERE latitude IS NULL AND lent_tier IS NULL'),
      pointsRead: await one(db, `SELECT count(*) AS n FROM raw_locator_geocoded`),
      pointsUnmatched: await one(db, `SELECT count(*) AS n FROM points
        WHERE coalesce(listing_key NOT IN (SELECT listing_key FROM listing_keys WHERE listing_key IS NOT NULL), true)
          AND coalesce(address_key NOT IN (SELECT address_key FROM listing_keys WHERE address_key IS NOT NULL), true)`),
    },
    unknownCodes: await top(db, `SELECT code AS value, count(*) AS n FROM listing_codes
      WHERE resolved NOT IN (SELECT code FROM ref_codes) GROUP BY 1 ORDER BY 2 DESC, 1`),
    unknownServiceNames: await top(db, `SELECT format('{}: {}', category, name) AS value, count(*) AS n FROM api_services
      WHERE code IS NULL GROUP BY 1 ORDER BY 2 DESC, 1`),
    settingCodesWithoutLevel: await list(db, `SELECT DISTINCT c.resolved AS v FROM listing_codes c JOIN ref_codes r ON r.code = c.resolved
      WHERE r.category_code = 'SET' AND setting_level([c.resolved]) IS NULL ORDER BY 1`),
    referenceNotInProject: reference.notInProject,
  };
}

export function printSummary(s: ImportSummary, log: (line: string) => void): void {
  const n = (v: number) => v.toLocaleString('en-US');
  const pairs = (c: Counts) => Object.entries(c).map(([k, v]) => `${k} ${n(v)}`).join(', ');
  for (const i of s.inputs) {
    log(`read ${n(i.rows).padStart(7)} rows  ${i.format}  (${i.where})`);
    if (i.unknownColumns.length) log(`  unknown columns, not read (${i.unknownColumns.length}): ${i.unknownColumns.join(', ')}`);
  }
  log(`data date ${s.dataDate.value}, from ${s.dataDate.source}`);
  log(`wrote ${n(s.written)} records`);
  log(`  level of care: ${pairs(s.levels)}`);
  const assumed = Object.entries(s.levelBasis).filter(([k]) => k !== 'setting');
  if (assumed.length) {
    log(`  no Service Setting code, level assumed: ${assumed.map(([k, v]) => `${k.replace('assumed_', '')} ${n(v)}`).join(', ')}` +
      ` (e.g. ${s.levelAssumedExamples.join('; ')})`);
  }
  log(`  facility type: ${pairs(s.types)}; ${n(s.typeFromFile)} from the file's type column or kind (no Type of Care code)`);
  log(`  names: ${pairs(s.names)}`);
  for (const example of s.continuationExamples) log(`    continuation ${example}`);
  log(`  phones with an extension ${n(s.phonesWithExtension)}; with intake numbers ${n(s.withIntakePhones)}; ` +
    `with hotline numbers ${n(s.withHotlinePhones)}`);
  log(`  positions: ${pairs(s.positions)}`);
  if (s.join) {
    const j = s.join;
    log(`  locator positions lent: ${n(j.byListing)} by listing (name, street, ZIP), ${n(j.byAddress)} by street address; ` +
      `${n(j.ambiguous)} ambiguous (candidates > 0.25 mi apart), ${n(j.unmatched)} unmatched`);
    log(`  locator rows matching no listing (not written): ${n(j.pointsUnmatched)} of ${n(j.pointsRead)}`);
  }
  const unknown = (label: string, u: ImportSummary['unknownCodes']) => {
    if (u.distinct) log(`  ${label}: ${n(u.distinct)} (${n(u.occurrences)} uses): ${u.top.map((t) => `${t.value} ×${n(t.n)}`).join(', ')}${u.distinct > u.top.length ? ', …' : ''}`);
  };
  unknown('unknown service codes, kept in service_codes for the build to report', s.unknownCodes);
  unknown('locator service names with no code, not written', s.unknownServiceNames);
  if (s.settingCodesWithoutLevel.length) log(`  Service Setting codes with no level of care: ${s.settingCodesWithoutLevel.join(', ')}`);
  if (s.referenceNotInProject.length) {
    log(`  codes in the given reference but not in data/service_codes.csv (the build will call them unknown): ${s.referenceNotInProject.join(', ')}`);
  }
}
