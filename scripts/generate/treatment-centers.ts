// Sample SAMHSA-style treatment centers: flat records with service flags and locator
// codes drawn with the correlations real facilities show (OTPs dispense methadone,
// residential programs have beds, Spanish is commoner where more people speak it).
import { rngFor, type Rng } from './random.ts';
import { areaCode, round6, type Place } from './places.ts';
import { TREATMENT_PATTERNS, slug, streetLine, suite } from './names.ts';
import { messyDate, phone, scruff, website, zipMaybePlus4, isoDate } from './mess.ts';

type Level = 'outpatient' | 'residential' | 'inpatient';
const LEVEL_PREFIX: Record<Level, string> = { outpatient: 'OUT', residential: 'RES', inpatient: 'INP' };
const SPANISH_HEAVY = new Set(['CA', 'TX', 'FL', 'NM', 'AZ', 'NY', 'NJ', 'NV', 'IL', 'CO']);
// Locator shorthands some extracts use instead of the directory's codes (see data/service_code_aliases.csv).
const ALIAS_OF: Record<string, string> = { OIT: 'IOP', ODT: 'PHDT', SF: 'CASH', CHLD: 'ADOL' };

export type Record_ = Record<string, unknown>;

export function treatmentCenter(seed: number, index: number, place: Place): Record_ {
  const rng = rngFor(seed, 'treatment', index);
  const level: Level = rng.pickWeighted(['outpatient', 'residential', 'inpatient'], [0.7, 0.9, 1]);
  const name = rng.pick(TREATMENT_PATTERNS)(rng, place.city);
  const codes = new Set<string>();
  const add = (p: number, ...cs: string[]) => {
    const yes = rng.chance(p);
    if (yes) cs.forEach((c) => codes.add(c));
    return yes;
  };
  const facilityType = rng.pickWeighted(['SU', 'SUMH', 'MH'], [0.45, 0.85, 1]);
  if (facilityType !== 'MH') codes.add('SA');
  if (facilityType === 'SUMH') codes.add('SUMH');
  if (facilityType === 'MH') codes.add('MHS');

  let standard = false, intensive = false, partial = false, otp = false;
  if (level === 'outpatient') {
    codes.add('OP');
    standard = add(0.8, 'ORT');
    intensive = add(0.35, 'OIT');
    partial = add(0.1, 'ODT');
    otp = add(0.1, 'OTP', 'MM', 'MU', 'METH', 'SOTP', 'DEA');
  } else if (level === 'residential') {
    codes.add('RES').add(rng.chance(0.6) ? 'RS' : 'RL');
  } else {
    codes.add('HI').add('HIT');
  }
  const detoxP = { outpatient: 0.05, residential: 0.3, inpatient: 0.55 }[level];
  if (add(detoxP, 'DT', 'ODTX', 'ADTX')) codes.add(level === 'outpatient' ? 'OD' : level === 'residential' ? 'RD' : 'HID');
  const bup = add(otp ? 0.7 : 0.35, 'BU', 'UB', 'BWN');
  const ntx = add(0.25, 'NU', 'VTRL');
  const mat = otp || bup || ntx;
  if (!mat) codes.add(rng.chance(0.5) ? 'MOA' : 'NMOA');

  const cbt = add(0.75, 'CBT');
  add(0.2, 'DBT');
  const individual = add(0.9, 'ICO');
  const group = add(0.8, 'GCO');
  const family = add(0.5, 'FCO');
  add(0.6, 'MOTI'); add(0.6, 'RELP'); add(0.4, 'TRC'); add(0.4, 'TELE'); add(0.3, 'TWFA');

  const nonprofit = rng.chance(0.55);
  codes.add(nonprofit ? 'PVTN' : rng.pick(['PVTP', 'PVTP', 'PVTP', 'LCCG', 'STG', 'VAMC']));
  const medicaid = add(nonprofit ? 0.8 : 0.55, 'MD');
  const medicare = add(0.45, 'MC');
  const privateIns = add(0.7, 'PI');
  const cash = add(0.9, 'SF');
  const sliding = add(nonprofit ? 0.55 : 0.3, 'SS');
  add(0.3, 'FSA'); add(0.2, 'MI');

  const adolescents = add(0.15, 'CHLD');
  const adults = add(0.95, 'ADLT');
  const seniors = add(0.4, 'SNR');
  add(0.5, 'YAD'); add(0.2, 'VET'); add(0.3, 'WN'); add(0.3, 'MN'); add(0.15, 'PW');
  add(place.state.code === 'PR' ? 1 : SPANISH_HEAVY.has(place.state.code) ? 0.5 : 0.2, 'SP');
  if (rng.chance(0.6)) codes.add(rng.pick(['CARF', 'JC', 'COA'])).add('STAG');

  const capacity = (lo: number, hi: number) => rng.int(lo, hi);
  const outpatientCapacity = level === 'outpatient' ? capacity(40, 900) : null;
  const minimumAge = adolescents ? rng.pick([12, 13, 14]) : 18;
  const flags: Record<string, boolean> = {
    standard_outpatient: standard, intensive_outpatient: intensive, partial_hospitalization: partial,
    medication_assisted_treatment: mat, opioid_treatment_program: otp, individual_therapy: individual,
    group_therapy: group, family_therapy: family, cognitive_behavioral_therapy: cbt,
    serves_adolescents: adolescents, serves_adults: adults, serves_seniors: seniors,
    accepts_medicaid: medicaid, accepts_medicare: medicare, accepts_private_insurance: privateIns,
    accepts_cash_self_payment: cash, sliding_fee_scale: sliding,
  };
  // Absent means false: real extracts often leave false flags out.
  const presentFlags = Object.fromEntries(Object.entries(flags).filter(([, v]) => v || rng.chance(0.5)));

  const siteSlug = slug(name) + (rng.chance(0.5) ? slug(place.city) : '');
  const scraped = scraperArtifacts(seed, index);
  return {
    id: rng.chance(0.01) ? undefined : `SAMHSA_${LEVEL_PREFIX[level]}_${String(index + 1).padStart(6, '0')}`,
    facility_name: scruff(rng, name) + scraped.nameSuffix,
    dba_names: rng.chance(0.1) ? [`${name.split(' ')[0]} ${rng.pick(['Clinic', 'Program', 'Services'])}`] : [],
    address_line1: scruff(rng, streetLine(rng)),
    address_line2: rng.chance(0.2) ? suite(rng) : rng.chance(0.5) ? '' : null,
    city: scruff(rng, place.city),
    state: rng.chance(0.03) ? place.state.name : place.state.code,
    zip_code: zipMaybePlus4(rng, place.zip),
    county: null,
    ...coordinates(rng, place),
    phone: phone(rng, areaCode(place.state.code)),
    fax: rng.chance(0.3) ? phone(rng, areaCode(place.state.code)) : null,
    website: scraped.website ?? website(rng, siteSlug),
    email: rng.chance(0.6) ? `info@${siteSlug.slice(0, 40)}.example.org` : null,
    level_of_care: rng.pick([level, level, level, level, level[0].toUpperCase() + level.slice(1), level.toUpperCase()]),
    facility_type: facilityType,
    license_numbers: rng.chance(0.8) ? [`${place.state.code}-${rng.int(10000, 99999)}`] : [],
    state_license: rng.chance(0.8) ? `${place.state.code}-LIC-${rng.int(100000, 999999)}` : null,
    federal_certification: otp ? 'SAMHSA OTP' : null,
    accreditations: [...codes].filter((c) => ['CARF', 'JC', 'COA'].includes(c)),
    accreditation_status: rng.pick(['Accredited', 'Accredited', 'Pending', 'Not accredited']),
    last_inspection_date: rng.chance(0.7) ? messyDate(rng, 2019, 2024) : null,
    ...presentFlags,
    service_codes: spellCodes(rng, [...codes]),
    minimum_age: minimumAge,
    maximum_age: rng.pick([null, 64, 99, 120]),
    outpatient_capacity: outpatientCapacity,
    residential_capacity: level === 'residential' ? capacity(8, 120) : null,
    inpatient_capacity: level === 'inpatient' ? capacity(10, 200) : null,
    current_outpatient_census: outpatientCapacity ? Math.round(outpatientCapacity * (0.4 + rng.next() * 0.55)) : null,
    quality_score: rng.chance(0.8) ? Math.round((2 + rng.next() * 3) * 10) / 10 : null,
    data_source: 'SAMHSA treatment locator (synthetic sample)',
    extraction_date: '2024-11-01',
    last_updated: messyDate(rng, 2022, 2024),
  };
}

