// One failed read must not break the tab for good. duckdb-wasm 1.28 keeps what a failed read
// left behind (measured: after one dropped gazetteer response every later ZIP failed with
// `TProtocolException`, after one failed open `No files found` came back for the rest of the
// visit, and neither made a new request), and it has no way to forget it short of a new
// database. So when a query fails because a read failed, the engine is thrown away (its worker
// terminated), a new one is started with the release registered again, and the query is asked
// once more: the panel that was waiting gets its answer as if nothing had happened. Queries
// in flight on the old engine are asked again on the new one too.
import { QueryError, type Engine, type Row } from './engine.ts';

/** What one engine offers: the app's connection, the console's, and a way to end both. */
export interface Connections {
  app: Engine;
  console: Engine;
  close(): Promise<void>;
}

/** What a failed read leaves in an engine's error text (duckdb-wasm's words and engine-worker.ts's). */
const BROKEN = /Range request|Opening file|Reading file|No files found that match|TProtocolException|stopped a request loop|engine was restarted/;

class EngineRestarted extends Error {
  constructor() {
    super('the search engine was restarted while this query ran');
  }
}

export function brokenByRead(error: unknown): boolean {
  const text = error instanceof QueryError ? error.detail : String((error as Error)?.message ?? error);
  // A read the console was not allowed to make is a refusal, not a fault (guarded-reads.ts).
  return BROKEN.test(text) && !text.includes('reading from other websites is switched off');
}

interface Generation extends Connections {
  /** Rejects when this engine is retired, so nothing waits on a terminated worker. */
  retired: Promise<never>;
  retire(): void;
}

export async function restartable(start: () => Promise<Connections>,
  onRestart: (restarting: boolean) => void): Promise<{ app: Engine; console: Engine }> {
  const begin = async (): Promise<Generation> => {
    const connections = await start();
    let retire = () => {};
    const retired = new Promise<never>((_, reject) => {
      retire = () => reject(new EngineRestarted());
    });
    retired.catch(() => {});
    return { ...connections, retired, retire };
  };
  let latest = await begin();
  let next: Promise<Generation> | null = null;

  /** A new engine in place of `from`, started once however many queries found `from` broken. */
  const restart = (from: Generation): Promise<Generation> => {
    if (next) return next;
    if (latest !== from) return Promise.resolve(latest);
    onRestart(true);
    from.retire();
    void from.close().catch(() => {});
    next = begin().then((fresh) => (latest = fresh)).finally(() => {
      next = null;
      onRestart(false);
    });
    return next;
  };

  const on = <T>(engine: Generation, call: (c: Connections) => Promise<T>) => Promise.race([call(engine), engine.retired]);
  const run = async <T>(call: (c: Connections) => Promise<T>): Promise<T> => {
    const engine = await (next ?? latest);
    try {
      return await on(engine, call);
    } catch (error) {
      if (!brokenByRead(error)) throw error;
      const fresh = await restart(engine);
      try {
        return await on(fresh, call);
      } catch (again) {
        // Asked twice, failed twice: the file is truly unreadable now. The next query still
        // gets a clean engine.
        if (brokenByRead(again)) restart(fresh).catch(() => {});
        throw again;
      }
    }
  };

  const engine = (pick: (c: Connections) => Engine): Engine => ({
    query: <T extends Row>(sql: string, params?: readonly unknown[], options?: Parameters<Engine['query']>[2]) =>
      run((c) => pick(c).query<T>(sql, params, options)),
    exec: (sql) => run((c) => pick(c).exec(sql)),
    copyTo: (sql, params, format) => run((c) => pick(c).copyTo(sql, params, format)),
    // Files registered here would not outlive a restart: the release is registered by `start`.
    registerFile: (name, url) => run((c) => pick(c).registerFile(name, url)),
    cancel: () => pick(latest).cancel(),
  });
  return { app: engine((c) => c.app), console: engine((c) => c.console) };
}
