-- Every input that lists facilities, in one shape: text cleaned (clean_text), phones as
-- published, positions as numbers, and the service codes each record lists, upper case.
-- The branches are positional: each lists the first one's columns in the same order.

-- The locator API names services instead of coding them: "Residential; Short-term
-- residential" under category SET. A name is the reference's code of that name in the same
-- category, else the only code of that name, else an older locator name (name_aliases).
CREATE OR REPLACE TEMP TABLE api_services AS
WITH listed AS (
  SELECT input_no, row_no, s ->> '$.f2' AS category, clean_text(unnest(string_split(s ->> '$.f3', ';'))) AS name
  FROM (SELECT input_no, row_no, unnest(json_extract(services, '$[*]')) AS s FROM raw_locator_api)
), by_name AS (
  SELECT lower(name) AS name_key, category_code, code, count(*) OVER (PARTITION BY lower(name)) AS same_name
  FROM ref_codes
)
SELECT l.input_no, l.row_no, l.category, l.name,
  coalesce(
    (SELECT min(code) FROM by_name b WHERE b.name_key = lower(l.name) AND b.category_code = l.category),
    (SELECT min(code) FROM by_name b WHERE b.name_key = lower(l.name) AND b.same_name = 1),
    (SELECT min(code) FROM name_aliases a WHERE a.name_key = lower(l.name))) AS code
FROM listed l WHERE l.name IS NOT NULL;

CREATE OR REPLACE TEMP TABLE listings AS
SELECT input_no, row_no, clean_text(name1) AS name1, clean_text(name2) AS name2,
  clean_text(street1) AS street1, clean_text(street2) AS street2, clean_text(city) AS city,
  clean_text(state) AS state, clean_text(zip) AS zip, NULL::VARCHAR AS zip4, NULL::VARCHAR AS county,
  clean_text(phone) AS phone, list_unique(intakes) AS intake_phones,
  []::VARCHAR[] AS hotline_phones, NULL::VARCHAR AS website, NULL::DOUBLE AS latitude, NULL::DOUBLE AS longitude,
  list_unique(listed) AS codes, NULL::VARCHAR AS type_hint
-- list_unique repeats its argument inside a lambda: given a column it runs in 0.8 s here,
-- given the expression that makes the list, 86 s.
FROM (SELECT *,
    list_filter([clean_text(intake1), clean_text(intake2), clean_text(intake1a), clean_text(intake2a)],
      lambda p: p IS NOT NULL) AS intakes,
    -- "SA DT SUMH * OP OD …": codes in SAMHSA's category order, " * " between categories.
    list_filter(string_split(upper(coalesce(clean_text(service_code_info), '')), ' '), lambda c: c NOT IN ('', '*')) AS listed
  FROM raw_directory)

UNION ALL
SELECT w.input_no, w.row_no, clean_text(name1), clean_text(name2), clean_text(street1), clean_text(street2),
  clean_text(city), clean_text(state), clean_text(zip), clean_text(zip4), clean_text(county), clean_text(phone),
  list_unique(intakes),
  []::VARCHAR[], clean_text(website), TRY_CAST(latitude AS DOUBLE), TRY_CAST(longitude AS DOUBLE),
  coalesce(c.codes, []), type_facility
FROM (SELECT *, list_filter([clean_text(intake1), clean_text(intake2)], lambda p: p IS NOT NULL) AS intakes
      FROM raw_locator_wide) w
LEFT JOIN (SELECT input_no, row_no, list(code ORDER BY code) AS codes FROM raw_locator_wide_codes GROUP BY ALL) c
  USING (input_no, row_no)

UNION ALL
SELECT a.input_no, a.row_no, clean_text(name1), clean_text(name2), clean_text(street1), clean_text(street2),
  clean_text(city), clean_text(state), clean_text(zip), NULL, NULL, clean_text(phone),
  list_filter([clean_text(intake1)], lambda p: p IS NOT NULL),
  list_filter([clean_text(hotline1)], lambda p: p IS NOT NULL),
  clean_text(website), TRY_CAST(latitude AS DOUBLE), TRY_CAST(longitude AS DOUBLE),
  coalesce(s.codes, []), typeFacility
FROM raw_locator_api a
LEFT JOIN (SELECT input_no, row_no, list(DISTINCT code ORDER BY code) AS codes
           FROM api_services WHERE code IS NOT NULL GROUP BY ALL) s USING (input_no, row_no)

-- Geocoded locator rows are listings themselves only when nothing else lists facilities;
-- beside a directory they lend it positions (records.sql).
UNION ALL
SELECT input_no, row_no, clean_text(name1), clean_text(name2), clean_text(street1), clean_text(street2),
  clean_text(city), clean_text(state), clean_text(zip), clean_text(zip4), clean_text(county), NULL,
  []::VARCHAR[], []::VARCHAR[], NULL, TRY_CAST(latitude AS DOUBLE), TRY_CAST(longitude AS DOUBLE), []::VARCHAR[], NULL
FROM raw_locator_geocoded
WHERE NOT EXISTS (SELECT 1 FROM inputs WHERE role = 'listings');
