// Writes `name.br` and `name.gz` beside every compressible file of a built site, for hosts
// that serve precompressed siblings (scripts/serve.ts, nginx gzip_static/brotli_static,
// Netlify, Cloudflare Pages…). Parquet is skipped: its pages are already zstd-compressed.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|json|wasm|svg|csv|txt|webmanifest|sqlite)$/;
// Brotli's best setting takes 32 s for the 18 MB eh wasm on the 2-core CI machine (2.75 MB out);
// setting 9 takes 1.6 s for 3.15 MB. Large files get 9 so `npm run build` stays quick.
const BEST_UP_TO = 4 * 1024 * 1024;

export interface Compressed {
  file: string;
  bytes: number;
  br: number;
  gz: number;
}

export async function precompress(root: string): Promise<Compressed[]> {
  const done: Compressed[] = [];
  for (const file of await files(root)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const data = await readFile(file);
    if (data.length < 1024) continue; // a header costs more than it saves
    const quality = data.length <= BEST_UP_TO ? constants.BROTLI_MAX_QUALITY : 9;
    const [br, gz] = await Promise.all([
      promisify(brotliCompress)(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
      promisify(gzip)(data, { level: 9 }),
    ]);
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    done.push({ file, bytes: data.length, br: br.length, gz: gz.length });
  }
  return done;
}

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map(async (e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return (await stat(path)).isFile() && !/\.(br|gz)$/.test(e.name) ? [path] : [];
  }));
  return nested.flat();
}
