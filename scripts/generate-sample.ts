// Writes the four sample source files (shared/sources-format.md shapes) from a fixed seed.
//   npm run generate [-- --out data/sources --scale 10]
// --scale N multiplies the treatment centers; the first 40,296 stay byte-identical.
import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadStates } from './build/gazetteer.ts';
import { placePicker } from './generate/places.ts';
import { rngFor } from './generate/random.ts';
import { breakRecord, duplicateOf, treatmentCenter } from './generate/treatment-centers.ts';
import { narrResidence, organizationFromCenter, recoveryCenter, recoveryOrganization } from './generate/community.ts';

export const SEED = 20240601;
export const COUNTS = { treatment: 40_296, narr: 404, rcc: 207, rco: 184 };
const EXTRACTION_DATE = '2024-11-01';

type Rec = Record<string, unknown>;

function countBy(records: Rec[], key: (r: Rec) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}

export function generate(scale = 1) {
  const place = placePicker();
  const states = loadStates();
  const at = (stream: string, i: number) => place(rngFor(SEED, `${stream}-place`, i));

  const treatment: Rec[] = [];
  for (let i = 0; i < COUNTS.treatment * scale; i++) {
    const rng = rngFor(SEED, 'treatment-mess', i);
    // ~0.2% repeat an earlier facility; ~0.1% are broken beyond repair.
    if (i > 100 && rng.chance(0.002)) {
      const j = i - rng.int(1, 100);
      treatment.push(duplicateOf(SEED, i, treatmentCenter(SEED, j, at('treatment', j))));
      continue;
    }
    const record = treatmentCenter(SEED, i, at('treatment', i));
    treatment.push(rng.chance(0.001) ? breakRecord(SEED, i, record) : record);
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

  const byState = (key: string) => (r: Rec) => String(r[key] ?? 'unknown').trim();
  return {
    'treatment_centers_master.json': {
      extraction_date: EXTRACTION_DATE,
      synthetic: true,
      total_facilities: treatment.length,
      facilities_by_state: countBy(treatment, byState('state')),
      all_facilities: treatment,
    },
    'master_directory.json': {
      extraction_date: EXTRACTION_DATE,
      synthetic: true,
      total_organizations: narr.length,
      organizations_by_state: countBy(narr, byState('state')),
      all_organizations: narr,
    },
    'recovery_community_centers_master.json': {
      extraction_date: EXTRACTION_DATE,
      synthetic: true,
      total_centers: centers.length,
      all_centers: centers,
    },
    'recovery_organizations_master.json': {
      extraction_date: EXTRACTION_DATE,
      synthetic: true,
      total_organizations: organizations.length,
      all_organizations: organizations,
    },
  };
}

/** Writes the sample's four files into `dir`, each through a temporary name. */
export function writeSample(dir: string, scale: number, log: (line: string) => void): void {
  const started = performance.now();
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(generate(scale))) {
    const path = join(dir, file);
    // One record per line keeps the files diffable; written in pieces, since a ×10 file
    // is larger than the longest string V8 can hold.
    const [key] = Object.keys(content).filter((k) => Array.isArray((content as Rec)[k]));
    const { [key]: records, ...header } = content as Rec;
    const fd = openSync(`${path}.tmp`, 'w');
    writeSync(fd, `${JSON.stringify(header).slice(0, -1)},"${key}":[\n`);
    const list = records as Rec[];
    for (let i = 0; i < list.length; i += 1000) {
      writeSync(fd, list.slice(i, i + 1000).map((r) => JSON.stringify(r)).join(',\n') + (i + 1000 < list.length ? ',\n' : '\n'));
    }
    writeSync(fd, ']}\n');
    closeSync(fd);
    renameSync(`${path}.tmp`, path);
    log(`${path}: ${(records as Rec[]).length.toLocaleString('en-US')} records`);
  }
  log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${SEED}, scale ×${scale})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'data/sources' }, scale: { type: 'string', default: '1' } } });
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale must be a whole number ≥ 1, got ${values.scale}`);
  writeSample(values.out!, scale, console.log);
}
