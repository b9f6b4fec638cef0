-- What the build repaired or dropped in records it loaded, one row per field, for the report.
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
  SELECT src_file, src_index, src_id, 'address', 'could not be located: no known ZIP or city'
  FROM resolved WHERE status = 'loaded' AND geo_precision = 'none'
  UNION ALL
  SELECT src_file, src_index, src_id, 'id', format('id "{}" is not usable; derived {}', left(src_id, 40), org_id)
  FROM resolved WHERE status <> 'rejected' AND src_id IS NOT NULL AND NOT src_id_usable
  UNION ALL
  SELECT src_file, src_index, src_id, 'service_codes', format('unknown service code "{}"', left(c.code_raw, 20))
  FROM loaded JOIN claimed_codes c USING (file_order, src_index) WHERE c.code NOT IN (SELECT code FROM service_codes)
  UNION ALL
  SELECT src_file, src_index, src_id, 'facility_type', format('unknown facility_type "{}"', left(clean_text(r.facility_type), 20))
  FROM loaded WHERE org_type = 'treatment_center' AND clean_text(r.facility_type) IS NOT NULL
    AND upper(clean_text(r.facility_type)) NOT IN ('SU', 'MH', 'SUMH')
  UNION ALL
  SELECT src_file, src_index, src_id, 'quality_score', format('quality_score "{}" is not a number from 0 to 5', left(clean_text(r.quality_score), 20))
  FROM loaded WHERE clean_text(r.quality_score) IS NOT NULL
    AND coalesce(TRY_CAST(clean_text(r.quality_score) AS DOUBLE) BETWEEN 0 AND 5, false) = false
) ORDER BY src_file, src_index, field;
