import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ReadAhead, type ReadAheadLimits } from './read-ahead.ts';

const KB = 1024;
const LIMITS: ReadAheadLimits = { firstWindow: 64 * KB, maxWindow: 256 * KB, walkGap: 256 * KB, maxBytes: 1024 * KB, idleMs: 2_000 };
const A = 'https://site.example/data/a.parquet';
const SIZE = 4096 * KB;

/** A file's bytes: each its offset's low byte, so a slice shows where it came from. */
const fileBytes = (start: number, end: number) => Uint8Array.from({ length: end - start + 1 }, (_, i) => (start + i) & 0xff);
const range = (start: number, end: number) => ({ start, end });

/** A read as the guard makes it: the plan, then the host's answer to it kept. */
function read(ahead: ReadAhead, start: number, end: number, url = A) {
  const held = ahead.take(url, range(start, end));
  if (held) return { asked: null, held };
  const plan = ahead.plan(url, range(start, end), SIZE);
  ahead.keep(url, plan.fetch, fileBytes(plan.fetch.start, plan.fetch.end).buffer, end);
  return { asked: plan.fetch, head: plan.head };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ReadAhead', () => {
  it('asks for a lookup\'s reads as they are: a footer, then a row group before it', () => {
    const ahead = new ReadAhead(LIMITS);
    expect(read(ahead, 4000 * KB, 4096 * KB - 1).asked).toEqual(range(4000 * KB, 4096 * KB - 1));
    expect(read(ahead, 1000 * KB, 1016 * KB - 1).asked).toEqual(range(1000 * KB, 1016 * KB - 1));
    expect(ahead.bytes).toBe(0);
  });

  it('leaves adjacent reads to duckdb-wasm, which reads those ahead itself', () => {
    const ahead = new ReadAhead(LIMITS);
    read(ahead, 0, 16 * KB - 1);
    expect(read(ahead, 16 * KB, 80 * KB - 1).asked).toEqual(range(16 * KB, 80 * KB - 1));
    expect(read(ahead, 80 * KB, 336 * KB - 1).asked).toEqual(range(80 * KB, 336 * KB - 1));
  });

  it('reads ahead of a walk that skips bytes, more at each read, and answers the next reads from what it holds', () => {
    const ahead = new ReadAhead(LIMITS);
    read(ahead, 0, 16 * KB - 1);
    // A row group's columns, then the next group's 200 KB on: each time past what is held.
    expect(read(ahead, 200 * KB, 216 * KB - 1).asked).toEqual(range(200 * KB, 264 * KB - 1));
    const held = read(ahead, 232 * KB, 248 * KB - 1);
    expect(held.asked).toBeNull();
    expect(new Uint8Array(held.held!)).toEqual(fileBytes(232 * KB, 248 * KB - 1));
    expect(read(ahead, 400 * KB, 416 * KB - 1).asked).toEqual(range(400 * KB, 528 * KB - 1));
    expect(read(ahead, 600 * KB, 616 * KB - 1).asked).toEqual(range(600 * KB, 856 * KB - 1));
    expect(read(ahead, 860 * KB, 876 * KB - 1).asked).toEqual(range(860 * KB, 1116 * KB - 1)); // at most maxWindow
    // A second walk over the same bytes (another column) asks for nothing.
    expect(read(ahead, 210 * KB, 220 * KB - 1).asked).toBeNull();
    expect(read(ahead, 410 * KB, 420 * KB - 1).asked).toBeNull();
  });

  it('asks no more than the file holds', () => {
    const ahead = new ReadAhead(LIMITS);
    read(ahead, SIZE - 300 * KB, SIZE - 290 * KB - 1);
    expect(read(ahead, SIZE - 200 * KB, SIZE - 190 * KB - 1).asked).toEqual(range(SIZE - 200 * KB, SIZE - 136 * KB - 1));
    expect(read(ahead, SIZE - 100 * KB, SIZE - 90 * KB - 1).asked).toEqual(range(SIZE - 100 * KB, SIZE - 1));
  });

  it('asks only for the rest of a read that begins in held bytes, and gives their part', () => {
    const ahead = new ReadAhead(LIMITS);
    read(ahead, 0, 16 * KB - 1);
    read(ahead, 200 * KB, 216 * KB - 1); // holds 200–264 KB
    const { asked, head } = read(ahead, 250 * KB, 300 * KB - 1);
    expect(asked!.start).toBe(264 * KB);
    expect(new Uint8Array(head!)).toEqual(fileBytes(250 * KB, 264 * KB - 1));
  });

  it('answers from the held bytes that reach furthest where two overlap', () => {
    const ahead = new ReadAhead(LIMITS);
    read(ahead, 0, 16 * KB - 1);
    read(ahead, 200 * KB, 216 * KB - 1); // holds 200–264 KB
    read(ahead, 250 * KB, 300 * KB - 1); // holds 264–392 KB
    read(ahead, 100 * KB, 110 * KB - 1); // back: a new walk
    read(ahead, 120 * KB, 130 * KB - 1); // holds 120–184 KB
    read(ahead, 150 * KB, 160 * KB - 1); // held
    ahead.keep(A, range(180 * KB, 280 * KB - 1), fileBytes(180 * KB, 280 * KB - 1).buffer, 180 * KB); // overlaps both
    const { asked, held } = read(ahead, 210 * KB, 270 * KB - 1);
    expect(asked).toBeNull();
    expect(new Uint8Array(held!)).toEqual(fileBytes(210 * KB, 270 * KB - 1));
    const rest = read(ahead, 270 * KB, 400 * KB - 1);
    expect([rest.asked!.start, new Uint8Array(rest.head!)]).toEqual([392 * KB, fileBytes(270 * KB, 392 * KB - 1)]);
  });

  it('asks for a read past the file\'s end as it is, and holds only the bytes that came', () => {
    const ahead = new ReadAhead(LIMITS);
    read(ahead, SIZE - 300 * KB, SIZE - 290 * KB - 1);
    expect(ahead.plan(A, range(SIZE - 200 * KB, SIZE + 10 * KB), SIZE)).toEqual({ fetch: range(SIZE - 200 * KB, SIZE + 10 * KB), head: null });
    // A file shorter than its listed length: 10 KB came of the 64 KB asked.
    const other = 'https://site.example/data/short.parquet';
    read(ahead, 0, 16 * KB - 1, other);
    const plan = ahead.plan(other, range(200 * KB, 205 * KB - 1), SIZE);
    ahead.keep(other, plan.fetch, fileBytes(200 * KB, 210 * KB - 1).buffer, 205 * KB - 1);
    expect(ahead.take(other, range(206 * KB, 209 * KB))).not.toBeNull();
    expect(ahead.take(other, range(206 * KB, 211 * KB))).toBeNull();
  });

  it('keeps each file\'s walk apart', () => {
    const ahead = new ReadAhead(LIMITS);
    read(ahead, 0, 16 * KB - 1);
    read(ahead, 0, 16 * KB - 1, 'https://site.example/data/b.parquet');
    expect(read(ahead, 200 * KB, 216 * KB - 1).asked).toEqual(range(200 * KB, 264 * KB - 1));
    expect(read(ahead, 200 * KB, 216 * KB - 1, 'https://site.example/data/b.parquet').asked).toEqual(range(200 * KB, 264 * KB - 1));
  });

  it('holds no more than its limit, and stops reading ahead once held bytes go unread', () => {
    const ahead = new ReadAhead({ ...LIMITS, maxBytes: 512 * KB });
    read(ahead, 0, 16 * KB - 1);
    let at = 200 * KB;
    // Walks through five files, too many to hold: the first answers are dropped unread.
    for (let file = 0; file < 5; file++) {
      const url = `https://site.example/data/${file}.parquet`;
      read(ahead, 0, 16 * KB - 1, url);
      for (at = 200 * KB; at < 1200 * KB; at += 250 * KB) read(ahead, at, at + 16 * KB - 1, url);
      expect(ahead.bytes).toBeLessThanOrEqual(512 * KB);
    }
    read(ahead, 0, 16 * KB - 1);
    expect(read(ahead, 200 * KB, 216 * KB - 1).asked).toEqual(range(200 * KB, 216 * KB - 1));
  });

  it('forgets everything once the engine has read nothing for a moment', () => {
    const ahead = new ReadAhead(LIMITS);
    read(ahead, 0, 16 * KB - 1);
    read(ahead, 200 * KB, 216 * KB - 1);
    vi.advanceTimersByTime(1_999);
    expect(ahead.bytes).toBe(64 * KB);
    vi.advanceTimersByTime(1);
    expect(ahead.bytes).toBe(0);
    expect(read(ahead, 232 * KB, 248 * KB - 1).asked).toEqual(range(232 * KB, 248 * KB - 1));
  });
});
