import { describe, expect, it } from 'vitest';
import { lacking } from './release-check.ts';

describe('lacking', () => {
  const release = { organizations_by_id: ['org_id', 'type_detail', 'services'], gazetteer: ['zip'] };

  it('names a missing table once and a missing column as table.column', () => {
    expect(lacking(release, [{ table: 'organizations_by_id', column: 'org_id' }])).toEqual([
      'organizations_by_id.type_detail', 'organizations_by_id.services', 'gazetteer']);
  });

  it('is empty for a database holding every column, and more', () => {
    const found = [...release.organizations_by_id, 'extra'].map((column) => ({ table: 'organizations_by_id', column }));
    expect(lacking(release, [...found, { table: 'gazetteer', column: 'zip' }])).toEqual([]);
  });
});
