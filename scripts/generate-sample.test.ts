// The sample generator: the shapes of shared/sources-format.md, the promised counts, the
// promised mess, and the same output on every run.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { COUNTS, generate, GENERATOR_VERSION, SEED, writeSample } from './generate-sample.ts';
import { loadGazetteer } from './build/gazetteer.ts';
import { placePicker } from './generate/places.ts';
import { rngFor } from './generate/random.ts';
import { treatmentCenter } from './generate/treatment-centers.ts';

type Rec = Record<string, unknown>;
let files: ReturnType<typeof generate>;
let tc: Rec[];
beforeAll(() => {
  files = generate(1);
  tc = files['treatment_centers_master.json'].all_facilities;
});

const share = (records: Rec[], test: (r: Rec) => boolean) => records.filter(test).length / records.length;

describe('sample sources', () => {
  it('has 41,091 records in the four files, under their array keys', () => {
    expect(tc).toHaveLength(COUNTS.treatment);
    expect(files['master_directory.json'].all_organizations).toHaveLength(COUNTS.narr);
    expect(files['recovery_community_centers_master.json'].all_centers).toHaveLength(COUNTS.rcc);
    expect(files['recovery_organizations_master.json'].all_organizations).toHaveLength(COUNTS.rco);
    expect(COUNTS.treatment + COUNTS.narr + COUNTS.rcc + COUNTS.rco).toBe(41_091);
  });

  it('is the same on every run: each record comes from its own seeded stream', () => {
    const place = placePicker();
    const at = (i: number) => place(rngFor(SEED, 'treatment-place', i));
    expect(treatmentCenter(SEED, 1234, at(1234))).toEqual(treatmentCenter(SEED, 1234, at(1234)));
    const again = generate(1)['recovery_organizations_master.json'];
    expect(again).toEqual(files['recovery_organizations_master.json']);
  });

  it('changes its version whenever what it writes changes, so an older sample is written again', () => {
    // A change to the output fails this: raise GENERATOR_VERSION and pin the new hash together.
    const output = JSON.stringify(files, (key, value) => key === 'generator_version' ? undefined : value);
    const sha256 = createHash('sha256').update(output).digest('hex');
    expect({ version: GENERATOR_VERSION, sha256 }).toEqual({ version: 3, sha256: 'c8f145575d7096d8824825aefba81b33fa8716525e4959134221af5bcd6db328' });
  });

  it('is messy the way real extracts are', () => {
    expect(share(tc, (r) => r.latitude === null)).toBeGreaterThan(0.02);
    expect(share(tc, (r) => typeof r.latitude === 'string')).toBeGreaterThan(0.01);
    expect(share(tc, (r) => r.latitude === 0)).toBeGreaterThan(0.002);
    expect(share(tc, (r) => typeof r.latitude === 'number' && (r.latitude as number) < -60)).toBeGreaterThan(0.001); // swapped
    expect(share(tc, (r) => String(r.state).length > 2)).toBeGreaterThan(0.01);
    expect(share(tc, (r) => /-\d{4}$/.test(String(r.zip_code)))).toBeGreaterThan(0.05);
    expect(share(tc, (r) => /^https?:/.test(String(r.website)))).toBeLessThan(0.8);
    expect(new Set(tc.map((r) => String(r.phone).replace(/\d/g, '9'))).size).toBeGreaterThan(4);
    const duplicates = share(tc, (r) => String(r.id ?? '').startsWith('SAMHSA_DUP') || (r.id === undefined && r.extraction_date !== '2024-11-01'));
    expect(duplicates).toBeGreaterThan(0.001);
    expect(duplicates).toBeLessThan(0.004);
    const narr = files['master_directory.json'].all_organizations;
    expect(narr.every((r) => typeof r.address === 'string' && r.latitude === undefined)).toBe(true);
  });

  it('correlates services the way facilities do', () => {
    const otp = tc.filter((r) => r.opioid_treatment_program === true);
    expect(otp.length).toBeGreaterThan(1000);
    expect(otp.every((r) => (r.service_codes as string[]).includes('MM') && r.level_of_care !== 'residential')).toBe(true);
    const residential = tc.filter((r) => String(r.level_of_care).toLowerCase() === 'residential');
    expect(share(residential, (r) => typeof r.residential_capacity === 'number')).toBe(1);
  });

  it('places records at ZIPs with an area, never a company\'s or a post-office box\'s code', () => {
    const { zips } = loadGazetteer();
    const withArea = new Set(zips.filter((z) => z.area).map((z) => z.zip));
    // The island territories have no Census ZCTAs; there any of their ZIPs is a place.
    const zctaStates = new Set(zips.filter((z) => z.area).map((z) => z.state));
    const placed = tc.map((r) => /^\d{5}/.exec(String(r.zip_code))?.[0]).filter((z) => z !== undefined);
    expect(placed.length).toBeGreaterThan(tc.length * 0.9);
    const stateOf = new Map(zips.map((z) => [z.zip, z.state]));
    expect(placed.filter((z) => zctaStates.has(stateOf.get(z) ?? null) && !withArea.has(z))).toEqual([]);
  });

  it('uses only invented contact details', () => {
    // …apart from the javascript: links scrapers leave, which the build must drop.
    expect(tc.every((r) => r.website === null || String(r.website).includes('.example.org') || String(r.website).startsWith('javascript:'))).toBe(true);
    expect(tc.filter((r) => String(r.website).startsWith('javascript:')).length).toBeGreaterThan(0);
    expect(tc.filter((r) => String(r.facility_name).includes('<script>')).length).toBeGreaterThan(0);
    expect(tc.every((r) => /555[ .-]?01\d\d$/.test(String(r.phone)))).toBe(true);
  });

  it('writes to disk what it generates, streaming the treatment centers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nrd-sample-'));
    try {
      writeSample(dir, 1, () => {});
      expect(readdirSync(dir).sort()).toEqual(Object.keys(files).sort());
      for (const [file, content] of Object.entries(files)) expect(JSON.parse(readFileSync(join(dir, file), 'utf8'))).toEqual(content);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
