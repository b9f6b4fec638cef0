// Which sample files in a sources folder the generator wrote, and whether an older generator
// did: a clone that generated its sample once kept it (companies' ZIPs and all) after the
// generator changed, since build:data generated only a missing folder. A file is the
// generator's when its first line is the header the generator writes, `{…,"synthetic":true,
// …,"key":[`: real extracts never carry `synthetic`, and a person's own file is never rewritten.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_FILES } from '../build/sources.ts';
import { COUNTS, GENERATOR_VERSION } from '../generate-sample.ts';

export interface StaleSample {
  /** The generator's files in the folder written by an older version, to write again. */
  files: string[];
  /** The oldest version among them. */
  version: number;
  /** The scale they were generated at, from the treatment centers' count (1 when that file is not the generator's). */
  scale: number;
}

/** The header of a file the generator wrote, or undefined for any other file. */
export function generatedHeader(path: string, key: string): Record<string, unknown> | undefined {
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(1 << 16); // the largest header, the treatment centers' counts by state, is 1.5 KB
  const n = readSync(fd, buffer, 0, buffer.length, 0);
  closeSync(fd);
  const line = buffer.toString('utf8', 0, n).split('\n', 1)[0];
  if (!line.endsWith(`,"${key}":[`)) return undefined;
  try {
    const header = JSON.parse(`${line}]}`) as Record<string, unknown>;
    return header.synthetic === true ? header : undefined;
  } catch {
    return undefined;
  }
}

/** The generator's files in `dir` that an older generator wrote; undefined when there are none. */
export function staleSample(dir: string): StaleSample | undefined {
  const stale = SOURCE_FILES.flatMap(({ file, key }) => {
    const path = join(dir, file);
    const header = existsSync(path) ? generatedHeader(path, key) : undefined;
    const version = typeof header?.generator_version === 'number' ? header.generator_version : 1; // before the stamp
    return header && version < GENERATOR_VERSION ? [{ file, version, header }] : [];
  });
  if (stale.length === 0) return undefined;
  const treatment = stale.find((s) => s.file === SOURCE_FILES[0].file)?.header.total_facilities;
  const scale = typeof treatment === 'number' && treatment % COUNTS.treatment === 0 && treatment > 0 ? treatment / COUNTS.treatment : 1;
  return { files: stale.map((s) => s.file), version: Math.min(...stale.map((s) => s.version)), scale };
}
