// A release built from a spec's own sources and served beside the production build on a port
// of its own: for specs about data other than the generated sample (a SAMHSA-shaped release,
// the real 2022 directory). The page is `dist/`, the data folder is the release built here.
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Manifest } from '../app/release/manifest.ts';
import { buildRelease } from '../scripts/build/pipeline.ts';
import { createStaticServer } from '../scripts/serve/static-server.ts';

export interface ServedRelease {
  server: Server;
  manifest: Manifest;
  /** The release folder, for an oracle to read the same Parquet as the page. */
  data: string;
  baseURL: string;
}

/** Each spec adds its own offset to E2E_PORT, so specs never share a port. */
export function releasePort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 4173) + offset;
}

export async function serveRelease(sourcesDir: string, port: number): Promise<ServedRelease> {
  const data = join(mkdtempSync(join(tmpdir(), 'nrd-e2e-release-')), 'data');
  const { manifest } = await buildRelease({ sourcesDir, outDir: data }) as unknown as { manifest: Manifest };
  const server = createStaticServer({ root: 'dist', mounts: { '/data': data } });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { server, manifest, data, baseURL: `http://127.0.0.1:${port}/` };
}
