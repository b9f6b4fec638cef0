// Which of a type's columns the detail panel shows, in order, with their labels; a stored
// code is shown by its name. Columns in MORE_DETAILS are for analysts and sit behind
// "More details", with labels that say where the figure comes from.
import { FACILITY_TYPE_NAMES, LEVEL_OF_CARE_NAMES } from '../../search/names.ts';
import type { OrgType } from '../../search/state.ts';

export type FieldKind = 'text' | 'list' | 'yesno' | 'number' | 'date' | 'hours' | 'url' | 'level' | 'phones';

type Field = [column: string, label: string, kind: FieldKind, names?: Record<string, string>];

export const TYPE_FIELDS: Record<OrgType, Field[]> = {
  treatment_center: [
    ['level_of_care', 'Level of care', 'text', LEVEL_OF_CARE_NAMES],
    ['facility_type', 'Type of treatment', 'text', FACILITY_TYPE_NAMES],
    ['intake_phones', 'Intake', 'phones'],
    ['hotline_phones', 'Hotline', 'phones'],
    ['minimum_age', 'Minimum age', 'number'],
    ['maximum_age', 'Maximum age', 'number'],
    ['outpatient_capacity', 'Outpatient capacity', 'number'],
    ['residential_capacity', 'Residential beds', 'number'],
    ['inpatient_capacity', 'Inpatient beds', 'number'],
    ['current_census', 'People in outpatient care (as last reported by the provider)', 'number'],
    ['quality_score', 'Quality score in the source listing (0 to 5, higher is better)', 'number'],
    ['accreditations', 'Accreditations', 'list'],
    ['accreditation_status', 'Accreditation status', 'text'],
    ['license_numbers', 'License numbers', 'list'],
    ['state_license', 'State license', 'text'],
    ['federal_certification', 'Federal certification', 'text'],
    ['last_inspection_date', 'Last inspection', 'date'],
  ],
  narr_residence: [
    ['certification_level', 'NARR certification', 'level'],
    ['capacity', 'Beds', 'number'],
    ['gender_specific', 'Residents', 'text'],
    ['specializations', 'Specializations', 'list'],
    ['affiliate_organization', 'Certified by', 'text'],
    ['affiliate_website', 'Affiliate website', 'url'],
  ],
  recovery_center: [
    ['certification_status', 'Accreditation', 'text'],
    ['services', 'Programs', 'list'],
    ['operating_hours', 'Hours', 'hours'],
    ['operating_hours_text', 'Hours', 'text'],
    ['target_populations', 'Serves', 'list'],
    ['annual_reach_text', 'People reached each year', 'text'],
    ['funding_sources', 'Funding', 'list'],
    ['leadership', 'Leadership', 'text'],
    ['facebook', 'Facebook', 'url'],
    ['twitter', 'Twitter', 'text'],
    ['instagram', 'Instagram', 'text'],
    ['linkedin', 'LinkedIn', 'url'],
  ],
  recovery_organization: [
    ['organization_kind', 'Kind', 'text'],
    ['category', 'Category', 'text'],
    ['focus', 'Focus', 'text'],
    ['mission', 'Mission', 'text'],
    ['geographic_scope', 'Scope', 'text'],
    ['advocacy_priorities', 'Advocacy priorities', 'list'],
    ['key_programs', 'Key programs', 'list'],
    ['membership_type', 'Membership', 'text'],
  ],
};

/** Shown only under "More details": figures and registrations a person seeking help rarely needs. */
export const MORE_DETAILS = new Set(['outpatient_capacity', 'current_census', 'quality_score', 'accreditation_status',
  'license_numbers', 'state_license', 'federal_certification', 'last_inspection_date', 'funding_sources', 'leadership',
  'annual_reach_text', 'advocacy_priorities', 'membership_type']);
