// npm run build:data [-- --sources DIR --out DIR]
// Compiles the JSON source files into a Parquet release for the browser.
// With no --sources, builds the built-in synthetic sample (generating it on first use, and again
// when an older generator wrote it), unless the release folder holds a release built from real
// sources: that one is kept, never silently replaced by the sample. Every failure a person can
// act on (bad input, a refused --out, a full disk) is one line on stderr and exit code 1.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildRelease } from './build/pipeline.ts';
import { SCHEMA_VERSION } from '../app/release/manifest.ts';
import { printReport } from './build/report.ts';
import { describeFailure } from './build/failure.ts';
import { releaseFolder } from './build/out-dir.ts';
import { readRelease } from './build/release-folder.ts';
import { GENERATOR_VERSION, writeSample } from './generate-sample.ts';
import { staleSample } from './generate/stamp.ts';

const DEFAULT_SOURCES = 'data/sources';
const USAGE = 'usage: npm run build:data -- [--sources DIR] [--out DIR]\n' +
  `  --sources  folder with one or more of the four source JSON files (default: ${DEFAULT_SOURCES}, the generated sample)\n` +
  '  --out      release folder (default: public/data): new, empty, or one a build wrote; replaced only when the build succeeds\n' +
  '  --memory   DuckDB\'s memory limit, e.g. 3GB (default: 1.5 times the sources\' size, 1 to 4 GB); past it, it spills to disk\n' +
  '  --reuse    do nothing if the release folder already holds a build of this schema (npm start uses this)';

const options = () => parseArgs({
  options: {
    sources: { type: 'string' },
    out: { type: 'string', default: 'public/data' },
    memory: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
}).values;

async function main(): Promise<number> {
  let values: ReturnType<typeof options>;
  try {
    values = options();
    if (values.memory !== undefined && !/^\d+(\.\d+)?\s*[KMGT]i?B$/i.test(values.memory)) {
      throw new Error(`--memory ${values.memory} is not a size such as 3GB`);
    }
  } catch (error) { // an unknown option (--sauces), a stray argument, --out without a folder, --memory lots
    console.error(`build:data: ${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const out = values.out!;
  const sourcesDir = values.sources ?? DEFAULT_SOURCES;
  try {
    const current = readRelease(out);
    const stale = existsSync(sourcesDir) ? staleSample(sourcesDir) : undefined;
    // A release of an older sample is not reused: the sample is written again below.
    if (values.reuse && current?.schema_version === SCHEMA_VERSION && !(stale && current.synthetic && !values.sources)) {
      console.log(`Using the release already in ${out} (npm run build:data rebuilds it).`);
      return 0;
    }
    if (!values.sources && current && !current.synthetic) {
      console.log(`Keeping the release in ${out}: it was built from your own sources (data of ${current.data_date ?? 'unknown date'}), ` +
        `not the sample. Rebuild it with: npm run build:data -- --sources DIR${current.schema_version === SCHEMA_VERSION ? ''
          : ` (it has schema ${current.schema_version}; this app reads ${SCHEMA_VERSION}, so rebuild it before serving)`}`);
      return 0;
    }
    releaseFolder(out, sourcesDir); // before the sample is generated: a refused --out is left untouched
    if (!values.sources && !existsSync(sourcesDir)) {
      console.log(`No sources in ${sourcesDir}: generating the synthetic sample first.`);
      writeSample(sourcesDir, 1, console.log);
    } else if (stale) {
      const said = `${sourcesDir}: ${stale.files.join(', ')} ${stale.files.length === 1 ? 'was' : 'were'} written by an older ` +
        `sample generator (version ${stale.version}; this one is version ${GENERATOR_VERSION})`;
      if (values.sources) {
        console.log(`${said}; building them as they are (npm run generate -- --out ${sourcesDir} --scale ${stale.scale} writes the current sample).`);
      } else {
        console.log(`${said}: generating ${stale.files.length === 1 ? 'it' : 'them'} again. Files you put there yourself are left as they are.`);
        writeSample(sourcesDir, stale.scale, console.log, stale.files);
      }
    }
    console.log(`Building ${out} from ${sourcesDir}`);
    const { manifest, fates, seconds } = await buildRelease({ sourcesDir, outDir: out, memoryLimit: values.memory, log: console.log });
    printReport(fates, console.log);
    const read = fates.reduce((s, f) => s + f.read, 0);
    console.log(`${read.toLocaleString('en-US')} records in ${seconds.toFixed(2)} s ` +
      `(${Math.round(read / seconds).toLocaleString('en-US')} records/s); ` +
      `${(manifest.total_bytes / 1e6).toFixed(2)} MB Parquet; synthetic: ${manifest.synthetic}; ` +
      `generated records: ${manifest.generated_records.toLocaleString('en-US')}; data date: ${manifest.data_date ?? 'unknown'}`);
    console.log(`Rejects, merges and warnings: ${out}/${manifest.reports.rejects}, ${manifest.reports.merges}, ${manifest.reports.warnings}`);
    return 0;
  } catch (error) {
    const line = describeFailure(error);
    if (line === undefined) throw error;
    console.error(`build failed: ${line}`);
    return 1;
  }
}

process.exitCode = await main();
