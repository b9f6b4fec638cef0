-- listings → the source records: codes resolved, names split, a locator position lent to
-- listings that have none, a stable id. The mapping itself is in mapping.sql.

CREATE OR REPLACE TEMP TABLE listing_codes AS
SELECT l.input_no, l.row_no, l.code, coalesce(a.code, l.code) AS resolved
FROM (SELECT input_no, row_no, unnest(codes) AS code FROM listings) l
LEFT JOIN code_aliases a ON a.alias = l.code;

-- Keys for lending a locator position to a listing (mapping.sql), parts computed once.
CREATE OR REPLACE TEMP TABLE listing_keys AS
SELECT input_no, row_no, wants_position, listing_key(n1, n2, street, zip5) AS listing_key, address_key(street, zip5) AS address_key
FROM (SELECT input_no, row_no, latitude IS NULL OR longitude IS NULL AS wants_position,
        name_key(name1) AS n1, name_key(name2) AS n2, street_key(street1) AS street, norm_zip(zip) AS zip5
      FROM listings);

-- Positions the geocoded locator file(s) can lend (when they are not the listings themselves).
CREATE OR REPLACE TEMP TABLE points AS
SELECT input_no, row_no, label, lat, lon, county, listing_key(n1, n2, street, zip5) AS listing_key,
  address_key(street, zip5) AS address_key
FROM (SELECT g.input_no, g.row_no, i.label, TRY_CAST(g.latitude AS DOUBLE) AS lat, TRY_CAST(g.longitude AS DOUBLE) AS lon,
        clean_text(g.county) AS county, name_key(clean_text(g.name1)) AS n1, name_key(clean_text(g.name2)) AS n2,
        street_key(g.street1) AS street, norm_zip(g.zip) AS zip5
      FROM raw_locator_geocoded g JOIN inputs i USING (input_no)
      WHERE EXISTS (SELECT 1 FROM inputs WHERE role = 'listings'))
WHERE in_us(lat, lon);

-- A listing without a position takes the one the locator gives the same listing (name1,
-- name2, street, ZIP), else the same street address: a position belongs to the address,
-- whatever the facility there is called a year later. Candidates spread over more than
-- a quarter mile are ambiguous and lend nothing.
CREATE OR REPLACE TEMP TABLE lent AS
WITH wanted AS (
  SELECT * FROM listing_keys WHERE wants_position
), by_listing AS (
  SELECT w.input_no, w.row_no, 'listing' AS tier, p.input_no AS p_input, p.row_no AS p_row, p.lat, p.lon, p.label, p.county
  FROM wanted w JOIN points p ON p.listing_key = w.listing_key
), by_address AS (
  SELECT w.input_no, w.row_no, 'address' AS tier, p.input_no, p.row_no, p.lat, p.lon, p.label, p.county
  FROM wanted w JOIN points p ON p.address_key = w.address_key
  WHERE (w.input_no, w.row_no) NOT IN (SELECT (input_no, row_no) FROM by_listing)
)
SELECT input_no, row_no, tier,
  haversine_miles(min(lat), min(lon), max(lat), max(lon)) > 0.25 AS ambiguous,
  arg_min(lat, p_input * 100000000 + p_row) AS lat, arg_min(lon, p_input * 100000000 + p_row) AS lon,
  arg_min(label, p_input * 100000000 + p_row) AS label, arg_min(county, p_input * 100000000 + p_row) AS county
FROM (SELECT * FROM by_listing UNION ALL SELECT * FROM by_address)
GROUP BY input_no, row_no, tier;

CREATE OR REPLACE TEMP TABLE records AS
WITH mapped AS (
  SELECT l.*, i.label, i.data_date, i.default_type, split_name(l.name1, l.name2) AS n,
    coalesce(c.resolved, []) AS resolved,
    t.tier AS lent_tier, t.ambiguous AS lent_ambiguous,
    CASE WHEN NOT t.ambiguous THEN t.lat END AS lent_lat, CASE WHEN NOT t.ambiguous THEN t.lon END AS lent_lon,
    CASE WHEN NOT t.ambiguous THEN t.label END AS lent_label, CASE WHEN NOT t.ambiguous THEN t.county END AS lent_county
  FROM listings l
  JOIN inputs i USING (input_no)
  LEFT JOIN (SELECT input_no, row_no, list(resolved) AS resolved FROM listing_codes GROUP BY ALL) c USING (input_no, row_no)
  LEFT JOIN lent t USING (input_no, row_no)
), identified AS (
  -- The same name and address give the same id on every import; street2 keeps suites apart.
  -- Rows equal in all five (6 pairs in 2022, all but one differing in phone or services)
  -- are told apart by their order: _2, _3.
  SELECT *, 'SAMHSA_' || left(sha256(concat_ws('|', coalesce(name1, ''), coalesce(name2, ''), coalesce(street1, ''),
    coalesce(street2, ''), coalesce(norm_zip(zip), coalesce(zip, '')))), 12) AS base_id
  FROM mapped
)
SELECT input_no, row_no,
  base_id || CASE WHEN row_number() OVER same > 1 THEN '_' || row_number() OVER same ELSE '' END AS id,
  n.facility_name, n.program_name, list_filter([n.other_name], lambda x: x IS NOT NULL) AS dba_names,
  street1 AS address_line1, street2 AS address_line2, city, state, zip_code_of(zip, zip4) AS zip_code,
  coalesce(county, lent_county) AS county,
  CASE WHEN latitude IS NOT NULL AND longitude IS NOT NULL THEN latitude ELSE lent_lat END AS latitude,
  CASE WHEN latitude IS NOT NULL AND longitude IS NOT NULL THEN longitude ELSE lent_lon END AS longitude,
  CASE WHEN latitude IS NOT NULL AND longitude IS NOT NULL THEN label ELSE lent_label END AS location_source,
  phone, intake_phones, hotline_phones, website,
  level_of_care(resolved) AS level_of_care, facility_type_of(resolved, type_hint, default_type) AS facility_type,
  service_flags(resolved) AS flags, codes AS service_codes, label AS data_source, data_date AS extraction_date,
  -- For the summary only.
  n.kind AS name_kind,
  CASE WHEN setting_level(resolved) IS NULL THEN 'assumed_' || level_of_care(resolved) ELSE 'setting' END AS level_basis,
  facility_type_of(resolved, NULL, NULL) IS NOT NULL AS type_from_codes,
  lent_tier, lent_ambiguous
FROM identified
WINDOW same AS (PARTITION BY base_id ORDER BY input_no, row_no)
ORDER BY input_no, row_no;
