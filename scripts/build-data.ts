// npm run build:data [-- --sources DIR --out DIR]
// Compiles the JSON source files (any of the four) into a Parquet release for the browser.
// With no --sources, builds the built-in synthetic sample (generating it on first use).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildRelease, SCHEMA_VERSION } from './build/pipeline.ts';
import { printReport, ReconciliationError } from './build/report.ts';
import { SourceError } from './build/sources.ts';
import { IntegrityError } from './build/integrity.ts';
import { writeSample } from './generate-sample.ts';

const DEFAULT_SOURCES = 'data/sources';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sources: { type: 'string' },
      out: { type: 'string', default: 'public/data' },
      reuse: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: npm run build:data -- [--sources DIR] [--out DIR]\n' +
      `  --sources  folder with one or more of the four source JSON files (default: ${DEFAULT_SOURCES}, the generated sample)\n` +
      '  --out      release folder, replaced only when the build succeeds (default: public/data)\n' +
      '  --reuse    do nothing if the release folder already holds a build of this schema (npm start uses this)');
    return 0;
  }
  if (values.reuse && currentRelease(join(values.out!, 'manifest.json'))) {
    console.log(`Using the release already in ${values.out} (npm run build:data rebuilds it).`);
    return 0;
  }
  const sourcesDir = values.sources ?? DEFAULT_SOURCES;
  if (!values.sources && !existsSync(sourcesDir)) {
    console.log(`No sources in ${sourcesDir}: generating the synthetic sample first.`);
    writeSample(sourcesDir, 1, console.log);
  }
  console.log(`Building ${values.out} from ${sourcesDir}`);
  try {
    const { manifest, fates, seconds } = await buildRelease({ sourcesDir, outDir: values.out!, log: console.log });
    printReport(fates, console.log);
    const read = fates.reduce((s, f) => s + f.read, 0);
    console.log(`${read.toLocaleString('en-US')} records in ${seconds.toFixed(2)} s ` +
      `(${Math.round(read / seconds).toLocaleString('en-US')} records/s); ` +
      `${(manifest.total_bytes / 1e6).toFixed(2)} MB Parquet; synthetic: ${manifest.synthetic}; ` +
      `generated records: ${manifest.generated_records.toLocaleString('en-US')}; data date: ${manifest.data_date ?? 'unknown'}`);
    console.log(`Rejects, merges and warnings: ${values.out}/${manifest.reports.rejects}, ${manifest.reports.merges}, ${manifest.reports.warnings}`);
    return 0;
  } catch (error) {
    if (error instanceof SourceError || error instanceof ReconciliationError || error instanceof IntegrityError) {
      console.error(`build failed: ${error.message}\nThe published release in ${values.out} was left as it was.`);
      return 1;
    }
    throw error;
  }
}

/** A release this version of the build would have written (older schemas are rebuilt). */
function currentRelease(manifestPath: string): boolean {
  if (!existsSync(manifestPath)) return false;
  return (JSON.parse(readFileSync(manifestPath, 'utf8')) as { schema_version?: number }).schema_version === SCHEMA_VERSION;
}

process.exitCode = await main();
