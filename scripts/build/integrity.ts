// Every reference in the release resolves: checked in one pass per reference (the link
// tables carry no per-row foreign keys, see sql/schema.sql). Any orphan fails the build.
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
