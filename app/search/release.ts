// What this release holds, read from its manifest without a query: which types of
// organization (a directory built from SAMHSA's file alone has no residences), so views offer
// only those, and how many listings are generated, so the page says so (in its language: the
// words are the catalog's `release.*`).
import type { Manifest } from '../release/manifest.ts';
import { ORG_TYPES, type OrgType } from './state.ts';

/** The types with at least one organization, in the usual order. */
export function releaseTypes(manifest: Manifest): OrgType[] {
  return ORG_TYPES.filter((t) => manifest.org_type_counts[t] > 0);
}

/** How many listings are generated, of how many; null for a release of real listings only. */
export function sampleCounts(manifest: Manifest): { generated: number; total: number } | null {
  const total = ORG_TYPES.reduce((sum, t) => sum + manifest.org_type_counts[t], 0);
  return manifest.generated_records > 0 ? { generated: manifest.generated_records, total } : null;
}
