-- How a SAMHSA listing becomes a source record, one macro per decision (unit-tested in
-- mapping.test.ts). `codes` are the record's service codes with aliases resolved.

-- SAMHSA cuts name1 near 38 characters and carries on in name2 ("Luminous Counseling and" +
-- "Consulting LLC"); otherwise name2 names a program or site ("Stepping Stones Resid").
-- name2 continues name1 when name1 ends in a lower-case joining word or "&", when name2
-- starts in lower case, or when name2 starts with name1's acronym in brackets. Measured on
-- the 2022 directory in the README ("Names").
CREATE OR REPLACE MACRO name_continues(n1, n2) AS
  regexp_matches(n1, '(\s(and|of|for|at|on|the|to|a|an|in|with|by)|&)$')
  OR regexp_matches(n2, '^[a-z]')
  OR regexp_matches(n2, '^\([A-Za-z0-9&.\- ]+\)');

-- In a continuation the program name follows the acronym and its legal form ("(SPARC)/Acute
-- Care Unit", "(SCAN) Inc/Esperanza Yth Recovery Home", "(STOP) Kent"), else the last "/"
-- ("Alc/Drug Abuse Servs/Casa Cecilia"), where Alcohol/Drug and Alc/Drug are one word.
CREATE OR REPLACE MACRO slashes_kept(s) AS regexp_replace(s, '(Alc|Alcohol)/(Drug)', '\1' || chr(31) || '\2', 'g');
CREATE OR REPLACE MACRO continued_part(n2) AS coalesce(
  NULLIF(regexp_extract(n2, '^(\([A-Za-z0-9&.\- ]+\)(\s+(Inc|LLC|Corp|PC|PLLC|Ltd)\b)?)', 1), ''),
  replace(CASE WHEN strpos(slashes_kept(n2), '/') > 0 THEN regexp_extract(slashes_kept(n2), '^(.*)/', 1) ELSE n2 END,
          chr(31), '/'));
CREATE OR REPLACE MACRO program_part(n2) AS NULLIF(trim(ltrim(substr(n2, length(continued_part(n2)) + 1), '/ ')), '');

-- "DBA Soba Recovery Center", "AKA …", "fka …", "Formerly …": another name of the facility.
CREATE OR REPLACE MACRO names_other(s) AS regexp_matches(s, '^(dba|d/b/a|aka|a/k/a|fka|formerly)\s', 'i');
CREATE OR REPLACE MACRO other_name_of(s) AS
  NULLIF(trim(regexp_replace(s, '^(dba|d/b/a|aka|a/k/a|fka|formerly)\s+(as\s+)?', '', 'i')), '');

-- → {facility_name, program_name, other_name, kind}; kind is single | other_name |
-- continuation | program. Inputs are clean_text'ed.
CREATE OR REPLACE MACRO split_name(n1, n2) AS CASE
  WHEN n1 IS NULL OR n2 IS NULL THEN
    {'facility_name': coalesce(n1, n2), 'program_name': NULL::VARCHAR, 'other_name': NULL::VARCHAR, 'kind': 'single'}
  WHEN names_other(n2) THEN
    {'facility_name': n1, 'program_name': NULL, 'other_name': other_name_of(n2), 'kind': 'other_name'}
  WHEN name_continues(n1, n2) THEN
    {'facility_name': n1 || ' ' || continued_part(n2),
     'program_name': CASE WHEN names_other(program_part(n2)) THEN NULL ELSE program_part(n2) END,
     'other_name': CASE WHEN names_other(program_part(n2)) THEN other_name_of(program_part(n2)) END,
     'kind': 'continuation'}
  ELSE {'facility_name': n1, 'program_name': n2, 'other_name': NULL, 'kind': 'program'}
END;

-- Level of care from the Service Setting codes, the most intensive first.
CREATE OR REPLACE MACRO setting_level(codes) AS CASE
  WHEN list_has_any(codes, ['HI', 'HID', 'HIT']) THEN 'inpatient'
  WHEN list_has_any(codes, ['RES', 'RD', 'RL', 'RS']) THEN 'residential'
  WHEN list_has_any(codes, ['OP', 'OD', 'ODT', 'OIT', 'OMB', 'ORT']) THEN 'outpatient'
END;

-- Without a setting code (1.4% of the 2022 directory) a listing is still published: a
-- halfway house or sober home (HH) lives where it is treated, so residential; anything else
-- outpatient, the setting of four listings in five. The summary counts both.
CREATE OR REPLACE MACRO level_of_care(codes) AS
  coalesce(setting_level(codes), CASE WHEN list_contains(codes, 'HH') THEN 'residential' ELSE 'outpatient' END);

-- SU, MH or SUMH from the Type of Care codes; then the file's own type column (the locator's
-- SA/MH); then what the whole file lists (the directory holds substance use facilities only).
CREATE OR REPLACE MACRO facility_type_of(codes, hint, fallback) AS CASE
  WHEN list_contains(codes, 'SUMH')
    OR (list_has_any(codes, ['SA', 'DT', 'HH']) AND list_contains(codes, 'MH')) THEN 'SUMH'
  WHEN list_has_any(codes, ['SA', 'DT', 'HH']) THEN 'SU'
  WHEN list_contains(codes, 'MH') THEN 'MH'
  ELSE coalesce(CASE upper(clean_text(hint)) WHEN 'SA' THEN 'SU' WHEN 'SU' THEN 'SU' WHEN 'MH' THEN 'MH'
                                             WHEN 'SUMH' THEN 'SUMH' END, fallback)
