import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TYPE_FIELDS } from '../../app/release/detail-fields.ts';
import { ORG_TYPES, TYPE_TABLES } from '../../app/release/org-types.ts';
import { BY_ID, LINKS, NOT_BY_ID, ORG_KEYS } from '../../app/release/tables.ts';
import { literal } from '../../app/release/sql-text.ts';
import { openDb, sqlFile, type Db } from './db.ts';
import { checkKeys, checkLinkNames, checkOpenings, checkReferences, IntegrityError } from './integrity.ts';

/**
 * The two link tables as schema.sql creates them, with the given rows, organizations A, B, C and
 * `more`, and the type tables' keys: `centers` as treatment centers.
 */
async function linkTables(services: [string, string][], links: [string, string][], more: string[] = [], centers: string[] = []) {
  const db = await openDb();
  await db.run('CREATE TABLE organizations (org_id VARCHAR)');
  for (const org of ['A', 'B', 'C', ...more]) await db.run('INSERT INTO organizations VALUES ($1)', [org]);
  for (const type of ORG_TYPES) await db.run(`CREATE TABLE ${TYPE_TABLES[type]} (org_id VARCHAR)`);
  for (const org of centers) await db.run('INSERT INTO treatment_centers VALUES ($1)', [org]);
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

  it('names each table whose key repeats, how many keys do and the least of them (the schema has no index to refuse them)', async () => {
    const db = await linkTables([['A', 'OP'], ['A', 'OP'], ['B', 'OP']], [['A', 'B'], ['A', 'B'], ['B', 'C'], ['B', 'C'], ['C', 'A']]);
    const error = await checkKeys(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toBe("keys listed more than once: organization_services (org_id, code) (1, e.g. 'A, OP'), " +
      "network_relationships (org_id, related_org_id) (2, e.g. 'A, B')");
  });

  it('refuses an organization listed twice, by its id and by the text key the word index lists it by', async () => {
    const error = await checkKeys(await linkTables([], [], ['B'])).catch((e: unknown) => e);
    expect((error as Error).message).toBe("keys listed more than once: organizations (org_id) (1, e.g. 'B'), " +
      "organizations ((md5_number_upper(org_id) >> 1)::BIGINT) (1, e.g. '7304324020871835470')");
  });

  it('refuses a type table listing an organization twice (the schema has no primary key to refuse it)', async () => {
    const error = await checkKeys(await linkTables([], [], [], ['A', 'B', 'A'])).catch((e: unknown) => e);
    expect((error as Error).message).toBe("keys listed more than once: treatment_centers (org_id) (1, e.g. 'A')");
  });
});

