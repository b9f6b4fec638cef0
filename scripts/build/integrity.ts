// Every reference in the release resolves and every link is listed once: checked in one pass
// per reference and per key (the link tables carry no per-row foreign or primary keys, see
// sql/schema.sql). Any orphan or repeated key fails the build.
import { textKeyOf } from '../../app/release/org-key.ts';
import { ORG_TYPES, TYPE_TABLES } from '../../app/release/org-types.ts';
import { literal } from '../../app/release/sql-text.ts';
import { CODE_SEPARATOR, LINK_NAMES } from '../../app/release/tables.ts';
import { raw } from '../../app/release/sql.ts';
import { rows, type Db } from './db.ts';
import { BuildError } from './failure.ts';

export class IntegrityError extends BuildError {}

/** A table's written Parquet files (`files`), read back as one relation. */
const writtenFiles = (files: readonly string[]) => `read_parquet([${files.map(literal).join(', ')}])`;

const REFERENCES: [string, string, string][] = [
  ['organizations.state', 'organizations', 'state NOT IN (SELECT code FROM states)'],
  ['organization_services.org_id', 'organization_services', 'org_id NOT IN (SELECT org_id FROM organizations)'],
  ['organization_services.code', 'organization_services', 'code NOT IN (SELECT code FROM service_codes)'],
  ['network_relationships.org_id', 'network_relationships', 'org_id NOT IN (SELECT org_id FROM organizations)'],
  ['network_relationships.related_org_id', 'network_relationships', 'related_org_id NOT IN (SELECT org_id FROM organizations)'],
  ['treatment_centers.org_id', 'treatment_centers', `org_id NOT IN (SELECT org_id FROM organizations WHERE org_type = 'treatment_center')`],
  ['narr_residences.org_id', 'narr_residences', `org_id NOT IN (SELECT org_id FROM organizations WHERE org_type = 'narr_residence')`],
  ['recovery_centers.org_id', 'recovery_centers', `org_id NOT IN (SELECT org_id FROM organizations WHERE org_type = 'recovery_center')`],
  ['recovery_organizations.org_id', 'recovery_organizations', `org_id NOT IN (SELECT org_id FROM organizations WHERE org_type = 'recovery_organization')`],
  ['narr_residences.affiliate_state', 'narr_residences', 'affiliate_state NOT IN (SELECT code FROM states)'],
  ['recovery_organizations.primary_state', 'recovery_organizations', 'primary_state NOT IN (SELECT code FROM states)'],
];

// Every table's key, and the organizations' text key, which the app's word index lists them by
// (app/search/text-terms.ts): an aggregate over the loaded rows instead of an index built row by
// row. The organizations' and the type tables' keys and references were PRIMARY KEY and REFERENCES
// in schema.sql, an index each, which their inserts built and probed row by row: at ×1 on one
// thread the organizations' insert 0.33 → 0.23 CPU s and treatment_centers' 0.44 → 0.31, for
// ~0.05 s more here (issue 15).
const KEYS: [string, string[]][] = [
  ['organizations', ['org_id']],
  ...ORG_TYPES.map((type): [string, string[]] => [TYPE_TABLES[type], ['org_id']]),
  ['organization_services', ['org_id', 'code']],
  ['network_relationships', ['org_id', 'related_org_id']],
  ['organizations', [textKeyOf(raw('org_id')).text]],
];

export async function checkKeys(db: Db): Promise<void> {
  const named = KEYS.map(([table, columns]) => ({ table, columns, key: `${table} (${columns.join(', ')})` }));
  // With the least repeated key as an example: where to look (PRIMARY KEY's own error named it).
  // Grouped on a hash of the key first, and only the rows whose hash repeats grouped on the key
  // itself: ×10's organization_services (8.6M rows, an id and a code) 3.3 → 2.4 CPU s. Exact: rows
  // that share a key share its hash, and a hash two keys share only sends both to the second test.
  const result = await rows<{ key: string; repeated: number; example: string | null }>(db, named
    .map(({ table, columns, key }) => `SELECT ${literal(key)} AS key, count(*) AS repeated, min(k) AS example
      FROM (SELECT concat_ws(', ', ${columns.map((c) => `${c}::VARCHAR`).join(', ')}) AS k FROM ${table}
        WHERE hash(${columns.join(', ')}) IN (SELECT h FROM (SELECT hash(${columns.join(', ')}) AS h FROM ${table}) GROUP BY h HAVING count(*) > 1)
        GROUP BY ${columns.join(', ')} HAVING count(*) > 1)`)
    .join(' UNION ALL '));
  // In the order KEYS lists them (UNION ALL promises none).
  const broken = named.map(({ key }) => result.find((r) => r.key === key)!).filter((r) => r.repeated > 0);
  if (broken.length) {
    throw new IntegrityError(`keys listed more than once: ${broken.map((b) => `${b.key} (${b.repeated}, e.g. '${b.example}')`).join(', ')}`);
  }
}

