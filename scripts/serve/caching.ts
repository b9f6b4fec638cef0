// How browsers may keep what the server sends (README, "Hosting"): files whose names are
// content hashes for a year; pages, the manifest and the service worker revalidated on every
// use, which a 304 answers cheaply.
import type { IncomingHttpHeaders } from 'node:http';

const YEAR = 'public, max-age=31536000, immutable';

// The release's Parquet files are named `<hash>.parquet` (no dash); its reports `<name>-<hash>.csv`.
const HASHED = [/\/assets\/[^/]+$/, /\/data\/.+\.parquet$/, /\/data\/[^/]+-[0-9a-f]{16}\.[a-z.]+$/];

export function cacheControl(path: string): string {
  return HASHED.some((pattern) => pattern.test(path)) ? YEAR : 'no-cache';
}

export interface Version {
  size: number;
  mtime: Date;
}

/**
 * A strong ETag from size and modification time, as nginx makes them; each precompressed
 * sibling is its own representation, so its encoding is part of its tag.
 */
export function etag(version: Version, encoding?: string): string {
  const tag = `${Math.trunc(version.mtime.getTime()).toString(16)}-${version.size.toString(16)}`;
  return `"${encoding ? `${tag}-${encoding}` : tag}"`;
}

/** Whether the client's copy is current (RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since). */
export function notModified(headers: IncomingHttpHeaders, tag: string, mtime: Date): boolean {
  const match = headers['if-none-match'];
  if (match !== undefined) return match.trim() === '*' || match.split(',').some((t) => t.trim().replace(/^W\//, '') === tag);
  const since = Date.parse(headers['if-modified-since'] ?? '');
  return since >= Math.floor(mtime.getTime() / 1000) * 1000; // Last-Modified has whole seconds
}

/** Whether a Range may be served: If-Range, when sent, must name this very version (§13.1.5). */
export function rangeStillValid(headers: IncomingHttpHeaders, tag: string, lastModified: string): boolean {
  const ifRange = headers['if-range'];
  return ifRange === undefined || ifRange === tag || ifRange === lastModified;
}
