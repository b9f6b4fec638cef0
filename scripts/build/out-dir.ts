// Whether --out may receive a release, decided before anything is written. The build
// replaces what a release folder holds, so a folder holding anything else (the sources, a
// project, someone's notes) is refused: `--out P --sources P/sources` used to empty P.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { LOCK_FILE } from './build-lock.ts';
import { BuildError } from './failure.ts';
import { readRelease } from './release-folder.ts';

/** The release folder as an absolute path without symbolic links, or why it cannot be one. */
export function releaseFolder(out: string, sources: string): string {
  const outDir = realPath(out);
  const sourcesDir = realPath(sources);
  const refuse = (why: string) => new BuildError(`--out ${out} ${why}; nothing was written`);
  if (outDir === sourcesDir) throw refuse('is the sources folder');
  if (isInside(outDir, sourcesDir)) throw refuse(`is inside the sources folder ${sources}`);
  if (isInside(sourcesDir, outDir)) throw refuse(`contains the sources folder ${sources}`);
  const stat = statSync(outDir, { throwIfNoEntry: false });
  if (!stat) return outDir;
  if (!stat.isDirectory()) throw refuse('is a file, not a folder');
  const entries = readdirSync(outDir).sort();
  // A killed first build leaves its lock and no manifest yet: still a release folder.
  if (entries.length > 0 && !readRelease(outDir) && !entries.includes(LOCK_FILE)) {
    const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '');
    throw refuse(`holds other files (${shown}) and no release; name a new or empty folder, or one a build wrote`);
  }
  return outDir;
}

/**
 * `data/`, `data/.` and `./x/../data` are one folder, and so are a link and its target. The
 * part of the path that does not exist yet cannot be a link.
 */
function realPath(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return join(realpathSync(existing), relative(existing, absolute));
}

function isInside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
