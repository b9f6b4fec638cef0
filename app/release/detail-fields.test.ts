import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TYPE_FIELDS } from './detail-fields.ts';
import { SCHEMA_VERSION } from './manifest.ts';

describe('TYPE_FIELDS', () => {
  // The build writes these fields into organizations_by_id's type_detail (tables.ts): a field
  // added here against a release of the same version would never be shown, so a change to them
  // is a new schema version (manifest.ts), and this pair is written down again with it.
  it('changes only with the schema version', () => {
    const fields = createHash('sha256').update(JSON.stringify(TYPE_FIELDS)).digest('hex').slice(0, 16);
    expect(`${SCHEMA_VERSION}:${fields}`).toBe('15:6a58458b580e5319');
  });
});
