-- located and survivor_of (dedupe.sql) → resolved: each record's organization id and its
-- fate: loaded, merged or rejected.

-- 1. Ids: the source's when usable, else one derived from type, name, address, suite and
--    program name, so the same record gets the same id on every build. Listings that still
--    hash alike (they differ only in phone, level of care or services) are numbered in rank
--    order after the first: TC_…_2, TC_…_3.
CREATE OR REPLACE TEMP TABLE identified AS
WITH derived AS NOT MATERIALIZED (
  SELECT l.*, so.survivor_rid,
    regexp_matches(coalesce(l.src_id, ''), '^[A-Za-z0-9_.:-]{1,64}$') AS src_id_usable,
    CASE l.org_type WHEN 'treatment_center' THEN 'TC_' WHEN 'narr_residence' THEN 'NARR_'
                    WHEN 'recovery_center' THEN 'RCC_' ELSE 'RCO_' END
      -- concat_ws skips NULLs: a record without suite or program keeps the id it always had.
      || substr(md5(concat_ws('|', l.org_type, l.nkey, coalesce(l.skey, ''), coalesce(l.zip, l.ckey, ''), l.state,
                              l.suite_key, l.program_key)), 1, 12) AS derived_id
  FROM located l LEFT JOIN survivor_of so USING (rid)
), sibling AS (
  -- The loaded records that take a derived id, numbered per id in rank order: only the rid and
  -- the number are sorted (a window over `derived` sorted all its columns: ×10 two thirds of
  -- the statement, spilled), and only the few past the first are joined back.
  SELECT rid, n FROM (
    SELECT rid, row_number() OVER (PARTITION BY derived_id ORDER BY rid) AS n
    FROM derived WHERE NOT src_id_usable AND rejection IS NULL AND survivor_rid IS NULL
  ) WHERE n > 1
)
SELECT d.* EXCLUDE (derived_id),
  CASE WHEN src_id_usable THEN src_id
       WHEN rejection IS NULL AND survivor_rid IS NULL THEN derived_id || coalesce('_' || sibling.n, '')
       ELSE derived_id END AS org_id
FROM derived d LEFT JOIN sibling USING (rid);

-- 2. Fate. Two different records claiming one id: the later is rejected, naming the first.
CREATE OR REPLACE TEMP TABLE resolved AS
WITH firsts AS (
  -- The ids two or more records claim, each with its first record (an aggregate: few rows to
  -- join back, where a window sorted every record).
  SELECT org_id, min(rid) AS first_rid, arg_min(src_file, rid) AS first_file, arg_min(src_index, rid) AS first_index
  FROM identified WHERE rejection IS NULL AND survivor_rid IS NULL
  GROUP BY org_id HAVING count(*) > 1
), fate AS NOT MATERIALIZED (
  -- Not materialized: read twice below, and the second read wants four columns of the few
  -- survivors, not a copy of every record.
  SELECT i.*,
    CASE WHEN i.rejection IS NULL AND i.survivor_rid IS NULL AND s.first_rid <> i.rid THEN struct_pack(field := 'id',
      reason := format('duplicate id "{}" (first used by {} record {:d})', i.org_id, s.first_file, s.first_index))
    END AS id_conflict
  FROM identified i LEFT JOIN firsts s USING (org_id)
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
FROM fate f
LEFT JOIN (SELECT * FROM fate WHERE rid IN (SELECT survivor_rid FROM survivor_of)) t ON t.rid = f.survivor_rid;

-- Each step's table goes once the next no longer reads it (merges.sql still reads `claimed`).
DROP TABLE located; DROP TABLE identified; DROP TABLE survivor_of;
