import { describe, expect, it } from 'vitest';
import type { Manifest } from '../release/manifest.ts';
import { releaseTypes, sampleCounts } from './release.ts';

const counts = (over: Partial<Manifest['org_type_counts']> = {}) =>
  ({ treatment_center: 900, narr_residence: 0, recovery_center: 60, recovery_organization: 40, ...over });
const manifest = (over: Partial<Manifest> = {}): Manifest => ({
  schema_version: 3, built_at: '2026-01-01T00:00:00Z', engine: 'v1.5.0', data_date: null, synthetic: false, counts: [],
  generated_records: 0, org_type_counts: counts(), sources: [], not_provided: [],
  reports: { report: '', rejects: '', merges: '', warnings: '' }, state_extents: {}, total_bytes: 0, tables: {},
  ...over,
});

describe('releaseTypes', () => {
  it('lists the types with organizations, in the usual order', () => {
    expect(releaseTypes(manifest())).toEqual(['treatment_center', 'recovery_center', 'recovery_organization']);
    expect(releaseTypes(manifest({ org_type_counts: counts({ recovery_center: 0, recovery_organization: 0, narr_residence: 3 }) })))
      .toEqual(['treatment_center', 'narr_residence']);
  });
});

describe('sampleCounts', () => {
  it('says nothing for real listings only', () => {
    expect(sampleCounts(manifest())).toBeNull();
  });

  it('counts the generated listings against every listing', () => {
    expect(sampleCounts(manifest({ synthetic: true, generated_records: 1000 }))).toEqual({ generated: 1000, total: 1000 });
    const m = manifest({ generated_records: 100, org_type_counts: counts({ treatment_center: 11_933, narr_residence: 402, recovery_center: 207, recovery_organization: 0 }) });
    expect(sampleCounts(m)).toEqual({ generated: 100, total: 12_542 });
  });
});
