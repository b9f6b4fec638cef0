// npm run import:samhsa -- FILE... [--out DIR] [--data-date YYYY-MM-DD]
// SAMHSA's published files (National Directory XLSX or CSV, locator exports) → the
// treatment-center source file the build reads. See README, "Importing SAMHSA's files".
import { parseArgs } from 'node:util';
import { ImportError } from './import/import-error.ts';
import { importSamhsa } from './import/run-import.ts';
import { printSummary } from './import/summary.ts';
import { checkOutDir, writeSourceFile } from './import/write-source.ts';

const DEFAULT_OUT = 'data/real-sources';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: DEFAULT_OUT },
      'data-date': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log('usage: npm run import:samhsa -- FILE... [--out DIR] [--data-date YYYY-MM-DD]\n' +
      '  FILE       National Directory workbook (.xlsx) or its "Facilities List" as CSV, the "Service Code Reference"\n' +
      '             as CSV, locator exports (geocoded CSV, wide CSV, API JSON); recognised by content\n' +
      `  --out      folder for treatment_centers_master.json (default ${DEFAULT_OUT})\n` +
      '  --data-date  the data\'s date (default: June 1 of the year in the file name)');
    return values.help ? 0 : 1;
  }
  const started = performance.now();
  try {
    const target = checkOutDir(values.out!, positionals);
    const { document, summary } = await importSamhsa(positionals, { dataDate: values['data-date'] });
    printSummary(summary, console.log);
    const { replaced } = writeSourceFile(target, document.header, document.records);
    console.log(`${replaced ? 'replaced' : 'wrote'} ${target} in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
      `build it with: npm run build:data -- --sources ${values.out}`);
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`import failed: ${error.message}\nNothing was written.`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
