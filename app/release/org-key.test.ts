// The app's own key of an id against the build's (native DuckDB's md5_number_upper) and its MD5
// against node:crypto, for ids of every shape a source may hold: a lookup whose key differs
// from the published one finds nothing.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDb, rows } from '../../scripts/build/db.ts';
import { md5 } from './md5.ts';
import { orgKey, orgKeyOf } from './org-key.ts';
import { raw } from './sql.ts';
import { literal } from './sql-text.ts';

const IDS = ['', 'a', 'SAMHSA_OUT_004445', 'SAMHSA_RES_021855', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64),
  'é☃𝄞 ñ', 'Clínica "Nueva Vida"\n', 'y'.repeat(1000), ...Array.from({ length: 200 }, (_, i) => `ORG-${i * 7919}`)];

describe('orgKey', () => {
  it('is MD5 as node:crypto computes it', () => {
    for (const id of IDS) expect(Buffer.from(md5(id)).toString('hex')).toBe(createHash('md5').update(id).digest('hex'));
  });

  it('equals the key the build publishes', async () => {
    const db = await openDb();
    const published = await rows<{ id: string; key: number }>(db,
      `SELECT id, ${orgKeyOf(raw('id')).text} AS key FROM (VALUES ${IDS.map((id) => `(${literal(id)})`).join(', ')}) AS t(id)`);
    expect(published.map((r) => [r.id, orgKey(r.id)])).toEqual(published.map((r) => [r.id, r.key]));
  });
});
