// The warm query mix: what the UI issues for the interactions people repeat, as plain data
// so the directory and both alternatives run exactly the same cases. Shared by the Node
// runner and the pages that execute it in the browser.

/** Filters by (group, value) as in app/search/filters.ts; groups AND, values OR. */
export type Filters = Record<string, string[]>;

export type BenchCase =
  | { kind: 'radius'; zip: string; miles: number }
  | { kind: 'filter'; zip: string; miles: number; filters: Filters }
  | { kind: 'text'; text: string }
  | { kind: 'facets'; zip: string; miles: number }
  | { kind: 'detail'; orgId: string }
  | { kind: 'network'; orgId: string }
  | { kind: 'dashboard'; name: 'by-state' | 'capacity' | 'medicaid-mat' };

export type Kind = BenchCase['kind'];

// Five dense metro ZIPs and five sparse rural ones.
export const DENSE_ZIPS = ['10001', '90012', '60601', '02139', '77002'];
export const SPARSE_ZIPS = ['59301', '82901', '69101', '97720', '88220'];

export function benchMix(orgIds: string[]): BenchCase[] {
  const cases: BenchCase[] = [];
  for (const zip of [...DENSE_ZIPS, ...SPARSE_ZIPS]) {
    for (const miles of [10, 25, 50]) cases.push({ kind: 'radius', zip, miles });
  }
  cases.push(
    { kind: 'filter', zip: '02139', miles: 25, filters: { level: ['residential'] } },
    { kind: 'filter', zip: '10001', miles: 25, filters: { pay: ['medicaid'], service: ['buprenorphine'] } },
    { kind: 'filter', zip: '60601', miles: 50, filters: { service: ['methadone'] } },
    { kind: 'filter', zip: '90012', miles: 25, filters: { gender: ['women'] } },
    { kind: 'filter', zip: '59301', miles: 50, filters: { level: ['outpatient', 'inpatient'] } },
    { kind: 'text', text: 'recovery' },
    { kind: 'text', text: 'hope center' },
    { kind: 'text', text: 'springfield' },
    { kind: 'facets', zip: '02139', miles: 25 },
    { kind: 'facets', zip: '77002', miles: 50 },
    { kind: 'facets', zip: '82901', miles: 50 },
    ...orgIds.map((orgId) => ({ kind: 'detail' as const, orgId })),
    // What the panel's nearby supports wait for: the links with their organizations' names (one
    // query since schema 13); the map's lines then look up positions in the background, untimed
    // like the map's other background queries (pages/directory-answers.ts).
    ...orgIds.map((orgId) => ({ kind: 'network' as const, orgId })),
    { kind: 'dashboard', name: 'by-state' },
    { kind: 'dashboard', name: 'capacity' },
    { kind: 'dashboard', name: 'medicaid-mat' },
  );
  return cases;
}

/**
 * The flat column each bench filter reads in the alternatives (one row per organization, the
 * treatment center and residence fields beside the common ones).
 */
export const FLAT_FILTERS: Record<string, Record<string, { column: string; equals: string | number | boolean }>> = {
  level: {
    outpatient: { column: 'level_of_care', equals: 'outpatient' },
    residential: { column: 'level_of_care', equals: 'residential' },
    inpatient: { column: 'level_of_care', equals: 'inpatient' },
  },
  service: {
    methadone: { column: 'offers_methadone', equals: true },
    buprenorphine: { column: 'offers_buprenorphine', equals: true },
  },
  pay: { medicaid: { column: 'accepts_medicaid', equals: true } },
  gender: { women: { column: 'gender', equals: 'women' } },
};

/** The page size the directory's table fetches. */
export const PAGE = 100;

export interface Timed {
  kind: Kind;
  ms: number;
  rows: number;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
