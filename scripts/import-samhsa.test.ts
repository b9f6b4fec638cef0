// The command as a user runs it, end to end: it writes the source file whole or not at all,
// and the build loads every record it wrote (the contract between importer and build).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRelease } from './build/pipeline.ts';
import { scratchDir, scratchSources } from './build/test-release.ts';

// Invented facilities (fictional 555-01xx numbers) in the National Directory's CSV shape.
const CSV = [
  'name1,name2,street1,street2,city,state,zip,phone,intake1,intake2,intake1a,intake2a,service_code_info',
  'Harbor Light Counseling and,Consulting LLC,12 Elm Street,Suite 4,Springfield,MA,01103,413-555-0101 x12,413-555-0102,,,,SA SUMH * OP ORT * MD',
  'Cedar Ridge Inc,Stepping Stones Resid,40 Main Street,,Barre,VT,05641,802-555-0104,,,,,SA HH * RES RL * PI',
  'Pine Hollow Hospital,,9 Hill Road,,Bangor,ME,04401,207-555-0106,,,,,SA DT * HI HID * MC',
].join('\n') + '\n';

function importer(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-samhsa.ts', ...args],
    { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, output: result.stdout + result.stderr };
}

describe('npm run import:samhsa', () => {
  it('replaces treatment_centers_master.json only with a whole new one, which the build loads', async () => {
    // The fixture's four source files, the treatment centers about to be replaced.
    const sources = scratchSources();
    const input = join(scratchDir(), 'directory_2022.csv');
    writeFileSync(input, CSV);
    const imported = importer(input, '--out', sources);
    expect(imported.output).toMatch(/wrote 3 records/);
    expect(imported.output).toMatch(/replaced .*treatment_centers_master\.json/);
    expect(imported.code).toBe(0);
    const path = join(sources, 'treatment_centers_master.json');
    const written = readFileSync(path, 'utf8');
    expect(JSON.parse(written)).toMatchObject({ extraction_date: '2022', total_facilities: 3 });

    const broken = join(scratchDir(), 'broken_2022.csv');
    writeFileSync(broken, CSV.replace('service_code_info', 'services'));
    const failed = importer(broken, '--out', sources);
    expect(failed.code).toBe(1);
    expect(failed.output).toMatch(/^import failed: .*broken_2022\.csv.*"service_code_info"/m);
    expect(readFileSync(path, 'utf8')).toBe(written);
    expect(readdirSync(sources).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const { fates } = await buildRelease({ sourcesDir: sources, outDir: join(scratchDir(), 'data') });
    expect(fates.find((f) => f.file === 'treatment_centers_master.json')).toMatchObject({ read: 3, loaded: 3, rejected: 0 });
  });
});
