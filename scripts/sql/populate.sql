-- resolved (status = 'loaded') → the published tables.
-- No ORDER BY here: the release writes every table sorted its own way (publish.ts), and each
-- sort here was done again there (organization_services: 8 million rows at ×10).

-- The loaded records with their parsed fields `r`, for the statements that read one: a view,
-- since a table copied the 80-odd fields of every record (7 of ×10's 25 CPU seconds here).
-- The rest read `resolved` alone.
CREATE OR REPLACE TEMP VIEW loaded AS
SELECT res.*, s.r FROM resolved res JOIN staged s USING (file_order, src_index) WHERE res.status = 'loaded';

INSERT INTO organizations
SELECT org_id, org_type, name, program_name, other_names, address_line1, address_line2, city, state, zip, zip4,
  -- A county analyst's state had 45 of 439 listings without one (SAMHSA's directory gives it only
  -- with a locator position): the county holding where each is placed, said to be that.
  coalesce(county, position_county), CASE WHEN county IS NOT NULL THEN 'source' WHEN position_county IS NOT NULL THEN 'position' END,
  latitude, longitude, geo_precision,
  -- The source's word on its coordinates, when those are the ones used (geo_precision tells the rest).
  CASE WHEN geo_precision = 'source' THEN location_source END,
  geohash(latitude, longitude), phone, website, email,
  data_source, last_updated, src_file, src_index, src_id, generated
FROM resolved WHERE status = 'loaded';

