// The dashboards' SQL: each chart reads a precomputed aggregate (mv_*), never the partitions,
// and shows this text beside its data so an analyst can take it to the console.
import { sql, type Sql } from '../release/sql.ts';
import { ORG_TYPES, type OrgType } from './state.ts';

/** Organizations per state (all types, or one), with the state's name for the map. */
export function organizationsByStateQuery(type: OrgType | null): Sql {
  const only = type && (ORG_TYPES as readonly string[]).includes(type) ? sql` AND m.org_type = ${type}` : sql``;
  return sql`SELECT m.state, s.name AS state_name, sum(m.organizations)::INTEGER AS organizations,
    sum(m.not_located)::INTEGER AS not_located
  FROM mv_organizations_by_state m JOIN states s ON s.code = m.state
  WHERE TRUE${only}
  GROUP BY ALL ORDER BY organizations DESC, m.state`;
}

/** Residential and inpatient beds and facilities per state and level of care. */
export function capacityQuery(): Sql {
  return sql`SELECT state, level_of_care, facilities, residential_capacity, inpatient_capacity, outpatient_capacity,
    facilities_reporting_capacity
  FROM mv_treatment_capacity ORDER BY state, level_of_care`;
}

/** Where a service is offered: organizations per state listing the SAMHSA code. */
export function serviceByStateQuery(code: string): Sql {
  return sql`SELECT m.state, s.name AS state_name, m.organizations, m.treatment_centers
  FROM mv_services_by_location m JOIN states s ON s.code = m.state
  WHERE m.code = ${code} ORDER BY m.organizations DESC, m.state`;
}
