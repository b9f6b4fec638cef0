// What this release holds, read from its manifest without a query: which types of
// organization (a directory built from SAMHSA's file alone has no residences), so views offer
// only those, and how many listings are generated, so the page says so.
import type { Manifest } from '../release/manifest.ts';
import { ORG_TYPES, type OrgType } from './state.ts';

/** The types with at least one organization, in the usual order. */
export function releaseTypes(manifest: Manifest): OrgType[] {
  return ORG_TYPES.filter((t) => manifest.org_type_counts[t] > 0);
}

const ALL_GENERATED = 'every organization shown here is generated for testing. None of them is real. '
  + 'Do not use these listings to seek help.';

/** The sample warning's text, or null for a release of real listings only. */
export function sampleNotice(manifest: Manifest): string | null {
  const total = ORG_TYPES.reduce((sum, t) => sum + manifest.org_type_counts[t], 0);
  const generated = manifest.generated_records;
  if (generated <= 0) return null;
  if (generated >= total) return ALL_GENERATED;
  const n = (v: number) => v.toLocaleString('en-US');
  return `${n(generated)} of ${n(total)} listings are generated samples, not real organizations; each says so in its details. `
    + 'Do not use those listings to seek help.';
}
