// What visitors read in place of the codes the release stores (level_of_care, facility_type).
// A code with no name here is shown as it is rather than hidden (views read these through the
// catalog's `data.level.*` and `data.facilityType.*`, app/i18n/data-catalog.ts).

export const LEVEL_OF_CARE_NAMES: Record<string, string> = {
  outpatient: 'Outpatient',
  residential: 'Residential',
  inpatient: 'Inpatient',
};

/** SAMHSA's facility types (the directory's Type of Care). */
export const FACILITY_TYPE_NAMES: Record<string, string> = {
  SU: 'Substance use treatment',
  MH: 'Mental health treatment',
  SUMH: 'Substance use and mental health treatment',
};
