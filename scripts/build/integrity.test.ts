import { describe, expect, it } from 'vitest';
import { openDb, sqlFile } from './db.ts';
import { checkKeys, IntegrityError } from './integrity.ts';

/** The two link tables as schema.sql creates them, with the given rows, and organizations A, B, C and `more`. */
async function linkTables(services: [string, string][], links: [string, string][], more: string[] = []) {
  const db = await openDb();
  await db.run('CREATE TABLE organizations (org_id VARCHAR)');
  for (const org of ['A', 'B', 'C', ...more]) await db.run('INSERT INTO organizations VALUES ($1)', [org]);
  for (const table of ['organization_services', 'network_relationships']) {
    await db.run(new RegExp(`CREATE TABLE ${table} \\([\\s\\S]*?\\n\\);`).exec(sqlFile('schema.sql'))![0]);
  }
  for (const [org, code] of services) await db.run('INSERT INTO organization_services VALUES ($1, $2)', [org, code]);
  for (const [org, related] of links) {
    await db.run(`INSERT INTO network_relationships VALUES ($1, $2, 'refers_to', 'recovery_center', 1.5, 5, 0.5)`, [org, related]);
  }
  return db;
}

describe('checkKeys', () => {
  it('passes link tables whose keys are each listed once', async () => {
    const db = await linkTables([['A', 'OP'], ['A', 'MD'], ['B', 'OP']], [['A', 'B'], ['B', 'A']]);
    await expect(checkKeys(db)).resolves.toBeUndefined();
  });

  it('names each table whose key repeats, and how many keys do (the schema has no index to refuse them)', async () => {
    const db = await linkTables([['A', 'OP'], ['A', 'OP'], ['B', 'OP']], [['A', 'B'], ['A', 'B'], ['B', 'C'], ['B', 'C'], ['C', 'A']]);
    const error = await checkKeys(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toBe('keys listed more than once: organization_services (org_id, code) (1), ' +
      'network_relationships (org_id, related_org_id) (2)');
  });

  it('refuses organizations that share a text key, which the word index lists them by', async () => {
    const error = await checkKeys(await linkTables([], [], ['B'])).catch((e: unknown) => e);
    expect((error as Error).message).toBe('keys listed more than once: organizations ((md5_number_upper(org_id) >> 1)::BIGINT) (1)');
  });
});
