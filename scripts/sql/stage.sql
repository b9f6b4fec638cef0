-- Source records (raw_records: one JSON value per array element) → one row each in
-- `staged`, in a common shape, with the first reason it cannot be loaded, if any.

CREATE OR REPLACE TEMP TABLE staged AS
WITH parsed AS (
  -- Every field of the four shapes, parsed once per record. Scalars arrive as text whatever
  -- their JSON type (12.5 → '12.5'); lists and free-form objects stay JSON and are checked
  -- where they are used; a field of the wrong shape becomes NULL.
  SELECT src_file, file_order, src_index, org_type, generated,
    -- Records are minified JSON (json() when split out of their file), so an object is one
    -- that starts with "{": json_type parsed every record once more (0.7 CPU s at ×10).
    starts_with(CAST(rec AS VARCHAR), '{') AS is_object,
    strlen(CAST(rec AS VARCHAR)) AS rec_bytes,
    json_transform(rec, '{
      "id": "VARCHAR", "name": "VARCHAR", "facility_name": "VARCHAR", "organization_name": "VARCHAR", "program_name": "VARCHAR",
      "dba_names": "JSON", "trade_names": "JSON",
      "address": "JSON", "address_line1": "VARCHAR", "address_line2": "VARCHAR", "city": "VARCHAR",
      "state": "VARCHAR", "zip_code": "VARCHAR", "county": "VARCHAR",
      "latitude": "VARCHAR", "longitude": "VARCHAR", "location_source": "VARCHAR",
      "phone": "VARCHAR", "intake_phones": "JSON", "hotline_phones": "JSON", "fax": "VARCHAR", "website": "VARCHAR", "email": "VARCHAR",
      "contact": {"phone": "VARCHAR", "website": "VARCHAR", "email": "VARCHAR"},
      "level_of_care": "VARCHAR", "facility_type": "VARCHAR",
      "license_numbers": "JSON", "state_license": "VARCHAR", "federal_certification": "VARCHAR",
      "accreditations": "JSON", "accreditation_status": "VARCHAR", "last_inspection_date": "VARCHAR",
      "standard_outpatient": "VARCHAR", "intensive_outpatient": "VARCHAR", "partial_hospitalization": "VARCHAR",
      "medication_assisted_treatment": "VARCHAR", "opioid_treatment_program": "VARCHAR",
      "individual_therapy": "VARCHAR", "group_therapy": "VARCHAR", "family_therapy": "VARCHAR",
      "cognitive_behavioral_therapy": "VARCHAR", "serves_adolescents": "VARCHAR", "serves_adults": "VARCHAR",
      "serves_seniors": "VARCHAR", "accepts_medicaid": "VARCHAR", "accepts_medicare": "VARCHAR",
      "accepts_private_insurance": "VARCHAR", "accepts_cash_self_payment": "VARCHAR", "sliding_fee_scale": "VARCHAR",
      "service_codes": "JSON",
      "minimum_age": "VARCHAR", "maximum_age": "VARCHAR", "outpatient_capacity": "VARCHAR",
      "residential_capacity": "VARCHAR", "inpatient_capacity": "VARCHAR", "current_outpatient_census": "VARCHAR",
      "quality_score": "VARCHAR",
      "certification_level": "VARCHAR", "capacity": "VARCHAR", "gender_specific": "VARCHAR",
      "specializations": "JSON", "affiliate_website": "VARCHAR",
      "certification_status": "VARCHAR", "services": "JSON", "funding_source": "VARCHAR", "funding_sources": "JSON",
      "annual_reach": "VARCHAR", "target_populations": "JSON", "leadership": "VARCHAR", "operating_hours": "JSON",
      "social_media": {"facebook": "VARCHAR", "twitter": "VARCHAR", "instagram": "VARCHAR", "linkedin": "VARCHAR"},
      "type": "VARCHAR", "category": "VARCHAR", "focus": "VARCHAR", "mission": "VARCHAR",
      "advocacy_priorities": "JSON", "geographic_scope": "VARCHAR", "key_programs": "JSON",
      "membership_type": "VARCHAR", "primary_state": "VARCHAR",
      "data_source": "VARCHAR", "extraction_date": "VARCHAR", "last_updated": "VARCHAR", "last_update": "VARCHAR"
    }') AS r
  FROM raw_records
), common AS (
  SELECT *,
    -- The address object of recovery organizations; the address string of the others.
    CASE WHEN json_type(r.address) = 'OBJECT'
      THEN json_transform(r.address, '{"street": "VARCHAR", "city": "VARCHAR", "state": "VARCHAR", "zip": "VARCHAR"}')
      ELSE parse_address(r.address ->> '$') END AS a,
    CASE org_type
      WHEN 'treatment_center' THEN 'facility_name'
      WHEN 'recovery_center' THEN 'organization_name'
      WHEN 'recovery_organization' THEN CASE WHEN clean_text(r.name) IS NULL THEN 'organization_name' ELSE 'name' END
      ELSE 'name' END AS name_field
  FROM parsed
), shaped AS (
  SELECT src_file, file_order, src_index, org_type, generated, r, is_object, rec_bytes, name_field,
    clean_text(r.id) AS src_id,
    clean_text(CASE name_field WHEN 'facility_name' THEN r.facility_name WHEN 'organization_name' THEN r.organization_name
                               ELSE r.name END) AS name,
    clean_text(r.program_name) AS program_name,
    CASE org_type WHEN 'treatment_center' THEN clean_list(r.dba_names)
                  WHEN 'recovery_center' THEN clean_list(r.trade_names) END AS other_names,
    clean_text(CASE WHEN org_type = 'treatment_center' THEN r.address_line1 ELSE a.street END) AS address_line1,
    clean_text(r.address_line2) AS address_line2,
    clean_text(CASE WHEN org_type IN ('treatment_center', 'recovery_center') THEN coalesce(clean_text(r.city), a.city)
                    ELSE a.city END) AS city,
    -- A NARR record's `state` names its affiliate; the residence's own state is in its address.
    CASE WHEN org_type = 'treatment_center' THEN clean_text(r.state)
         ELSE coalesce(clean_text(a.state), clean_text(r.state)) END AS state_raw,
    clean_text(CASE WHEN org_type = 'treatment_center' THEN r.zip_code ELSE a.zip END) AS zip_raw,
    clean_text(r.county) AS county,
    clean_text(r.latitude) AS lat_raw,
    clean_text(r.longitude) AS lon_raw,
    clean_text(r.location_source) AS location_source,
    clean_text(coalesce(r.phone, r.contact.phone)) AS phone_raw,
    clean_text(coalesce(r.website, r.contact.website)) AS website_raw,
    clean_text(coalesce(r.email, r.contact.email)) AS email_raw,
    clean_text(r.data_source) AS data_source,
    coalesce(clean_text(r.last_updated), clean_text(r.last_update), clean_text(r.extraction_date)) AS updated_raw,
    lower(clean_text(r.level_of_care)) AS level_of_care,
    TRY_CAST(clean_text(r.minimum_age) AS INTEGER) AS minimum_age,
    TRY_CAST(clean_text(r.maximum_age) AS INTEGER) AS maximum_age
  FROM common
), normalized AS (
  SELECT *,
    state_code(state_raw) AS state,
    norm_zip(zip_raw) AS zip,
    zip_plus4(zip_raw) AS zip4,
    TRY_CAST(lat_raw AS DOUBLE) AS lat0,
    TRY_CAST(lon_raw AS DOUBLE) AS lon0,
    phone_read(phone_raw) AS phone_parsed,
    norm_website(website_raw) AS website,
    norm_email(email_raw) AS email,
    parse_date(updated_raw) AS last_updated
  FROM shaped
)
SELECT *,
  format_phone(phone_parsed) AS phone,
  CASE
    WHEN lat0 IS NULL OR lon0 IS NULL THEN 'missing'
    WHEN lat0 = 0 AND lon0 = 0 THEN 'zero'
    WHEN in_us(lat0, lon0) THEN 'ok'
    WHEN in_us(lon0, lat0) THEN 'swapped'
    ELSE 'outside'
  END AS coord_status,
  -- The first thing that makes the record unusable, with the field it concerns.
  CASE
    WHEN NOT is_object THEN struct_pack(field := '(record)', reason := 'record is not a JSON object')
    WHEN rec_bytes > 100000 THEN struct_pack(field := '(record)', reason := format('record is {:d} bytes (limit 100,000)', rec_bytes))
    WHEN name IS NULL THEN struct_pack(field := name_field, reason := 'missing name')
    WHEN length(name) > 200 THEN struct_pack(field := name_field, reason := format('name is {:d} characters (limit 200)', length(name)))
    WHEN state_raw IS NULL THEN struct_pack(field := 'state', reason := 'missing state')
    WHEN state IS NULL THEN struct_pack(field := 'state', reason := format('unknown state "{}"', left(state_raw, 40)))
    WHEN org_type = 'treatment_center' AND level_of_care IS NULL THEN struct_pack(field := 'level_of_care', reason := 'missing level_of_care')
    WHEN org_type = 'treatment_center' AND level_of_care NOT IN ('outpatient', 'residential', 'inpatient')
      THEN struct_pack(field := 'level_of_care', reason := format('unknown level_of_care "{}"', left(level_of_care, 40)))
    WHEN minimum_age > maximum_age THEN struct_pack(field := 'minimum_age',
      reason := format('impossible age range: minimum_age {:d} > maximum_age {:d}', minimum_age, maximum_age))
    WHEN minimum_age NOT BETWEEN 0 AND 120 OR maximum_age NOT BETWEEN 0 AND 120 THEN struct_pack(field := 'minimum_age',
      reason := format('age outside 0–120: {}–{}', minimum_age, maximum_age))
  END AS rejection