export async function checkReferences(db: Db): Promise<{ reference: string; orphans: number }[]> {
  // With the least orphan value as an example (REFERENCES' own error named it).
  const result = await rows<{ reference: string; orphans: number; example: string | null }>(db, REFERENCES
    .map(([name, table, orphan]) => `SELECT '${name}' AS reference, count(*) AS orphans, min(${name.split('.')[1]})::VARCHAR AS example
      FROM ${table} WHERE ${orphan}`)
    .join(' UNION ALL '));
  const broken = result.filter((r) => r.orphans > 0);
  if (broken.length) {
    throw new IntegrityError(`references that do not resolve: ${broken.map((b) => `${b.reference} (${b.orphans}, e.g. '${b.example}')`).join(', ')}`);
  }
  // UNION ALL promises no order (DuckDB's threads may finish in any): the report lists them as
  // written here, so the same sources give the same report.
  return REFERENCES.map(([name]) => ({ reference: name, orphans: result.find((r) => r.reference === name)!.orphans }));
}

/**
 * organizations_by_id's copies of the type tables' fields and of organization_services (its
 * `type_detail` and `offered_codes`, release/tables.ts) hold their rows, no more and no fewer, as
 * written (`files`, its Parquet files): one row an organization, its codes adding up to
 * organization_services' rows, and the fields of a type for as many organizations of that type
 * as its table has rows. With the keys and references checked above (one row an organization in
 * a type table, one a code in services), equal counts are equal rows. Read from the files, not
 * the select that wrote them: a check that recomputed the select could only disagree with itself.
 */
export async function checkOpenings(db: Db, files: readonly string[]): Promise<void> {
  const counts: [string, string, string][] = [
    ['rows', 'count(*)', '(SELECT count(*) FROM organizations)'],
    // A code holding the separator would split into two and miscount.
    ['services', `sum(len(string_split(offered_codes, '${CODE_SEPARATOR}')))`, '(SELECT count(*) FROM organization_services)'],
    ...ORG_TYPES.map((type): [string, string, string] =>
      [`type_detail of ${type}`, `count(*) FILTER (WHERE org_type = '${type}' AND type_detail IS NOT NULL)`, `(SELECT count(*) FROM ${TYPE_TABLES[type]})`]),
  ];
  const [result] = await rows<Record<string, number>>(db, `SELECT ${counts.map(([, copied, source], i) =>
    `coalesce(${copied}, 0)::BIGINT AS c${i}, ${source}::BIGINT AS s${i}`).join(', ')}
    FROM ${writtenFiles(files)}`);
  const broken = counts.flatMap(([what], i) =>
    (Number(result[`c${i}`]) === Number(result[`s${i}`]) ? [] : [`${what} (${result[`c${i}`]} against ${result[`s${i}`]})`]));
  if (broken.length) throw new IntegrityError(`organizations_by_id's files disagree with the tables they copy: ${broken.join(', ')}`);
}

/**
 * network_relationships' copies of the names and places of the organizations its links name
 * (`related_name`…, release/tables.ts LINKS), as written (`files`): as many links as the table
 * has, each naming its organization as organizations does.
 */
export async function checkLinkNames(db: Db, files: readonly string[]): Promise<void> {
  const differs = LINK_NAMES.map((c) => `w.related_${c} IS DISTINCT FROM o.${c}`).join(' OR ');
  const [result] = await rows<{ written: number; links: number; misnamed: number }>(db, `SELECT count(*)::BIGINT AS written,
      (SELECT count(*) FROM network_relationships)::BIGINT AS links, count(*) FILTER (WHERE o.org_id IS NULL OR ${differs})::BIGINT AS misnamed
    FROM ${writtenFiles(files)} w LEFT JOIN organizations o ON o.org_id = w.related_org_id`);
  const written = Number(result.written);
  const links = Number(result.links);
  const misnamed = Number(result.misnamed);
  if (written !== links || misnamed > 0) {
    throw new IntegrityError(`network_relationships' files disagree with the tables they copy: ${written} links against ${links}, ${misnamed} not named as their organization is`);
  }
}
