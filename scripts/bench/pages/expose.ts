// What every bench page offers the runner: `window.benchMix(cases)` runs the cases in order
// and returns each one's time and result size; `window.benchReady` says the page can take them.
// Each page supplies its own way of answering each kind of case; the dispatch is here, once.
import type { BenchCase, Filters, Timed } from '../mix.ts';

type Count = number | Promise<number>;

/** One engine's answer to each kind of case, as a number of results to compare across engines. */
export interface Answers {
  /** The first page and the count of results within `miles` of a ZIP; returns the count. */
  near(zip: string, miles: number, filters: Filters): Count;
  text(text: string): Count;
  /** Facet counts within `miles`; returns the sum of the type counts (all results). */
  facets(zip: string, miles: number): Count;
  /** The organization and its services; returns the number of services. */
  detail(orgId: string): Count;
  network(orgId: string): Count;
  dashboard(name: Extract<BenchCase, { kind: 'dashboard' }>['name']): Count;
}

export function answer(a: Answers, c: BenchCase): Count {
  switch (c.kind) {
    case 'radius':
      return a.near(c.zip, c.miles, {});
    case 'filter':
      return a.near(c.zip, c.miles, c.filters);
    case 'text':
      return a.text(c.text);
    case 'facets':
      return a.facets(c.zip, c.miles);
    case 'detail':
      return a.detail(c.orgId);
    case 'network':
      return a.network(c.orgId);
    case 'dashboard':
      return a.dashboard(c.name);
  }
}

declare global {
  interface Window {
    benchReady?: boolean;
    /** Why the page could not load its data, for the runner to report. */
    benchFailed?: string;
    benchMix?: (cases: BenchCase[]) => Promise<Timed[]>;
  }
}

export function exposeMix(answers: Answers) {
  window.benchMix = async (cases) => {
    const timed: Timed[] = [];
    for (const c of cases) {
      const started = performance.now();
      const rows = await answer(answers, c);
      timed.push({ kind: c.kind, ms: performance.now() - started, rows });
    }
    return timed;
  };
  window.benchReady = true;
}

/** Loads a page's data; a failure (too large to fetch or parse) is reported to the runner. */
export async function loadOrReport<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    window.benchFailed = `${(error as Error).name}: ${(error as Error).message}`;
    throw error;
  }
}
