-- staged → located: where each record is (geocoding), its keys for finding duplicates
-- (dedupe.sql) and its rank. resolve.sql then gives ids and fates.

-- Location. Source coordinates when they fall in the US (swapped pairs are put back) and are
--    not astray (below); otherwise the ZIP's centroid (if the ZIP is in the record's state), then
--    the city's.
-- The parsed record `r` (80-odd fields) stays in `staged`; populate.sql joins it back for
-- the loaded rows only, instead of copying it through every step here.
CREATE OR REPLACE TEMP TABLE located AS
WITH points AS (
  SELECT s.file_order, s.src_index,
    CASE s.coord_status WHEN 'ok' THEN s.lat0 WHEN 'swapped' THEN s.lon0 END AS src_lat,
    CASE s.coord_status WHEN 'ok' THEN s.lon0 WHEN 'swapped' THEN s.lat0 END AS src_lon,
    -- A ZIP of another state is no clue to where the record is.
    CASE WHEN coalesce(z.state = s.state, true) THEN z.latitude END AS zip_lat,
    CASE WHEN coalesce(z.state = s.state, true) THEN z.longitude END AS zip_lon,
    c.latitude AS city_lat, c.longitude AS city_lon
  FROM staged s
  LEFT JOIN (SELECT * FROM gazetteer WHERE kind = 'zip') z ON z.key = s.zip
  LEFT JOIN (SELECT * FROM gazetteer WHERE kind = 'city') c ON c.key = lower(s.city) || ', ' || lower(s.state)
),
-- Source coordinates astray: more than 15 miles from both the ZIP's and the town's points, in a
-- county neither of them lies in. A geocoder's wrong match, not the place: SAMHSA's locator put
-- Addiction Recovery Centers of Ashland, KY 27 mi away near Louisa, and eight more 24–143 mi off,
-- which read as the nearest help and were routed to. Distance alone does not tell them from true
-- positions in large rural ZIPs (Kodiak 38 mi, Ely 26, Troy 25, each in its ZIP's county); at 10 mi
-- the test moved Carbondale, CO's listings, whose ZIP spans two counties.
far AS (
  SELECT file_order, src_index, src_lat, src_lon, zip_lat, zip_lon, city_lat, city_lon,
    least(haversine_miles(src_lat, src_lon, zip_lat, zip_lon), haversine_miles(src_lat, src_lon, city_lat, city_lon)) AS miles
  FROM points
  WHERE src_lat IS NOT NULL AND coalesce(zip_lat, city_lat) IS NOT NULL
    AND coalesce(haversine_miles(src_lat, src_lon, zip_lat, zip_lon), 1e9) > 15
    AND coalesce(haversine_miles(src_lat, src_lon, city_lat, city_lon), 1e9) > 15
),
-- The county each of their points lies in: the one whose outline a ray from it eastward crosses
-- an odd number of times.
county_of AS (
  SELECT p.file_order, p.src_index, p.what, e.fips
  FROM (
    SELECT file_order, src_index, 'source' AS what, src_lat AS lat, src_lon AS lon FROM far
    UNION ALL SELECT file_order, src_index, 'zip', zip_lat, zip_lon FROM far WHERE zip_lat IS NOT NULL
    UNION ALL SELECT file_order, src_index, 'city', city_lat, city_lon FROM far WHERE city_lat IS NOT NULL
  ) p
  JOIN county_edges e ON p.lat >= least(e.lat1, e.lat2) AND p.lat < greatest(e.lat1, e.lat2)
  WHERE p.lon < e.lon1 + (p.lat - e.lat1) * (e.lon2 - e.lon1) / (e.lat2 - e.lat1)
  GROUP BY ALL HAVING count(*) % 2 = 1
),
astray AS (
  SELECT f.file_order, f.src_index, f.miles
  FROM far f JOIN county_of src ON src.file_order = f.file_order AND src.src_index = f.src_index AND src.what = 'source'
  WHERE NOT EXISTS (SELECT 1 FROM county_of o WHERE o.file_order = f.file_order AND o.src_index = f.src_index
      AND o.what <> 'source' AND o.fips = src.fips)
    AND EXISTS (SELECT 1 FROM county_of o WHERE o.file_order = f.file_order AND o.src_index = f.src_index AND o.what <> 'source')
),
located_by AS (
  SELECT p.*, a.miles AS astray_miles,
    CASE WHEN p.src_lat IS NOT NULL AND a.miles IS NULL THEN 'source'
         WHEN p.zip_lat IS NOT NULL THEN 'zip'
         WHEN p.city_lat IS NOT NULL THEN 'city'
         ELSE 'none' END AS geo_precision
  FROM points p LEFT JOIN astray a USING (file_order, src_index)
),
ranked AS (
  -- The rank: earlier files win, then records with their own coordinates, then source order.
  -- Sorted on its keys alone and joined back: a window over the records sorted all their
  -- 50-odd columns (×10: 60% of the statement, 800 MB spilled at the 1 GB limit).
  SELECT file_order, src_index,
    row_number() OVER (ORDER BY file_order, geo_precision = 'source' DESC, src_index) AS rid
  FROM located_by
)
SELECT s.* EXCLUDE (r),
  l.geo_precision,
  CASE l.geo_precision WHEN 'source' THEN l.src_lat WHEN 'zip' THEN l.zip_lat WHEN 'city' THEN l.city_lat END AS latitude,
  CASE l.geo_precision WHEN 'source' THEN l.src_lon WHEN 'zip' THEN l.zip_lon WHEN 'city' THEN l.city_lon END AS longitude,
  l.astray_miles,
  name_key(s.name) AS nkey,
  street_key(s.address_line1) AS skey,
  lower(s.city) AS ckey,
  suite_key(s.address_line2) AS suite_key,
  name_key(s.program_name) AS program_key,
  -- The number with its extension; a phone that could not be read, by its digits.
  coalesce(s.phone, NULLIF(phone_digits(s.phone_raw), '')) AS phone_key,
  ranked.rid
FROM staged s
JOIN located_by l USING (file_order, src_index)
JOIN ranked USING (file_order, src_index);

