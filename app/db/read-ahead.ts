// The engine's reads of a file it walks forward through, asked for in fewer, larger requests.
// duckdb-wasm 1.28 reads Parquet one synchronous range request at a time, each column chunk of
// each row group on its own: a keyword searched over the whole country before the engine holds
// its copy of the search rows walked organizations_by_id three times (the rows, their words,
// their services) in 130–140 requests of 16–64 KB (×1): 3.1–3.3 s to its first row on loopback,
// 21 s with a phone's 100 ms of latency. A read that starts a little past the file's last one,
// having skipped bytes (another row group's columns), is taken as part of a walk and asked for
// with what follows it, twice as much at each next read of the walk (as an operating system
// reads ahead); the answer is held here, so the walk's next reads, and the next walks over the
// same bytes, need no request: 40 requests, 1.7–1.8 s, 13 s. Reads next to each other are left
// as they are asked: duckdb-wasm reads those ahead itself (16, 64, 256 KB…), and a lookup's
// reads (a footer, one row group) are never a walk, so an opening asks for what it did.
// What is held is let go once the engine has read nothing for a moment, and reading ahead stops
// when held bytes are dropped mostly unread: a walk larger than what may be held (×10's 20
// files) then costs what it did, not the bytes of every row group it skips. The cost: what was
// held stays in the worker until its next garbage collection (the bench's memory after the
// mix, ×1: 226–227 → 233 MB).
import type { ByteRange } from './read-guard.ts';

export interface ReadAheadLimits {
  /** The bytes a walk's first read asks for from where it starts (its own, if more), doubled at each next read of the walk. */
  firstWindow: number;
  maxWindow: number;
  /** A read starting this far or less past the file's last read continues its walk. */
  walkGap: number;
  /** The most bytes held; the least recently read are dropped first. */
  maxBytes: number;
  /** Everything held is dropped when the engine has read nothing for this long. */
  idleMs: number;
}

export const READ_AHEAD: ReadAheadLimits = { firstWindow: 128 * 1024, maxWindow: 1024 * 1024, walkGap: 256 * 1024, maxBytes: 6 * 1024 * 1024, idleMs: 2_000 };

interface Held extends ByteRange {
  url: string;
  bytes: ArrayBuffer;
  /** Bytes the engine has read of it. */
  read: number;
}

interface Walk {
  /** Where the file's last read ended (exclusive). */
  next: number;
  /** The walk skipped bytes: what the engine reads of each row group (its columns), not all of it. */
  skipping: boolean;
  /** What its last read ahead asked for beyond the read; 0 when none. */
  window: number;
}

/** What to ask the host for a read: `fetch`, after `head`, the read's first bytes held here (null: none). */
export interface Plan {
  fetch: ByteRange;
  head: ArrayBuffer | null;
}

export class ReadAhead {
  /** Least recently read first. */
  #held: Held[] = [];
  #bytes = 0;
  #walks = new Map<string, Walk>();
  /** Held bytes were dropped unread: the reads are too many to hold, so reading ahead only costs bytes. */
  #wasteful = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly limits: ReadAheadLimits = READ_AHEAD) {}

  /** The bytes `range` of `url` from an answer held here (a copy of exactly them), or null. */
  take(url: string, range: ByteRange): ArrayBuffer | null {
    const held = this.#holding(url, range.start);
    if (!held || held.end < range.end) return null;
    this.#walk(url, range, false);
    return this.#read(held, range.start, range.end);
  }

  /**
   * What to ask the host for when the engine asks `range` of `url`, a file of `size` bytes (null:
   * unknown). A read that goes on a walk that skips bytes is asked for with what follows it; one
   * of adjacent reads is not, since duckdb-wasm reads those ahead itself (16, 64, 256 KB…).
   */
  plan(url: string, range: ByteRange, size: number | null): Plan {
    // Past the file's end the host rightly sends less than asked: asked as it is.
    if (size !== null && range.end >= size) {
      this.#walk(url, range, false);
      return { fetch: range, head: null };
    }
    const held = this.#holding(url, range.start);
    const head = held ? this.#read(held, range.start, held.end) : null;
    const start = held ? held.end + 1 : range.start;
    const window = this.#walk(url, range, size !== null && !this.#wasteful);
    const end = window ? Math.min(size! - 1, Math.max(range.end, start + window - 1)) : range.end;
    return { fetch: { start, end }, head };
  }

  /** Holds the host's answer `bytes` to `fetched` (a plan's), of which the engine read up to `readEnd`. */
  keep(url: string, fetched: ByteRange, bytes: ArrayBuffer, readEnd: number) {
    // What came, not what was asked: a file shorter than its listed length held no bytes it lacks.
    const end = fetched.start + bytes.byteLength - 1;
    if (end <= readEnd) return;
    this.#held.push({ url, start: fetched.start, end, bytes, read: readEnd - fetched.start + 1 });
    this.#bytes += bytes.byteLength;
    while (this.#bytes > this.limits.maxBytes && this.#held.length > 1) {
      const dropped = this.#held.shift()!;
      this.#bytes -= dropped.bytes.byteLength;
      if (dropped.read < dropped.bytes.byteLength / 2) this.#wasteful = true;
    }
  }

  /** Bytes held now. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Of the held answers of `url` holding byte `at` (they may overlap), the one reaching furthest, now the most recently read. */
  #holding(url: string, at: number): Held | null {
    let i = -1;
    this.#held.forEach((h, j) => {
      if (h.url === url && h.start <= at && at <= h.end && (i < 0 || h.end > this.#held[i].end)) i = j;
    });
    if (i < 0) return null;
    const [held] = this.#held.splice(i, 1);
    this.#held.push(held);
    return held;
  }

  #read(held: Held, start: number, end: number): ArrayBuffer {
    held.read += end - start + 1;
    return held.bytes.slice(start - held.start, end - held.start + 1);
  }

  /** Records a read of `range`; the window to read ahead of it when `ahead` allows (0: none). */
  #walk(url: string, range: ByteRange, ahead: boolean): number {
    const last = this.#walks.get(url);
    const onward = last !== undefined && range.start >= last.next && range.start - last.next <= this.limits.walkGap;
    const skipping = onward && (last.skipping || range.start > last.next);
    const window = ahead && skipping ? Math.min(this.limits.maxWindow, last!.window ? last!.window * 2 : this.limits.firstWindow) : onward ? last!.window : 0;
    this.#walks.set(url, { next: range.end + 1, skipping, window });
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#forget(), this.limits.idleMs);
    return ahead && skipping ? window : 0;
  }

  #forget() {
    this.#held = [];
    this.#bytes = 0;
    this.#walks.clear();
    this.#wasteful = false;
  }
}
