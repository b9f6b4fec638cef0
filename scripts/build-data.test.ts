// The CLI as a person meets it: a mistyped option gets the usage, and a refused --out or a
// failing file system gets one line and exit code 1, never a stack trace; without --sources it
// never replaces a release built from real sources with the sample (issue 11).
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixture, scratchDir, scratchSources } from './build/test-release.ts';

const cli = fileURLToPath(new URL('./build-data.ts', import.meta.url));

function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => execFile(process.execPath, ['--import', 'tsx', cli, ...args], (error, stdout, stderr) =>
    done({ code: error ? (error.code as number) : 0, stdout, stderr })));
}

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
});