describe('checkReferences', () => {
  it('names each reference that does not resolve, with its least orphan value: states too, which schema.sql no longer enforces row by row', async () => {
    const db = await openDb();
    await db.run(sqlFile('schema.sql'));
    await db.run(`INSERT INTO states VALUES ('MA', 'Massachusetts', '25', 7000000)`);
    await db.run(`INSERT INTO organizations BY NAME SELECT *, 'f.json' AS source_file, 0 AS source_index, false AS generated
      FROM (VALUES ('A', 'recovery_center', 'A', 'MA', 'none'), ('B', 'narr_residence', 'B', 'ZZ', 'none'))
      v(org_id, org_type, name, state, geo_precision)`);
    await db.run(`INSERT INTO narr_residences BY NAME SELECT * FROM (VALUES ('A', 'MA'), ('B', 'XX')) v(org_id, affiliate_state)`);
    const error = await checkReferences(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toBe("references that do not resolve: organizations.state (1, e.g. 'ZZ'), narr_residences.org_id (1, e.g. 'A'), " +
      "narr_residences.affiliate_state (1, e.g. 'XX')");
  });
});

/** A select's rows written as a table's one Parquet file, as the build writes it; its path, as the checks take them. */
async function writeFile(db: Db, select: string): Promise<string[]> {
  const file = join(mkdtempSync(join(tmpdir(), 'nrd-written-')), 'table.parquet');
  await db.run(`COPY (${select}) TO ${literal(file)} (FORMAT PARQUET)`);
  return [file];
}

describe('checkOpenings', () => {
  /**
   * Organizations A (a treatment center) and B (a residence) with the columns organizations_by_id
   * leaves out, each type table with the columns the panel shows, and `byId`'s rows written as
   * organizations_by_id's one Parquet file (its path returned beside the database).
   */
  async function written(byId: string) {
    const db = await openDb();
    await db.run(`CREATE TABLE organizations AS SELECT *, ${NOT_BY_ID.map((c) => `NULL AS ${c}`).join(', ')}
      FROM (VALUES ('A', 'treatment_center'), ('B', 'narr_residence')) v(org_id, org_type)`);
    for (const type of ORG_TYPES) {
      await db.run(`CREATE TABLE ${TYPE_TABLES[type]} (org_id VARCHAR, ${TYPE_FIELDS[type].map(([c]) => `${c} VARCHAR`).join(', ')})`);
    }
    await db.run(`INSERT INTO treatment_centers (org_id) VALUES ('A'); INSERT INTO narr_residences (org_id) VALUES ('B')`);
    await db.run(`CREATE TABLE organization_services AS SELECT * FROM (VALUES ('A', 'OP'), ('A', 'MD'), ('B', 'OP')) v(org_id, code)`);
    await db.run(`CREATE TABLE service_codes AS SELECT * FROM (VALUES ('MD'), ('OP'), ('SHG')) v(code)`);
    await db.run(`CREATE VIEW organizations_by_id AS SELECT * FROM organizations`);
    return { db, files: await writeFile(db, byId) };
  }

  it('passes files that hold the tables\' rows, as the build writes them', async () => {
    const { db, files } = await written(BY_ID);
    await expect(checkOpenings(db, files)).resolves.toBeUndefined();
  });

  it('names each count that disagrees, and only those', async () => {
    // B's services lost, A written twice: rows and services disagree, the residence's type_detail does not.
    const { db, files } = await written(`SELECT * REPLACE (CASE WHEN org_id = 'B' THEN NULL ELSE offered_codes END AS offered_codes) FROM (${BY_ID})
      UNION ALL SELECT * FROM (${BY_ID}) WHERE org_id = 'A'`);
    const error = await checkOpenings(db, files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toBe('organizations_by_id\'s files disagree with the tables they copy: rows (3 against 2), ' +
      'services (4 against 3), type_detail of treatment_center (2 against 1)');
  });

  it('counts a type whose detail is missing from the files', async () => {
    const { db, files } = await written(`SELECT * REPLACE (CASE WHEN org_id = 'B' THEN NULL ELSE type_detail END AS type_detail) FROM (${BY_ID})`);
    const error = await checkOpenings(db, files).catch((e: unknown) => e);
    expect((error as Error).message).toBe('organizations_by_id\'s files disagree with the tables they copy: type_detail of narr_residence (0 against 1)');
  });
});

describe('checkLinkNames', () => {
  /** Organizations A and B linked both ways, and `links`' rows written as network_relationships' one Parquet file. */
  async function written(links: string) {
    const db = await openDb();
    await db.run(`CREATE TABLE organizations AS SELECT * FROM (VALUES ('A', 'Alpha', 'Boston', 'MA', 'source'), ('B', 'Beta', NULL, 'MA', 'zip'))
      v(org_id, name, city, state, geo_precision)`);
    await db.run(`CREATE TABLE network_relationships AS SELECT * FROM (VALUES ('A', 'B'), ('B', 'A')) v(org_id, related_org_id)`);
    await db.run(`CREATE TABLE ${ORG_KEYS.table} AS ${ORG_KEYS.select}`);
    return { db, files: await writeFile(db, links) };
  }

  it('passes files that name each link\'s organization as the build writes them (a missing city included)', async () => {
    const { db, files } = await written(LINKS);
    await expect(checkLinkNames(db, files)).resolves.toBeUndefined();
  });

  it('counts links lost and names that are not their organization\'s', async () => {
    const { db, files } = await written(`SELECT * REPLACE (CASE WHEN org_id = 'A' THEN 'Gamma' ELSE related_name END AS related_name) FROM (${LINKS})
      UNION ALL SELECT * FROM (${LINKS}) WHERE org_id = 'A'`);
    const error = await checkLinkNames(db, files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toBe('network_relationships\' files disagree with the tables they copy: 3 links against 2, 1 not named as their organization is');
  });
});
