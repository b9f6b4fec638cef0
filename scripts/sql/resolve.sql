-- staged → resolved: where each record is (geocoding), whether it repeats an earlier one
-- (dedupe), its organization id, and its fate: loaded, merged or rejected.

-- 1. Location. Source coordinates when they fall in the US (swapped pairs are put back);
--    otherwise the ZIP's centroid (if the ZIP is in the record's state), then the city's.
-- The parsed record `r` (80-odd fields) stays in `staged`; populate.sql joins it back for
-- the loaded rows only, instead of copying it through every step here.
CREATE OR REPLACE TEMP TABLE located AS
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
  -- Earlier files win, then records with their own coordinates, then source order.
  row_number() OVER (ORDER BY s.file_order, s.coord_status IN ('ok', 'swapped') DESC, s.src_index) AS rid
FROM staged s
LEFT JOIN (SELECT * FROM gazetteer WHERE kind = 'zip') z ON z.key = s.zip
LEFT JOIN (SELECT * FROM gazetteer WHERE kind = 'city') c ON c.key = lower(s.city) || ', ' || lower(s.state);

-- 2. Duplicates (README, "Duplicates"). The same place: same name key and state; same ZIP
--    (or, when either lacks one, same city); the same street unless either lacks one. The
--    same listing: the same suite and program name (both absent counts as the same), and the
--    same phone, level of care and services, which the merging record may lack but never
--    its survivor (a merge must not take away a number or a service that was published).
--    A duplicate merges into the best-ranked record it matches, followed to the end of the chain.
CREATE OR REPLACE TEMP TABLE candidates AS
SELECT a.rid, b.rid AS better_rid
FROM located a
JOIN located b ON a.nkey = b.nkey AND a.state = b.state AND b.rid < a.rid
WHERE a.rejection IS NULL AND b.rejection IS NULL
  AND (a.zip = b.zip OR ((a.zip IS NULL OR b.zip IS NULL) AND a.ckey = b.ckey))
  AND (a.skey IS NULL OR b.skey IS NULL OR a.skey = b.skey)
  AND a.suite_key IS NOT DISTINCT FROM b.suite_key
  AND a.program_key IS NOT DISTINCT FROM b.program_key
  AND (a.phone_key IS NULL OR a.phone_key = b.phone_key)
  AND (a.level_of_care IS NULL OR a.level_of_care = b.level_of_care);

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

-- 3. Ids: the source's when usable, else one derived from type, name, address, suite and
--    program name, so the same record gets the same id on every build. Listings that still
--    hash alike (they differ only in phone, level of care or services) are numbered in rank
--    order after the first: TC_…_2, TC_…_3.
CREATE OR REPLACE TEMP TABLE identified AS
WITH derived AS (
  SELECT l.*, so.survivor_rid,
    regexp_matches(coalesce(l.src_id, ''), '^[A-Za-z0-9_.:-]{1,64}$') AS src_id_usable,
    CASE l.org_type WHEN 'treatment_center' THEN 'TC_' WHEN 'narr_residence' THEN 'NARR_'
                    WHEN 'recovery_center' THEN 'RCC_' ELSE 'RCO_' END
      -- concat_ws skips NULLs: a record without suite or program keeps the id it always had.
      || substr(md5(concat_ws('|', l.org_type, l.nkey, coalesce(l.skey, ''), coalesce(l.zip, l.ckey, ''), l.state,
                              l.suite_key, l.program_key)), 1, 12) AS derived_id
  FROM located l LEFT JOIN survivor_of so USING (rid)
)
SELECT * EXCLUDE (derived_id),
  CASE WHEN src_id_usable THEN src_id
       WHEN rejection IS NULL AND survivor_rid IS NULL THEN derived_id || CASE
         WHEN row_number() OVER sibling > 1 THEN '_' || row_number() OVER sibling ELSE '' END
       ELSE derived_id END AS org_id
FROM derived
WINDOW sibling AS (PARTITION BY derived_id, src_id_usable, rejection IS NULL AND survivor_rid IS NULL ORDER BY rid);

-- 4. Fate. Two different records claiming one id: the later is rejected, naming the first.
CREATE OR REPLACE TEMP TABLE resolved AS
WITH survivors AS (
  SELECT rid, org_id, src_file, src_index,
    first_value(rid) OVER w AS first_rid,
    first_value(src_file) OVER w AS first_file,
    first_value(src_index) OVER w AS first_index
  FROM identified WHERE rejection IS NULL AND survivor_rid IS NULL
  WINDOW w AS (PARTITION BY org_id ORDER BY rid)
), fate AS (
  SELECT i.*,
    CASE WHEN i.rejection IS NULL AND s.first_rid <> i.rid THEN struct_pack(field := 'id',
      reason := format('duplicate id "{}" (first used by {} record {:d})', i.org_id, s.first_file, s.first_index))
    END AS id_conflict
  FROM identified i LEFT JOIN survivors s USING (rid)
)
SELECT f.* EXCLUDE (rejection, id_conflict),
  coalesce(f.rejection, f.id_conflict,
    CASE WHEN t.rejection IS NOT NULL OR t.id_conflict IS NOT NULL
         THEN struct_pack(field := '(record)', reason := 'duplicate of a rejected record') END) AS rejection,
  CASE WHEN f.rejection IS NULL AND f.id_conflict IS NULL AND f.survivor_rid IS NOT NULL
        AND t.rejection IS NULL AND t.id_conflict IS NULL THEN t.org_id END AS merged_into,
  CASE WHEN coalesce(f.rejection, f.id_conflict) IS NOT NULL THEN 'rejected'
       WHEN f.survivor_rid IS NULL THEN 'loaded'
       WHEN t.rejection IS NULL AND t.id_conflict IS NULL THEN 'merged'
       ELSE 'rejected' END AS status
FROM fate f LEFT JOIN fate t ON t.rid = f.survivor_rid;

-- Each step's table goes once the next no longer reads it (merges.sql still reads `claimed`).
DROP TABLE located; DROP TABLE identified; DROP TABLE candidates; DROP TABLE dup_of; DROP TABLE survivor_of;
