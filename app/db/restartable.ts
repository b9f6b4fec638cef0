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

/**
 * What a failed read leaves in an engine's error text (duckdb-wasm's words and engine-worker.ts's):
 * a footer read that failed on an engine already restarted came back, asked again, as "No magic
 * bytes found at end of file", with no request made.
 */
const BROKEN = /Range request|Opening file|Reading file|No files found that match|TProtocolException|stopped a request loop|engine was restarted|No magic bytes found|too small to be a Parquet file/;

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
  /** When a restart started this engine (null for the first). */
  restartedAt: number | null;
}

/**
 * An engine started to recover from a failed read is not restarted again this soon: a file
 * that is truly unreadable (gone from the host) then fails its queries instead of restarting
 * the engine under every other query, over and over. A person asking again (`afterFailure`)
 * restarts it whenever: the host may be back, and the engine still holds what the failure left.
 */
export const RESTART_GAP_MS = 10_000;

/** How often a query is asked again after a restart ended it midway through no fault of its own. */
const INTERRUPTIONS = 3;

export async function restartable(start: () => Promise<Connections>, onRestart: (restarting: boolean) => void,
  now: () => number = Date.now): Promise<{ app: Engine; console: Engine }> {
  const begin = async (restartedAt: number | null): Promise<Generation> => {
    const connections = await start();
    let retire = () => {};
    const retired = new Promise<never>((_, reject) => {
      retire = () => reject(new EngineRestarted());
    });
    retired.catch(() => {});
    return { ...connections, retired, retire, restartedAt };
  };
  let latest = await begin(null);
  let next: Promise<Generation> | null = null;

  /** A new engine in place of `from`, started once however many queries found `from` broken; null when too soon, unless `asked`. */
  const restart = (from: Generation, asked: boolean): Promise<Generation> | null => {
    if (next) return next;
    if (latest !== from) return Promise.resolve(latest);
    if (!asked && from.restartedAt !== null && now() - from.restartedAt < RESTART_GAP_MS) return null;
    onRestart(true);
    from.retire();
    void from.close().catch(() => {});
    next = begin(now()).then((fresh) => (latest = fresh)).finally(() => {
      next = null;
      onRestart(false);
    });
    return next;
  };

  const run = async <T>(call: (c: Connections) => Promise<T>, asked = false): Promise<T> => {
    let restarted = false;
    for (let interrupted = 0; ; ) {
      const engine = await (next ?? latest);
      try {
        return await Promise.race([call(engine), engine.retired]);
      } catch (error) {
        if (error instanceof EngineRestarted && interrupted++ < INTERRUPTIONS) continue;
        // Asked on a new engine and failed again: the file is unreadable now, not the engine.
        if (!brokenByRead(error) || restarted) throw error;
        const fresh = restart(engine, asked);
        if (!fresh) throw error;
        await fresh;
        restarted = true;
      }
    }
  };
  const engine = (pick: (c: Connections) => Engine): Engine => ({
    query: <T extends Row>(sql: string, params?: readonly unknown[], options?: Parameters<Engine['query']>[2]) =>
      run((c) => pick(c).query<T>(sql, params, options), options?.afterFailure),
    exec: (sql) => run((c) => pick(c).exec(sql)),
    copyTo: (sql, params, format) => run((c) => pick(c).copyTo(sql, params, format)),
    // Files registered here would not outlive a restart: the release is registered by `start`.
    registerFile: (name, url, bytes) => run((c) => pick(c).registerFile(name, url, bytes)),
    cancel: () => pick(latest).cancel(),
  });
  return { app: engine((c) => c.app), console: engine((c) => c.console) };
}
