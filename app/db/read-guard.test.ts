import { describe, expect, it } from 'vitest';
import { answerProblem, askedRange, RepeatLimit, statedSize } from './read-guard.ts';

const asked = { start: 100, end: 199 };

describe('answerProblem', () => {
  it('takes a 206 holding exactly the bytes asked for', () => {
    expect(answerProblem(asked, { status: 206, contentRange: 'bytes 100-199/1000', bytes: 100 }, null)).toBeNull();
    expect(answerProblem(asked, { status: 206, contentRange: null, bytes: 100 }, 1000)).toBeNull();
  });

  it('takes fewer bytes only at the end of the file', () => {
    expect(answerProblem(asked, { status: 206, contentRange: 'bytes 100-149/150', bytes: 50 }, null)).toBeNull();
    expect(answerProblem(asked, { status: 206, contentRange: null, bytes: 50 }, 150)).toBeNull();
  });

  it('refuses a short 206, with or without Content-Range (the endless loop of issue 12)', () => {
    expect(answerProblem({ start: 990747, end: 990747 }, { status: 206, contentRange: null, bytes: 0 }, 990748))
      .toBe('incomplete answer: 0 of 1 bytes');
    expect(answerProblem(asked, { status: 206, contentRange: null, bytes: 60 }, null)).toBe('incomplete answer: 60 of 100 bytes');
    expect(answerProblem(asked, { status: 206, contentRange: 'bytes 100-199/1000', bytes: 60 }, null)).toBe('incomplete answer: 60 of 100 bytes');
  });

  it('refuses other bytes than those asked for', () => {
    expect(answerProblem(asked, { status: 206, contentRange: 'bytes 0-99/1000', bytes: 100 }, null))
      .toBe('the server sent bytes 0-99 for 100-199');
  });

  it('takes a whole file from a host without Range, unless it is cut short', () => {
    expect(answerProblem(asked, { status: 200, contentRange: null, bytes: 1000 }, 1000)).toBeNull();
    expect(answerProblem(asked, { status: 200, contentRange: null, bytes: 1000 }, null)).toBeNull();
    expect(answerProblem(asked, { status: 200, contentRange: null, bytes: 400 }, 1000)).toBe('incomplete answer: 400 of 1000 bytes');
  });

  it('asks again after a server error, and leaves a 404 to the engine to report', () => {
    expect(answerProblem(asked, { status: 503, contentRange: null, bytes: 0 }, null)).toBe('HTTP 503');
    expect(answerProblem(asked, { status: 0, contentRange: null, bytes: 0 }, null)).toBe('HTTP 0');
    expect(answerProblem(asked, { status: 404, contentRange: null, bytes: 9 }, null)).toBeNull();
  });
});

describe('askedRange and statedSize', () => {
  it('read the headers DuckDB sends and servers answer', () => {
    expect(askedRange('bytes=983040-990747')).toEqual({ start: 983040, end: 990747 });
    expect(askedRange('bytes=0-')).toBeNull();
    expect(statedSize('bytes 0-9/990748', '10', false)).toBe(990748);
    expect(statedSize(null, '990748', true)).toBe(990748);
    expect(statedSize(null, '10', false)).toBeNull();
    expect(statedSize('bytes 0-9/*', null, false)).toBeNull();
  });
});

describe('RepeatLimit', () => {
  it('lets a few repeats through and stops a loop within its window', () => {
    const limit = new RepeatLimit(3, 1_000);
    expect([0, 10, 20].map((t) => limit.allow('a', t))).toEqual([true, true, true]);
    expect(limit.allow('a', 30)).toBe(false);
    expect(limit.allow('b', 30)).toBe(true);
    expect(limit.allow('a', 1_500)).toBe(true); // the window moved on
  });
});
