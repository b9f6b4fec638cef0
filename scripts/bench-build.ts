// npm run bench:build: records/second and peak memory of the data build at ×1 and ×10,
// generation excluded (each scale's sources are generated first, then built in a fresh
// process so its peak RSS is its own). Also the geocoder's accuracy on real SAMHSA data.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureGeocoder } from './build/geocoder-accuracy.ts';
import { buildRelease } from './build/pipeline.ts';
import { writeSample } from './generate-sample.ts';

const { values } = parseArgs({ options: { scales: { type: 'string', default: '1,10' }, child: { type: 'string' } } });

if (values.child) {
  // One build, reported as JSON on the last line of stdout.
  const [sourcesDir, outDir] = values.child.split('|');
  const { fates, seconds, manifest } = await buildRelease({ sourcesDir, outDir });
  const records = fates.reduce((s, f) => s + f.read, 0);
  console.log(JSON.stringify({ records, seconds, bytes: manifest.total_bytes, peak_rss: process.resourceUsage().maxRSS * 1024 }));
} else {
  const work = mkdtempSync(join(tmpdir(), 'nrd-bench-'));
  console.log('scale   records   build s   records/s   peak RSS   Parquet');
  for (const scale of values.scales!.split(',').map(Number)) {
    const sources = join(work, `sources-x${scale}`);
    if (!existsSync(sources)) writeSample(sources, scale, () => {});
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-build.ts', '--child', `${sources}|${join(work, `out-x${scale}`)}`],
      { encoding: 'utf8', maxBuffer: 1 << 26 });
    const r = JSON.parse(out.trim().split('\n').at(-1)!);
    console.log(`×${String(scale).padEnd(5)} ${String(r.records).padStart(8)} ${r.seconds.toFixed(2).padStart(9)} ` +
      `${Math.round(r.records / r.seconds).toLocaleString('en-US').padStart(11)} ${(r.peak_rss / 2 ** 20).toFixed(0).padStart(7)} MB ` +
      `${(r.bytes / 1e6).toFixed(2).padStart(6)} MB`);
  }
  rmSync(work, { recursive: true, force: true });
  const accuracy = await measureGeocoder();
  console.log(accuracy
    ? `geocoder (gazetteer point vs true position, ${accuracy.located}/${accuracy.facilities} real facilities): ` +
      `by ZIP median ${accuracy.median_miles} mi, p90 ${accuracy.p90_miles} mi, p99 ${accuracy.p99_miles} mi; ` +
      `by "City, ST" median ${accuracy.city_median_miles} mi, p90 ${accuracy.city_p90_miles} mi`
    : 'geocoder accuracy: ../shared/real-world not found; skipped');
}
