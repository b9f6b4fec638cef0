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

-- A grid of 0.4° latitude by 0.5° longitude. Each organization scans its own row of cells
-- and the rows above and below, as many cells east and west as 25 miles spans at its
-- latitude (one in the south, two in Alaska), so no pair within 25 miles is missed.
CREATE OR REPLACE TEMP TABLE placed AS
SELECT o.org_id, o.org_type, t.level_of_care, o.latitude, o.longitude,
  cos(radians(o.latitude)) AS coslat,
  CAST(floor(o.latitude / 0.4) AS INTEGER) AS cy, CAST(floor(o.longitude / 0.5) AS INTEGER) AS cx,
  CAST(ceil(25 / (69.17 * cos(radians(o.latitude))) / 0.5) AS INTEGER) AS reach_x
FROM organizations o LEFT JOIN treatment_centers t USING (org_id)
WHERE o.latitude IS NOT NULL;

INSERT INTO network_relationships
WITH reach AS (
  SELECT p.*, p.cy + dy AS ny, p.cx + dx AS nx
  FROM placed p, range(-1, 2) r1(dy), LATERAL range(-p.reach_x, p.reach_x + 1) r2(dx)
), pairs AS (
  -- Flat-earth distance to rank candidates (within 0.1% of the great circle at 25 miles);
  -- the exact distance is computed for the few that are kept.
  SELECT a.org_id, b.org_id AS related_org_id, f.relationship, b.org_type AS related_type, f.fit,
    a.latitude AS lat1, a.longitude AS lon1, b.latitude AS lat2, b.longitude AS lon2,
    pow((b.latitude - a.latitude) * 69.17, 2) + pow((b.longitude - a.longitude) * 69.17 * a.coslat, 2) AS d2
  FROM reach a
  JOIN placed b ON b.cy = a.ny AND b.cx = a.nx
  JOIN fits f ON f.org_type = a.org_type AND f.related_type = b.org_type
  WHERE b.org_id <> a.org_id
    AND (f.level_of_care IS NULL OR f.level_of_care = a.level_of_care)
    -- A different level of care only: the same level next door is a competitor, not a referral.
    AND NOT (a.org_type = 'treatment_center' AND b.org_type = 'treatment_center' AND a.level_of_care = b.level_of_care)
), nearest AS (
  SELECT org_id, related_type,
    unnest(min_by({related_org_id: related_org_id, relationship: relationship, fit: fit,
                   lat1: lat1, lon1: lon1, lat2: lat2, lon2: lon2}, (d2, related_org_id), 3)) AS n
  FROM pairs WHERE d2 <= 25.1 * 25.1
  GROUP BY org_id, related_type
), measured AS (
  SELECT org_id, related_type, n.*, haversine_miles(n.lat1, n.lon1, n.lat2, n.lon2) AS miles FROM nearest
)
SELECT org_id, related_org_id, relationship, related_type,
  round(miles, 2),
  CAST(round(3 + 1.3 * miles / 35 * 60) AS INTEGER),
  round(0.6 * (1 - miles / 25) + 0.4 * fit, 3)
FROM measured WHERE miles <= 25
ORDER BY org_id, related_org_id;
