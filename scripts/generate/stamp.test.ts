// An older generator's files are found and only they are written again: a person's own file
// beside them, a pretty-printed fixture that says synthetic, and a current file stay as they are.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COUNTS, GENERATOR_VERSION, writeSample } from '../generate-sample.ts';
import { generatedHeader, staleSample } from './stamp.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A file in the generator's layout: the header on the first line, one record a line. */
const generatorLayout = (header: object, key: string, records: object[]) =>
  `${JSON.stringify(header).slice(0, -1)},"${key}":[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;

const OLD = { extraction_date: '2024-11-01', synthetic: true };

describe('the sample stamp', () => {
  it('finds the files an older generator wrote and leaves a person\'s own and current ones alone', () => {
    dir = mkdtempSync(join(tmpdir(), 'nrd-stamp-'));
    writeFileSync(join(dir, 'recovery_community_centers_master.json'), generatorLayout({ ...OLD, total_centers: 1 }, 'all_centers', [{ id: 'RCC_1' }]));
    writeFileSync(join(dir, 'recovery_organizations_master.json'),
      generatorLayout({ ...OLD, generator_version: GENERATOR_VERSION }, 'all_organizations', [{ id: 'RCO_1' }]));
    // A real extract in the same layout carries no `synthetic`; a hand-written fixture does, pretty-printed.
    writeFileSync(join(dir, 'treatment_centers_master.json'), generatorLayout({ extraction_date: '2022-06-01', total_facilities: 40_296 }, 'all_facilities', [{ id: 'TC_1' }]));
    writeFileSync(join(dir, 'master_directory.json'), JSON.stringify({ ...OLD, all_organizations: [{ id: 'N_1' }] }, null, 2));

    expect(generatedHeader(join(dir, 'treatment_centers_master.json'), 'all_facilities')).toBeUndefined();
    expect(generatedHeader(join(dir, 'master_directory.json'), 'all_organizations')).toBeUndefined();
    expect(staleSample(dir)).toEqual({ files: ['recovery_community_centers_master.json'], version: 1, scale: 1 });
  });

  it('regenerates at the scale the old treatment centers were generated at', () => {
    dir = mkdtempSync(join(tmpdir(), 'nrd-stamp-'));
    writeFileSync(join(dir, 'treatment_centers_master.json'),
      generatorLayout({ ...OLD, total_facilities: COUNTS.treatment * 10 }, 'all_facilities', [{ id: 'TC_1' }]));
    expect(staleSample(dir)).toEqual({ files: ['treatment_centers_master.json'], version: 1, scale: 10 });
  });

  it('writes again only the stale files, and what it writes is current', () => {
    dir = mkdtempSync(join(tmpdir(), 'nrd-stamp-'));
    const own = generatorLayout({ extraction_date: '2022-06-01' }, 'all_facilities', [{ id: 'TC_1' }]);
    writeFileSync(join(dir, 'treatment_centers_master.json'), own);
    writeFileSync(join(dir, 'master_directory.json'), generatorLayout({ ...OLD, total_organizations: 1 }, 'all_organizations', [{ id: 'N_1' }]));
    const stale = staleSample(dir)!;
    writeSample(dir, stale.scale, () => {}, stale.files);

    expect(readFileSync(join(dir, 'treatment_centers_master.json'), 'utf8')).toBe(own);
    const written = JSON.parse(readFileSync(join(dir, 'master_directory.json'), 'utf8'));
    expect([written.generator_version, written.all_organizations.length]).toEqual([GENERATOR_VERSION, COUNTS.narr]);
    expect(staleSample(dir)).toBeUndefined();
  });
});
