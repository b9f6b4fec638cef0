// A real vite build of a one-page site whose public/data holds a release and what a killed
// data build left beside it: dist/data gets the release alone.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'vite';
import { LOCK_FILE } from './build-lock.ts';
import { releaseOnly } from './vite-release-only.ts';
import { scratchDir } from './test-release.ts';

describe('vite build', () => {
  it('ships the release in public/data and none of the leftovers of an interrupted build', async () => {
    const root = scratchDir();
    const parquet = 'organizations/state=MA/0123456789abcdef.parquet';
    const manifest = { schema_version: 2, reports: { warnings: 'warnings-0123456789abcdef.csv' }, tables: { organizations: { files: [{ path: parquet }] } } };
    const files: Record<string, string> = {
      'index.html': '<!doctype html><title>t</title>',
      'public/data/manifest.json': JSON.stringify(manifest),
      [`public/data/${parquet}`]: 'x',
      'public/data/warnings-0123456789abcdef.csv': 'x',
      // Left by a build killed while it published:
      'public/data/.staging-4242/organizations/state=MA/fedcba9876543210.parquet': 'x',
      [`public/data/${LOCK_FILE}`]: '{"pid": 4242}',
      'public/data/organizations/state=CA/fedcba9876543210.parquet': 'x',
      'public/data/rejects-fedcba9876543210.csv': 'x',
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    await build({ root, configFile: false, logLevel: 'silent', plugins: [releaseOnly()], build: { outDir: join(root, 'dist') } });
    const shipped = readdirSync(join(root, 'dist/data'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(join(root, 'dist/data/').length)).sort();
    expect(shipped).toEqual(['manifest.json', parquet, 'warnings-0123456789abcdef.csv']);
  });
});
