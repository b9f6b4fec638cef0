-- network_relationships: for each located organization, its nearest complementary supports
-- within 25 miles (at most 3 of each related kind), with distance, travel time and strength.
--
-- fit (0..1): how naturally the two complement each other, e.g. residential treatment →
--   recovery residence (discharge to recovery housing) 1.0; outpatient → a different level
--   of care (the continuum) 0.7; anything → an advocacy organization 0.5.
-- strength = 0.6 × (1 − miles / 25) + 0.4 × fit, rounded to 3 places: near and fitting first.
-- travel_minutes = 3 + 1.3 × miles / 35 mph × 60: roads are ~1.3× the straight line
--   (the usual circuity factor) at a mixed urban/suburban speed, plus getting going.
--
-- Nearest: by the flat-earth distance from the organization (within 0.1% of the great circle
-- at 25 miles; ties by related org_id) among those within 25.1 miles; the great-circle
-- distance of the 3 kept must then be 25 miles or less. Longitudes are not wrapped at 180°,
-- nor boxes near a pole (the directory's organizations lie between 15°S and 72°N).

-- The four organization types as a 1-byte enum: the searches compare them by the million.
CREATE OR REPLACE MACRO kind(org_type) AS
  CAST(org_type AS ENUM('treatment_center', 'narr_residence', 'recovery_center', 'recovery_organization'));

CREATE OR REPLACE TEMP TABLE fits AS
SELECT CAST(row_number() OVER () AS UTINYINT) AS f, kind(org_type) AS org_type, level_of_care,
  kind(related_type) AS related_type, relationship, fit
FROM (VALUES
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

-- Located organizations; `i` numbers them in org_id order, so ranking by (distance, i)
-- breaks ties as ranking by (distance, org_id) does, on a 4-byte key.
CREATE OR REPLACE TEMP TABLE placed AS
SELECT CAST(row_number() OVER (ORDER BY o.org_id) AS INTEGER) AS i, o.org_id, kind(o.org_type) AS org_type,
  t.level_of_care, o.latitude, o.longitude, cos(radians(o.latitude)) AS coslat
FROM organizations o LEFT JOIN treatment_centers t USING (org_id)
WHERE o.latitude IS NOT NULL;

-- The searches run on a grid of cells `miles` high and as wide at latitude 38 (mid-USA).
-- The radii below halve from the widest, so each grid's cells split exactly in four.
CREATE OR REPLACE MACRO widest_miles() AS 25.1;
CREATE OR REPLACE MACRO cell_y(latitude, miles) AS CAST(floor(latitude / (miles / 69.17)) AS INTEGER);
CREATE OR REPLACE MACRO cell_x(longitude, miles) AS CAST(floor(longitude / (miles / 69.17 / cos(radians(38)))) AS INTEGER);
-- The cells a point's box of ±`miles` (±`dlon` degrees of longitude) spans, or only its own.
CREATE OR REPLACE MACRO cells_y(latitude, miles, spans) AS CASE WHEN spans
  THEN range(cell_y(latitude - miles / 69.17 - 1e-9, miles), cell_y(latitude + miles / 69.17 + 1e-9, miles) + 1)
  ELSE [cell_y(latitude, miles)] END;
CREATE OR REPLACE MACRO cells_x(longitude, dlon, miles, spans) AS CASE WHEN spans
  THEN range(cell_x(longitude - dlon - 1e-9, miles), cell_x(longitude + dlon + 1e-9, miles) + 1)
  ELSE [cell_x(longitude, miles)] END;

-- How many organizations of each type lie in each cell.
CREATE OR REPLACE MACRO crowd(miles) AS TABLE
SELECT org_type, cell_y(latitude, miles) AS cy, cell_x(longitude, miles) AS cx, count(*) AS n FROM placed GROUP BY ALL;

-- Each organization once per kind `f` it relates to, with the nearest found so far (none).
-- `sparse`: the cell it lies in, on the grid of the widest pass but one, holds fewer than 3
-- of that kind; so do its cells on every finer grid, and only the widest pass searches it
-- (most rows: a few hundred residences and centers against every treatment center).
CREATE OR REPLACE TEMP TABLE wanted AS
SELECT p.i, f.f, CAST([] AS INTEGER[]) AS nearest, coalesce(c.n, 0) < 3 AS sparse
FROM placed p JOIN fits f ON f.org_type = p.org_type AND (f.level_of_care IS NULL OR f.level_of_care = p.level_of_care)
LEFT JOIN crowd(widest_miles() / 2) c ON c.org_type = f.related_type
  AND c.cy = cell_y(p.latitude, widest_miles() / 2) AND c.cx = cell_x(p.longitude, widest_miles() / 2);

-- One search pass within `miles`. A row of `prev` with 3 nearest is settled (nothing nearer
-- lies further out) and passes through; one with fewer is searched if its own cell holds
-- at least 3 of the kind it wants (the search will likely settle it; if not, a wider pass
-- will), and always in the widest pass. Origins and organizations meet in a cell: for each
-- kind, the smaller side (the rows searching for it, or the organizations of it) is put in
-- every cell its box spans, the other side in its own cell, so no pair within `miles` is
-- missed and the larger side is not multiplied. An origin within `miles` of an organization
-- lies at most `miles` nearer a pole, where a degree of longitude is shortest: the
-- organization's box is as wide as an origin's there.
CREATE OR REPLACE MACRO nearest_within(prev, miles) AS TABLE
WITH crowded AS (FROM crowd(miles)), marked AS (
  SELECT w.*, a.level_of_care, a.latitude, a.longitude, a.coslat, f.org_type, f.related_type,
    len(w.nearest) < 3 AND (miles >= widest_miles() OR coalesce(c.n, 0) >= 3) AS searched
  FROM query_table(prev) w JOIN placed a USING (i) JOIN fits f USING (f)
  LEFT JOIN crowded c ON c.org_type = f.related_type AND c.cy = cell_y(a.latitude, miles) AND c.cx = cell_x(a.longitude, miles)
), spread AS (
  SELECT s.related_type FROM (SELECT related_type, count(*) AS n FROM marked WHERE searched GROUP BY ALL) s
  JOIN (SELECT org_type, count(*) AS n FROM placed GROUP BY ALL) p ON p.org_type = s.related_type WHERE p.n < s.n
), origins AS (
  -- unnest in the select list: a LATERAL range() is decorrelated into joins that cost more
  -- than the search.
  SELECT *, unnest(cells_x(longitude, miles / (69.17 * coslat), miles, spans)) AS cx
  FROM (SELECT *, unnest(cells_y(latitude, miles, spans)) AS cy
        FROM (SELECT *, related_type NOT IN (FROM spread) AS spans FROM marked WHERE searched))
), targets AS (
  SELECT *, unnest(cells_x(longitude, miles / (69.17 * cos(radians(abs(latitude) + miles / 69.17))), miles, spans)) AS cx
  FROM (SELECT *, unnest(cells_y(latitude, miles, spans)) AS cy
        FROM (SELECT *, org_type IN (FROM spread) AS spans FROM placed
              WHERE org_type IN (SELECT related_type FROM marked WHERE searched)))
), pairs AS (
  SELECT a.i, a.f, b.i AS j,
    pow((b.latitude - a.latitude) * 69.17, 2) + pow((b.longitude - a.longitude) * 69.17 * a.coslat, 2) AS d2
  FROM origins a JOIN targets b ON b.cy = a.cy AND b.cx = a.cx AND b.org_type = a.related_type
  WHERE b.i <> a.i
    -- A different level of care only: the same level next door is a competitor, not a referral.
    AND NOT (a.org_type = 'treatment_center' AND b.org_type = 'treatment_center' AND a.level_of_care = b.level_of_care)
), found AS (
  SELECT i, f, min_by(j, (d2, j), 3) AS nearest FROM pairs WHERE d2 <= miles * miles GROUP BY ALL
)
SELECT m.i, m.f, CASE WHEN m.searched THEN coalesce(f.nearest, []) ELSE m.nearest END AS nearest, m.sparse
FROM marked m LEFT JOIN found f USING (i, f);

-- Radii doubling from a tenth of a mile: where organizations are dense an early pass settles
-- a kind among a few candidates, so the work follows the number of organizations, not its
-- square (a single 25-mile search met thousands of candidates per origin in a city); only
-- what is still short goes on to a wider pass.
-- Each pass frees the one before (kept to the end of the build, they held 270 MB at x10).
CREATE OR REPLACE TEMP VIEW dense AS FROM wanted WHERE NOT sparse;
CREATE OR REPLACE TEMP TABLE pass1 AS FROM nearest_within('dense', widest_miles() / 256); DROP VIEW dense;
CREATE OR REPLACE TEMP TABLE pass2 AS FROM nearest_within('pass1', widest_miles() / 128); DROP TABLE pass1;
CREATE OR REPLACE TEMP TABLE pass3 AS FROM nearest_within('pass2', widest_miles() / 64); DROP TABLE pass2;
CREATE OR REPLACE TEMP TABLE pass4 AS FROM nearest_within('pass3', widest_miles() / 32); DROP TABLE pass3;
CREATE OR REPLACE TEMP TABLE pass5 AS FROM nearest_within('pass4', widest_miles() / 16); DROP TABLE pass4;
CREATE OR REPLACE TEMP TABLE pass6 AS FROM nearest_within('pass5', widest_miles() / 8); DROP TABLE pass5;
CREATE OR REPLACE TEMP TABLE pass7 AS FROM nearest_within('pass6', widest_miles() / 4); DROP TABLE pass6;
CREATE OR REPLACE TEMP TABLE pass8 AS FROM nearest_within('pass7', widest_miles() / 2); DROP TABLE pass7;
CREATE OR REPLACE TEMP VIEW unsettled AS FROM pass8 UNION ALL FROM wanted WHERE sparse;
CREATE OR REPLACE TEMP TABLE nearest AS FROM nearest_within('unsettled', widest_miles());
DROP VIEW unsettled; DROP TABLE pass8; DROP TABLE wanted;

-- No ORDER BY: the release writes this table in its own order (publish.ts).
INSERT INTO network_relationships
WITH measured AS (
  SELECT a.org_id, b.org_id AS related_org_id, f.relationship, f.related_type, f.fit,
    haversine_miles(a.latitude, a.longitude, b.latitude, b.longitude) AS miles
  FROM (SELECT i, f, unnest(nearest) AS j FROM nearest) n
  JOIN fits f USING (f) JOIN placed a ON a.i = n.i JOIN placed b ON b.i = n.j
)
SELECT org_id, related_org_id, relationship, related_type,
  round(miles, 2),
  CAST(round(3 + 1.3 * miles / 35 * 60) AS INTEGER),
  round(0.6 * (1 - miles / 25) + 0.4 * fit, 3)
FROM measured WHERE miles <= 25;

DROP TABLE nearest; DROP TABLE placed;
