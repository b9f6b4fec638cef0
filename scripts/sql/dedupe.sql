-- located → survivor_of: the records that repeat a better-ranked one, each with the record it
-- merges into (README, "Duplicates"). The same place: same name key and state; same ZIP (or,
-- when either lacks one, same city); the same street unless either lacks one. The same
-- listing: the same suite and program name (both absent counts as the same), and the same
-- phone, level of care and services, which the merging record may lack but never its survivor
-- (a merge must not take away a number or a service that was published). A duplicate merges
-- into the best-ranked record it matches, followed to the end of the chain.

-- Pairs are looked for only among records that share every key the rule needs equal, with one
-- hash join per way a ZIP or a street can be absent. Joined on name and state alone, a common
-- name in a state ("St Mary Hospital Addiction Services", CA: 41 records at ×1) was compared
-- with itself pairwise, 85 thousand pairs at ×1 growing with the square of the data. The five
-- joins are disjoint (both ZIPs and both streets given; a's street absent; only b's absent;
-- a's ZIP absent; only b's absent), so each pair comes once.
CREATE OR REPLACE TEMP TABLE blocked AS
WITH keyed AS MATERIALIZED (
  -- Keys hold only [a-z0-9 ] (name_key, suite_key) and a state code, so '|' keeps them apart;
  -- NULL without a name key or state, so never joined, as the rule's equalities would have it.
  SELECT rid, zip, ckey, skey, nkey || '|' || state || '|' || coalesce(suite_key, '') || '|' || coalesce(program_key, '') AS block
  FROM located WHERE rejection IS NULL
)
SELECT * FROM (
  SELECT a.rid, b.rid AS better_rid FROM keyed a JOIN keyed b ON a.block = b.block AND a.zip = b.zip AND a.skey = b.skey
  UNION ALL
  SELECT a.rid, b.rid FROM keyed a JOIN keyed b ON a.block = b.block AND a.zip = b.zip WHERE a.skey IS NULL
  UNION ALL
  SELECT a.rid, b.rid FROM keyed a JOIN keyed b ON a.block = b.block AND a.zip = b.zip WHERE b.skey IS NULL AND a.skey IS NOT NULL
  UNION ALL
  SELECT a.rid, b.rid FROM keyed a JOIN keyed b ON a.block = b.block AND a.ckey = b.ckey WHERE a.zip IS NULL
  UNION ALL
  SELECT a.rid, b.rid FROM keyed a JOIN keyed b ON a.block = b.block AND a.ckey = b.ckey WHERE b.zip IS NULL AND a.zip IS NOT NULL
) WHERE better_rid < rid; -- ranked better: a record with itself is no pair

-- The rule, on those few pairs. The merging side is read first, on its own: left to itself, the
-- optimizer joined every record with every other of its name and state on the rule's equalities.
CREATE OR REPLACE TEMP TABLE candidates AS
WITH merging AS MATERIALIZED (SELECT p.better_rid, l.* FROM blocked p JOIN located l USING (rid))
SELECT a.rid, b.rid AS better_rid
FROM merging a JOIN located b ON b.rid = a.better_rid
WHERE a.rejection IS NULL AND b.rejection IS NULL AND a.nkey = b.nkey AND a.state = b.state AND b.rid < a.rid
  AND (a.zip = b.zip OR ((a.zip IS NULL OR b.zip IS NULL) AND a.ckey = b.ckey))
  AND (a.skey IS NULL OR b.skey IS NULL OR a.skey = b.skey)
  AND a.suite_key IS NOT DISTINCT FROM b.suite_key
  AND a.program_key IS NOT DISTINCT FROM b.program_key
  AND (a.phone_key IS NULL OR a.phone_key = b.phone_key)
  AND (a.level_of_care IS NULL OR a.level_of_care = b.level_of_care);
DROP TABLE blocked;

-- The services of the records in those pairs, as sorted lists (only these few are compared).
CREATE OR REPLACE TEMP TABLE claimed AS
SELECT l.rid, list(DISTINCT c.code ORDER BY c.code) AS services
FROM located l JOIN claimed_codes c USING (file_order, src_index)
WHERE l.rid IN (SELECT rid FROM candidates UNION ALL SELECT better_rid FROM candidates)
GROUP BY l.rid;

CREATE OR REPLACE TEMP TABLE dup_of AS
SELECT p.rid, min(p.better_rid) AS better_rid
FROM candidates p LEFT JOIN claimed a ON a.rid = p.rid LEFT JOIN claimed b ON b.rid = p.better_rid
WHERE a.services IS NULL OR a.services = b.services
GROUP BY p.rid;

CREATE OR REPLACE TEMP TABLE survivor_of AS
WITH RECURSIVE chain(rid, target) AS (
  SELECT rid, better_rid FROM dup_of
  UNION ALL
  SELECT c.rid, d.better_rid FROM chain c JOIN dup_of d ON d.rid = c.target
)
SELECT rid, target AS survivor_rid FROM chain WHERE target NOT IN (SELECT rid FROM dup_of);

DROP TABLE candidates; DROP TABLE dup_of;
