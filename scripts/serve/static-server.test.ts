import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, readdirSync } from 'node:fs';
import { mkdtemp, mkdir, rm, truncate, writeFile } from 'node:fs/promises';
import { Agent, request, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from './precompress.ts';
import { createStaticServer, type ServeOptions } from './static-server.ts';

let site: string;
let release: string;
const body = 'x'.repeat(5000) + 'END';
// Sparse: no disk used, and larger than loopback's socket buffers (32 MB here), so a download
// the client does not read holds its file open on the server.
const BIG = 256 * 1024 * 1024;

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'nrd-site-'));
  release = await mkdtemp(join(tmpdir(), 'nrd-release-'));
  await mkdir(join(site, 'assets'));
  await mkdir(join(release, 'organizations', 'state=MA'), { recursive: true });
  await writeFile(join(site, 'index.html'), `<!doctype html><title>${body}</title>`);
  await writeFile(join(site, 'cloud.html'), `<!doctype html><title>${body}</title>`);
  await writeFile(join(site, 'sw.js'), body);
  await writeFile(join(site, 'assets', 'engine.wasm'), body);
  await writeFile(join(site, 'assets', 'worker.js'), body);
  await writeFile(join(site, 'assets', 'big.wasm'), '');
  await truncate(join(site, 'assets', 'big.wasm'), BIG);
  await writeFile(join(release, 'organizations.parquet'), body);
  await writeFile(join(release, 'organizations', 'state=MA', '0123456789abcdef.parquet'), body);
  await writeFile(join(release, 'manifest.json'), '{}');
  await writeFile(join(release, 'warnings-0123456789abcdef.csv'), body);
  await precompress(site);
  // A server run as another user (below) must be able to reach the files.
  for (const dir of [site, release, join(site, 'assets')]) chmodSync(dir, 0o755);
});

afterAll(() => Promise.all([site, release].map((dir) => rm(dir, { recursive: true, force: true }))));

async function serve(options: Partial<ServeOptions>, fn: (base: string) => Promise<void>) {
  const server = createStaticServer({ root: site, ...options });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

/** A GET whose response is handed over before its body is read: the caller decides what to do with it. */
function get(url: string, headers: Record<string, string> = {}, agent: Agent | false = false): Promise<IncomingMessage> {
  return new Promise((done, fail) => request(url, { agent, headers }, done).on('error', fail).end());
}

/** Reads a response to its end; rejects if the server cut it short. */
function drain(res: IncomingMessage): Promise<number> {
  return new Promise((done, fail) => {
    let bytes = 0;
    res.on('data', (chunk: Buffer) => { bytes += chunk.length; });
    res.on('end', () => (res.complete ? done(bytes) : fail(new Error(`cut short after ${bytes} bytes`))));
    res.on('error', fail);
    res.resume();
  });
}

/** Starts a download and drops the connection once the first bytes arrive, as a closed tab does. */
async function abortedDownload(url: string) {
  const res = await get(url);
  await new Promise((r) => res.once('data', r));
  res.destroy();
}

const openFiles = () => readdirSync('/proc/self/fd').length;

async function settled(count: () => number) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const now = count();
    if (now === last) return now;
    last = now;
  }
  return last;
}

// The command line server in its own process, so it can die (or not) without taking the tests
// with it, under a descriptor limit, or as an unprivileged user.
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill()));

