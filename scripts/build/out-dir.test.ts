// --out is refused, with nothing written, whenever a build there could destroy what is not a
// release; the ways of spelling one folder are one folder.
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE } from './build-lock.ts';
import { releaseFolder } from './out-dir.ts';
import { buildRelease } from './pipeline.ts';
import { scratchDir, scratchSources } from './test-release.ts';

/** A project folder with notes and its sources inside: what `--out P --sources P/sources` emptied. */
function project(): string {
  const dir = scratchDir();
  writeFileSync(join(dir, 'notes.md'), 'mine');
  const sources = scratchSources();
  mkdirSync(join(dir, 'sources'));
  for (const file of readdirSync(sources)) writeFileSync(join(dir, 'sources', file), readFileSync(join(sources, file)));
  return dir;
}

const snapshot = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true })
  .map((e) => `${join(e.parentPath, e.name)}${e.isFile() ? ` ${readFileSync(join(e.parentPath, e.name)).length}` : ''}`).sort();

describe('an --out that would lose files', () => {
  it.each([
    ['contains the sources', (p: string) => [p, join(p, 'sources')], /^--out .+ contains the sources folder .+; nothing was written$/],
    ['is the sources', (p: string) => [join(p, 'sources'), join(p, 'sources')], /is the sources folder/],
    ['is the sources, spelled with a trailing slash', (p: string) => [`${join(p, 'sources')}/`, join(p, 'sources', '.')], /is the sources folder/],
    ['sits inside the sources', (p: string) => [join(p, 'sources', 'data'), join(p, 'sources')], /is inside the sources folder/],
    ['is a file', (p: string) => [join(p, 'notes.md'), join(p, 'sources')], /is a file, not a folder/],
    ['holds other files and no release', (p: string) => [p, scratchSources()], /holds other files \(notes\.md, sources\) and no release/],
  ])('is refused when it %s, and nothing is touched', async (_, args, message) => {
    const dir = project();
    const before = snapshot(dir);
    const [outDir, sourcesDir] = args(dir);
    const error = await buildRelease({ sourcesDir, outDir }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(message);
    expect(snapshot(dir)).toEqual(before);
  });

  it('is refused when it is a link to the sources', () => {
    const dir = project();
    symlinkSync(join(dir, 'sources'), join(dir, 'link'));
    expect(() => releaseFolder(join(dir, 'link'), join(dir, 'sources'))).toThrow(/is the sources folder/);
  });
});

describe('an --out that may receive a release', () => {
  it('is one folder however it is spelled: data, data/, data/., x/../data', () => {
    const dir = scratchDir();
    const sources = scratchSources();
    const data = join(dir, 'data');
    for (const spelling of [data, `${data}/`, `${data}/.`, join(dir, 'x', '..', 'data')]) {
      expect(releaseFolder(spelling, sources)).toBe(data);
    }
  });

  it('is new, empty, a release, or what a killed first build left (its lock)', async () => {
    const sources = scratchSources();
    const empty = scratchDir();
    expect(releaseFolder(empty, sources)).toBe(empty);
    const killed = scratchDir();
    writeFileSync(join(killed, LOCK_FILE), '{"pid": 1}');
    expect(releaseFolder(killed, sources)).toBe(killed);
    const release = join(scratchDir(), 'data');
    await buildRelease({ sourcesDir: sources, outDir: `${release}/.` }); // the spelling that failed with EINVAL after a whole build
    expect(releaseFolder(release, sources)).toBe(release);
    expect(readdirSync(release)).toContain('manifest.json');
  });
});
