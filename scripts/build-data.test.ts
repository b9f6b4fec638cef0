// The CLI as a person meets it: a mistyped option gets the usage, and a refused --out or a
// failing file system gets one line and exit code 1, never a stack trace; without --sources it
// never replaces a release built from real sources with the sample (issue 11), and writes an
// older generator's sample again.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fixture, scratchDir, scratchSources } from './build/test-release.ts';
import { COUNTS, GENERATOR_VERSION } from './generate-sample.ts';

const cli = fileURLToPath(new URL('./build-data.ts', import.meta.url));

// tsx by its path: a run in another folder (the default sources are relative) could not find it.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function runIn(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => execFile(process.execPath, ['--import', tsx, cli, ...args], { cwd }, (error, stdout, stderr) =>
    done({ code: error ? (error.code as number) : 0, stdout, stderr })));
}
const run = (...args: string[]) => runIn(process.cwd(), ...args);

describe('npm run build:data', () => {
  it('rejects an unknown option with the usage', async () => {
    const { code, stderr } = await run('--sauces', scratchSources());
    expect(code).toBe(1);
    expect(stderr).toMatch(/^build:data: Unknown option '--sauces'.*\nusage: npm run build:data -- \[--sources DIR\] \[--out DIR\]/s);
  });

  it('rejects a --memory that is not a size with the usage', async () => {
    const { code, stderr } = await run('--memory', 'lots');
    expect(code).toBe(1);
    expect(stderr).toMatch(/^build:data: --memory lots is not a size such as 3GB\nusage: /);
  });

  it('refuses an --out that holds the sources in one line', async () => {
    const dir = scratchDir();
    const { code, stderr } = await run('--sources', join(dir, 'sources'), '--out', dir);
    expect({ code, stderr }).toEqual({ code: 1, stderr: `build failed: --out ${dir} contains the sources folder ${join(dir, 'sources')}; nothing was written\n` });
  });

  it('turns a file system error into one line naming the path, and exit code 1', async () => {
    const file = join(scratchDir(), 'a-file');
    writeFileSync(file, '');
    const { code, stdout, stderr } = await run('--sources', scratchSources(), '--out', join(file, 'data'));
    expect({ code, stderr }).toEqual({ code: 1, stderr: `build failed: ${file}/data: a part of this path is a file, not a folder (ENOTDIR, stat)\n` });
    expect(stdout).not.toMatch(/\n\s+at /);
  });

  it('without --sources keeps a release built from real sources, and says how to rebuild it', async () => {
    const out = join(scratchDir(), 'data');
    const built = await run('--sources', fixture('listings'), '--out', out);
    expect(built.code, built.stderr).toBe(0);
    const manifest = readFileSync(join(out, 'manifest.json'), 'utf8');
    expect(JSON.parse(manifest).synthetic).toBe(false);

    const again = await run('--out', out);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Keeping the release in ${out}: it was built from your own sources`);
    expect(again.stdout).toContain('npm run build:data -- --sources DIR');
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(manifest);
  });

  it('without --sources writes an older generator\'s sample files again, and leaves a person\'s own', async () => {
    const cwd = scratchDir();
    const sources = join(cwd, 'data/sources');
    cpSync(fixture('listings'), sources, { recursive: true });
    // The fixture's houses as the generator wrote them before its stamp: header alone on the first line.
    const houses = JSON.parse(readFileSync(join(sources, 'master_directory.json'), 'utf8'));
    const { all_organizations: records, ...header } = houses;
    writeFileSync(join(sources, 'master_directory.json'),
      `${JSON.stringify(header).slice(0, -1)},"all_organizations":[\n${records.map((r: object) => JSON.stringify(r)).join(',\n')}\n]}\n`);
    const own = readFileSync(join(sources, 'treatment_centers_master.json'), 'utf8');

    const built = await runIn(cwd);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain(`data/sources: master_directory.json was written by an older sample generator (version 1; ` +
      `this one is version ${GENERATOR_VERSION}): generating it again. Files you put there yourself are left as they are.`);
    const houses2 = JSON.parse(readFileSync(join(sources, 'master_directory.json'), 'utf8'));
    expect([houses2.generator_version, houses2.all_organizations.length]).toEqual([GENERATOR_VERSION, COUNTS.narr]);
    expect(readFileSync(join(sources, 'treatment_centers_master.json'), 'utf8')).toBe(own);
    const manifest = JSON.parse(readFileSync(join(cwd, 'public/data/manifest.json'), 'utf8'));
    expect(manifest.counts.find((c: { file: string }) => c.file === 'master_directory.json').read).toBe(COUNTS.narr);
  });
});
