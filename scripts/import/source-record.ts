// A row of records.sql as a record of treatment_centers_master.json, keys in a fixed order
// so the same input always writes the same bytes.

export type Flags = Record<
  | 'standard_outpatient' | 'intensive_outpatient' | 'partial_hospitalization' | 'medication_assisted_treatment'
  | 'opioid_treatment_program' | 'individual_therapy' | 'group_therapy' | 'family_therapy'
  | 'cognitive_behavioral_therapy' | 'serves_adolescents' | 'serves_adults' | 'serves_seniors'
  | 'accepts_medicaid' | 'accepts_medicare' | 'accepts_private_insurance' | 'accepts_cash_self_payment'
  | 'sliding_fee_scale', boolean>;

export interface SourceRecord extends Flags {
  id: string;
  facility_name: string | null;
  program_name: string | null;
  dba_names: string[];
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  state: string | null;
  zip_code: string | null;
  county: string | null;
  latitude: number | null;
  longitude: number | null;
  location_source: string | null;
  phone: string | null;
  intake_phones: string[];
  hotline_phones: string[];
  website: string | null;
  level_of_care: string;
  facility_type: string | null;
  service_codes: string[];
  data_source: string;
  extraction_date: string;
}

export type RecordRow = Omit<SourceRecord, keyof Flags> & { flags: Flags; input_no: number; row_no: number };

export function toSourceRecord(row: RecordRow): SourceRecord {
  return {
    id: row.id,
    facility_name: row.facility_name,
    program_name: row.program_name,
    dba_names: row.dba_names,
    address_line1: row.address_line1,
    address_line2: row.address_line2,
    city: row.city,
    state: row.state,
    zip_code: row.zip_code,
    county: row.county,
    latitude: row.latitude,
    longitude: row.longitude,
    location_source: row.location_source,
    phone: row.phone,
    intake_phones: row.intake_phones,
    hotline_phones: row.hotline_phones,
    website: row.website,
    level_of_care: row.level_of_care,
    facility_type: row.facility_type,
    ...row.flags,
    service_codes: row.service_codes,
    data_source: row.data_source,
    extraction_date: row.extraction_date,
  };
}
