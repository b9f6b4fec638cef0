// What can be checked without a MotherDuck account or a network: the script stops at once
// with a clear message, and never prints the token.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRelease } from './build/pipeline.ts';
import { scratchDir, scratchSources } from './build/test-release.ts';

let release = '';
beforeAll(async () => {
  release = join(scratchDir(), 'data');
  await buildRelease({ sourcesDir: scratchSources(), outDir: release });
});

function publish(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/publish-motherduck.ts', '--release', release],
    { encoding: 'utf8', env: { ...process.env, MOTHERDUCK_TOKEN: '', ...env }, timeout: 60_000 });
  return { code: result.status, output: result.stdout + result.stderr };
}

describe('publish:motherduck', () => {
  it('without a token, says how to get one and stops', () => {
    const { code, output } = publish({});
    expect(code).toBe(1);
    expect(output).toMatch(/MOTHERDUCK_TOKEN is not set/);
  });

  it('offline (as here) or with a bad token, names the step that failed and never prints the token', () => {
    const token = 'secret-token-4f9a0c2e7b1d';
    const { code, output } = publish({ MOTHERDUCK_TOKEN: token });
    expect(code).toBe(1);
    expect(output).toMatch(/^publish:motherduck: Could not (load DuckDB's motherduck extension|connect to MotherDuck)/m);
    expect(output).not.toContain(token);
  });
});
