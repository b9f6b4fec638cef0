// A static file server with what the directory needs from any host: HEAD, single byte ranges
// answered with 206, the wasm MIME type, and precompressed `.br`/`.gz` siblings chosen by
// Accept-Encoding. `ranges: false` behaves like a host that ignores Range headers, so the app's
// whole-file fallback can be tested and measured.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { isolationHeaders } from './isolation.ts';

export interface ServeOptions {
  /** The built site (`dist/`). */
  root: string;
  /** Other folders served under a path prefix, e.g. `{ '/data': release }` for another release. */
  mounts?: Record<string, string>;
  ranges?: boolean;
  compression?: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet', '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const ENCODINGS = [['br', '.br'], ['gzip', '.gz']] as const;

export function createStaticServer(options: ServeOptions): Server {
  const { ranges = true, compression = true } = options;
  return createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`Internal error: ${error.message}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    const file = await locate(path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${path}`);
      return;
    }
    const type = TYPES[extname(file.path)] ?? 'application/octet-stream';
    const headers: Record<string, string | number> = {
      'content-type': type,
      // Hashed assets never change; everything else (pages, the manifest) is revalidated.
      'cache-control': /\/assets\/|\/data\/.*-[0-9a-f]{8,}\./.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'last-modified': file.mtime.toUTCString(),
      ...isolationHeaders(path),
    };
    if (ranges) headers['accept-ranges'] = 'bytes';

    const range = ranges ? req.headers.range : undefined;
    if (range) {
      const m = /^bytes=(\d*)-(\d*)$/.exec(range);
      const start = m?.[1] ? Number(m[1]) : m?.[2] ? file.size - Number(m[2]) : NaN;
      const end = m?.[1] && m[2] ? Math.min(Number(m[2]), file.size - 1) : file.size - 1;
      if (!m || !(start >= 0) || start > end) {
        res.writeHead(416, { 'content-range': `bytes */${file.size}` }).end();
        return;
      }
      res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${file.size}`, 'content-length': end - start + 1 });
      send(req, res, file.path, { start, end });
      return;
    }

    const encoding = compression ? await precompressed(file.path, req.headers['accept-encoding'] ?? '') : null;
    headers.vary = 'accept-encoding';
    if (encoding) {
      res.writeHead(200, { ...headers, 'content-encoding': encoding.name, 'content-length': encoding.size });
      send(req, res, encoding.path);
    } else {
      res.writeHead(200, { ...headers, 'content-length': file.size });
      send(req, res, file.path);
    }
  }

  async function locate(path: string) {
    const mount = Object.keys(options.mounts ?? {}).find((prefix) => path === prefix || path.startsWith(`${prefix}/`));
    const base = resolve(mount ? options.mounts![mount] : options.root);
    const relative = mount ? path.slice(mount.length) : path;
    let full = resolve(join(base, normalize(relative)));
    if (full !== base && !full.startsWith(base + sep)) return null; // no escaping the root
    let info = await stat(full).catch(() => null);
    if (info?.isDirectory()) {
      full = join(full, 'index.html');
      info = await stat(full).catch(() => null);
    }
    return info?.isFile() ? { path: full, size: info.size, mtime: info.mtime } : null;
  }
}

async function precompressed(path: string, accept: string) {
  for (const [name, suffix] of ENCODINGS) {
    if (!new RegExp(`\\b${name}\\b`).test(accept)) continue;
    const info = await stat(path + suffix).catch(() => null);
    if (info?.isFile()) return { name, path: path + suffix, size: info.size };
  }
  return null;
}

function send(req: IncomingMessage, res: ServerResponse, path: string, range?: { start: number; end: number }) {
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(path, range).pipe(res);
}
