// Which of a type's columns the detail panel shows, in order (their labels are the catalog's
// `field.*`); a stored code is shown by its name. Columns in MORE_DETAILS are for analysts and sit behind
// "More details", with labels that say where the figure comes from. Part of the release: the build
// publishes these columns of each organization's type row, and no other, as the JSON text
// `type_detail` of organizations_by_id (tables.ts), which the panel reads with the organization.
import type { OrgType } from './org-types.ts';

export type FieldKind = 'text' | 'list' | 'yesno' | 'number' | 'date' | 'hours' | 'url' | 'level' | 'phones';

/** The label is the catalog's `field.<column>`; `names`: the catalog's `data.<names>.<code>` names a stored code. */
type Field = [column: string, kind: FieldKind, names?: 'level' | 'facilityType'];

export const TYPE_FIELDS: Record<OrgType, Field[]> = {
  treatment_center: [
    ['level_of_care', 'text', 'level'],
    ['facility_type', 'text', 'facilityType'],
    ['intake_phones', 'phones'],
    ['hotline_phones', 'phones'],
    ['minimum_age', 'number'],
    ['maximum_age', 'number'],
    ['outpatient_capacity', 'number'],
    ['residential_capacity', 'number'],
    ['inpatient_capacity', 'number'],
    ['current_census', 'number'],
    ['quality_score', 'number'],
    ['accreditations', 'list'],
    ['accreditation_status', 'text'],
    ['license_numbers', 'list'],
    ['state_license', 'text'],
    ['federal_certification', 'text'],
    ['last_inspection_date', 'date'],
  ],
  narr_residence: [
    ['certification_level', 'level'],
    ['capacity', 'number'],
    ['gender_specific', 'text'],
    ['specializations', 'list'],
    ['affiliate_organization', 'text'],
    ['affiliate_website', 'url'],
  ],
  recovery_center: [
    ['certification_status', 'text'],
    ['services', 'list'],
    ['operating_hours', 'hours'],
    ['operating_hours_text', 'text'],
    ['target_populations', 'list'],
    ['annual_reach_text', 'text'],
    ['funding_sources', 'list'],
    ['leadership', 'text'],
    ['facebook', 'url'],
    ['twitter', 'text'],
    ['instagram', 'text'],
    ['linkedin', 'url'],
  ],
  recovery_organization: [
    ['organization_kind', 'text'],
    ['category', 'text'],
    ['focus', 'text'],
    ['mission', 'text'],
    ['geographic_scope', 'text'],
    ['advocacy_priorities', 'list'],
    ['key_programs', 'list'],
    ['membership_type', 'text'],
  ],
};

/** Shown only under "More details": figures and registrations a person seeking help rarely needs. */
export const MORE_DETAILS = new Set(['outpatient_capacity', 'quality_score', 'accreditation_status',
  'license_numbers', 'state_license', 'federal_certification', 'last_inspection_date', 'funding_sources', 'leadership',
  'annual_reach_text', 'advocacy_priorities', 'membership_type']);

/**
 * An organization's type fields from its row of organizations_by_id (`type_detail`, JSON):
 * values as the engine gives its columns, but a date as its ISO text (formatDate reads both).
 */
export function typeDetailOf(row: Record<string, unknown>): Record<string, unknown> | null {
  return typeof row.type_detail === 'string' ? JSON.parse(row.type_detail) as Record<string, unknown> : null;
}
