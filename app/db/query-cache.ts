// The one cache every reader of the directory goes through: panels (use-query.ts), the
// table's pages and the exports all ask `Database.engine`, which answers from here when the
// same SQL with the same values was asked of the same release before. Panels ask the same
// questions (the detail panel and the map both read the selected organization and its
// network; going back to a search asks its queries again, its pages and its file too), and a
// release never changes under an engine. The console's engine is not cached: it may write.
import type { Engine, ExportFormat, Row } from './engine.ts';

/** Answers kept, newest last; the oldest goes first. A table scrolled end to end asks a page per 100 rows. */
export const KEPT = 64;

export class QueryCache {
  #answers = new Map<string, Promise<unknown>>();

  constructor(readonly limit = KEPT) {}

  /** The answer kept for `key`, else `ask()`'s, kept. A failure is not kept: it is asked again next time. */
  answer<T>(key: string, ask: () => Promise<T>): Promise<T> {
    let answer = this.#answers.get(key) as Promise<T> | undefined;
    if (answer) {
      this.#answers.delete(key);
    } else {
      answer = ask();
      answer.catch(() => {
        if (this.#answers.get(key) === answer) this.#answers.delete(key);
      });
      if (this.#answers.size >= this.limit) this.#answers.delete(this.#answers.keys().next().value!);
    }
    this.#answers.set(key, answer);
    return answer;
  }

  /** Forgets every answer: the engine was restarted, or another release or database took over. */
  clear(): void {
    this.#answers.clear();
  }

  get size(): number {
    return this.#answers.size;
  }
}

/**
 * `engine` with its reads (`query`, `copyTo`) answered through `cache`, keyed by the release
 * (or cloud database) they read, the SQL and its values, and for a file its format.
 */
export function withCache(engine: Engine, cache: QueryCache, release: string): Engine {
  return {
    ...engine,
    query: <T extends Row>(sql: string, params: readonly unknown[] = [], options?: Parameters<Engine['query']>[2]) =>
      cache.answer(JSON.stringify([release, 'rows', sql, params]), () => engine.query<T>(sql, params, options)),
    copyTo: (sql: string, params: readonly unknown[], format: ExportFormat) =>
      cache.answer(JSON.stringify([release, format, sql, params]), () => engine.copyTo(sql, params, format)),
  };
}
