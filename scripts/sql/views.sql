-- Precomputed aggregates the dashboards read instead of scanning every partition.

CREATE OR REPLACE TEMP TABLE mv_services_by_location AS
SELECT o.state, s.code, c.category_code, count(*)::INTEGER AS organizations,
  count(*) FILTER (WHERE o.org_type = 'treatment_center')::INTEGER AS treatment_centers
FROM organization_services s
JOIN organizations o USING (org_id)
JOIN service_codes c USING (code)
GROUP BY ALL ORDER BY o.state, s.code;

CREATE OR REPLACE TEMP TABLE mv_treatment_capacity AS
SELECT state, level_of_care,
  count(*)::INTEGER AS facilities,
  sum(outpatient_capacity)::BIGINT AS outpatient_capacity,
  sum(residential_capacity)::BIGINT AS residential_capacity,
  sum(inpatient_capacity)::BIGINT AS inpatient_capacity,
  sum(current_census)::BIGINT AS current_census,
  count(*) FILTER (WHERE coalesce(outpatient_capacity, residential_capacity, inpatient_capacity) IS NOT NULL)::INTEGER
    AS facilities_reporting_capacity,
  -- Summed as decimals: a sum of doubles depends on the order the threads add them in, and
  -- the same sources published 3.48 or 3.49 (views.test.ts).
  round(avg(quality_score::DECIMAL(18, 6)), 2) AS avg_quality_score,
  count(*) FILTER (WHERE accepts_medicaid)::INTEGER AS accepting_medicaid,
  count(*) FILTER (WHERE medication_assisted_treatment)::INTEGER AS offering_mat
FROM treatment_centers
GROUP BY ALL ORDER BY state, level_of_care;

CREATE OR REPLACE TEMP TABLE mv_organizations_by_state AS
SELECT state, org_type, count(*)::INTEGER AS organizations,
  count(*) FILTER (WHERE geo_precision = 'source')::INTEGER AS located_by_source,
  count(*) FILTER (WHERE geo_precision IN ('zip', 'city'))::INTEGER AS located_by_centroid,
  count(*) FILTER (WHERE geo_precision = 'none')::INTEGER AS not_located
FROM organizations
GROUP BY ALL ORDER BY state, org_type;

-- Where each state's located organizations lie. The build copies these 56 rows into the
-- manifest (state_extents), so the app finds the states a search circle can reach without a
-- query (statesNear, app/release/geo.ts) and reads only those states' partitions.
CREATE OR REPLACE TEMP TABLE mv_state_extents AS
SELECT state, min(latitude) AS min_lat, max(latitude) AS max_lat,
  min(longitude) AS min_lon, max(longitude) AS max_lon, count(*)::INTEGER AS located
FROM organizations WHERE latitude IS NOT NULL
GROUP BY state ORDER BY state;

-- Each organization's place in the list by name (without regard to case, then id), the order
-- the app lists a text search's matches in within a rank (app/search/text-match.ts): duckdb-wasm
-- took 25 ms of CPU to order ×1's 7k matches of "recovery" by their lower-cased names, and 19
-- by this number (warm-profile.ts). A table, so the two reads below sort the names once; not a
-- TEMP one: the state files are written on a second connection too (scripts/build/publish.ts).
CREATE OR REPLACE TABLE name_orders AS
SELECT org_id, row_number() OVER (ORDER BY lower(name), org_id)::INTEGER AS name_order FROM organizations;

-- The national list's first page, in the order the app lists it with no place, text, type or
-- filter (app/search/queries.ts: by name without regard to case, then id), once leaving out
-- and once including the mental-health-only facilities, each row with the list's length. The
-- national view paints these few hundred rows instead of sorting every organization's name
-- first: 28 MB read at ×10 before its first row. Written from the same tables as the rest of
-- the release, so it cannot disagree with them (queries.test.ts holds it to the general query).
CREATE OR REPLACE TEMP TABLE first_pages AS
WITH listed AS (
  SELECT o.org_id, o.name, o.program_name, o.org_type, o.address_line1, o.city, o.state, o.zip, o.phone,
    o.latitude, o.longitude, o.geo_precision, t.facility_type IS NOT DISTINCT FROM 'MH' AS mental_health_only
  FROM organizations o LEFT JOIN treatment_centers t USING (org_id)),
variants(includes_mental_health_only) AS (VALUES (false), (true)),
ranked AS (
  SELECT v.includes_mental_health_only,
    row_number() OVER (PARTITION BY v.includes_mental_health_only ORDER BY lower(l.name), l.org_id)::INTEGER AS position,
    count(*) OVER (PARTITION BY v.includes_mental_health_only)::INTEGER AS total,
    l.* EXCLUDE (mental_health_only)
  FROM variants v JOIN listed l ON v.includes_mental_health_only OR NOT l.mental_health_only)
SELECT * FROM ranked WHERE position <= getvariable('first_page_rows');
