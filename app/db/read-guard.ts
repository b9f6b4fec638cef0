// What an answer to one of DuckDB-WASM's HTTP reads must hold before the engine may use it.
// duckdb-wasm 1.28 reads Parquet with synchronous range requests in its worker and trusts
// whatever comes back: a dropped response left cached garbage behind (TProtocolException on
// every later query in the tab), and a 206 shorter than asked made it ask for the missing
// bytes again, ~350 times a second, for ever (issue 12, items 7 and 8). The worker
// (engine-worker.ts) checks every answer with these rules, asks again a bounded number of
// times, and otherwise fails the read, so DuckDB is only ever given exactly the bytes it asked for.

/** An inclusive byte range, as in `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface Answer {
  status: number;
  /** The `Content-Range` header, if any: `bytes 0-99/1234`. */
  contentRange: string | null;
  /** Bytes in the body. */
  bytes: number;
}

/** How often a read is tried, and how long it may take, before it fails. */
export const READ_ATTEMPTS = 3;
export const READ_TIMEOUT_MS = 10_000;
/** No further attempt starts once a read has waited this long in all. */
export const READ_DEADLINE_MS = 20_000;

export function askedRange(header: string | null): ByteRange | null {
  const match = /^bytes=(\d+)-(\d+)$/.exec(header?.trim() ?? '');
  return match ? { start: Number(match[1]), end: Number(match[2]) } : null;
}

function contentRange(header: string | null): (ByteRange & { size: number | null }) | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header?.trim() ?? '');
  if (!match) return null;
  return { start: Number(match[1]), end: Number(match[2]), size: match[3] === '*' ? null : Number(match[3]) };
}

/**
 * Null when the answer holds the bytes asked for (or says plainly that it cannot, as a 404
 * does: DuckDB reports that itself); otherwise what is wrong with it, and the read is tried
 * again. `size` is the file's length when known (from an earlier answer).
 */
export function answerProblem(asked: ByteRange, answer: Answer, size: number | null): string | null {
  if (answer.status === 206) {
    const range = contentRange(answer.contentRange);
    const total = range?.size ?? size;
    // Past the end of the file a server rightly sends less than asked.
    const end = total === null ? asked.end : Math.min(asked.end, total - 1);
    if (range && (range.start !== asked.start || range.end !== end)) {
      return `the server sent bytes ${range.start}-${range.end} for ${asked.start}-${asked.end}`;
    }
    const expected = end - asked.start + 1;
    return answer.bytes === expected ? null : `incomplete answer: ${answer.bytes} of ${expected} bytes`;
  }
  if (answer.status === 200) {
    // The whole file, from a host that ignores Range: DuckDB takes its slice.
    if (size !== null && answer.bytes !== size) return `incomplete answer: ${answer.bytes} of ${size} bytes`;
    return null;
  }
  return retryable(answer.status) ? `HTTP ${answer.status}` : null;
}

/** No answer at all, a gateway's or an overloaded server's: worth asking again. */
export function retryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/**
 * The file's length as an answer states it: any `Content-Range`, or the `Content-Length` of an
 * answer that is the whole file (a 200, or the 206 to the `bytes=0-` HEAD DuckDB opens files with).
 */
export function statedSize(contentRangeHeader: string | null, contentLength: string | null, wholeFile: boolean): number | null {
  const range = contentRange(contentRangeHeader);
  if (range?.size != null) return range.size;
  return wholeFile && contentLength !== null && /^\d+$/.test(contentLength) ? Number(contentLength) : null;
}

/**
 * The last line of defence against a request loop: the same range of the same file asked for
 * more than `limit` times within `windowMs` is refused. Legitimate repeats are a few per
 * second (panels reading the same column chunk); the loop of issue 12 asked 350 times a second.
 */
export class RepeatLimit {
  private readonly seen = new Map<string, number[]>();

  constructor(private readonly limit = 25, private readonly windowMs = 2_000) {}

  /** Records one request; false when it is one too many. */
  allow(key: string, now: number): boolean {
    const times = (this.seen.get(key) ?? []).filter((t) => now - t < this.windowMs);
    times.push(now);
    this.seen.set(key, times);
    if (this.seen.size > 1_000) this.seen.delete(this.seen.keys().next().value!); // bounded memory
    return times.length <= this.limit;
  }
}
