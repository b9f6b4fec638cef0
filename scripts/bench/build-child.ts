// One measured run of bench:build, in a process of its own so its peak RSS is its own:
//   tsx scripts/bench/build-child.ts build|floor SOURCES OUT
// `build` is the data build; `floor` is the least any build of these sources must do: native
// DuckDB reading the four files' records (the build's split of each file into header and
// record array, then plain read_json of the array: the whole document as one value cannot be
// read past 4 GB) and writing them to Parquet as they are, with the release's compression. Prints one JSON line per
// step ({ step, seconds, cpu_seconds, peak_rss }) and a last one ({ done: { records, bytes, ... } }).
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { literal } from '../../app/release/sql-text.ts';
import { openDb, rows } from '../build/db.ts';
import { buildRelease } from '../build/pipeline.ts';
import { SOURCE_FILES } from '../build/sources.ts';
import { splitSource } from '../build/source-split.ts';

const [mode, sourcesDir, outDir] = process.argv.slice(2);
const started = performance.now();
let last = { wall: started, cpu: process.cpuUsage() };
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const cpuSeconds = (since?: NodeJS.CpuUsage) => ((u) => (u.user + u.system) / 1e6)(process.cpuUsage(since));

function step(what: string) {
  const now = { wall: performance.now(), cpu: process.cpuUsage() };
  console.log(JSON.stringify({ step: what, seconds: (now.wall - last.wall) / 1000, cpu_seconds: cpuSeconds(last.cpu), peak_rss: peakRss() }));
  last = now;
}

async function floor(): Promise<{ records: number; bytes: number }> {
  mkdirSync(outDir, { recursive: true });
  const db = await openDb();
  let records = 0;
  for (const { file, key } of SOURCE_FILES) {
    const out = join(outDir, `${file}.parquet`);
    const [header, array] = [join(outDir, `${file}.header`), join(outDir, `${file}.records`)];
    splitSource(join(sourcesDir, file), key, header, array);
    const [{ Count }] = await rows<{ Count: number }>(db, `COPY (SELECT * FROM read_json(${literal(array)}, format = 'array'))
      TO ${literal(out)} (FORMAT PARQUET, COMPRESSION ZSTD, COMPRESSION_LEVEL 9)`);
    rmSync(header);
    rmSync(array);
    records += Count;
    step(`${file}: ${Count.toLocaleString('en-US')} records`);
  }
  db.closeSync();
  return { records, bytes: readdirSync(outDir).reduce((sum, f) => sum + statSync(join(outDir, f)).size, 0) };
}

async function build(): Promise<{ records: number; bytes: number }> {
  // The pipeline's own step lines, less their running clock: this one times each step alone.
  const { fates, manifest } = await buildRelease({ sourcesDir, outDir, log: (line) => step(line.replace(/^\s*[\d.]+ s\s+/, '')) });
  return { records: fates.reduce((sum, f) => sum + f.read, 0), bytes: manifest.total_bytes };
}

const result = mode === 'floor' ? await floor() : await build();
console.log(JSON.stringify({
  done: { ...result, seconds: (performance.now() - started) / 1000, cpu_seconds: cpuSeconds(), peak_rss: peakRss() },
}));
