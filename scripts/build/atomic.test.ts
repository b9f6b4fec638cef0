// A bad source stops the build with its file and position (a folder with no source, naming
// what it expected) and leaves the published release as it was; the same sources always give
// byte-identical Parquet under the same names.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildRelease, type Manifest } from './pipeline.ts';
import { SourceError } from './sources.ts';
import { fixture, scratchDir, scratchSources } from './test-release.ts';

const fileList = (m: Manifest) => Object.values(m.tables).flatMap((t) => t.files.map((f) => `${f.path} ${f.sha256}`)).sort();

let outDir: string;
let published: string;
beforeAll(async () => {
  outDir = join(scratchDir(), 'data');
  await buildRelease({ sourcesDir: scratchSources(), outDir });
  published = readFileSync(join(outDir, 'manifest.json'), 'utf8');
});

async function expectFailure(breakIt: (sources: string) => void, message: RegExp) {
  const sources = scratchSources();
  breakIt(sources);
  const error = await buildRelease({ sourcesDir: sources, outDir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SourceError);
  expect((error as Error).message).toMatch(message);
  // The earlier release is still there, whole, and no staging folder is left behind.
  expect(readFileSync(join(outDir, 'manifest.json'), 'utf8')).toBe(published);
  const manifest = JSON.parse(published) as Manifest;
  for (const path of fileList(manifest).map((l) => l.split(' ')[0])) expect(existsSync(join(outDir, path))).toBe(true);
  expect(readdirSync(dirname(outDir))).toEqual(['data']);
}

describe('a bad source file', () => {
  it('that is not valid JSON stops the build at its line and column', async () => {
    await expectFailure(
      (dir) => copyFileSync(fixture('broken/treatment_centers_master.json'), join(dir, 'treatment_centers_master.json')),
      /treatment_centers_master\.json: invalid JSON at line 4, column \d+ \(byte \d+\)/,
    );
  });

  it('that lacks its array key stops the build naming the key and what was found', async () => {
    await expectFailure(
      (dir) => copyFileSync(fixture('broken/master_directory.json'), join(dir, 'master_directory.json')),
      /master_directory\.json: no "all_organizations" key \(found: extraction_date, facilities\)/,
    );
  });

  it('when none of the four is there stops the build, naming them', async () => {
    await expectFailure((dir) => { for (const f of readdirSync(dir)) rmSync(join(dir, f)); },
      /: no source files \(expected one or more of treatment_centers_master\.json, master_directory\.json, .*\)/);
  });
});

describe('reproducibility', () => {
  it('writes byte-identical Parquet with the same names from the same sources', async () => {
    const again = join(scratchDir(), 'data');
    const { manifest } = await buildRelease({ sourcesDir: scratchSources(), outDir: again });
    expect(fileList(manifest)).toEqual(fileList(JSON.parse(published)));
    expect(manifest.reports).toEqual(JSON.parse(published).reports);
  });
});
