-- Bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) out
-- of every text value, before anything reads the records: a right-to-left override in a name
-- reverses what a visitor reads after it. The fields that held one are kept in bidi_fields for
-- warnings.sql. They are rare, so records are tested with contains() first: at ×1 a regular
-- expression over every record cost about 6× more, and translate() inside clean_text (which
-- every text value passes through) about 3× more than clean_text alone.

CREATE OR REPLACE TEMP MACRO has_bidi(s) AS list_bool_or(list_transform(
  [8234, 8235, 8236, 8237, 8238, 8294, 8295, 8296, 8297, 8206, 8207, 1564], lambda c: contains(s, chr(c))));
CREATE OR REPLACE TEMP MACRO without_bidi(s) AS
  regexp_replace(s, '[\x{202A}-\x{202E}\x{2066}-\x{2069}\x{200E}\x{200F}\x{061C}]', '', 'g');

-- Records were re-serialized when they were split out of their file, so an escaped \u202E is
-- a character here like any other. The few records holding one are found in one pass over the
-- text and updated by key: the UPDATE's own test read the whole text a second time.
CREATE OR REPLACE TEMP TABLE bidi_touched AS
SELECT file_order, src_index, rec FROM raw_records WHERE has_bidi(CAST(rec AS VARCHAR));

CREATE OR REPLACE TEMP TABLE bidi_fields AS
SELECT file_order, src_index, regexp_replace(t.fullkey, '^\$\.', '') AS field,
  length(t.value ->> '$') - length(without_bidi(t.value ->> '$')) AS removed
FROM bidi_touched touched, json_tree(touched.rec) t
WHERE t.type = 'VARCHAR' AND has_bidi(t.value ->> '$');

UPDATE raw_records SET rec = without_bidi(CAST(t.rec AS VARCHAR)) FROM bidi_touched t
WHERE raw_records.file_order = t.file_order AND raw_records.src_index = t.src_index;
DROP TABLE bidi_touched;
