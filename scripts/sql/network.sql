-- network_relationships: for each located organization, its nearest complementary supports
-- within 25 miles (at most 3 of each related kind), with distance, travel time and strength.
--
-- fit (0..1): how naturally the two complement each other, e.g. residential treatment →
--   recovery residence (discharge to recovery housing) 1.0; outpatient → a different level
--   of care (the continuum) 0.7; anything → an advocacy organization 0.5.
-- strength = 0.6 × (1 − miles / 25) + 0.4 × fit, rounded to 3 places: near and fitting first.
-- travel_minutes = 3 + 1.3 × miles / 35 mph × 60: roads are ~1.3× the straight line
--   (the usual circuity factor) at a mixed urban/suburban speed, plus getting going.

CREATE OR REPLACE TEMP TABLE fits AS
SELECT * FROM (VALUES
  ('treatment_center', 'residential', 'narr_residence',        'recovery_housing', 1.0),
  ('treatment_center', 'inpatient',   'narr_residence',        'recovery_housing', 1.0),
  ('treatment_center', 'outpatient',  'narr_residence',        'recovery_housing', 0.8),
  ('treatment_center', NULL,          'recovery_center',       'peer_support',     0.9),
  ('treatment_center', NULL,          'recovery_organization', 'advocacy',         0.5),
  ('treatment_center', NULL,          'treatment_center',      'continuum_of_care', 0.7),
  ('narr_residence',   NULL,          'treatment_center',      'treatment',        0.8),
  ('narr_residence',   NULL,          'recovery_center',       'peer_support',     0.9),
  ('recovery_center',  NULL,          'treatment_center',      'treatment',        0.8),
  ('recovery_center',  NULL,          'narr_residence',        'recovery_housing', 0.9),
  ('recovery_organization', NULL,     'treatment_center',      'treatment',        0.5),
  ('recovery_organization', NULL,     'narr_residence',        'recovery_housing', 0.5),
  ('recovery_organization', NULL,     'recovery_center',       'peer_support',     0.5)
) t(org_type, level_of_care, related_type, relationship, fit);

CREATE OR REPLACE TEMP TABLE placed AS
SELECT o.org_id, o.org_type, t.level_of_care, o.latitude, o.longitude, cos(radians(o.latitude)) AS coslat
FROM organizations o LEFT JOIN treatment_centers t USING (org_id)
WHERE o.latitude IS NOT NULL;

-- The organizations to search from: all of them in the first pass (below), the unsettled
-- ones in the second.
CREATE OR REPLACE TEMP TABLE origins AS SELECT * FROM placed;

-- For each organization in `origins`, its 3 nearest of each related kind within `miles`.
-- Both sides sit on a grid of cell_lat × cell_lon degrees; each origin scans as many cells
-- as `miles` spans at its latitude, so no pair within `miles` is missed. The flat-earth
-- distance ranks candidates (within 0.1% of the great circle at 25 miles); the exact
-- distance is computed for the few that are kept.
CREATE OR REPLACE MACRO nearest_within(miles, cell_lat, cell_lon) AS TABLE
WITH a AS (
  SELECT o.*, CAST(floor(o.latitude / cell_lat) AS INTEGER) + dy AS ny, CAST(floor(o.longitude / cell_lon) AS INTEGER) + dx AS nx
  FROM origins o,
    LATERAL range(-CAST(ceil(miles / 69.17 / cell_lat) AS INTEGER), CAST(ceil(miles / 69.17 / cell_lat) AS INTEGER) + 1) r1(dy),
    LATERAL range(-CAST(ceil(miles / (69.17 * o.coslat) / cell_lon) AS INTEGER),
                  CAST(ceil(miles / (69.17 * o.coslat) / cell_lon) AS INTEGER) + 1) r2(dx)
), b AS (
  SELECT *, CAST(floor(latitude / cell_lat) AS INTEGER) AS cy, CAST(floor(longitude / cell_lon) AS INTEGER) AS cx FROM placed
), pairs AS (
  SELECT a.org_id, b.org_id AS related_org_id, f.relationship, b.org_type AS related_type, f.fit,
    a.latitude AS lat1, a.longitude AS lon1, b.latitude AS lat2, b.longitude AS lon2,
    pow((b.latitude - a.latitude) * 69.17, 2) + pow((b.longitude - a.longitude) * 69.17 * a.coslat, 2) AS d2
  FROM a
  JOIN b ON b.cy = a.ny AND b.cx = a.nx
  JOIN fits f ON f.org_type = a.org_type AND f.related_type = b.org_type
  WHERE b.org_id <> a.org_id
    AND (f.level_of_care IS NULL OR f.level_of_care = a.level_of_care)
    -- A different level of care only: the same level next door is a competitor, not a referral.
    AND NOT (a.org_type = 'treatment_center' AND b.org_type = 'treatment_center' AND a.level_of_care = b.level_of_care)
)
SELECT org_id, related_type,
  unnest(min_by({related_org_id: related_org_id, relationship: relationship, fit: fit,
                 lat1: lat1, lon1: lon1, lat2: lat2, lon2: lon2}, (d2, related_org_id), 3)) AS n
FROM pairs WHERE d2 <= (miles + 0.1) * (miles + 0.1)
GROUP BY org_id, related_type;

-- Two passes keep the work near-linear where organizations are dense: first within 5 miles
-- on a fine grid; a kind with 3 found there is settled (nothing nearer lies beyond 5 miles);
-- only the organizations with a kind still short are searched again out to 25 miles.
CREATE OR REPLACE TEMP TABLE near_pass AS SELECT * FROM nearest_within(5, 0.1, 0.1);

CREATE OR REPLACE TEMP TABLE origins AS
WITH wanted AS (
  SELECT p.org_id, count(DISTINCT f.related_type) AS kinds
  FROM placed p JOIN fits f ON f.org_type = p.org_type AND (f.level_of_care IS NULL OR f.level_of_care = p.level_of_care)
  GROUP BY p.org_id
), settled AS (
  SELECT org_id, count(*) AS kinds FROM (
    SELECT org_id, related_type FROM near_pass GROUP BY ALL HAVING count(*) = 3) GROUP BY org_id
)
SELECT p.* FROM placed p JOIN wanted w USING (org_id) LEFT JOIN settled s USING (org_id)
WHERE coalesce(s.kinds, 0) < w.kinds;

INSERT INTO network_relationships
WITH chosen AS (
  SELECT * FROM near_pass WHERE org_id NOT IN (SELECT org_id FROM origins)
  UNION ALL
  SELECT * FROM nearest_within(25, 0.4, 0.5)
), measured AS (
  SELECT org_id, related_type, n.*, haversine_miles(n.lat1, n.lon1, n.lat2, n.lon2) AS miles FROM chosen
)
SELECT org_id, related_org_id, relationship, related_type,
  round(miles, 2),
  CAST(round(3 + 1.3 * miles / 35 * 60) AS INTEGER),
  round(0.6 * (1 - miles / 25) + 0.4 * fit, 3)
FROM measured WHERE miles <= 25
ORDER BY org_id, related_org_id;
