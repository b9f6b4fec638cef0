-- What the build repaired or dropped in records it loaded, one row per field, for the report.

-- A value that is there but cannot be read: published as unknown, and said so here. Any present
-- value that did not parse is a candidate; blanks ("" is absent, not unreadable) are dropped
-- after the unnest, so clean_text meets only the few candidates (DuckDB evaluates a CASE
-- condition for every row: inside the list it cost 4× the rest of the warnings at ×1).
CREATE OR REPLACE TEMP MACRO unreadable(field, raw, value, expected) AS
  CASE WHEN raw IS NOT NULL AND value IS NULL THEN {'field': field, 'raw': raw, 'expected': expected} END;

CREATE OR REPLACE TEMP TABLE warnings AS
SELECT * FROM (
  SELECT src_file, src_index, src_id, 'website' AS field,
    format('dropped "{}": not an http(s) URL', left(website_raw, 80)) AS message
  FROM resolved WHERE status <> 'rejected' AND website_raw IS NOT NULL AND website IS NULL
  UNION ALL
  SELECT src_file, src_index, src_id, field, CASE WHEN p IS NULL
      THEN format('dropped "{}": not a 10-digit US number', left(raw, 40))
      ELSE format('kept {} of "{}": could not read "{}"', format_phone(p), left(raw, 60), left(p.tail, 40)) END
  FROM (
    SELECT src_file, src_index, src_id, 'phone' AS field, phone_raw AS raw, phone_parsed AS p
    FROM resolved WHERE status <> 'rejected'
    UNION ALL
    SELECT *, phone_read(raw) FROM (
      SELECT src_file, src_index, src_id, 'intake_phones', unnest(clean_list(r.intake_phones)) AS raw
      FROM loaded WHERE org_type = 'treatment_center'
      UNION ALL
      SELECT src_file, src_index, src_id, 'hotline_phones', unnest(clean_list(r.hotline_phones))
      FROM loaded WHERE org_type = 'treatment_center')
  ) WHERE raw IS NOT NULL AND (p IS NULL OR p.tail IS NOT NULL)
  UNION ALL
  SELECT src_file, src_index, src_id, 'email', format('dropped "{}": not an email address', left(email_raw, 80))
  FROM resolved WHERE status <> 'rejected' AND email_raw IS NOT NULL AND email IS NULL
  UNION ALL
  SELECT src_file, src_index, src_id, 'zip', format('dropped "{}": not a ZIP code', left(zip_raw, 20))
  FROM resolved WHERE status <> 'rejected' AND zip_raw IS NOT NULL AND zip IS NULL
  UNION ALL
  SELECT src_file, src_index, src_id, 'latitude',
    CASE coord_status WHEN 'swapped' THEN 'latitude and longitude were swapped; put back'
      ELSE format('coordinates ({}, {}) are {}; located by {}', lat_raw, lon_raw,
        CASE coord_status WHEN 'zero' THEN 'zero' ELSE 'outside the US' END, geo_precision) END
  FROM resolved WHERE status <> 'rejected' AND coord_status IN ('swapped', 'zero', 'outside')
  UNION ALL
  SELECT src_file, src_index, src_id, 'latitude',
    format('coordinates ({}, {}) are {} mi from the ZIP''s and the town''s points, in a county neither is in; located by {}',
      lat_raw, lon_raw, round(astray_miles)::INTEGER, geo_precision)
  FROM resolved WHERE status <> 'rejected' AND astray_miles IS NOT NULL
  UNION ALL
  SELECT src_file, src_index, src_id, 'address', 'could not be located: no known ZIP or city'
  FROM resolved WHERE status = 'loaded' AND geo_precision = 'none'
  UNION ALL
  SELECT src_file, src_index, src_id, 'id', format('id "{}" is not usable; derived {}', left(src_id, 40), org_id)
  FROM resolved WHERE status <> 'rejected' AND src_id IS NOT NULL AND NOT src_id_usable
  UNION ALL
  -- The few unknown codes first: as a filter on the join, every listed code was joined to its
  -- record and then tested (×1: 1.2 million rows, a sixth of this statement's CPU).
  SELECT src_file, src_index, src_id, 'service_codes', format('unknown service code "{}"', left(c.code_raw, 20))
  FROM resolved JOIN (FROM claimed_codes ANTI JOIN service_codes USING (code)) c USING (file_order, src_index) WHERE status = 'loaded'
  UNION ALL
  SELECT src_file, src_index, src_id, 'facility_type', format('unknown facility_type "{}"', left(clean_text(r.facility_type), 20))
  FROM loaded WHERE org_type = 'treatment_center' AND clean_text(r.facility_type) IS NOT NULL
    AND upper(clean_text(r.facility_type)) NOT IN ('SU', 'MH', 'SUMH')
  UNION ALL
  SELECT src_file, src_index, src_id, 'quality_score', format('quality_score "{}" is not a number from 0 to 5', left(clean_text(r.quality_score), 20))
  FROM loaded WHERE clean_text(r.quality_score) IS NOT NULL
    AND coalesce(TRY_CAST(clean_text(r.quality_score) AS DOUBLE) BETWEEN 0 AND 5, false) = false
  UNION ALL
  SELECT src_file, src_index, src_id, u.field, format('dropped "{}": {}', left(clean_text(u.raw), 40), u.expected) FROM (
    SELECT src_file, src_index, src_id, unnest(list_filter([
      unreadable('latitude', lat_raw, lat0, 'not a number'),
      unreadable('longitude', lon_raw, lon0, 'not a number'),
      unreadable('minimum_age', r.minimum_age, minimum_age, 'not a whole number'),
      unreadable('maximum_age', r.maximum_age, maximum_age, 'not a whole number'),
      unreadable('outpatient_capacity', r.outpatient_capacity, parse_int(r.outpatient_capacity), 'not a whole number'),
      unreadable('residential_capacity', r.residential_capacity, parse_int(r.residential_capacity), 'not a whole number'),
      unreadable('inpatient_capacity', r.inpatient_capacity, parse_int(r.inpatient_capacity), 'not a whole number'),
      unreadable('current_outpatient_census', r.current_outpatient_census, parse_int(r.current_outpatient_census), 'not a whole number'),
      unreadable('capacity', r.capacity, parse_count(clean_text(r.capacity)), 'no number in it'),
      unreadable('certification_level', r.certification_level, narr_level(r.certification_level), 'not a level from I to IV'),
      unreadable('last_inspection_date', r.last_inspection_date, parse_date(r.last_inspection_date), 'not a date'),
      unreadable(CASE WHEN clean_text(r.last_updated) IS NOT NULL THEN 'last_updated'
                      WHEN clean_text(r.last_update) IS NOT NULL THEN 'last_update' ELSE 'extraction_date' END,
        updated_raw, last_updated, 'not a date'),
      unreadable('standard_outpatient', r.standard_outpatient, flag_value(r.standard_outpatient), 'not yes or no; read as no'),
      unreadable('intensive_outpatient', r.intensive_outpatient, flag_value(r.intensive_outpatient), 'not yes or no; read as no'),
      unreadable('partial_hospitalization', r.partial_hospitalization, flag_value(r.partial_hospitalization), 'not yes or no; read as no'),
      unreadable('medication_assisted_treatment', r.medication_assisted_treatment, flag_value(r.medication_assisted_treatment), 'not yes or no; read as no'),
      unreadable('opioid_treatment_program', r.opioid_treatment_program, flag_value(r.opioid_treatment_program), 'not yes or no; read as no'),
      unreadable('individual_therapy', r.individual_therapy, flag_value(r.individual_therapy), 'not yes or no; read as no'),
      unreadable('group_therapy', r.group_therapy, flag_value(r.group_therapy), 'not yes or no; read as no'),
      unreadable('family_therapy', r.family_therapy, flag_value(r.family_therapy), 'not yes or no; read as no'),
      unreadable('cognitive_behavioral_therapy', r.cognitive_behavioral_therapy, flag_value(r.cognitive_behavioral_therapy), 'not yes or no; read as no'),
      unreadable('serves_adolescents', r.serves_adolescents, flag_value(r.serves_adolescents), 'not yes or no; read as no'),
      unreadable('serves_adults', r.serves_adults, flag_value(r.serves_adults), 'not yes or no; read as no'),
      unreadable('serves_seniors', r.serves_seniors, flag_value(r.serves_seniors), 'not yes or no; read as no'),
      unreadable('accepts_medicaid', r.accepts_medicaid, flag_value(r.accepts_medicaid), 'not yes or no; read as no'),
      unreadable('accepts_medicare', r.accepts_medicare, flag_value(r.accepts_medicare), 'not yes or no; read as no'),
      unreadable('accepts_private_insurance', r.accepts_private_insurance, flag_value(r.accepts_private_insurance), 'not yes or no; read as no'),
      unreadable('accepts_cash_self_payment', r.accepts_cash_self_payment, flag_value(r.accepts_cash_self_payment), 'not yes or no; read as no'),
      unreadable('sliding_fee_scale', r.sliding_fee_scale, flag_value(r.sliding_fee_scale), 'not yes or no; read as no')
    ], lambda w: w IS NOT NULL)) AS u FROM loaded)
  WHERE clean_text(u.raw) IS NOT NULL
  UNION ALL
  SELECT res.src_file, res.src_index, res.src_id, d.field, format('given {:d} times; the first value was read', d.n)
  FROM duplicate_keys d JOIN resolved res USING (file_order, src_index) WHERE res.status <> 'rejected'
  UNION ALL
  SELECT res.src_file, res.src_index, res.src_id, b.field,
    format('removed {:d} bidirectional control character(s), which reorder how text around them is shown', b.removed)
  FROM bidi_fields b JOIN resolved res USING (file_order, src_index) WHERE res.status <> 'rejected'
) ORDER BY src_file, src_index, field, message;

-- What the build report and the CSVs need is in `warnings`, `fates` and `merge_evidence`:
-- of `resolved` (every record with its 40-odd parsed fields) only each record's fate stays,
-- so the tables still to be written have the memory (×10 went past 1 GB writing Parquet).
CREATE OR REPLACE TEMP TABLE fates AS SELECT src_file, file_order, src_index, src_id, status, rejection FROM resolved;
DROP VIEW loaded; DROP TABLE staged; DROP TABLE resolved; DROP TABLE claimed_codes; DROP TABLE duplicate_keys; DROP TABLE bidi_fields;
