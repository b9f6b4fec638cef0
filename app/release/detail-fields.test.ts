import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TYPE_FIELDS } from './detail-fields.ts';
import { SCHEMA_VERSION } from './manifest.ts';
import { FILTER_COLUMNS, FLAGS, LINK_NAMES, PUBLISHED } from './tables.ts';

describe('what the release writes for the app to read', () => {
  // The build writes these fields into organizations_by_id's type_detail, and the filters'
  // columns and treatment flags (in this bit order) into the organizations' rows (tables.ts): a
  // field added or a bit moved against a release of the same version would be missing or misread
  // (an offline copy keeps its release), so a change to them is a new schema version
  // (manifest.ts), and this pair is written down again with it. So are a link's columns of the
  // organization it names (LINK_NAMES), which the details read.
  it('changes only with the schema version', () => {
    const fields = createHash('sha256').update(JSON.stringify([TYPE_FIELDS, FLAGS, FILTER_COLUMNS, PUBLISHED.select, LINK_NAMES])).digest('hex').slice(0, 16);
    expect(`${SCHEMA_VERSION}:${fields}`).toBe('18:cf22dd5d262f38f6');
  });
});
