// Publishing a release so that a kill at any moment leaves a complete one: the manifest is the
// pointer. Every other file has a content-hashed name, so the new files can sit beside the
// old ones; the build fills a staging folder inside the release folder, moves its files in,
// then renames the new manifest over the old (one atomic step), and only then deletes the
// files no manifest names. Before the rename the old manifest names only old files, all still
// there; after it, the new one names only new files, all already there. (Two folder renames,
// as before, leave no folder at all between them.) Leftovers of a killed build (its staging
// folder, files it moved in, its lock) are swept by the next build, which holds the lock.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { isRunning, LOCK_FILE, lockReleaseFolder } from './build-lock.ts';
import { describeFailure } from './failure.ts';
import type { Manifest } from '../../app/release/manifest.ts';
import { TABLES } from '../../app/release/tables.ts';

const MANIFEST = 'manifest.json';
const STAGING = /^\.staging-\d+$/;
const HASHED_REPORT = /^(build-report|rejects|merges|warnings)-[0-9a-f]{16}\.(json|csv)$/;
const HASHED_PARQUET = /^[0-9a-f]{16}\.parquet$/;
// What builds before this one left beside the release folder (`data.staging-PID`, `data.retired-PID`).
const OLD_SIBLING = /^(.+)\.(staging|retired)-(\d+)$/;

/**
 * Runs `fill` on an empty folder for the release and one for scratch files (DuckDB's spill),
 * both inside the staging folder, so the next build sweeps them if this one is killed; then
 * publishes the release into `outDir` (created if need be). On failure the release in
 * `outDir` stays as it was.
 */
export async function publishInto<T>(outDir: string, fill: (releaseDir: string, scratchDir: string) => Promise<T>,
  log: (line: string) => void = () => {}): Promise<T> {
  const created = mkdirSync(outDir, { recursive: true }) !== undefined;
  const unlock = lockReleaseFolder(outDir);
  const staging = join(outDir, `.staging-${process.pid}`);
  const [releaseDir, scratchDir] = [join(staging, 'release'), join(staging, 'scratch')];
  const swept = (removed: string[]) => {
    if (removed.length) log(`  removed what an interrupted build left: ${removed.slice(0, 5).join(', ')}${removed.length > 5 ? ', …' : ''}`);
  };
  try {
    swept([...sweepRelease(outDir, [LOCK_FILE]), ...sweepOldSiblings(outDir)]);
    mkdirSync(releaseDir, { recursive: true });
    mkdirSync(scratchDir);
    const result = await fill(releaseDir, scratchDir);
    for (const step of commitPlan(releaseDir, outDir)) step();
    try {
      sweepRelease(outDir, [LOCK_FILE]);
    } catch (error) { // published all the same
      log(`  could not remove the previous release's files (${describeFailure(error) ?? error}); the next build will`);
    }
    return result;
  } catch (error) {
    try {
      sweepRelease(outDir, [LOCK_FILE]); // files a failed commit moved in, named by no manifest
    } catch { /* the next build sweeps them */ }
    throw error;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    unlock();
    if (created && readdirSync(outDir).length === 0) rmdirSync(outDir);
  }
}

/**
 * The steps that publish a filled release folder, in order: a kill between any two leaves a
 * complete release in `outDir` (atomic.test.ts runs every prefix of them). Each file is
 * flushed to disk before a manifest can name it. The old release's files go afterwards.
 */
export function commitPlan(releaseDir: string, outDir: string): (() => void)[] {
  const files = listFiles(releaseDir).map((f) => relative(releaseDir, f)).filter((f) => f !== MANIFEST);
  const folders = [...new Set(files.map((f) => join(outDir, dirname(f))))];
  return [
    ...files.map((f) => () => moveDurably(join(releaseDir, f), join(outDir, f))),
    () => folders.forEach(syncPath),
    () => moveDurably(join(releaseDir, MANIFEST), join(outDir, MANIFEST)),
    () => syncPath(outDir),
  ];
}

/** The release a folder holds: its manifest, when it is one this build writes. */
export function readRelease(dir: string): Manifest | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Manifest;
    return typeof manifest.schema_version === 'number' && typeof manifest.tables === 'object' && typeof manifest.reports === 'object'
      ? manifest : null;
  } catch {
    return null;
  }
}

/** Every file a release consists of, relative to its folder. */
export function releaseFiles(manifest: Manifest): string[] {
  return [MANIFEST, ...Object.values(manifest.reports), ...Object.values(manifest.tables).flatMap((t) => t.files.map((f) => f.path))];
}

/**
 * Removes, from a release folder, what a build made that its manifest does not name: staging
 * folders, the lock (unless spared), files of older or unfinished builds. Anything else (a
 * note someone put there) stays. Returns what it removed.
 */
export function sweepRelease(dir: string, spare: string[] = []): string[] {
  const release = readRelease(dir);
  const named = new Set(release ? releaseFiles(release) : []);
  const removed: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = entry.name;
    if (spare.includes(name) || named.has(name)) continue;
    if (STAGING.test(name) || name === LOCK_FILE || (entry.isFile() && HASHED_REPORT.test(name))) {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } else if (entry.isDirectory() && TABLES.some((t) => t.table === name)) {
      removed.push(...sweepTable(dir, name, named));
    }
  }
  return removed;
}

/** Parquet files of one table that the manifest does not name, and the folders they leave empty. */
function sweepTable(dir: string, table: string, named: Set<string>): string[] {
  const removed: string[] = [];
  const visit = (rel: string) => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) visit(path);
      else if (HASHED_PARQUET.test(entry.name) && !named.has(path)) {
        rmSync(join(dir, path));
        removed.push(path);
      }
    }
    if (readdirSync(join(dir, rel)).length === 0) rmdirSync(join(dir, rel));
  };
  visit(table);
  return removed;
}

/**
 * The staging and retired copies that builds before this design left beside the folder, once
 * their process is gone. A retired copy stays while the folder holds no release: it is the last one.
 */
function sweepOldSiblings(outDir: string): string[] {
  const parent = dirname(outDir);
  const released = readRelease(outDir) !== null;
  return readdirSync(parent).filter((name) => {
    const match = OLD_SIBLING.exec(name);
    if (!match || match[1] !== basename(outDir) || isRunning(Number(match[3])) || (match[2] === 'retired' && !released)) return false;
    rmSync(join(parent, name), { recursive: true, force: true });
    return true;
  }).map((name) => join('..', name));
}

function moveDurably(from: string, to: string): void {
  syncPath(from);
  mkdirSync(dirname(to), { recursive: true });
  renameSync(from, to);
}

/** fsync: a file's bytes, or a folder's entries (the renames into it). */
function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]);
}
