import { describe, expect, it } from 'vitest';
import { copyScheduler } from './copy-scheduler.ts';

const tick = () => new Promise((go) => setTimeout(go, 0));

describe('copyScheduler', () => {
  const turnTaken = (scheduler: ReturnType<typeof copyScheduler>, name: string) => {
    let taken = false;
    void scheduler.turn(name).then(() => (taken = true));
    return () => taken;
  };

  it('gives a part its turn once no query runs', async () => {
    const scheduler = copyScheduler();
    let finish!: () => void;
    const query = scheduler.run(() => new Promise<void>((done) => (finish = done)));
    const taken = turnTaken(scheduler, 'rows');
    await tick();
    expect(taken(), 'not while a query runs').toBe(false);
    finish();
    await query;
    expect(taken()).toBe(true);
  });

  it('gives the turn to the parts a running query waits for, and to no other copy\'s until it has run', async () => {
    const scheduler = copyScheduler();
    let made!: () => void;
    const copy = new Promise<void>((done) => (made = done));
    const query = scheduler.run(() => scheduler.waitFor(copy, ['services']));
    const other = turnTaken(scheduler, 'rows');
    const taken = turnTaken(scheduler, 'services');
    await tick();
    expect(taken()).toBe(true);
    expect(other(), 'the search rows wait: the text search waits for its services alone').toBe(false);
    made();
    await query;
    expect(other()).toBe(true);
  });
});