FROM normalized;

-- The services each record claims, one row per code: its own list (aliases resolved, IOP →
-- OIT) and its boolean flags' codes (accepts_medicaid → MD). Each spelling is cleaned once:
-- ×10 lists 8.6 million codes in a few hundred spellings, and clean_text per code was 7.5 of
-- the statement's CPU seconds. The spellings are a table of their own: in one statement
-- DuckDB pushed the NULL filter on the cleaned code below the DISTINCT (into a MATERIALIZED
-- CTE too), cleaning every listed code once more: half the statement's CPU at ×1.
-- Unnested, not cleaned in a list lambda: DuckDB ran the regex inside a lambda about 7× slower.
CREATE OR REPLACE TEMP TABLE listed_codes AS
SELECT file_order, src_index, unnest(TRY_CAST(r.service_codes AS VARCHAR[])) AS spelling FROM staged;

CREATE OR REPLACE TEMP TABLE code_spellings AS
SELECT spelling, code_raw, service_code(code_raw) AS code
FROM (SELECT spelling, clean_text(spelling) AS code_raw FROM (SELECT DISTINCT spelling FROM listed_codes));

CREATE OR REPLACE TEMP TABLE claimed_codes AS
SELECT file_order, src_index, code_raw, code
FROM listed_codes JOIN code_spellings USING (spelling) WHERE code_raw IS NOT NULL
UNION ALL
SELECT file_order, src_index, NULL, unnest(flag_codes(r)) FROM staged;

-- Keys given twice in one record, or in an object the build reads inside it: DuckDB reads the
-- first value, Python, jq and JSON.parse the last. Only objects whose key count exceeds their
-- distinct key count are looked into (cost measured in README, "Building your own data").
CREATE OR REPLACE TEMP TABLE duplicate_keys AS
WITH objects AS (
  SELECT file_order, src_index, ks FROM (
    SELECT file_order, src_index, json_keys(rec, ['$', '$.address', '$.contact', '$.social_media', '$.operating_hours']) AS ks
    FROM raw_records)
  WHERE list_bool_or(list_transform(ks, lambda k: len(k) > array_unique(k)))
), repeated AS (
  SELECT file_order, src_index,
    unnest(['', 'address.', 'contact.', 'social_media.', 'operating_hours.']) AS prefix, unnest(ks) AS keys
  FROM objects
)
SELECT file_order, src_index, prefix || key AS field, count(*) AS n
FROM (SELECT file_order, src_index, prefix, unnest(keys) AS key FROM repeated)
GROUP BY ALL HAVING count(*) > 1;

-- Every record is parsed into `staged` (and its keys checked above): the JSON text can go.
DROP TABLE raw_records; DROP TABLE listed_codes; DROP TABLE code_spellings;
