-- Normalization rules, one macro each, so the ETL reads as a list of decisions and the
-- unit tests can exercise every rule on its own against real DuckDB.

-- Trimmed text with runs of white space folded; empty means unknown (NULL). Nearly every value
-- has no control character and no double space, so nothing to fold: testing for one costs a
-- third of the global replace, which copies every string (clean_text runs on every text value).
CREATE OR REPLACE MACRO fold_white(v) AS
  CASE WHEN regexp_matches(v, '[\x00-\x1f]|  ') THEN regexp_replace(v, '[\s\x00-\x1f]+', ' ', 'g') ELSE v END;
CREATE OR REPLACE MACRO clean_text(s) AS NULLIF(trim(fold_white(CAST(s AS VARCHAR))), '');

-- A JSON array of strings as a clean list (non-arrays and blanks dropped); NULL when empty.
CREATE OR REPLACE MACRO clean_list(j) AS
  NULLIF(list_filter(list_transform(
    coalesce(TRY_CAST(j AS VARCHAR[]), []),
    lambda x: clean_text(x)), lambda x: x IS NOT NULL), []);

-- Distinct elements in first-seen order (list_distinct does not keep order, and the build
-- must write the same bytes every time).
CREATE OR REPLACE MACRO list_unique(l) AS list_filter(l, lambda x, i: list_position(l, x) = i);

-- Flags arrive as true, "true", "yes", 1, ...; absent means false, and so does a value that is
-- neither yes nor no (flag_value is NULL for it, and warnings.sql reports it).
-- JSON booleans (nearly every flag) skip clean_text's regular expression, and the other words
-- are looked up in a MAP that names them once: written twice (an IN for yes, one for no), the
-- shared lower(clean_text(s)) was computed for every row ahead of the CASE (DuckDB's common
-- subexpressions), booleans and absent flags too (×1: 22 → 4 ms a flag, 16 flags a record).
CREATE OR REPLACE MACRO flag_value(s) AS CASE
  WHEN s IN ('true', 'false') THEN s = 'true'
  ELSE MAP {'true': true, 'yes': true, 'y': true, '1': true, 't': true,
            'false': false, 'no': false, 'n': false, '0': false, 'f': false}[lower(clean_text(s))] END;
CREATE OR REPLACE MACRO truthy(s) AS coalesce(flag_value(s), false);

