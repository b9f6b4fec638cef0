import { describe, expect, it } from 'vitest';
import { QueryError, type Engine } from './engine.ts';
import { brokenByRead, RESTART_GAP_MS, restartable, type Connections } from './restartable.ts';

const BROKEN = 'Invalid Error: TProtocolException: Invalid data';

/** Engines numbered as started; each answers with its number, or fails as `answer` says. */
function engines(answer: (generation: number, sql: string) => Promise<string> | string) {
  const log: string[] = [];
  let started = 0;
  const start = async (): Promise<Connections> => {
    const generation = ++started;
    log.push(`start ${generation}`);
    const engine = {
      query: async (sql: string) => {
        const value = await answer(generation, sql);
        if (value.startsWith('!')) throw new QueryError(value.slice(1), sql);
        return [{ value }];
      },
      cancel: async () => false,
    } as unknown as Engine;
    return { app: engine, console: engine, close: async () => void log.push(`close ${generation}`) };
  };
  return { start, log };
}

describe('restartable', () => {
  it('restarts an engine a failed read broke, and the query gets its answer', async () => {
    const { start, log } = engines((generation) => (generation === 1 ? `!${BROKEN}` : `from ${generation}`));
    const restarts: boolean[] = [];
    const { app } = await restartable(start, (on) => restarts.push(on));
    expect(await app.query('SELECT 1')).toEqual([{ value: 'from 2' }]);
    expect(log).toEqual(['start 1', 'close 1', 'start 2']); // the old worker goes first: one engine's memory at a time
    expect(restarts).toEqual([true, false]);
  });

  it('starts one new engine however many queries found the old one broken', async () => {
    const { start, log } = engines((generation) => (generation === 1 ? `!${BROKEN}` : 'ok'));
    const { app, console } = await restartable(start, () => {});
    const answers = await Promise.all([app.query('a'), app.query('b'), console.query('c')]);
    expect(answers.flat()).toEqual([{ value: 'ok' }, { value: 'ok' }, { value: 'ok' }]);
    expect(log.filter((l) => l.startsWith('start'))).toEqual(['start 1', 'start 2']);
  });

  it('asks a query in flight on the retired engine again on the new one', async () => {
    let release = () => {};
    const { start } = engines((generation, sql) => {
      if (generation > 1) return `${sql} on ${generation}`;
      if (sql === 'slow') return new Promise<string>((resolve) => (release = () => resolve('never used')));
      return `!${BROKEN}`;
    });
    const { app } = await restartable(start, () => {});
    const slow = app.query('slow');
    await expect(app.query('fast')).resolves.toEqual([{ value: 'fast on 2' }]);
    await expect(slow).resolves.toEqual([{ value: 'slow on 2' }]);
    release();
  });

  it('leaves other failures alone; a file unreadable on a fresh engine fails without restarting it again', async () => {
    let clock = 0;
    const { start, log } = engines((_, sql) => (sql === 'typo' ? '!Parser Error: syntax error' : sql === 'RI' ? `!${BROKEN}` : 'ok'));
    const restarts: boolean[] = [];
    const { app } = await restartable(start, (on) => restarts.push(on), () => clock);
    await expect(app.query('typo')).rejects.toThrow('syntax error');
    expect(log).toEqual(['start 1']);
    // Asked on a second engine, failed again: given up, and the second engine stays.
    await expect(app.query('RI')).rejects.toThrow('TProtocolException');
    await expect(app.query('RI')).rejects.toThrow('TProtocolException');
    await expect(app.query('MA')).resolves.toEqual([{ value: 'ok' }]);
    expect(log).toEqual(['start 1', 'close 1', 'start 2']);
    // Later, a failure may restart it again.
    clock += RESTART_GAP_MS;
    await expect(app.query('RI')).rejects.toThrow('TProtocolException');
    expect(log).toEqual(['start 1', 'close 1', 'start 2', 'close 2', 'start 3']);
  });

  it('starts a fresh engine when a person asks again, however recently the last one started', async () => {
    let up = false;
    // What the second engine answered once the host was back: the footer its failed read left behind.
    const { start, log } = engines((generation) => (up && generation > 2 ? 'ok' : generation === 1 ? `!${BROKEN}`
      : "!Invalid Input Error: No magic bytes found at end of file 'organizations/state=MA/x.parquet'"));
    const { app } = await restartable(start, () => {}, () => 0);
    await expect(app.query('MA')).rejects.toThrow('No magic bytes');
    up = true;
    await expect(app.query('MA')).rejects.toThrow('No magic bytes'); // not asked by a person: within the gap, no restart
    expect(log).toEqual(['start 1', 'close 1', 'start 2']);
    await expect(app.query('MA', [], { afterFailure: true })).resolves.toEqual([{ value: 'ok' }]);
    expect(log).toEqual(['start 1', 'close 1', 'start 2', 'close 2', 'start 3']);
  });

  it('asks a query a restart interrupted again, without counting it as its own failure', async () => {
    let clock = 0;
    const waiting: (() => void)[] = [];
    const { start } = engines((generation, sql) => {
      if (sql === 'RI') return `!${BROKEN}`;
      // An innocent query still running on engines 1 and 2 when they are retired.
      if (generation < 3) return new Promise<string>((resolve) => waiting.push(() => resolve('too late')));
      return `${sql} on ${generation}`;
    });
    const { app } = await restartable(start, () => {}, () => clock);
    const innocent = app.query('MA');
    await expect(app.query('RI')).rejects.toThrow('TProtocolException'); // restarted to engine 2
    clock += RESTART_GAP_MS;
    await expect(app.query('RI')).rejects.toThrow('TProtocolException'); // and to engine 3
    await expect(innocent).resolves.toEqual([{ value: 'MA on 3' }]);
    waiting.forEach((w) => w());
  });

  it('starts again on the next query when a restart itself failed', async () => {
    let failStart = false;
    const { start: inner } = engines((generation) => (generation === 1 ? `!${BROKEN}` : 'ok'));
    const start = async () => {
      if (failStart) {
        failStart = false;
        throw new Error('offline');
      }
      return inner();
    };
    const { app } = await restartable(start, () => {});
    failStart = true;
    await expect(app.query('a')).rejects.toThrow('offline');
    await expect(app.query('b')).resolves.toEqual([{ value: 'ok' }]);
  });
});

describe('brokenByRead', () => {
  it('knows the traces a failed read leaves, and a refused other website is not one', () => {
    expect(brokenByRead(new QueryError(BROKEN, ''))).toBe(true);
    expect(brokenByRead(new QueryError('IO Error: No files found that match the pattern "organizations/state=MA/x.parquet"', ''))).toBe(true);
    expect(brokenByRead(new Error('Invalid Error: Error: Range request for http://x/a.parquet failed with error: NetworkError'))).toBe(true);
    expect(brokenByRead(new QueryError("Invalid Input Error: No magic bytes found at end of file 'gazetteer/e4b73253bf399347.parquet'", ''))).toBe(true);
    expect(brokenByRead(new QueryError('Catalog Error: Table with name nope does not exist!', ''))).toBe(false);
    expect(brokenByRead(new QueryError('Invalid Error: Opening file \'http://evil.example/a.csv\' failed with error: Error: reading from other websites is switched off in this console (http://evil.example)', ''))).toBe(false);
  });
});