-- Service codes: the services the record claims (its own list, aliases resolved, and what its
-- boolean flags imply, standard_outpatient → ORT, accepts_medicaid → MD: stage.sql) that the
-- scheme knows, plus what the organization type itself means (a NARR residence is HH, a center PEER).
-- Made distinct per record before its id is joined (a loaded record's id is its own): the
-- DISTINCT compares two integers and a short code, not a text id, on every listed code.
INSERT INTO organization_services
SELECT l.org_id, c.code
FROM resolved l JOIN (
  SELECT DISTINCT file_order, src_index, code FROM (
    SELECT file_order, src_index, code FROM claimed_codes
    UNION ALL
    SELECT file_order, src_index, CASE org_type WHEN 'narr_residence' THEN 'HH' ELSE 'PEER' END
    FROM resolved WHERE status = 'loaded' AND org_type IN ('narr_residence', 'recovery_center')
  ) WHERE code IN (SELECT code FROM service_codes)
) c USING (file_order, src_index)
WHERE l.status = 'loaded';

-- What each treatment center's codes say: flag k is bit k of one bit_or per organization,
-- over only the codes that set a flag. 22 bool_or over every code row (8 million at ×10) took
-- 5.9 CPU seconds, and a list per organization with 22 list_intersect calls several times more.
CREATE OR REPLACE TEMP TABLE flags_of AS
WITH code_bits AS (
  SELECT code, bit_or(1::BIGINT << k) AS bits FROM (SELECT k, unnest(codes) AS code FROM (VALUES
  (0, ['ORT']), -- standard_outpatient
  (1, ['OIT']), -- intensive_outpatient
  (2, ['ODT']), -- partial_hospitalization
  (3, ['MU', 'BU', 'NU', 'OTP', 'MM', 'BUM', 'UB', 'UN', 'METH', 'BWN', 'BWON', 'BERI', 'VTRL', 'NXN']), -- mat_codes
  (4, ['OTP']), -- opioid_treatment_program
  (5, ['ICO']), -- individual_therapy
  (6, ['GCO']), -- group_therapy
  (7, ['FCO']), -- family_therapy
  (8, ['CBT']), -- cognitive_behavioral_therapy
  (9, ['CHLD']), -- serves_adolescents
  (10, ['ADLT']), -- serves_adults
  (11, ['SNR']), -- serves_seniors
  (12, ['MD']), -- accepts_medicaid
  (13, ['MC']), -- accepts_medicare
  (14, ['PI']), -- accepts_private_insurance
  (15, ['SF']), -- accepts_cash_self_payment
  (16, ['SS']), -- sliding_fee_scale
  (17, ['SP']), -- spanish
  (18, ['MU', 'MM', 'MMW', 'DM', 'METH', 'OTP']), -- offers_methadone
  (19, ['BU', 'BUM', 'BMW', 'DB', 'UB', 'BWN', 'BWON', 'BERI', 'BSDM']), -- offers_buprenorphine
  (20, ['NU', 'UN', 'RPN', 'NXN', 'VTRL']), -- offers_naltrexone
  (21, ['DT', 'HID', 'OD', 'RD', 'ADTX', 'BDTX', 'CDTX', 'MDTX', 'ODTX'])  -- offers_detox
  ) flag(k, codes)) GROUP BY code
), bits_of AS (
  SELECT org_id, bit_or(c.bits) AS bits FROM organization_services JOIN code_bits c USING (code) GROUP BY org_id
)
SELECT org_id,
  (bits >> 0) & 1 = 1 AS standard_outpatient,
  (bits >> 1) & 1 = 1 AS intensive_outpatient,
  (bits >> 2) & 1 = 1 AS partial_hospitalization,
  (bits >> 3) & 1 = 1 AS mat_codes,
  (bits >> 4) & 1 = 1 AS opioid_treatment_program,
  (bits >> 5) & 1 = 1 AS individual_therapy,
  (bits >> 6) & 1 = 1 AS group_therapy,
  (bits >> 7) & 1 = 1 AS family_therapy,
  (bits >> 8) & 1 = 1 AS cognitive_behavioral_therapy,
  (bits >> 9) & 1 = 1 AS serves_adolescents,
  (bits >> 10) & 1 = 1 AS serves_adults,
  (bits >> 11) & 1 = 1 AS serves_seniors,
  (bits >> 12) & 1 = 1 AS accepts_medicaid,
  (bits >> 13) & 1 = 1 AS accepts_medicare,
  (bits >> 14) & 1 = 1 AS accepts_private_insurance,
  (bits >> 15) & 1 = 1 AS accepts_cash_self_payment,
  (bits >> 16) & 1 = 1 AS sliding_fee_scale,
  (bits >> 17) & 1 = 1 AS spanish,
  (bits >> 18) & 1 = 1 AS offers_methadone,
  (bits >> 19) & 1 = 1 AS offers_buprenorphine,
  (bits >> 20) & 1 = 1 AS offers_naltrexone,
  (bits >> 21) & 1 = 1 AS offers_detox
FROM bits_of;

INSERT INTO treatment_centers
SELECT l.org_id, l.state, l.level_of_care,
  CASE WHEN upper(clean_text(l.r.facility_type)) IN ('SU', 'MH', 'SUMH') THEN upper(clean_text(l.r.facility_type)) END,
  coalesce(c.standard_outpatient, false), coalesce(c.intensive_outpatient, false), coalesce(c.partial_hospitalization, false),
  truthy(l.r.medication_assisted_treatment) OR coalesce(c.mat_codes, false),
  coalesce(c.opioid_treatment_program, false), coalesce(c.individual_therapy, false), coalesce(c.group_therapy, false),
  coalesce(c.family_therapy, false), coalesce(c.cognitive_behavioral_therapy, false),
  coalesce(c.serves_adolescents, false), coalesce(c.serves_adults, false), coalesce(c.serves_seniors, false),
  coalesce(c.accepts_medicaid, false), coalesce(c.accepts_medicare, false), coalesce(c.accepts_private_insurance, false),
  coalesce(c.accepts_cash_self_payment, false), coalesce(c.sliding_fee_scale, false),
  coalesce(c.offers_methadone, false), coalesce(c.offers_buprenorphine, false), coalesce(c.offers_naltrexone, false),
  coalesce(c.offers_detox, false), coalesce(c.spanish, false),
  l.minimum_age, l.maximum_age,
  parse_int(l.r.outpatient_capacity), parse_int(l.r.residential_capacity),
  parse_int(l.r.inpatient_capacity), parse_int(l.r.current_outpatient_census),
  CASE WHEN TRY_CAST(clean_text(l.r.quality_score) AS DOUBLE) BETWEEN 0 AND 5 THEN TRY_CAST(clean_text(l.r.quality_score) AS DOUBLE) END,
  clean_list(l.r.license_numbers), clean_text(l.r.state_license), clean_text(l.r.federal_certification),
  clean_list(l.r.accreditations), clean_text(l.r.accreditation_status), parse_date(clean_text(l.r.last_inspection_date)),
  norm_phones(l.r.intake_phones), norm_phones(l.r.hotline_phones)
FROM loaded l LEFT JOIN flags_of c USING (org_id)
WHERE l.org_type = 'treatment_center';

INSERT INTO narr_residences
SELECT org_id, narr_level(r.certification_level), parse_count(clean_text(r.capacity)),
  CASE WHEN regexp_matches(lower(clean_text(r.gender_specific)), 'co-?ed|mixed|all genders') THEN 'coed'
       WHEN regexp_matches(lower(clean_text(r.gender_specific)), '\b(women|female|woman)\b') THEN 'women'
       WHEN regexp_matches(lower(clean_text(r.gender_specific)), '\b(men|male|man)\b') THEN 'men' END,
  clean_text(r.gender_specific),
  clean_list(r.specializations),
  state_code(clean_text(r.state)),
  CASE WHEN state_code(clean_text(r.state)) IS NOT NULL THEN 'NARR ' || clean_text(r.state) || ' affiliate' END,
  norm_website(clean_text(r.affiliate_website))
FROM loaded WHERE org_type = 'narr_residence';

INSERT INTO recovery_centers
SELECT org_id, clean_text(r.certification_status), clean_list(r.services),
  NULLIF(list_unique(list_concat(
    CASE WHEN clean_text(r.funding_source) IS NOT NULL THEN [clean_text(r.funding_source)] ELSE [] END,
    coalesce(clean_list(r.funding_sources), []))), []),
  parse_count(clean_text(r.annual_reach)), clean_text(r.annual_reach),
  clean_list(r.target_populations), clean_text(r.leadership),
  CASE WHEN json_type(r.operating_hours) = 'OBJECT' THEN struct_pack(
    monday := clean_text(r.operating_hours ->> 'monday'), tuesday := clean_text(r.operating_hours ->> 'tuesday'),
    wednesday := clean_text(r.operating_hours ->> 'wednesday'), thursday := clean_text(r.operating_hours ->> 'thursday'),
    friday := clean_text(r.operating_hours ->> 'friday'), saturday := clean_text(r.operating_hours ->> 'saturday'),
    sunday := clean_text(r.operating_hours ->> 'sunday')) END,
  CASE WHEN json_type(r.operating_hours) = 'VARCHAR' THEN clean_text(r.operating_hours ->> '$') END,
  norm_website(clean_text(r.social_media.facebook)), clean_text(r.social_media.twitter),
  clean_text(r.social_media.instagram), norm_website(clean_text(r.social_media.linkedin))
FROM loaded WHERE org_type = 'recovery_center';

INSERT INTO recovery_organizations
SELECT org_id, clean_text(r."type"), clean_text(r.category), clean_text(r.focus), clean_text(r.mission),
  clean_list(r.advocacy_priorities), clean_text(r.geographic_scope), clean_list(r.key_programs),
  clean_text(r.membership_type), state_code(clean_text(r.primary_state)),
  lower(coalesce(clean_text(r.primary_state), '')) = 'national' OR lower(coalesce(clean_text(r.geographic_scope), '')) = 'national'
FROM loaded WHERE org_type = 'recovery_organization';
DROP TABLE flags_of;
