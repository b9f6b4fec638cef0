// A release folder always holds a complete release: a bad source stops the build and leaves it
// as it was (a folder with no source names what it expected), a kill at any moment (a real
// SIGKILL of the CLI, and every prefix of the commit) leaves the old release or the new one
// whole, and the next build sweeps what a killed one left. The same sources always give
// byte-identical Parquet with the same names.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRelease } from './pipeline.ts';
import { type Manifest } from '../../app/release/manifest.ts';
import { SourceError } from './sources.ts';
import { LOCK_FILE } from './build-lock.ts';
import { commitPlan, readRelease, releaseFiles, sweepRelease } from './release-folder.ts';
import { fixture, releaseProblems, scratchDir, scratchSources } from './test-release.ts';

const fileList = (m: Manifest) => Object.values(m.tables).flatMap((t) => t.files.map((f) => `${f.path} ${f.sha256}`)).sort();
const walk = (dir: string, prefix = ''): string[] => readdirSync(join(dir, prefix), { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`])).sort();
/** The folder holds its release and nothing else: no staging folder, lock or stray file. */
const onlyTheRelease = (dir: string) => expect(walk(dir)).toEqual(releaseFiles(readRelease(dir)!).sort());

/** The hostile fixture with one name changed: a release whose files differ from the first's. */
function otherSources(): string {
  const dir = scratchSources();
  const file = join(dir, 'master_directory.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('Hope House', 'Hope House North'));
  return dir;
}

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
  // The earlier release is still there, whole, and nothing is left beside or inside it.
  expect(readFileSync(join(outDir, 'manifest.json'), 'utf8')).toBe(published);
  expect(releaseProblems(outDir)).toEqual([]);
  onlyTheRelease(outDir);
  expect(readdirSync(dirname(outDir))).toEqual(['data']);
}

describe('a bad source file', () => {
  it('that is not valid JSON stops the build at its line and column', async () => {
    await expectFailure(
      (dir) => copyFileSync(fixture('broken/treatment_centers_master.json'), join(dir, 'treatment_centers_master.json')),
      /treatment_centers_master\.json: invalid JSON at line 4, column 41 \(byte 135\): expected a key in double quotes, found ","/,
    );
  });

  it('that is broken after its first top-level value is placed where the fault is, not at "line 1, column 2"', async () => {
    await expectFailure(
      (dir) => writeFileSync(join(dir, 'recovery_organizations_master.json'),
        `{"all_organizations": []}\n${'\n'.repeat(13)}{"all_organizations": [{"name": "Café" "state": "MA"}]}`),
      /recovery_organizations_master\.json: invalid JSON at line 15, column 40 \(byte 79\): expected "," or "}", found "\\""/,
    );
  });

  it('with its array key twice stops the build naming the key and both places (readers disagree on which to keep)', async () => {
    await expectFailure(
      (dir) => writeFileSync(join(dir, 'master_directory.json'),
        '{"all_organizations": [{"name": "A", "state": "MA"}],\n "extraction_date": "2024-10-01",\n "all_organizations": []}'),
      /master_directory\.json: the key "all_organizations" appears twice at the top level \(line 1, column 2 and line 3, column 2\)/,
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

  it('that is a named pipe stops the build at once instead of waiting for a writer', { timeout: 20_000 }, async () => {
    await expectFailure((dir) => {
      const path = join(dir, 'recovery_community_centers_master.json');
      rmSync(path);
      execFileSync('mkfifo', [path]);
    }, /recovery_community_centers_master\.json: a named pipe \(FIFO\), not a regular file/);
  });
});

describe('a kill at any moment', () => {
  it('between any two steps of the commit leaves the old release or the new one, whole', async () => {
    const next = join(scratchDir(), 'next');
    await buildRelease({ sourcesDir: otherSources(), outDir: next });
    const out = join(scratchDir(), 'data');
    cpSync(outDir, out, { recursive: true });
    cpSync(next, join(out, '.staging-1'), { recursive: true }); // as the build fills it
    const plan = commitPlan(join(out, '.staging-1'), out);
    expect(plan.length).toBeGreaterThan(10);
    // A kill after step k leaves what running steps 1..k leaves: look after each one.
    for (const [done, step] of [() => {}, ...plan].entries()) {
      step();
      expect({ done, problems: releaseProblems(out) }).toEqual({ done, problems: [] });
      const manifest = readFileSync(join(out, 'manifest.json'), 'utf8');
      expect(manifest).toBe(readFileSync(join(done < plan.length - 1 ? outDir : next, 'manifest.json'), 'utf8'));
    }
    // What the interrupted commit left (the staging folder, the old release's files) goes with the sweep.
    sweepRelease(out);
    onlyTheRelease(out);
    expect(fileList(readRelease(out)!)).toEqual(fileList(readRelease(next)!));
  });

  // Eight builds of the CLI: about 60 s on the quiet 2-core machine, past the default 120 s at a load average of 17.
  it('of the CLI (SIGKILL, at several moments and during the commit) leaves a complete release, and the next build sweeps', { timeout: 360_000 }, async () => {
    const out = join(scratchDir(), 'data');
    const sources = [scratchSources(), otherSources()];
    const started = Date.now();
    expect((await runCli(sources[0], out)).code).toBe(0);
    const whole = Date.now() - started;
    const kills: (number | RegExp)[] = [0.2, 0.45, 0.7, 0.9].map((f) => f * whole);
    kills.push(/^(rejects|merges|warnings|build-report)-/, /^manifest\.json$/); // a file of the new release moved in; the manifest replaced
    let killed = 0;
    for (const [i, when] of kills.entries()) {
      const { code } = await runCli(sources[(i + 1) % 2], out, when);
      expect({ when: String(when), problems: releaseProblems(out) }).toEqual({ when: String(when), problems: [] });
      if (code === null) killed++; // else it finished first, on a machine busy enough to stretch the first build
    }
    expect(killed).toBeGreaterThanOrEqual(kills.length / 2);
    expect((await runCli(sources[0], out)).code).toBe(0);
    expect(releaseProblems(out)).toEqual([]);
    onlyTheRelease(out);
  });
});

const cli = fileURLToPath(new URL('../build-data.ts', import.meta.url));

/** The CLI in a child process, killed (SIGKILL) after `kill` ms or once a file matching it appears in `out`. */
function runCli(sources: string, out: string, kill?: number | RegExp): Promise<{ code: number | null }> {
  mkdirSync(out, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--sources', sources, '--out', out], { stdio: 'ignore' });
  const watcher = kill instanceof RegExp ? watch(out, (_, name) => {
    if (name && kill.test(name) && existsSync(join(out, name))) child.kill('SIGKILL'); // appeared, not swept
  }) : null;
  const timer = typeof kill === 'number' ? setTimeout(() => child.kill('SIGKILL'), kill) : null;
  return new Promise((done) => child.on('exit', (code) => {
    watcher?.close();
    if (timer) clearTimeout(timer);
    done({ code });
  }));
}

describe('the release folder lock', () => {
  it('refuses a second build while the first runs, and takes over the lock of a killed one', async () => {
    writeFileSync(join(outDir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: hostname() }));
    const error = await buildRelease({ sourcesDir: scratchSources(), outDir }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/is being written by another build \(process \d+ on .+\); if none is running, delete .+\.build\.lock/);
    expect(readFileSync(join(outDir, 'manifest.json'), 'utf8')).toBe(published);
    writeFileSync(join(outDir, LOCK_FILE), ''); // a build killed while it wrote its lock
    await buildRelease({ sourcesDir: scratchSources(), outDir });
    onlyTheRelease(outDir);
    published = readFileSync(join(outDir, 'manifest.json'), 'utf8');
  });
});

describe('sweeping', () => {
  it('removes what builds made and no manifest names, and spares anything else', () => {
    const dir = join(scratchDir(), 'data');
    cpSync(outDir, dir, { recursive: true });
    const leftovers = ['.staging-99999/organizations/x.parquet', LOCK_FILE, 'warnings-0123456789abcdef.csv',
      'organizations/state=ZZ/0123456789abcdef.parquet', 'organizations/state=MA/fedcba9876543210.parquet'];
    const spared = ['NOTES.md', 'organizations/README.txt'];
    for (const path of [...leftovers, ...spared]) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), 'x');
    }
    expect(sweepRelease(dir).sort()).toEqual(['.staging-99999', LOCK_FILE, 'warnings-0123456789abcdef.csv',
      'organizations/state=ZZ/0123456789abcdef.parquet', 'organizations/state=MA/fedcba9876543210.parquet'].sort());
    expect(walk(dir)).toEqual([...releaseFiles(readRelease(dir)!), ...spared].sort());
  });

  it('removes the staging and retired copies older builds left beside the folder, once their process is gone', async () => {
    const parent = scratchDir();
    const dir = join(parent, 'data');
    cpSync(outDir, dir, { recursive: true });
    const dead = spawnSync('true').pid;
    for (const old of [`data.staging-${dead}`, `data.retired-${dead}`, `data.staging-${process.pid}`, `other.staging-${dead}`]) {
      mkdirSync(join(parent, old));
    }
    await buildRelease({ sourcesDir: scratchSources(), outDir: dir });
    expect(readdirSync(parent).sort()).toEqual(['data', `data.staging-${process.pid}`, `other.staging-${dead}`].sort());
  });
});

describe('reproducibility', () => {
  it('writes byte-identical Parquet with the same names from the same sources, whatever DuckDB\'s memory limit', async () => {
    const again = join(scratchDir(), 'data');
    const { manifest } = await buildRelease({ sourcesDir: scratchSources(), outDir: again, memoryLimit: '300MB' });
    expect(fileList(manifest)).toEqual(fileList(JSON.parse(published)));
    expect(manifest.reports).toEqual(JSON.parse(published).reports);
  });
});
