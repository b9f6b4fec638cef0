// The gazetteer as the build loads it (one JSON object per line) and its ZIP checks, kept
// between builds under node_modules/.cache, keyed by everything it is made from: the code
// (gazetteer.ts and every module it imports, followed import by import), the packages that
// code requires (by their package.json, which names the version) and data/states.csv.
// Computing it took 1.2 CPU seconds of every build's 1.5 for the reference tables, whatever
// the number of records; a change to any of its inputs computes it afresh.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from './gazetteer.ts';
import type { ZipCheck } from './zip-crosscheck.ts';

const CACHE = fileURLToPath(new URL('../../node_modules/.cache/nrd-gazetteer/', import.meta.url));
const STATES = fileURLToPath(new URL('../../data/states.csv', import.meta.url));
const GAZETTEER = fileURLToPath(new URL('./gazetteer.ts', import.meta.url));

export interface GazetteerFile {
  /** Newline-delimited JSON: kind ('zip' or 'city'), key, city, state, latitude, longitude, source, central_zip. */
  file: string;
  checks: ZipCheck[];
}

/** The cached gazetteer file for the current inputs, written first when there is none. */
export function gazetteerFile(): GazetteerFile {
  const key = inputsKey();
  let dir = join(CACHE, key);
  if (!existsSync(dir)) {
    try {
      writeEntry(CACHE, dir);
    } catch {
      // node_modules is read-only (a container's, say): the system's temporary folder holds it.
      dir = join(tmpdir(), `nrd-gazetteer-${key}`);
      if (!existsSync(dir)) writeEntry(tmpdir(), dir);
    }
  }
  return { file: join(dir, 'gazetteer.ndjson'), checks: JSON.parse(readFileSync(join(dir, 'checks.json'), 'utf8')) as ZipCheck[] };
}

/** The source files `entry` imports, directly or not, by relative path (itself included). */
export function importClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^import[^;]*?from '(\.[^']+)'/gms)) visit(resolve(dirname(file), spec));
  };
  visit(entry);
  return [...seen].sort();
}

/** The packages `files` load with require('name'). */
export function requiredPackages(files: string[]): string[] {
  return [...new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\brequire\('([^'.][^']*)'\)/g)].map((m) => m[1])))].sort();
}

function inputsKey(): string {
  const code = importClosure(GAZETTEER);
  const require = createRequire(import.meta.url);
  const manifests = requiredPackages(code).map((name) => require.resolve(`${name}/package.json`));
  const hash = createHash('sha256');
  for (const file of [...code, ...manifests, STATES]) {
    const bytes = readFileSync(file);
    hash.update(`${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex').slice(0, 32);
}

/** Written in a folder of its own and renamed into place: a build never reads half an entry. */
function writeEntry(root: string, dir: string): void {
  const { zips, cities, checks } = loadGazetteer();
  mkdirSync(root, { recursive: true });
  const scratch = mkdtempSync(join(root, 'nrd-gazetteer-writing-'));
  try {
    writeFileSync(join(scratch, 'gazetteer.ndjson'), [
      ...zips.map((z) => ({ kind: 'zip', key: z.zip, city: z.city, state: z.state, latitude: z.lat, longitude: z.lon, source: z.source, central_zip: null })),
      ...cities.map((c) => ({ kind: 'city', key: `${c.city.toLowerCase()}, ${c.state.toLowerCase()}`, city: c.city, state: c.state,
        latitude: c.lat, longitude: c.lon, source: c.source, central_zip: c.central_zip })),
    ].map((row) => JSON.stringify(row)).join('\n'));
    writeFileSync(join(scratch, 'checks.json'), JSON.stringify(checks));
    renameSync(scratch, dir);
  } catch (error) {
    if (!existsSync(dir)) throw error; // another build wrote the same entry first: theirs is as good
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
