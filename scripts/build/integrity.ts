// Every reference in the release resolves and every link is listed once: checked in one pass
// per reference and per key (the link tables carry no per-row foreign or primary keys, see
// sql/schema.sql). Any orphan or repeated key fails the build.
import { textKeyOf } from '../../app/release/org-key.ts';
import { ORG_TYPES, TYPE_TABLES } from '../../app/release/org-types.ts';
import { BY_ID, CODE_SEPARATOR, LINKS } from '../../app/release/tables.ts';
import { raw } from '../../app/release/sql.ts';
import { rows, type Db } from './db.ts';
import { BuildError } from './failure.ts';

export class IntegrityError extends BuildError {}

const REFERENCES: [string, string, string][] = [
  ['organization_services.org_id', 'organization_services', 'org_id NOT IN (SELECT org_id FROM organizations)'],
  ['organization_services.code', 'organization_services', 'code NOT IN (SELECT code FROM service_codes)'],
  ['network_relationships.org_id', 'network_relationships', 'org_id NOT IN (SELECT org_id FROM organizations)'],
  ['network_relationships.related_org_id', 'network_relationships', 'related_org_id NOT IN (SELECT org_id FROM organizations)'],
  ['treatment_centers.org_id', 'treatment_centers', `org_id NOT IN (SELECT org_id FROM organizations WHERE org_type = 'treatment_center')`],
  ['narr_residences.org_id', 'narr_residences', `org_id NOT IN (SELECT org_id FROM organizations WHERE org_type = 'narr_residence')`],
  ['recovery_centers.org_id', 'recovery_centers', `org_id NOT IN (SELECT org_id FROM organizations WHERE org_type = 'recovery_center')`],
  ['recovery_organizations.org_id', 'recovery_organizations', `org_id NOT IN (SELECT org_id FROM organizations WHERE org_type = 'recovery_organization')`],
];

// The link tables' keys, and the organizations' text key, which the app's word index lists them
// by (app/search/text-terms.ts): an aggregate over the loaded rows instead of an index built row by row.
const KEYS: [string, string[]][] = [
  ['organization_services', ['org_id', 'code']],
  ['network_relationships', ['org_id', 'related_org_id']],
  ['organizations', [textKeyOf(raw('org_id')).text]],
];

export async function checkKeys(db: Db): Promise<void> {
  const result = await rows<{ key: string; repeated: number }>(db, KEYS
    .map(([table, columns]) => `SELECT '${table} (${columns.join(', ')})' AS key, count(*) AS repeated
      FROM (SELECT 1 FROM ${table} GROUP BY ${columns.join(', ')} HAVING count(*) > 1)`)
    .join(' UNION ALL '));
  // In the order KEYS lists them (UNION ALL promises none).
  const broken = KEYS.map(([table]) => result.find((r) => r.key.startsWith(`${table} `))!).filter((r) => r.repeated > 0);
  if (broken.length) throw new IntegrityError(`keys listed more than once: ${broken.map((b) => `${b.key} (${b.repeated})`).join(', ')}`);
}

export async function checkReferences(db: Db): Promise<{ reference: string; orphans: number }[]> {
  const result = await rows<{ reference: string; orphans: number }>(db, REFERENCES
    .map(([name, table, orphan]) => `SELECT '${name}' AS reference, count(*) AS orphans FROM ${table} WHERE ${orphan}`)
    .join(' UNION ALL '));
  const broken = result.filter((r) => r.orphans > 0);
  if (broken.length) throw new IntegrityError(`references that do not resolve: ${broken.map((b) => `${b.reference} (${b.orphans})`).join(', ')}`);
  // UNION ALL promises no order (DuckDB's threads may finish in any): the report lists them as
  // written here, so the same sources give the same report.
  return REFERENCES.map(([name]) => result.find((r) => r.reference === name)!);
}

/**
 * organizations_by_id's copies of the type tables' fields and of organization_services (its
 * `type_detail` and `offered_codes`, release/tables.ts), and the links' copies of the names of the
 * organizations they name (LINKS), hold their rows, no more and no fewer: one row
 * an organization, its codes adding up to organization_services' rows, and the fields of a type
 * for as many organizations of that type as its table has rows. With the keys and references
 * checked above (one row an organization in a type table, one a code in services), equal counts
 * are equal rows.
 */
export async function checkOpenings(db: Db): Promise<void> {
  const counts: [string, string, string][] = [
    ['rows', 'count(*)', '(SELECT count(*) FROM organizations)'],
    ['services', `sum(len(string_split(offered_codes, '${CODE_SEPARATOR}')))`, '(SELECT count(*) FROM organization_services)'],
    ...ORG_TYPES.map((type): [string, string, string] =>
      [`type_detail of ${type}`, `count(*) FILTER (WHERE org_type = '${type}' AND type_detail IS NOT NULL)`, `(SELECT count(*) FROM ${TYPE_TABLES[type]})`]),
    // The links with their organizations' names (LINKS): a join that dropped or repeated one would miscount.
    ['links', `(SELECT count(*) FROM (${LINKS}))`, '(SELECT count(*) FROM network_relationships)'],
  ];
  const [result] = await rows<Record<string, number>>(db, `SELECT ${counts.map(([, copied, source], i) =>
    `coalesce(${copied}, 0)::BIGINT AS c${i}, ${source}::BIGINT AS s${i}`).join(', ')} FROM (${BY_ID})`);
  const broken = counts.flatMap(([what], i) => (Number(result[`c${i}`]) === Number(result[`s${i}`]) ? []
    : [`${what} (${result[`c${i}`]} against ${result[`s${i}`]})`]));
  if (broken.length) throw new IntegrityError(`the opening's copies disagree with the tables they copy: ${broken.join(', ')}`);
}
