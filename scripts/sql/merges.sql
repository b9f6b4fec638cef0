-- The evidence behind each merge, for the merges CSV and the build report: how each key that
-- resolve.sql compares stood between the merged record and its survivor, and which fields
-- matched as keys while their text differed ("12 Main St" / "12 Main Street").

-- The value both share; "(none)" when neither has one; which side lacks it; or both values
-- (only a ZIP, city or street can differ: when a chain of merges joins two records through a third).
CREATE OR REPLACE MACRO match_note(a, b) AS CASE
  WHEN a IS NULL AND b IS NULL THEN '(none)'
  WHEN a = b THEN a
  WHEN a IS NULL THEN b || ' (the merged record has none)'
  WHEN b IS NULL THEN a || ' (the survivor has none)'
  ELSE a || ' ≠ ' || b END;

CREATE OR REPLACE TEMP TABLE merge_evidence AS
SELECT m.file_order, m.src_file AS file, m.src_index AS record, m.src_id AS id, m.merged_into,
  t.src_file AS survivor_file, t.src_index AS survivor_record,
  struct_pack(
    name_key := match_note(m.nkey, t.nkey), state := match_note(m.state, t.state),
    zip := match_note(m.zip, t.zip), city := match_note(m.ckey, t.ckey), street := match_note(m.skey, t.skey),
    suite := match_note(m.suite_key, t.suite_key), program := match_note(m.program_key, t.program_key),
    level := match_note(m.level_of_care, t.level_of_care), phone := match_note(m.phone_key, t.phone_key),
    services := match_note(array_to_string(ms.services, ' '), array_to_string(ts.services, ' '))) AS matched,
  list_filter([
    struct_pack(field := 'name', text := m.name, survivor_text := t.name),
    struct_pack(field := 'program_name', text := m.program_name, survivor_text := t.program_name),
    struct_pack(field := 'street', text := m.address_line1, survivor_text := t.address_line1),
    struct_pack(field := 'suite', text := m.address_line2, survivor_text := t.address_line2),
    struct_pack(field := 'city', text := m.city, survivor_text := t.city),
    struct_pack(field := 'state', text := m.state_raw, survivor_text := t.state_raw),
    struct_pack(field := 'zip', text := m.zip_raw, survivor_text := t.zip_raw),
    struct_pack(field := 'phone', text := m.phone_raw, survivor_text := t.phone_raw)],
    lambda d: d.text <> d.survivor_text) AS differed_in_text
FROM resolved m JOIN resolved t ON t.rid = m.survivor_rid
LEFT JOIN claimed ms ON ms.rid = m.rid LEFT JOIN claimed ts ON ts.rid = t.rid
WHERE m.status = 'merged'
ORDER BY m.file_order, m.src_index;
DROP TABLE claimed;