/**
 * What web scrapers leave behind, now and then: markup in a name, an empty link's
 * `javascript:` target. Drawn from their own stream so the other fields stay as they were.
 */
function scraperArtifacts(seed: number, index: number): { nameSuffix: string; website: string | null } {
  const rng = rngFor(seed, 'treatment-scraped', index);
  return {
    nameSuffix: rng.chance(0.0003) ? rng.pick([' <br>', ' <b>New</b>', ' &amp; Family', ' <script>alert(1)</script>']) : '',
    website: rng.chance(0.0003) ? rng.pick(['javascript:void(0)', 'javascript:alert(document.cookie)']) : null,
  };
}

function coordinates(rng: Rng, place: Place): { latitude: unknown; longitude: unknown } {
  const x = rng.next();
  if (x < 0.04) return { latitude: null, longitude: null };
  if (x < 0.06) return { latitude: String(place.lat), longitude: String(place.lon) };
  if (x < 0.063) return { latitude: place.lon, longitude: place.lat }; // swapped
  if (x < 0.068) return { latitude: 0, longitude: 0 };
  return { latitude: round6(place.lat), longitude: round6(place.lon) };
}

function spellCodes(rng: Rng, codes: string[]): string[] {
  const out = codes.map((c) => (ALIAS_OF[c] && rng.chance(0.2) ? ALIAS_OF[c] : c));
  if (rng.chance(0.01)) out.push(' ' + rng.pick(codes).toLowerCase());
  if (rng.chance(0.0005)) out.push('XYZ'); // a typo the build must report, not drop silently
  return out;
}

/** A second listing of the same facility, re-keyed the way a second extract would be. */
export function duplicateOf(seed: number, index: number, original: Record_): Record_ {
  const rng = rngFor(seed, 'treatment-duplicate', index);
  return {
    ...original,
    id: rng.chance(0.5) ? undefined : `SAMHSA_DUP_${String(index + 1).padStart(6, '0')}`,
    facility_name: rng.chance(0.5) ? String(original.facility_name).toUpperCase() : ` ${original.facility_name}`,
    zip_code: String(original.zip_code).slice(0, 5) + (rng.chance(0.5) ? `-${rng.int(1000, 9999)}` : ''),
    extraction_date: isoDate(rng, 2024, 2024),
  };
}

/** About 0.1% of records arrive broken in a way the build cannot repair. */
export function breakRecord(seed: number, index: number, record: Record_): Record_ {
  const rng = rngFor(seed, 'treatment-invalid', index);
  const how = rng.int(0, 2);
  if (how === 0) return { ...record, facility_name: rng.pick(['', '   ', null]) };
  if (how === 1) return { ...record, state: rng.pick(['ZZ', 'Atlantis', 'XX']) };
  return { ...record, minimum_age: 65, maximum_age: 17 };
}
