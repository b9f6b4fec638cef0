import { describe, expect, it } from 'vitest';
import type { Manifest } from '../db/manifest.ts';
import { orgTypeCounts, releaseTypes, sampleNotice } from './release.ts';

const table = (rows: number) => ({ partitioned_by: [], rows, columns: [], files: [] });
/** An older manifest: no generated_records, no org_type_counts. */
const manifest = (over: Partial<Manifest> = {}): Manifest => ({
  schema_version: 2, built_at: '2026-01-01T00:00:00Z', data_date: null, synthetic: false, counts: [],
  reports: { report: '', rejects: '', merges: '', warnings: '' }, state_extents: {}, total_bytes: 0,
  tables: { treatment_centers: table(900), narr_residences: table(0), recovery_centers: table(60), recovery_organizations: table(40) },
  ...over,
});

describe('orgTypeCounts and releaseTypes', () => {
  it('read the type tables when the manifest has no org_type_counts', () => {
    expect(orgTypeCounts(manifest())).toEqual({ treatment_center: 900, narr_residence: 0, recovery_center: 60, recovery_organization: 40 });
    expect(releaseTypes(manifest())).toEqual(['treatment_center', 'recovery_center', 'recovery_organization']);
  });

  it('prefer org_type_counts, and a type it leaves out has none', () => {
    const m = manifest({ org_type_counts: { treatment_center: 12, narr_residence: 3 } });
    expect(orgTypeCounts(m)).toEqual({ treatment_center: 12, narr_residence: 3, recovery_center: 0, recovery_organization: 0 });
    expect(releaseTypes(m)).toEqual(['treatment_center', 'narr_residence']);
  });
});

describe('sampleNotice', () => {
  it('says nothing for real listings only', () => {
    expect(sampleNotice(manifest())).toBeNull();
    expect(sampleNotice(manifest({ generated_records: 0 }))).toBeNull();
  });

  it('warns that every listing is generated when all are, from generated_records or, in older manifests, synthetic', () => {
    expect(sampleNotice(manifest({ synthetic: true }))).toMatch(/^every organization shown here is generated/);
    expect(sampleNotice(manifest({ synthetic: true, generated_records: 1000 }))).toMatch(/^every organization/);
  });

  it('counts the generated listings when some but not all are', () => {
    const m = manifest({ generated_records: 100, org_type_counts: { treatment_center: 11_933, narr_residence: 402, recovery_center: 207 } });
    expect(sampleNotice(m)).toMatch(/^100 of 12,542 listings are generated samples/);
  });
});
