import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { precompress } from './precompress.ts';
import { createStaticServer, type ServeOptions } from './static-server.ts';

let site: string;
let release: string;
const body = 'x'.repeat(5000) + 'END';

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'nrd-site-'));
  release = await mkdtemp(join(tmpdir(), 'nrd-release-'));
  await mkdir(join(site, 'assets'));
  await writeFile(join(site, 'index.html'), `<!doctype html><title>${body}</title>`);
  await writeFile(join(site, 'cloud.html'), `<!doctype html><title>${body}</title>`);
  await writeFile(join(site, 'assets', 'engine.wasm'), body);
  await writeFile(join(site, 'assets', 'worker.js'), body);
  await writeFile(join(release, 'organizations.parquet'), body);
  await precompress(site);
});

async function serve(options: Partial<ServeOptions>, fn: (base: string) => Promise<void>) {
  const server = createStaticServer({ root: site, ...options });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
  }
}

describe('static server', () => {
  it('answers a byte range with 206 and exactly those bytes', async () => {
    await serve({}, async (base) => {
      const r = await fetch(`${base}/assets/engine.wasm`, { headers: { range: 'bytes=5000-5002' } });
      expect(r.status).toBe(206);
      expect(r.headers.get('content-range')).toBe('bytes 5000-5002/5003');
      expect(await r.text()).toBe('END');
      const suffix = await fetch(`${base}/assets/engine.wasm`, { headers: { range: 'bytes=-3' } });
      expect(await suffix.text()).toBe('END');
      expect((await fetch(`${base}/assets/engine.wasm`, { headers: { range: 'bytes=9000-' } })).status).toBe(416);
    });
  });

  it('isolates the cloud page only (COOP and COEP), so other pages stay embeddable; scripts may start workers there', async () => {
    await serve({}, async (base) => {
      const cloud = await fetch(`${base}/cloud.html`);
      expect(cloud.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(cloud.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      expect((await fetch(`${base}/assets/worker.js`)).headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      for (const path of ['/', '/index.html', '/assets/engine.wasm']) {
        const r = await fetch(`${base}${path}`);
        expect([path, r.headers.get('cross-origin-opener-policy'), r.headers.get('cross-origin-embedder-policy')]).toEqual([path, null, null]);
      }
    });
  });

  it('serves wasm with its MIME type and HEAD with the length', async () => {
    await serve({}, async (base) => {
      const r = await fetch(`${base}/assets/engine.wasm`, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
      expect(r.headers.get('content-type')).toBe('application/wasm');
      expect(r.headers.get('content-length')).toBe('5003');
      expect(r.headers.get('accept-ranges')).toBe('bytes');
      expect(r.headers.get('cache-control')).toContain('immutable');
    });
  });

  it('sends the precompressed sibling the browser accepts', async () => {
    await serve({}, async (base) => {
      const { request } = await import('node:http');
      // fetch() would decode silently; read the raw bytes to see what travelled.
      const raw = await new Promise<{ encoding?: string; bytes: Buffer }>((done) => {
        request(`${base}/index.html`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => done({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
        }).end();
      });
      expect(raw.encoding).toBe('gzip');
      expect(raw.bytes.length).toBeLessThan(200);
      expect(gunzipSync(raw.bytes).toString()).toContain('END');
    });
    await serve({ compression: false }, async (base) => {
      const r = await fetch(`${base}/index.html`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(r.headers.get('content-encoding')).toBeNull();
    });
  });

  it('without ranges, answers every request with the whole file', async () => {
    await serve({ ranges: false }, async (base) => {
      const r = await fetch(`${base}/assets/engine.wasm`, { headers: { range: 'bytes=0-2', 'accept-encoding': 'identity' } });
      expect(r.status).toBe(200);
      expect(r.headers.get('accept-ranges')).toBeNull();
      expect((await r.text()).length).toBe(5003);
    });
  });

  it('serves /data/ from another release folder and nothing outside the roots', async () => {
    await serve({ mounts: { '/data': release } }, async (base) => {
      expect((await fetch(`${base}/data/organizations.parquet`)).status).toBe(200);
      expect((await fetch(`${base}/data/../../etc/passwd`)).status).toBe(404);
      expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
      expect((await fetch(`${base}/`)).headers.get('cache-control')).toBe('no-cache');
    });
  });
});
