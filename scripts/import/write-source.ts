// Writes the document as DIR/treatment_centers_master.json through a temporary file renamed
// into place, so a failed import never leaves half a file. Refuses folders the project owns:
// public/ is served to browsers, data/sources/ holds the generated sample.
import { closeSync, existsSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportError } from './import-error.ts';
import type { SourceRecord } from './source-record.ts';

export const SOURCE_FILE = 'treatment_centers_master.json';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Resolves symlinks of the part of the path that exists, so two spellings compare equal. */
function real(path: string): string {
  const absolute = resolve(path);
  return existsSync(absolute) ? realpathSync(absolute) : join(real(dirname(absolute)), relative(dirname(absolute), absolute));
}

const within = (path: string, folder: string) => {
  const rel = relative(real(folder), real(path));
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'));
};

export function checkOutDir(outDir: string, inputs: readonly string[]): string {
  if (within(outDir, join(ROOT, 'public'))) {
    throw new ImportError(`--out ${outDir}: inside public/, which is served as it is; write sources elsewhere and build them`);
  }
  if (real(outDir) === real(join(ROOT, 'data/sources'))) {
    throw new ImportError(`--out ${outDir}: data/sources holds the generated sample; choose another folder (default data/real-sources)`);
  }
  const target = join(outDir, SOURCE_FILE);
  const clash = inputs.find((input) => real(input) === real(target));
  if (clash) throw new ImportError(`--out ${outDir}: would overwrite the input ${clash}`);
  return target;
}

/** One record per line, as the generator writes them: diffable and streamable. */
export function writeSourceFile(target: string, header: Record<string, unknown>, records: readonly SourceRecord[]): { replaced: boolean } {
  mkdirSync(dirname(target), { recursive: true });
  const replaced = existsSync(target);
  const temporary = `${target}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    try {
      writeSync(fd, `${JSON.stringify(header).slice(0, -1)},"all_facilities":[\n`);
      for (let i = 0; i < records.length; i += 1000) {
        const last = i + 1000 >= records.length;
        writeSync(fd, records.slice(i, i + 1000).map((r) => JSON.stringify(r)).join(',\n') + (last ? '\n' : ',\n'));
      }
      writeSync(fd, ']}\n');
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return { replaced };
}
