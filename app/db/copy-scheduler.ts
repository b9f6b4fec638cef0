// When the engine may make the next part of an in-memory copy (db/catalog.ts). DuckDB-WASM runs
// one statement at a time, so a query that arrives while a part is made waits for the rest of
// it. One person's interaction is a burst of queries (the results, their count, the facets and,
// in the background lane of lanes.ts, the map's points), each sent within a frame of the last;
// a part sent between two of them held each one back: the bench's first pass, one part before
// every query, gave ×1 radius searches 262 / 658 ms p50 / p95 against 11 / 21 once the copy
// was made (loaded machine). So a part begins only once no query has begun or ended for
// QUIET_MS: the burst ends first, and the copy is made while the person reads the results. A
// query that comes in the middle of a part still waits for that one part, and parts are kept
// small for it (copy-parts.ts). A query that waits for copies itself (the text search's
// services) lets their parts go on at once, and only theirs.

/** Longer than the gap between two queries of one interaction, shorter than a person's pause. */
export const QUIET_MS = 50;

export interface CopyScheduler {
  /** Runs a query the page asked for (foreground or background: each one holds the parts back). */
  run<T>(query: () => Promise<T>): Promise<T>;
  /** A query running that waits for `copy`, made of the copies `names`: their parts are not held back by it. */
  waitFor(copy: Promise<unknown>, names: readonly string[]): Promise<void>;
  /** Resolves when the next part of the copy `name` may be sent. */
  turn(name: string): Promise<void>;
}

export function copyScheduler(quietMs = QUIET_MS): CopyScheduler {
  let running = 0;
  let onCopies = 0;
  let last = -Infinity;
  // The copies queries are waiting for, each as many times as queries wait for it.
  const awaited: string[] = [];
  let turns: { name: string; go: () => void }[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!turns.length || running > onCopies) return;
    const left = last + quietMs - performance.now();
    const now = onCopies > 0 || left <= 0 ? turns.filter((t) => left <= 0 && running === 0 || awaited.includes(t.name)) : [];
    turns = turns.filter((t) => !now.includes(t));
    now.forEach((t) => t.go());
    if (turns.length && running === 0 && left > 0) timer = setTimeout(check, left);
  };
  const seen = () => {
    last = performance.now();
  };
  return {
    async run(query) {
      running++;
      seen();
      try {
        return await query();
      } finally {
        running--;
        seen();
        check();
      }
    },
    async waitFor(copy, names) {
      onCopies++;
      awaited.push(...names);
      check();
      try {
        await copy;
      } finally {
        onCopies--;
        names.forEach((name) => awaited.splice(awaited.indexOf(name), 1));
      }
    },
    turn(name) {
      return new Promise<void>((go) => {
        turns.push({ name, go });
        check();
      });
    },
  };
}