async function spawnServer(root: string, { fileLimit, unprivileged }: { fileLimit?: number; unprivileged?: boolean }) {
  // setpriv drops root (under which chmod 000 stops nothing); a non-root runner is already unprivileged.
  const drop = unprivileged && process.getuid?.() === 0 ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'] : [];
  const command = [...drop, process.execPath, '--import', 'tsx', 'scripts/serve.ts', root, '--port', '0'];
  const child = spawn('bash', ['-c', `${fileLimit ? `ulimit -n ${fileLimit}; ` : ''}exec "$@"`, 'bash', ...command], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  const base = await new Promise<string>((done, fail) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (m) done(m[0]);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => fail(new Error(`the server exited (${code}) before listening: ${output}`)));
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return { base, alive, output: () => output };
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
      expect((await fetch(`${base}/assets/engine.wasm`, { headers: { range: 'bytes=-0' } })).status).toBe(416);
    });
  });

  it('answers a suffix range longer than the file with the whole file (RFC 9110 §14.1.2)', async () => {
    await serve({}, async (base) => {
      const r = await fetch(`${base}/assets/engine.wasm`, { headers: { range: 'bytes=-999999' } });
      expect(r.status).toBe(206);
      expect(r.headers.get('content-range')).toBe('bytes 0-5002/5003');
      expect((await r.text()).length).toBe(5003);
    });
  });

  it('ignores a Range it does not serve (several ranges, another unit, nonsense) and sends the whole file', async () => {
    await serve({}, async (base) => {
      for (const range of ['bytes=0-1,4-5', 'items=0-1', 'bytes=5-2', 'bytes=x-y']) {
        const r = await fetch(`${base}/assets/engine.wasm`, { headers: { range, 'accept-encoding': 'identity' } });
        expect([range, r.status, (await r.text()).length]).toEqual([range, 200, 5003]);
      }
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
      // fetch() would decode silently; read the raw bytes to see what travelled.
      const res = await get(`${base}/index.html`, { 'accept-encoding': 'gzip' });
      const chunks: Buffer[] = [];
      for await (const chunk of res) chunks.push(chunk);
      const bytes = Buffer.concat(chunks);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(bytes.length).toBeLessThan(200);
      expect(gunzipSync(bytes).toString()).toContain('END');
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
    });
  });

  it('answers a malformed percent escape (or a NUL) with 400, not 500', async () => {
    await serve({}, async (base) => {
      for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.wasm', '/index.html%00.txt']) {
        expect([path, (await fetch(`${base}${path}`)).status]).toEqual([path, 400]);
      }
    });
  });

  it('caches what the README promises: hashed assets and Parquet for a year, pages, manifest and service worker revalidated', async () => {
    const year = 'public, max-age=31536000, immutable';
    await serve({ mounts: { '/data': release } }, async (base) => {
      const expected: Record<string, string> = {
        '/assets/engine.wasm': year,
        '/data/organizations/state=MA/0123456789abcdef.parquet': year,
        '/data/organizations.parquet': year,
        '/data/warnings-0123456789abcdef.csv': year,
        '/': 'no-cache',
        '/index.html': 'no-cache',
        '/cloud.html': 'no-cache',
        '/sw.js': 'no-cache',
        '/data/manifest.json': 'no-cache',
      };
      for (const [path, cache] of Object.entries(expected)) {
        expect([path, (await fetch(`${base}${path}`)).headers.get('cache-control')]).toEqual([path, cache]);
      }
    });
  });

  it('answers revalidation with 304: If-None-Match by ETag, If-Modified-Since by date', async () => {
    await serve({}, async (base) => {
      const first = await fetch(`${base}/index.html`, { headers: { 'accept-encoding': 'identity' } });
      const etag = first.headers.get('etag')!;
      const modified = first.headers.get('last-modified')!;
      expect(etag).toMatch(/^"[^"]+"$/);
      const again = (headers: Record<string, string>) => fetch(`${base}/index.html`, { headers: { 'accept-encoding': 'identity', ...headers } });

      const unchanged = await again({ 'if-none-match': etag });
      expect(unchanged.status).toBe(304);
      expect(unchanged.headers.get('etag')).toBe(etag);
      expect(unchanged.headers.get('cache-control')).toBe('no-cache');
      expect(await unchanged.text()).toBe('');
      expect((await again({ 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
      expect((await again({ 'if-none-match': '*' })).status).toBe(304);
      expect((await again({ 'if-none-match': '"other"' })).status).toBe(200);
      expect((await again({ 'if-modified-since': modified })).status).toBe(304);
      expect((await again({ 'if-modified-since': new Date(Date.parse(modified) - 60_000).toUTCString() })).status).toBe(200);
      // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
      expect((await again({ 'if-none-match': '"other"', 'if-modified-since': modified })).status).toBe(200);

      // Each encoding is its own representation, with its own tag.
      const gzip = await fetch(`${base}/index.html`, { headers: { 'accept-encoding': 'gzip' } });
      expect(gzip.headers.get('etag')).not.toBe(etag);
      expect((await fetch(`${base}/index.html`, { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } })).status).toBe(200);
    });
  });

  it('sends the whole file when If-Range names an older version', async () => {
    await serve({}, async (base) => {
      const etag = (await fetch(`${base}/assets/engine.wasm`, { headers: { 'accept-encoding': 'identity' } })).headers.get('etag')!;
      expect((await fetch(`${base}/assets/engine.wasm`, { headers: { range: 'bytes=0-2', 'if-range': etag } })).status).toBe(206);
      const stale = await fetch(`${base}/assets/engine.wasm`, { headers: { range: 'bytes=0-2', 'if-range': '"older"', 'accept-encoding': 'identity' } });
      expect(stale.status).toBe(200);
      expect((await stale.text()).length).toBe(5003);
    });
  });

  describe('security headers', () => {
    const csp = (r: Response) => Object.fromEntries((r.headers.get('content-security-policy') ?? '').split(';')
      .map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values.join(' ')]));

    it('sends a strict policy with every response, the public page embeddable by any site', async () => {
      await serve({}, async (base) => {
        for (const path of ['/', '/index.html', '/assets/worker.js', '/assets/engine.wasm', '/sw.js', '/missing', '/%']) {
          const r = await fetch(`${base}${path}`);
          expect([path, r.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
          expect([path, r.headers.get('referrer-policy')]).toEqual([path, 'no-referrer']);
          expect(r.headers.get('permissions-policy')).toContain('geolocation=(self)');
          expect(r.headers.get('permissions-policy')).toContain('camera=()');
          expect(r.headers.get('x-frame-options')).toBeNull();
          expect([path, csp(r)]).toEqual([path, {
            'default-src': "'self'",
            'script-src': "'self' 'wasm-unsafe-eval'",
            'worker-src': "'self' blob:",
            'connect-src': "'self'",
            'style-src': "'self' 'unsafe-inline'",
            'img-src': "'self' data: blob:",
            'font-src': "'self'",
            'object-src': "'none'",
            'base-uri': "'self'",
            'form-action': "'self'",
          }]);
        }
      });
    });

    it('lets the cloud page reach MotherDuck and no site frame it', async () => {
      await serve({ mounts: { '/directory': site } }, async (base) => {
        for (const path of ['/cloud.html', '/directory/cloud.html']) {
          const r = await fetch(`${base}${path}`);
          const policy = csp(r);
          expect(policy['frame-ancestors']).toBe("'none'");
          expect(r.headers.get('x-frame-options')).toBe('DENY');
          expect(policy['connect-src'].split(' ')).toEqual(["'self'", 'https://app.motherduck.com', 'https://api.motherduck.com', 'https://ext.motherduck.com']);
          expect(policy['script-src'].split(' ')).toEqual(["'self'", "'wasm-unsafe-eval'", 'https://app.motherduck.com']);
          expect(policy['object-src']).toBe("'none'");
        }
        // The 304 of a revalidated page keeps its policy.
        const etag = (await fetch(`${base}/cloud.html`)).headers.get('etag')!;
        const revalidated = await fetch(`${base}/cloud.html`, { headers: { 'if-none-match': etag } });
        expect(revalidated.status).toBe(304);
        expect(csp(revalidated)['frame-ancestors']).toBe("'none'");
      });
    });
  });

  describe('faults from outside never stop it', () => {
    it('closes the file of every aborted download: no descriptor growth over 1,000', async () => {
      await serve({}, async (base) => {
        await abortedDownload(`${base}/assets/big.wasm`); // warm up: the first request opens what stays open
        const before = await settled(openFiles);
        for (let i = 0; i < 1000; i += 20) {
          await Promise.all(Array.from({ length: 20 }, () => abortedDownload(`${base}/assets/big.wasm`)));
        }
        const after = await settled(openFiles);
        expect(after - before).toBeLessThan(5);
        expect((await fetch(`${base}/assets/engine.wasm`)).status).toBe(200);
      });
    });

    it('out of descriptors (ulimit -n 64), answers 503 and serves again once they are free', async () => {
      const server = await spawnServer(site, { fileLimit: 64 });
      const url = new URL(server.base);
      // Downloads nobody reads hold a socket and a file each. When one descriptor is left, the
      // next request is accepted but its file cannot be opened: that is the 503. When none is
      // left, the connection itself is dropped (libuv accepts and closes it); then an idle
      // connection is let go, which leaves one.
      const idle = await new Promise<Socket>((done) => { const s = connect(Number(url.port), url.hostname, () => done(s)); });
      const held: IncomingMessage[] = [];
      let refused: IncomingMessage | undefined;
      for (let i = 0; i < 100 && !refused; i++) {
        const res = await get(`${server.base}/assets/big.wasm`).catch(() => {
          idle.destroy();
          return new Promise<undefined>((r) => setTimeout(r, 200));
        });
        if (res?.statusCode === 200) held.push(res);
        else if (res) refused = res;
      }
      expect(held.length).toBeGreaterThan(10);
      expect(refused?.statusCode).toBe(503);
      expect(refused?.headers['retry-after']).toBeDefined();
      held.forEach((res) => res.destroy());
      await new Promise((r) => setTimeout(r, 300));
      expect(server.alive()).toBe(true);
      const res = await get(`${server.base}/assets/engine.wasm`, { 'accept-encoding': 'identity' });
      expect([res.statusCode, await drain(res)]).toEqual([200, 5003]);
    });

    it('lets a failed accept pass (Node reports it as the server\'s error) and still throws any other', () => {
      const server = createStaticServer({ root: site });
      const error = (code: string, syscall: string) => Object.assign(new Error(`${syscall} ${code}`), { code, syscall });
      expect(() => server.emit('error', error('ENFILE', 'accept'))).not.toThrow();
      expect(() => server.emit('error', error('EADDRINUSE', 'listen'))).toThrow(/EADDRINUSE/);
    });

    it('run as an unprivileged user, an unreadable file is refused (403) and the server lives on', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'nrd-locked-'));
      chmodSync(dir, 0o755);
      await writeFile(join(dir, 'index.html'), body);
      await writeFile(join(dir, 'secret.parquet'), body);
      chmodSync(join(dir, 'secret.parquet'), 0o000);
      const server = await spawnServer(dir, { unprivileged: true });
      const refused = await get(`${server.base}/secret.parquet`);
      expect(refused.statusCode).toBe(403);
      expect(await drain(refused)).toBeLessThan(100); // a short message, not the path on disk
      const res = await get(`${server.base}/index.html`, { 'accept-encoding': 'identity' });
      expect([res.statusCode, await drain(res), server.alive()]).toEqual([200, 5003, true]);
      await rm(dir, { recursive: true });
    });

    it('a release removed mid-download: the download completes from the open file, then 404', async () => {
      const data = await mkdtemp(join(tmpdir(), 'nrd-swap-'));
      await writeFile(join(data, 'big.parquet'), '');
      await truncate(join(data, 'big.parquet'), 64 * 1024 * 1024);
      await serve({ mounts: { '/data': data } }, async (base) => {
        const res = await get(`${base}/data/big.parquet`);
        res.pause();
        await rm(data, { recursive: true });
        expect(await drain(res)).toBe(64 * 1024 * 1024);
        expect((await fetch(`${base}/data/big.parquet`)).status).toBe(404);
      });
    });

    it('a file cut short mid-download ends the connection at once, never a short body that claims to be whole', async () => {
      const data = await mkdtemp(join(tmpdir(), 'nrd-cut-'));
      await writeFile(join(data, 'big.parquet'), '');
      await truncate(join(data, 'big.parquet'), BIG);
      await serve({ mounts: { '/data': data } }, async (base) => {
        // Kept alive, as browsers keep connections: a closing connection would end the body anyway.
        const res = await get(`${base}/data/big.parquet`, {}, new Agent({ keepAlive: true }));
        res.pause();
        await truncate(join(data, 'big.parquet'), 1024 * 1024);
        // At once: not after the server's keep-alive timeout (5 s), with the reader waiting for bytes till then.
        const waited = new Promise((_, fail) => setTimeout(() => fail(new Error('still waiting')), 2000));
        await expect(Promise.race([drain(res), waited])).rejects.toThrow(/cut short|aborted/);
        expect((await fetch(`${base}/data/big.parquet`)).status).toBe(200);
      });
      await rm(data, { recursive: true });
    });
  });
});
