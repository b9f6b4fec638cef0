// Writes the four sample source files (shared/sources-format.md shapes) from a fixed seed.
//   npm run generate [-- --out data/sources --scale 10]
// --scale N multiplies the treatment centers; the first 40,296 stay byte-identical.
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadStates } from './build/gazetteer.ts';
import { placePicker } from './generate/places.ts';
import { rngFor } from './generate/random.ts';
import { breakRecord, duplicateOf, treatmentCenter } from './generate/treatment-centers.ts';
import { narrResidence, organizationFromCenter, recoveryCenter, recoveryOrganization } from './generate/community.ts';

export const SEED = 20240601;
export const COUNTS = { treatment: 40_296, narr: 404, rcc: 207, rco: 184 };
/**
 * Stamped in every file's header; goes up whenever the output changes (the test pins the
 * output's hash to it), so build:data writes an older sample again (generate/stamp.ts).
 */
export const GENERATOR_VERSION = 3;
const stamp = { extraction_date: '2024-11-01', synthetic: true, generator_version: GENERATOR_VERSION };

type Rec = Record<string, unknown>;

const stateOf = (r: Rec) => String(r.state ?? 'unknown').trim();

function countBy(records: Iterable<Rec>, key: (r: Rec) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}

/** The sample's parts: the treatment centers one at a time (×100 is more than a JavaScript heap holds), the rest whole. */
function sampleParts(scale: number) {
  const place = placePicker();
  const states = loadStates();
  const at = (stream: string, i: number) => place(rngFor(SEED, `${stream}-place`, i));

  function* treatment(): Generator<Rec> {
    for (let i = 0; i < COUNTS.treatment * scale; i++) {
      const rng = rngFor(SEED, 'treatment-mess', i);
      // ~0.2% repeat an earlier facility; ~0.1% are broken beyond repair.
      if (i > 100 && rng.chance(0.002)) {
        const j = i - rng.int(1, 100);
        yield duplicateOf(SEED, i, treatmentCenter(SEED, j, at('treatment', j)));
        continue;
      }
      const record = treatmentCenter(SEED, i, at('treatment', i));
      yield rng.chance(0.001) ? breakRecord(SEED, i, record) : record;
    }
  }

  const narr: Rec[] = [];
  for (let i = 0; i < COUNTS.narr; i++) {
    const rng = rngFor(SEED, 'narr-mess', i);
    const j = i > 10 && rng.chance(0.005) ? i - rng.int(1, 10) : i; // a house listed twice
    const record = narrResidence(SEED, j, at('narr', j), states);
    narr.push(j !== i ? { ...record, id: undefined } : rng.chance(0.002) ? { ...record, name: '' } : record);
  }

  const centers: Rec[] = [];
  for (let i = 0; i < COUNTS.rcc; i++) centers.push(recoveryCenter(SEED, i, at('rcc', i)));

  const organizations: Rec[] = [];
  const crossListed = 3; // centers that also appear in the organizations file
  for (let i = 0; i < COUNTS.rco - crossListed; i++) organizations.push(recoveryOrganization(SEED, i, at('rco', i)));
  for (let k = 0; k < crossListed; k++) {
    const i = 17 + 50 * k;
    organizations.push(organizationFromCenter(SEED, k, centers[i], at('rcc', i)));
  }

  return {
    treatment: treatment(),
    community: {
      'master_directory.json': {
        ...stamp,
        total_organizations: narr.length,
        organizations_by_state: countBy(narr, stateOf),
        all_organizations: narr,
      },
      'recovery_community_centers_master.json': {
        ...stamp,
        total_centers: centers.length,
        all_centers: centers,
      },
      'recovery_organizations_master.json': {
        ...stamp,
        total_organizations: organizations.length,
        all_organizations: organizations,
      },
    },
  };
}

function treatmentHeader(total: number, byState: Record<string, number>) {
  return { ...stamp, total_facilities: total, facilities_by_state: byState };
}

export function generate(scale = 1) {
  const { treatment, community } = sampleParts(scale);
  const all = [...treatment];
  return {
    'treatment_centers_master.json': { ...treatmentHeader(all.length, countBy(all, stateOf)), all_facilities: all },
    ...community,
  };
}

/**
 * Writes the sample's files into `dir`, each through a temporary name: all four, or those
 * named in `only` (an older sample's, beside files a person put there).
 */
export function writeSample(dir: string, scale: number, log: (line: string) => void, only?: readonly string[]): void {
  const started = performance.now();
  mkdirSync(dir, { recursive: true });
  const { treatment, community } = sampleParts(scale);
  const byState: Record<string, number> = {};
  const tallied = function* () {
    for (const r of treatment) {
      byState[stateOf(r)] = (byState[stateOf(r)] ?? 0) + 1;
      yield r;
    }
  };
  const wanted = (file: string) => only === undefined || only.includes(file);
  if (wanted('treatment_centers_master.json')) {
    writeSourceFile(join(dir, 'treatment_centers_master.json'), 'all_facilities', tallied(), (n) => treatmentHeader(n, byState), log);
  }
  for (const [file, content] of Object.entries(community).filter(([file]) => wanted(file))) {
    const [key] = Object.keys(content).filter((k) => Array.isArray((content as Rec)[k]));
    const { [key]: records, ...header } = content as Rec;
    writeSourceFile(join(dir, file), key, records as Rec[], () => header, log);
  }
  log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${SEED}, scale ×${scale})`);
}

/**
 * `{...header, "key": [records]}`, one record per line (diffable). The records go to a side
 * file first, since the header counts them; both are written in pieces, as a ×10 file is
 * larger than the longest string V8 can hold.
 */
function writeSourceFile(path: string, key: string, records: Iterable<Rec>, header: (count: number) => Rec, log: (line: string) => void) {
  const body = openSync(`${path}.records.tmp`, 'w');
  let count = 0;
  let chunk: string[] = [];
  for (const r of records) {
    chunk.push(JSON.stringify(r));
    if (++count % 1000 === 0) {
      writeSync(body, chunk.join(',\n') + ',\n');
      chunk = [];
    }
  }
  // The last piece ends the array: its final record takes no comma.
  if (chunk.length) writeSync(body, chunk.join(',\n') + '\n');
  closeSync(body);
  const out = openSync(`${path}.tmp`, 'w');
  writeSync(out, `${JSON.stringify(header(count)).slice(0, -1)},"${key}":[\n`);
  appendFile(out, `${path}.records.tmp`);
  writeSync(out, ']}\n');
  closeSync(out);
  rmSync(`${path}.records.tmp`);
  renameSync(`${path}.tmp`, path);
  log(`${path}: ${count.toLocaleString('en-US')} records`);
}

function appendFile(fd: number, path: string) {
  const from = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 24);
  for (let n; (n = readSync(from, buffer, 0, buffer.length, null)) > 0; ) writeSync(fd, buffer, 0, n);
  closeSync(from);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'data/sources' }, scale: { type: 'string', default: '1' } } });
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale must be a whole number ≥ 1, got ${values.scale}`);
  writeSample(values.out!, scale, console.log);
}
