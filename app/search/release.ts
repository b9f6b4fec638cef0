// What this release holds, read from its manifest without a query: which types of
// organization (a directory built from SAMHSA's file alone has no residences), so views offer
// only those, and how many listings are generated, so the page says so.
import type { Manifest } from '../db/manifest.ts';
import { ORG_TYPES, TYPE_TABLES, type OrgType } from './state.ts';

/** Loaded organizations per type: the manifest's own count, or (older releases) the type tables' rows. */
export function orgTypeCounts(manifest: Manifest): Record<OrgType, number> {
  const count = (t: OrgType) => (manifest.org_type_counts
    ? manifest.org_type_counts[t] ?? 0 : manifest.tables[TYPE_TABLES[t]]?.rows ?? 0);
  return Object.fromEntries(ORG_TYPES.map((t) => [t, count(t)])) as Record<OrgType, number>;
}

/** The types with at least one organization, in the usual order. */
export function releaseTypes(manifest: Manifest): OrgType[] {
  const counts = orgTypeCounts(manifest);
  return ORG_TYPES.filter((t) => counts[t] > 0);
}

const ALL_GENERATED = 'every organization shown here is generated for testing. None of them is real. '
  + 'Do not use these listings to seek help.';

/**
 * The sample warning's text, or null for a release of real listings only. Older manifests
 * have no `generated_records`: `synthetic` (every record generated) decides alone.
 */
export function sampleNotice(manifest: Manifest): string | null {
  const total = Object.values(orgTypeCounts(manifest)).reduce((a, b) => a + b, 0);
  const generated = manifest.generated_records ?? (manifest.synthetic ? total : 0);
  if (generated <= 0) return null;
  if (generated >= total) return ALL_GENERATED;
  const n = (v: number) => v.toLocaleString('en-US');
  return `${n(generated)} of ${n(total)} listings are generated samples, not real organizations; each says so in its details. `
    + 'Do not use those listings to seek help.';
}
