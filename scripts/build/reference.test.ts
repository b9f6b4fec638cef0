import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDb, rows } from './db.ts';
import { categoryOrder, prepareDatabase } from './reference.ts';

// SAMHSA's own code reference (shared/real-world, beside the project; not copied into it).
const SAMHSA_CODES = fileURLToPath(new URL('../../../shared/real-world/samhsa_national_directory_su_2022_service_codes.csv', import.meta.url));

describe('service codes', () => {
  const categories = async () => {
    const db = await openDb();
    await prepareDatabase(db);
    return { db, published: await rows<{ category_code: string; category_order: number }>(db,
      'SELECT DISTINCT category_code, category_order FROM service_codes ORDER BY category_order') };
  };

  it('publish each category with its place, counted from 1, type of care and setting first', async () => {
    const { published } = await categories();
    expect(published.map((r) => r.category_order)).toEqual(published.map((_, i) => i + 1));
    expect(published.slice(0, 2).map((r) => r.category_code)).toEqual(['TC', 'SET']);
  });

  // Only where SAMHSA's files sit beside the project (as in CI); a clone elsewhere skips it, as the other real-data tests do.
  it.runIf(existsSync(SAMHSA_CODES))('publish each category in its place in SAMHSA\'s code reference', async () => {
    const { db, published } = await categories();
    expect(published.map((r) => r.category_code)).toEqual(await categoryOrder(db, SAMHSA_CODES));
  });
});

describe('state_code', () => {
  it('reads a state as its code or its name, in any case and spacing, and nothing else', async () => {
    const db = await openDb();
    await prepareDatabase(db);
    const [codes] = await rows<Record<string, string | null>>(db, `SELECT state_code('tx') AS a, state_code(' Texas  ') AS b,
      state_code('DISTRICT OF COLUMBIA') AS c, state_code('pr') AS d, state_code('Texass') AS e, state_code('') AS f,
      state_code(NULL) AS g, state_code(12) AS h`);
    expect(codes).toEqual({ a: 'TX', b: 'TX', c: 'DC', d: 'PR', e: null, f: null, g: null, h: null });
  });
});
