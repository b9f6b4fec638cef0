// When the engine may make the next part of an in-memory copy (db/catalog.ts). DuckDB-WASM runs
// one statement at a time, so a query that arrives while a part is made waits for the rest of
// it, and parts are kept small for it (copy-parts.ts). A part is sent whenever no query the page
// asked for (foreground or background, lanes.ts) runs or waits: a query that comes meanwhile
// runs before the next part. Holding the parts until the page had been quiet for 50–100 ms
// spared the queries of one interaction those waits but left the copy for later, and the cases
// that came after read the release's files instead (bench first pass, a 300 ms pause between
// cases, ×10: filters 1,193 / 1,458 ms p50 / p95 and text 7.7 / 24 s against 111 / 250 ms and
// 1.1 / 3.9 s, load 12). A query that waits for copies itself (the text search's services) lets
// their parts go on, and only theirs: every copy's parts went, and a text search waited for the
// search rows' part too (×1 text 4.0 s p50 in the same bench).

export interface CopyScheduler {
  /** Runs a query the page asked for: no part begins while one runs. */
  run<T>(query: () => Promise<T>): Promise<T>;
  /** A query running that waits for `copy`, made of the copies `names`: their parts are not held back by it. */
  waitFor(copy: Promise<unknown>, names: readonly string[]): Promise<void>;
  /** Resolves when the next part of the copy `name` may be sent. */
  turn(name: string): Promise<void>;
}

export function copyScheduler(): CopyScheduler {
  let running = 0;
  let onCopies = 0;
  // The copies queries are waiting for, each as many times as queries wait for it.
  const awaited: string[] = [];
  let turns: { name: string; go: () => void }[] = [];
  const check = () => {
    if (running > onCopies) return;
    const now = turns.filter((t) => running === 0 || awaited.includes(t.name));
    turns = turns.filter((t) => !now.includes(t));
    now.forEach((t) => t.go());
  };
  return {
    async run(query) {
      running++;
      try {
        return await query();
      } finally {
        running--;
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
