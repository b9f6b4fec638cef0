-- staged → located: where each record is (geocoding), its keys for finding duplicates
-- (dedupe.sql) and its rank. resolve.sql then gives ids and fates.

-- Location. Source coordinates when they fall in the US (swapped pairs are put back) and are
--    not astray (below); otherwise the ZIP's centroid (if the ZIP is in the record's state), then
--    the city's.
-- The parsed record `r` (80-odd fields) stays in `staged`; populate.sql joins it back for
-- the loaded rows only, instead of copying it through every step here.
-- Each record's candidate positions: its source coordinates, its ZIP's point (a ZIP of another
-- state is no clue to where the record is) and its town's.
CREATE OR REPLACE TEMP TABLE record_points AS
SELECT s.file_order, s.src_index,
  CASE s.coord_status WHEN 'ok' THEN s.lat0 WHEN 'swapped' THEN s.lon0 END AS src_lat,
  CASE s.coord_status WHEN 'ok' THEN s.lon0 WHEN 'swapped' THEN s.lat0 END AS src_lon,
  CASE WHEN coalesce(z.state = s.state, true) THEN z.latitude END AS zip_lat,
  CASE WHEN coalesce(z.state = s.state, true) THEN z.longitude END AS zip_lon,
  c.latitude AS city_lat, c.longitude AS city_lon
FROM staged s
LEFT JOIN (SELECT * FROM gazetteer WHERE kind = 'zip') z ON z.key = s.zip
LEFT JOIN (SELECT * FROM gazetteer WHERE kind = 'city') c ON c.key = lower(s.city) || ', ' || lower(s.state);

-- The county each of those points lies in (the counties' outlines: county-outlines.ts): the one
-- whose outline a ray from it eastward crosses an odd number of times, trying only the counties
-- reaching into its degree cell and their edges in its band of latitude. A point off every
-- outline (a coast drawn at 1:10,000,000, a territory us-atlas does not draw) has none; one on a
-- shared edge falls to one side of it by the test's strict inequality (the first county by code
-- if, by rounding, to both).
CREATE OR REPLACE TEMP TABLE point_counties AS
WITH points AS (
  SELECT DISTINCT lat, lon FROM (
    SELECT src_lat AS lat, src_lon AS lon FROM record_points
    UNION ALL SELECT zip_lat, zip_lon FROM record_points
    UNION ALL SELECT city_lat, city_lon FROM record_points)
  WHERE lat IS NOT NULL
)
SELECT lat, lon, min(fips) AS fips FROM (
  SELECT p.lat, p.lon, e.fips
  FROM points p
  JOIN county_cells c ON c.band = floor(p.lat) AND c.lon_cell = floor(p.lon)
  JOIN county_edges e ON e.fips = c.fips AND e.band = c.band
  WHERE p.lat >= least(e.lat1, e.lat2) AND p.lat < greatest(e.lat1, e.lat2)
    AND p.lon < e.lon1 + (p.lat - e.lat1) * (e.lon2 - e.lon1) / (e.lat2 - e.lat1)
  GROUP BY ALL HAVING count(*) % 2 = 1)
GROUP BY lat, lon;

CREATE OR REPLACE TEMP TABLE located AS
-- Source coordinates astray: more than 15 miles from both the ZIP's and the town's points, in a
-- county neither of them lies in. A geocoder's wrong match, not the place: SAMHSA's locator put
-- Addiction Recovery Centers of Ashland, KY 27 mi away near Louisa, and eight more 24–143 mi off,
-- which read as the nearest help and were routed to. Distance alone does not tell them from true
-- positions in large rural ZIPs (Kodiak 38 mi, Ely 26, Troy 25, each in its ZIP's county); at 10 mi
-- the test moved Carbondale, CO's listings, whose ZIP spans two counties.
WITH astray AS (
  SELECT f.file_order, f.src_index,
    least(haversine_miles(f.src_lat, f.src_lon, f.zip_lat, f.zip_lon), haversine_miles(f.src_lat, f.src_lon, f.city_lat, f.city_lon)) AS miles
  FROM record_points f
  JOIN point_counties src ON src.lat = f.src_lat AND src.lon = f.src_lon
  LEFT JOIN point_counties zc ON zc.lat = f.zip_lat AND zc.lon = f.zip_lon
  LEFT JOIN point_counties cc ON cc.lat = f.city_lat AND cc.lon = f.city_lon
  WHERE coalesce(haversine_miles(f.src_lat, f.src_lon, f.zip_lat, f.zip_lon), 1e9) > 15
    AND coalesce(haversine_miles(f.src_lat, f.src_lon, f.city_lat, f.city_lon), 1e9) > 15
    AND coalesce(zc.fips, cc.fips) IS NOT NULL
    AND src.fips IS DISTINCT FROM zc.fips AND src.fips IS DISTINCT FROM cc.fips
),
located_by AS (
  SELECT p.*, a.miles AS astray_miles,
    CASE WHEN p.src_lat IS NOT NULL AND a.miles IS NULL THEN 'source'
         WHEN p.zip_lat IS NOT NULL THEN 'zip'
         WHEN p.city_lat IS NOT NULL THEN 'city'
         ELSE 'none' END AS geo_precision
  FROM record_points p LEFT JOIN astray a USING (file_order, src_index)
),
placed AS (
  SELECT file_order, src_index, geo_precision, astray_miles,
    CASE geo_precision WHEN 'source' THEN src_lat WHEN 'zip' THEN zip_lat WHEN 'city' THEN city_lat END AS latitude,
    CASE geo_precision WHEN 'source' THEN src_lon WHEN 'zip' THEN zip_lon WHEN 'city' THEN city_lon END AS longitude
  FROM located_by
),
ranked AS (
  -- The rank: earlier files win, then records with their own coordinates, then source order.
  -- Sorted on its keys alone and joined back: a window over the records sorted all their
  -- 50-odd columns (×10: 60% of the statement, 800 MB spilled at the 1 GB limit).
  SELECT file_order, src_index,
    row_number() OVER (ORDER BY file_order, geo_precision = 'source' DESC, src_index) AS rid
  FROM placed
)
SELECT s.* EXCLUDE (r),
  l.geo_precision, l.latitude, l.longitude, l.astray_miles,
  -- Where the file names no county, the one holding where the record is placed (populate.sql).
  n.name AS position_county,
  name_key(s.name) AS nkey,
  street_key(s.address_line1) AS skey,
  lower(s.city) AS ckey,
  suite_key(s.address_line2) AS suite_key,
  name_key(s.program_name) AS program_key,
  -- The number with its extension; a phone that could not be read, by its digits.
  coalesce(s.phone, NULLIF(phone_digits(s.phone_raw), '')) AS phone_key,
  ranked.rid
FROM staged s
JOIN placed l USING (file_order, src_index)
JOIN ranked USING (file_order, src_index)
LEFT JOIN point_counties pc ON pc.lat = l.latitude AND pc.lon = l.longitude
LEFT JOIN counties n ON n.fips = pc.fips;

DROP TABLE record_points; DROP TABLE point_counties;

