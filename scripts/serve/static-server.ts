// A static file server with what the directory needs from any host: HEAD, single byte ranges
// answered with 206, the wasm MIME type, precompressed `.br`/`.gz` siblings chosen by
// Accept-Encoding, revalidation answered with 304, and the security headers. `ranges: false`
// behaves like a host that ignores Range headers, so the app's whole-file fallback can be
// tested and measured. Nothing a client or the disk does can stop it: every file is opened
// before its headers (so a failure is still a status code) and closed however its response ends.
import type { FileHandle } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { cacheControl, etag, notModified, rangeStillValid } from './caching.ts';
import { isolationHeaders } from './isolation.ts';
import { openFile, type OpenFile } from './open-file.ts';
import { requestedRange, type ByteRange } from './range.ts';
import { securityHeaders } from './security-headers.ts';

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

// Filesystem errors a request can meet, as answers. Out of descriptors is temporary: 503.
const FAILURES: Record<string, [number, string]> = {
  EACCES: [403, 'Forbidden'],
  EPERM: [403, 'Forbidden'],
  EMFILE: [503, 'Busy, try again shortly'],
  ENFILE: [503, 'Busy, try again shortly'],
};

export function createStaticServer(options: ServeOptions): Server {
  const { ranges = true, compression = true } = options;
  const server = createServer((req, res) => {
    handle(req, res).catch((error: NodeJS.ErrnoException) => failed(req, res, error));
  });
  // Out of descriptors, accept() fails and Node reports it as the server's 'error', which ends
  // the process when nobody listens. Connections are accepted again once descriptors free up.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.syscall === 'accept') console.error(`static server: cannot accept a connection (${error.code})`);
    else if (server.listenerCount('error') === 1) throw error; // anything else (EADDRINUSE…) as if unheard
  });
  return server;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...securityHeaders('/'), allow: 'GET, HEAD' }).end();
      return;
    }
    const path = decodedPath(req.url);
    if (path === null) {
      res.writeHead(400, { ...securityHeaders('/'), 'content-type': 'text/plain' }).end('Bad request: malformed path');
      return;
    }
    const found = locate(path);
    const file = found && await openFile(found);
    if (!file) {
      res.writeHead(404, { ...securityHeaders(path), 'content-type': 'text/plain' }).end(`Not found: ${path}`);
      return;
    }
    let sent = file;
    try {
      const wanted = ranges ? requestedRange(req.headers.range, file.size) : 'whole';
      const partial = wanted !== 'whole' && rangeStillValid(req.headers, etag(file), file.mtime.toUTCString()) ? wanted : null;
      const sibling = compression && !partial ? await precompressed(file.path, req.headers['accept-encoding'] ?? '') : null;
      if (sibling) {
        await file.handle.close();
        sent = sibling.file;
      }
      const tag = etag(sent, sibling?.name);
      const headers: Record<string, string | number> = {
        ...securityHeaders(path),
        ...isolationHeaders(path),
        'content-type': TYPES[extname(file.path)] ?? 'application/octet-stream',
        'cache-control': cacheControl(path),
        'last-modified': sent.mtime.toUTCString(),
        etag: tag,
      };
      if (ranges) headers['accept-ranges'] = 'bytes';
      if (compression) headers.vary = 'accept-encoding';
      if (sibling) headers['content-encoding'] = sibling.name;

      if (notModified(req.headers, tag, sent.mtime)) {
        res.writeHead(304, headers).end();
        return;
      }
      if (partial === 'unsatisfiable') {
        res.writeHead(416, { ...securityHeaders(path), 'content-range': `bytes */${file.size}` }).end();
        return;
      }
      const span = partial ?? { start: 0, end: sent.size - 1 };
      if (partial) headers['content-range'] = `bytes ${span.start}-${span.end}/${file.size}`;
      res.writeHead(partial ? 206 : 200, { ...headers, 'content-length': span.end - span.start + 1 });
      if (req.method === 'HEAD' || sent.size === 0) res.end();
      else await stream(res, sent.handle, span);
    } finally {
      await Promise.all([file.handle.close(), sent.handle.close()]); // a second close does nothing
    }
  }

  /** The file a URL path names, inside the root or a mount; null if it would leave them. */
  function locate(path: string): string | null {
    const mount = Object.keys(options.mounts ?? {}).find((prefix) => path === prefix || path.startsWith(`${prefix}/`));
    const base = resolve(mount ? options.mounts![mount] : options.root);
    const full = resolve(join(base, normalize(mount ? path.slice(mount.length) : path)));
    return full === base || full.startsWith(base + sep) ? full : null;
  }
}

/** The URL's path, decoded; null when it cannot be (a malformed `%` escape, a NUL): the client's error. */
function decodedPath(url = '/'): string | null {
  try {
    const path = decodeURIComponent(new URL(url, 'http://host').pathname);
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}

/** The precompressed sibling the client accepts, open; any failure to open one falls back to the file itself. */
async function precompressed(path: string, accept: string): Promise<{ name: string; file: OpenFile } | null> {
  for (const [name, suffix] of ENCODINGS) {
    if (!new RegExp(`\\b${name}\\b`).test(accept)) continue;
    const file = await openFile(path + suffix).catch(() => null);
    if (file) return { name, file };
  }
  return null;
}

/** Sends bytes `start`..`end` of an open file; a client that leaves or a failing read ends the connection. */
async function stream(res: ServerResponse, handle: FileHandle, { start, end }: ByteRange) {
  const source = handle.createReadStream({ start, end, autoClose: false });
  try {
    await pipeline(source, res, { end: false });
  } catch {
    res.destroy(); // past the headers, there is no status left to say it with
    return;
  }
  // A file cut short under us (rewritten in place) must not end a response shorter than its
  // Content-Length as if it were whole: the reader would wait for the rest, or trust the part.
  if (source.bytesRead === end - start + 1) res.end();
  else res.destroy();
}

function failed(req: IncomingMessage, res: ServerResponse, error: NodeJS.ErrnoException) {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const [status, text] = FAILURES[error.code ?? ''] ?? [500, 'Internal error'];
  // The cause goes to the log only: its message holds the path on disk.
  console.error(`static server: ${status} for ${req.url}: ${error.code ?? error.message}`);
  const headers = { ...securityHeaders('/'), 'content-type': 'text/plain' };
  res.writeHead(status, status === 503 ? { ...headers, 'retry-after': '1' } : headers).end(text);
}
