// The CLI never silently replaces a release built from real sources with the sample: without
// --sources it keeps that release and says how to rebuild it (issue 11).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, scratchDir } from './build/test-release.ts';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], { encoding: 'utf8' });

describe('build:data without --sources', () => {
  it('keeps a release built from real sources, and says how to rebuild it', () => {
    const out = join(scratchDir(), 'data');
    const built = cli('--sources', fixture('listings'), '--out', out);
    expect(built.status, built.stderr).toBe(0);
    const manifest = readFileSync(join(out, 'manifest.json'), 'utf8');
    expect(JSON.parse(manifest).synthetic).toBe(false);

    const again = cli('--out', out);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Keeping the release in ${out}: it was built from your own sources`);
    expect(again.stdout).toContain('npm run build:data -- --sources DIR');
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(manifest);
  });
});
