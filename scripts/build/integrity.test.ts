import { describe, expect, it } from 'vitest';
import { TYPE_FIELDS } from '../../app/release/detail-fields.ts';
import { ORG_TYPES, TYPE_TABLES } from '../../app/release/org-types.ts';
import { NOT_BY_ID } from '../../app/release/tables.ts';
import { openDb, sqlFile } from './db.ts';
import { checkKeys, checkOpenings, IntegrityError } from './integrity.ts';

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

describe('checkOpenings', () => {
  /** Organizations A (a treatment center) and B (a residence) with the columns organizations_by_id leaves out, each type table with the columns the panel shows, `byId` as organizations_by_id and `links` as network_relationships. */
  async function tables(byId: string, links = "('A', 'B'), ('B', 'A')") {
    const db = await openDb();
    await db.run(`CREATE TABLE organizations AS SELECT *, ${NOT_BY_ID.map((c) => `NULL AS ${c}`).join(', ')}
      FROM (VALUES ('A', 'treatment_center', 'Alpha', 'Boston', 'MA'), ('B', 'narr_residence', 'Beta', 'Salem', 'MA')) v(org_id, org_type, name, city, state)`);
    await db.run(`CREATE TABLE network_relationships AS SELECT * FROM (VALUES ${links}) v(org_id, related_org_id)`);
    for (const type of ORG_TYPES) {
      await db.run(`CREATE TABLE ${TYPE_TABLES[type]} (org_id VARCHAR, ${TYPE_FIELDS[type].map(([c]) => `${c} VARCHAR`).join(', ')})`);
    }
    await db.run(`INSERT INTO treatment_centers (org_id) VALUES ('A'); INSERT INTO narr_residences (org_id) VALUES ('B')`);
    await db.run(`CREATE TABLE organization_services AS SELECT * FROM (VALUES ('A', 'OP'), ('A', 'MD'), ('B', 'OP')) v(org_id, code)`);
    await db.run(`CREATE VIEW organizations_by_id AS ${byId}`);
    return db;
  }

  it('passes copies that hold the tables\' rows', async () => {
    await expect(checkOpenings(await tables('SELECT * FROM organizations'))).resolves.toBeUndefined();
  });

  it('names each count that disagrees, as a join that repeats an organization would make it', async () => {
    const error = await checkOpenings(await tables(`SELECT * FROM organizations UNION ALL SELECT * FROM organizations WHERE org_id = 'A'`))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toBe('the opening\'s copies disagree with the tables they copy: rows (3 against 2), ' +
      'services (5 against 3), type_detail of treatment_center (2 against 1)');
  });

  it('counts the links named with their organizations against the links, as a join that drops one would make them', async () => {
    const error = await checkOpenings(await tables('SELECT * FROM organizations', "('A', 'B'), ('B', 'C')")).catch((e: unknown) => e);
    expect((error as Error).message).toBe('the opening\'s copies disagree with the tables they copy: links (1 against 2)');
  });
});
