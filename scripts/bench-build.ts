// npm run bench:build [-- --scales 1,10,100 --max-rss-gb 10]
// Per scale: the data build's records/second, peak RSS and Parquet bytes, beside a floor
// measured in the same run (bench/build-child.ts: native DuckDB copying the same four files'
// records to Parquet, nothing normalized), each in a process of its own, every step timed.
// Generation is excluded: each scale's sources are generated once into bench/x<scale>/sources
// (shared with npm run bench) and reused. A run whose RSS passes --max-rss-gb (default: 10 GB
// or 45% of this machine's memory, the smaller) is stopped, so a scale too large for the
// build is reported, not swapped or killed for. Ends with the geocoder's accuracy on real
// SAMHSA data.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { measureGeocoder } from './build/geocoder-accuracy.ts';
import { SOURCE_FILES } from './build/sources.ts';
import { writeSample } from './generate-sample.ts';

const GB = 2 ** 30;
const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,100' },
    'max-rss-gb': { type: 'string', default: (Math.min(10 * GB, 0.45 * totalmem()) / GB).toFixed(1) },
  },
});
const cap = Number(values['max-rss-gb']) * GB;
const CHILD = new URL('./bench/build-child.ts', import.meta.url).pathname;

interface Run { records: number; bytes: number; seconds: number; cpu_seconds: number; peak_rss: number }
type Outcome = Run | { failed: string; peak_rss: number };

const mb = (bytes: number) => `${(bytes / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: 0 })} MB`;

/** The Linux kernel's view of a process: its resident set now and its high-water mark. */
function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null; // gone, or not Linux: the child's own figure stands
  }
}

async function measure(mode: 'floor' | 'build', sources: string): Promise<Outcome> {
  const work = mkdtempSync(join(tmpdir(), `nrd-bench-${mode}-`));
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, sources, join(work, 'out')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let done: Run | undefined;
    let lastStep = 'start';
    let peak = 0;
    let stopped = false;
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line) as { step?: string; seconds: number; cpu_seconds: number; peak_rss: number; done?: Run };
      if (event.done) done = event.done;
      else if (event.step) {
        lastStep = event.step;
        console.log(`    ${event.seconds.toFixed(2).padStart(7)} s ${event.cpu_seconds.toFixed(1).padStart(6)} s CPU ` +
          `${mb(event.peak_rss).padStart(9)} peak  ${event.step}`);
      }
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-20_000); });
    const watch = setInterval(() => {
      const memory = memoryOf(child.pid!);
      if (!memory) return;
      peak = Math.max(peak, memory.hwm);
      if (memory.rss > cap && !stopped) {
        stopped = true;
        child.kill('SIGKILL');
      }
    }, 200);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('close', (c, s) => r([c, s])));
    clearInterval(watch);
    if (done && code === 0) return done;
    const after = `after: ${lastStep}`;
    if (stopped) return { failed: `stopped at the ${values['max-rss-gb']} GB RSS cap (--max-rss-gb), ${after}`, peak_rss: peak };
    // The thrown error's own line ("SourceError: …", "[Error: …]"), not the source line Node quotes above it.
    const error = stderr.split('\n').find((l) => /^\[?\w*Error: /.test(l)) ?? stderr.trim().split('\n').at(-1) ?? '';
    return { failed: `${signal ? `killed (${signal})` : `exit code ${code}`}, ${after}: ${error.trim().slice(0, 300)}`, peak_rss: peak };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function sourcesFor(scale: number): string {
  const dir = resolve(`bench/x${scale}/sources`);
  if (!SOURCE_FILES.every(({ file }) => existsSync(join(dir, file)))) {
    const started = performance.now();
    writeSample(dir, scale, () => {});
    console.log(`  generated ${dir} in ${((performance.now() - started) / 1000).toFixed(0)} s (not timed below)`);
  }
  return dir;
}

const rowsOut: string[][] = [];
for (const scale of values.scales!.split(',').map(Number)) {
  console.log(`×${scale}`);
  const sources = sourcesFor(scale);
  const runs: Record<string, Outcome> = {};
  for (const mode of ['floor', 'build'] as const) {
    console.log(`  ${mode}`);
    runs[mode] = await measure(mode, sources);
    const run = runs[mode];
    rowsOut.push('failed' in run
      ? [`×${scale}`, mode, '—', '—', '—', '—', `≥ ${mb(run.peak_rss)}`, '—', run.failed]
      : [`×${scale}`, mode, run.records.toLocaleString('en-US'), run.seconds.toFixed(2), run.cpu_seconds.toFixed(1),
        Math.round(run.records / run.seconds).toLocaleString('en-US'), mb(run.peak_rss), `${(run.bytes / 1e6).toFixed(1)} MB`,
        mode === 'build' && !('failed' in runs.floor) ? `${(run.seconds / runs.floor.seconds).toFixed(1)}× the floor's time` : '']);
  }
}

console.log();
const head = ['scale', 'run', 'records', 'wall s', 'CPU s', 'records/s', 'peak RSS', 'Parquet', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rowsOut.map((r) => r[i].length)));
for (const row of [head, ...rowsOut]) {
  console.log(row.map((c, i) => (i < 2 || i === row.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
}

const accuracy = await measureGeocoder();
console.log(accuracy
  ? `geocoder (gazetteer point vs true position, ${accuracy.located}/${accuracy.facilities} real facilities): ` +
    `by ZIP median ${accuracy.median_miles} mi, p90 ${accuracy.p90_miles} mi, p99 ${accuracy.p99_miles} mi; ` +
    `by "City, ST" median ${accuracy.city_median_miles} mi, p90 ${accuracy.city_p90_miles} mi`
  : 'geocoder accuracy: ../shared/real-world not found; skipped');