-- US phones as people dial them: (256) 734-4688, or (256) 734-4688 ext. 3971. The number is
-- the first ten digits (after a leading 1 or +1), written in any of the usual ways; a vanity
-- number's letters are read off the keypad (SAMHSA lists "888-PARNEXT" beside 888-727-6398).
-- After the number may come an extension ("x3971" in SAMHSA's files; "ext. 12", "extension
-- 12", "#12", ",12" and ";ext=12" elsewhere); anything else there is an unread tail: the
-- number is kept and the build warns (warnings.sql). Fewer than ten digits is no phone. An
-- extension of zeros is none: SAMHSA's 2022 directory lists 120 numbers with "x0" (29 main phones), which the
-- page showed as "ext. 0" and dialled as a 0 pressed after the call was answered.
CREATE OR REPLACE MACRO phone_digits(s) AS regexp_replace(CAST(s AS VARCHAR), '[^0-9]', '', 'g');
CREATE OR REPLACE MACRO phone_numeric_parts(v) AS regexp_extract(v,
  '^\D*?(?:\+?1[\s./-]*)?\(?(\d{3})\)?[\s./-]*(\d{3})[\s./-]*(\d{4})(.*)$', ['area', 'exchange', 'line', 'tail']);
-- Letters only where the number ends or a separator follows: "555-0123 EXT12" is no vanity number.
CREATE OR REPLACE MACRO phone_vanity_parts(v) AS regexp_extract(upper(v),
  '^\D*?(?:\+?1[\s./-]*)?\(?(\d{3})\)?[\s./-]*([0-9A-Z]{3})[\s./-]*([0-9A-Z]{4})(\W.*)?$', ['area', 'exchange', 'line', 'tail']);
CREATE OR REPLACE MACRO phone_extension(tail) AS NULLIF(regexp_extract(tail,
  '(?i)^(?:\s*,+|[\s,;-]*(?:ext(?:ension|n)?|x)\s*[.:=]?|\s*#)\s*(\d{1,6})\s*$', 1), '');
-- {number: ten digits, extension, tail: what follows the number that is neither an extension
-- nor punctuation} or NULL.
CREATE OR REPLACE MACRO phone_of_parts(p) AS CASE WHEN p.area <> '' THEN struct_pack(
  number := p.area || translate(p.exchange || p.line, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '22233344455566677778889999'),
  extension := NULLIF(regexp_replace(phone_extension(p.tail), '^0+$', ''), ''),
  tail := CASE WHEN phone_extension(p.tail) IS NULL AND NOT regexp_matches(p.tail, '^[\s.,;:)-]*$') THEN trim(p.tail) END) END;
CREATE OR REPLACE MACRO phone_read(s) AS phone_of_parts(CASE WHEN phone_numeric_parts(clean_text(s)).area <> ''
  THEN phone_numeric_parts(clean_text(s)) ELSE phone_vanity_parts(clean_text(s)) END);
CREATE OR REPLACE MACRO format_phone(p) AS
  '(' || p.number[1:3] || ') ' || p.number[4:6] || '-' || p.number[7:10] || coalesce(' ext. ' || p.extension, '');
-- phone_read goes into a one-element list and format_phone reads it there: a macro is pasted
-- in where it is called, and format_phone(phone_read(s)) pasted phone_read's regular
-- expressions four times (norm_phones twice more), 0.12 s of planning per norm_phones call.
CREATE OR REPLACE MACRO norm_phone(s) AS list_transform([phone_read(s)], lambda p: format_phone(p))[1];
-- A JSON array of phones, each normalized; unusable ones and repeats left out; NULL when empty.
-- Absent lists skip the lambdas: DuckDB ran them for every row, NULL or not (5.5 CPU seconds
-- for the ×10 sample's treatment centers, which list no intake or hotline numbers).
CREATE OR REPLACE MACRO norm_phones(j) AS CASE WHEN j IS NOT NULL THEN
  NULLIF(list_unique(list_filter(list_transform(coalesce(clean_list(j), []), lambda p: norm_phone(p)), lambda p: p IS NOT NULL)), []) END;

-- The service codes a treatment center's boolean flags stand for (standard_outpatient → ORT, ...).
CREATE OR REPLACE MACRO flag_codes(r) AS list_filter([
    CASE WHEN truthy(r.standard_outpatient) THEN 'ORT' END, CASE WHEN truthy(r.intensive_outpatient) THEN 'OIT' END,
    CASE WHEN truthy(r.partial_hospitalization) THEN 'ODT' END, CASE WHEN truthy(r.opioid_treatment_program) THEN 'OTP' END,
    CASE WHEN truthy(r.individual_therapy) THEN 'ICO' END, CASE WHEN truthy(r.group_therapy) THEN 'GCO' END,
    CASE WHEN truthy(r.family_therapy) THEN 'FCO' END, CASE WHEN truthy(r.cognitive_behavioral_therapy) THEN 'CBT' END,
    CASE WHEN truthy(r.serves_adolescents) THEN 'CHLD' END, CASE WHEN truthy(r.serves_adults) THEN 'ADLT' END,
    CASE WHEN truthy(r.serves_seniors) THEN 'SNR' END, CASE WHEN truthy(r.accepts_medicaid) THEN 'MD' END,
    CASE WHEN truthy(r.accepts_medicare) THEN 'MC' END, CASE WHEN truthy(r.accepts_private_insurance) THEN 'PI' END,
    CASE WHEN truthy(r.accepts_cash_self_payment) THEN 'SF' END, CASE WHEN truthy(r.sliding_fee_scale) THEN 'SS' END],
  lambda c: c IS NOT NULL);

-- Only http(s) websites survive; a bare host gets https://. Any other scheme
-- (javascript:, ftp:, data:) or anything with spaces, quotes or angle brackets is dropped.
CREATE OR REPLACE MACRO website_of(v) AS CASE
    WHEN v IS NULL OR regexp_matches(v, '[\s"''<>\\`]') THEN NULL
    WHEN regexp_matches(v, '^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]+)?([/?#].*)?$', 'i') THEN
      lower(regexp_extract(v, '^([A-Za-z]+)://', 1)) || substr(v, strpos(v, '://'))
    WHEN regexp_matches(v, '^[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,}([/?#].*)?$') THEN 'https://' || v
  END;
CREATE OR REPLACE MACRO norm_website(s) AS website_of(clean_text(s));

CREATE OR REPLACE MACRO email_of(v) AS
  CASE WHEN regexp_matches(v, '^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$') THEN v END;
CREATE OR REPLACE MACRO norm_email(s) AS email_of(lower(clean_text(s)));

-- ZIP or ZIP+4 → the 5-digit ZIP; numeric ZIPs that lost their leading zeros are padded.
CREATE OR REPLACE MACRO norm_zip(s) AS
  lpad(NULLIF(regexp_extract(clean_text(s), '^(\d{3,5})(?:-?\d{4})?$', 1), ''), 5, '0');

CREATE OR REPLACE MACRO zip_plus4(s) AS
  NULLIF(regexp_extract(clean_text(s), '^\d{5}-?(\d{4})$', 1), '');

-- A number field: "12", 12 or 12.0; anything else ("twelve", "42,3588") is unknown.
CREATE OR REPLACE MACRO parse_int(s) AS TRY_CAST(clean_text(s) AS INTEGER);

-- NARR certification levels I–IV, written "Level II", "2", "level iv", ...
CREATE OR REPLACE MACRO narr_level(s) AS
  CASE regexp_extract(upper(clean_text(s)), '\b(IV|III|II|I|[1-4])\b', 1)
    WHEN 'I' THEN 1 WHEN '1' THEN 1 WHEN 'II' THEN 2 WHEN '2' THEN 2
    WHEN 'III' THEN 3 WHEN '3' THEN 3 WHEN 'IV' THEN 4 WHEN '4' THEN 4 END;

-- The first whole number in free text: "8 beds" → 8, "5,000+" → 5000, "about 1200" → 1200.
CREATE OR REPLACE MACRO parse_count(s) AS
  TRY_CAST(NULLIF(regexp_extract(replace(CAST(s AS VARCHAR), ',', ''), '(\d{1,9})', 1), '') AS INTEGER);

-- ISO 8601 (with or without a time) or US MM/DD/YYYY; anything else is unknown.
CREATE OR REPLACE MACRO parse_date(s) AS CAST(COALESCE(
  try_strptime(clean_text(s), '%Y-%m-%d'),
  try_strptime(clean_text(s), '%m/%d/%Y'),
  TRY_CAST(clean_text(s) AS TIMESTAMP)) AS DATE);

-- "street, city, ST 12345" with the street and the ZIP optional.
CREATE OR REPLACE MACRO parse_address(s) AS regexp_extract(clean_text(s),
  '^(?:(.+?),\s*)?([^,]+?),\s*([A-Za-z][A-Za-z .]*?)\.?\s*(\d{5}(?:-?\d{4})?)?$',
  ['street', 'city', 'state', 'zip']);

-- Inside the area where US states and territories lie: the western Pacific box holds Guam, the
-- Marianas and the freely associated states SAMHSA lists (Palau, Micronesia, the Marshall Islands).
CREATE OR REPLACE MACRO in_us(lat, lon) AS
  lat BETWEEN -15 AND 72 AND (lon BETWEEN -180 AND -64 OR (lon BETWEEN 130 AND 172 AND lat BETWEEN 0 AND 22));

-- Great-circle distance in statute miles.
CREATE OR REPLACE MACRO haversine_miles(lat1, lon1, lat2, lon2) AS
  2 * 3958.8 * asin(sqrt(
    pow(sin(radians(lat2 - lat1) / 2), 2) +
    cos(radians(lat1)) * cos(radians(lat2)) * pow(sin(radians(lon2 - lon1) / 2), 2)));

-- Standard base-32 geohash, 12 characters. Quantizing to 30 bits per axis and interleaving
-- (longitude first) gives the same bits as the usual bisection, without a loop. Written out
-- character by character: the same as a list_transform over range(12) and range(5), in a
-- quarter of the CPU time (lambdas build lists row by row; these are plain vector arithmetic).
CREATE OR REPLACE MACRO geohash_bit(latq, lonq, k) AS (CASE WHEN k % 2 = 0 THEN lonq ELSE latq END >> (29 - k // 2)) & 1;
CREATE OR REPLACE MACRO geohash_char(latq, lonq, j) AS substr('0123456789bcdefghjkmnpqrstuvwxyz', 1 + CAST(
  (geohash_bit(latq, lonq, 5 * j) << 4) | (geohash_bit(latq, lonq, 5 * j + 1) << 3) | (geohash_bit(latq, lonq, 5 * j + 2) << 2)
  | (geohash_bit(latq, lonq, 5 * j + 3) << 1) | geohash_bit(latq, lonq, 5 * j + 4) AS INTEGER), 1);
CREATE OR REPLACE MACRO geohash_bits(latq, lonq) AS
  geohash_char(latq, lonq, 0) || geohash_char(latq, lonq, 1) || geohash_char(latq, lonq, 2) || geohash_char(latq, lonq, 3)
  || geohash_char(latq, lonq, 4) || geohash_char(latq, lonq, 5) || geohash_char(latq, lonq, 6) || geohash_char(latq, lonq, 7)
  || geohash_char(latq, lonq, 8) || geohash_char(latq, lonq, 9) || geohash_char(latq, lonq, 10) || geohash_char(latq, lonq, 11);
-- ceil(x) - 1 rather than floor(x): a point exactly on a cell edge goes to the lower cell,
-- as the reference bisection (`value > mid`) puts it.
CREATE OR REPLACE MACRO geohash(lat, lon) AS CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN geohash_bits(
  greatest(CAST(ceil((lat + 90) / 180 * 1073741824) AS BIGINT) - 1, 0),
  greatest(CAST(ceil((lon + 180) / 360 * 1073741824) AS BIGINT) - 1, 0)) END;

-- Keys for finding the same organization listed twice (see README, "Duplicates").
CREATE OR REPLACE MACRO name_key(s) AS NULLIF(trim(regexp_replace(regexp_replace(regexp_replace(
  lower(replace(CAST(s AS VARCHAR), '&', ' and ')),
  '[^a-z0-9 ]', ' ', 'g'),
  '\b(the|inc|llc|corp|corporation|co|ltd|pc|pllc)\b', ' ', 'g'),
  '\s+', ' ', 'g')), '');

-- Nested constant patterns: DuckDB compiles each once (a list of patterns would recompile per row).
CREATE OR REPLACE MACRO street_key(s) AS NULLIF(trim(regexp_replace(
  regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
  regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
    regexp_replace(lower(CAST(s AS VARCHAR)), '[^a-z0-9 ]', ' ', 'g'),
    '\bstreet\b', 'st', 'g'), '\bavenue\b', 'ave', 'g'), '\broad\b', 'rd', 'g'), '\bboulevard\b', 'blvd', 'g'),
    '\bdrive\b', 'dr', 'g'), '\blane\b', 'ln', 'g'), '\bcourt\b', 'ct', 'g'), '\bparkway\b', 'pkwy', 'g'),
    '\bplace\b', 'pl', 'g'), '\bnorth\b', 'n', 'g'), '\bsouth\b', 's', 'g'), '\beast\b', 'e', 'g'), '\bwest\b', 'w', 'g'),
  '\s+', ' ', 'g')), '');

-- "Suite 210", "Ste. 210" and "STE 210" alike; "#210" stays apart (no merge rather than a wrong one).
CREATE OR REPLACE MACRO suite_key(s) AS NULLIF(trim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
  regexp_replace(regexp_replace(lower(CAST(s AS VARCHAR)), '[^a-z0-9 ]', ' ', 'g'),
    '\bsuite\b', 'ste', 'g'), '\broom\b', 'rm', 'g'), '\bbuilding\b', 'bldg', 'g'), '\bfloor\b', 'fl', 'g'),
  '\s+', ' ', 'g')), '');

-- formula_safe(v), for the published CSVs, is defined from the release contract's rule (scripts/build/db.ts).
