-- staged → located: where each record is (geocoding), its keys for finding duplicates
-- (dedupe.sql) and its rank. resolve.sql then gives ids and fates.

-- Location. Source coordinates when they fall in the US (swapped pairs are put back);
--    otherwise the ZIP's centroid (if the ZIP is in the record's state), then the city's.
-- The parsed record `r` (80-odd fields) stays in `staged`; populate.sql joins it back for
-- the loaded rows only, instead of copying it through every step here.
CREATE OR REPLACE TEMP TABLE located AS
WITH ranked AS (
  -- The rank: earlier files win, then records with their own coordinates, then source order.
  -- Sorted on its keys alone and joined back: a window over the records sorted all their
  -- 50-odd columns (×10: 60% of the statement, 800 MB spilled at the 1 GB limit).
  SELECT file_order, src_index,
    row_number() OVER (ORDER BY file_order, coord_status IN ('ok', 'swapped') DESC, src_index) AS rid
  FROM staged
)
SELECT s.* EXCLUDE (r),
  CASE WHEN s.coord_status IN ('ok', 'swapped') THEN 'source'
       WHEN z.key IS NOT NULL AND coalesce(z.state = s.state, true) THEN 'zip'
       WHEN c.key IS NOT NULL THEN 'city'
       ELSE 'none' END AS geo_precision,
  CASE WHEN s.coord_status = 'ok' THEN s.lat0 WHEN s.coord_status = 'swapped' THEN s.lon0
       WHEN coalesce(z.state = s.state, true) THEN coalesce(z.latitude, c.latitude) ELSE c.latitude END AS latitude,
  CASE WHEN s.coord_status = 'ok' THEN s.lon0 WHEN s.coord_status = 'swapped' THEN s.lat0
       WHEN coalesce(z.state = s.state, true) THEN coalesce(z.longitude, c.longitude) ELSE c.longitude END AS longitude,
  name_key(s.name) AS nkey,
  street_key(s.address_line1) AS skey,
  lower(s.city) AS ckey,
  suite_key(s.address_line2) AS suite_key,
  name_key(s.program_name) AS program_key,
  -- The number with its extension; a phone that could not be read, by its digits.
  coalesce(s.phone, NULLIF(phone_digits(s.phone_raw), '')) AS phone_key,
  ranked.rid
FROM staged s
JOIN ranked USING (file_order, src_index)
LEFT JOIN (SELECT * FROM gazetteer WHERE kind = 'zip') z ON z.key = s.zip
LEFT JOIN (SELECT * FROM gazetteer WHERE kind = 'city') c ON c.key = lower(s.city) || ', ' || lower(s.state);
