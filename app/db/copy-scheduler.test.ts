import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyScheduler } from './copy-scheduler.ts';

describe('copyScheduler', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  const turnTaken = (scheduler: ReturnType<typeof copyScheduler>, name = 'rows') => {
    let taken = false;
    void scheduler.turn(name).then(() => (taken = true));
    return () => taken;
  };

  it('gives a part its turn once no query has begun or ended for the quiet moment', async () => {
    const scheduler = copyScheduler(100);
    let finish!: () => void;
    const query = scheduler.run(() => new Promise<void>((done) => (finish = done)));
    const taken = turnTaken(scheduler);
    await vi.advanceTimersByTimeAsync(500);
    expect(taken(), 'not while a query runs').toBe(false);
    finish();
    await query;
    await vi.advanceTimersByTimeAsync(60);
    await scheduler.run(async () => {}); // the next query of the same interaction
    await vi.advanceTimersByTimeAsync(60);
    expect(taken(), 'not within the quiet moment after the last query').toBe(false);
    await vi.advanceTimersByTimeAsync(50);
    expect(taken()).toBe(true);
    const next = turnTaken(scheduler);
    await vi.advanceTimersByTimeAsync(0);
    expect(next(), 'parts follow each other while nothing comes').toBe(true);
  });

  it('gives the turn at once to the parts a running query waits for, and to no other copy\'s', async () => {
    const scheduler = copyScheduler(100);
    let made!: () => void;
    const copy = new Promise<void>((done) => (made = done));
    const query = scheduler.run(() => scheduler.waitFor(copy, ['services']));
    const other = turnTaken(scheduler, 'rows');
    const taken = turnTaken(scheduler, 'services');
    await vi.advanceTimersByTimeAsync(0);
    expect(taken()).toBe(true);
    expect(other(), 'another copy waits for the quiet moment').toBe(false);
    made();
    await query;
    await vi.advanceTimersByTimeAsync(99);
    expect(other()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(other()).toBe(true);
  });
});
