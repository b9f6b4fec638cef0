// What every bench page offers the runner: `window.benchMix(cases)` runs the cases in order
// and returns each one's time and result size; `window.benchReady` says the page can take them.
import type { BenchCase, Timed } from '../mix.ts';

declare global {
  interface Window {
    benchReady?: boolean;
    benchMix?: (cases: BenchCase[]) => Promise<Timed[]>;
  }
}

export function exposeMix(runCase: (c: BenchCase) => Promise<number>) {
  window.benchMix = async (cases) => {
    const timed: Timed[] = [];
    for (const c of cases) {
      const started = performance.now();
      const rows = await runCase(c);
      timed.push({ kind: c.kind, ms: performance.now() - started, rows });
    }
    return timed;
  };
  window.benchReady = true;
}