END;

-- The contract's flags, each from the code the build maps it back to (macros.sql flag_codes).
-- list_contains, not list_has_any of one code: 10× faster on 12k lists of ~75 codes.
CREATE OR REPLACE MACRO service_flags(c) AS {
  'standard_outpatient': list_contains(c, 'ORT'),
  'intensive_outpatient': list_contains(c, 'OIT'),
  'partial_hospitalization': list_contains(c, 'ODT'),
  'medication_assisted_treatment':
    list_has_any(c, ['MU', 'BU', 'NU', 'OTP', 'MM', 'BUM', 'UB', 'UN', 'METH', 'BWN', 'BWON', 'BERI', 'VTRL', 'NXN']),
  'opioid_treatment_program': list_contains(c, 'OTP'),
  'individual_therapy': list_contains(c, 'ICO'),
  'group_therapy': list_contains(c, 'GCO'),
  'family_therapy': list_contains(c, 'FCO'),
  'cognitive_behavioral_therapy': list_contains(c, 'CBT'),
  'serves_adolescents': list_contains(c, 'CHLD'),
  'serves_adults': list_contains(c, 'ADLT'),
  'serves_seniors': list_contains(c, 'SNR'),
  'accepts_medicaid': list_contains(c, 'MD'),
  'accepts_medicare': list_contains(c, 'MC'),
  'accepts_private_insurance': list_contains(c, 'PI'),
  'accepts_cash_self_payment': list_contains(c, 'SF'),
  'sliding_fee_scale': list_contains(c, 'SS')
};

-- ZIP as published, or padded (the locator files lost leading zeros), with the locator's
-- ZIP+4 extension when it has one ("3421.0" in the wide export).
CREATE OR REPLACE MACRO zip_code_of(zip, zip4) AS CASE
  WHEN norm_zip(zip) IS NULL THEN zip
  WHEN regexp_matches(zip4, '^\d{1,4}(\.0+)?$') THEN norm_zip(zip) || '-' || lpad(regexp_extract(zip4, '^(\d+)', 1), 4, '0')
  WHEN zip_plus4(zip) IS NOT NULL THEN norm_zip(zip) || '-' || zip_plus4(zip)
  ELSE norm_zip(zip) END;

-- Join keys for lending a locator position to a listing (records.sql), from parts already
-- normalised by the build's street_key, norm_zip and name_key (each a chain of regexes:
-- computed once per row, not once per use).
CREATE OR REPLACE MACRO address_key(street, zip5) AS
  CASE WHEN street IS NOT NULL AND zip5 IS NOT NULL THEN street || '|' || zip5 END;
CREATE OR REPLACE MACRO listing_key(name1, name2, street, zip5) AS
  CASE WHEN name1 IS NOT NULL AND street IS NOT NULL AND zip5 IS NOT NULL
    THEN name1 || '|' || coalesce(name2, '') || '|' || street || '|' || zip5 END;
