-- The published schema. CHECKs and NOT NULL are enforced while the build inserts; every key and
-- reference between tables (but the reference tables' own) is checked in one pass per key after
-- loading (build/integrity.ts), so a release that got this far has full referential integrity.

CREATE TABLE states (
  code VARCHAR PRIMARY KEY CHECK (regexp_matches(code, '^[A-Z]{2}$')),
  name VARCHAR NOT NULL UNIQUE,
  fips VARCHAR NOT NULL,
  population_2020 INTEGER NOT NULL
);

CREATE TABLE service_codes (
  code VARCHAR PRIMARY KEY,
  category_code VARCHAR NOT NULL,
  category_name VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  scheme VARCHAR NOT NULL,          -- samhsa_su_2022 | samhsa_locator_mh
  category_order SMALLINT NOT NULL  -- the category's place in SAMHSA's code reference (1: Type of Care)
);

CREATE TABLE organizations (
  org_id VARCHAR NOT NULL,         -- the key (build/integrity.ts)
  org_type VARCHAR NOT NULL CHECK (org_type IN ('treatment_center', 'narr_residence', 'recovery_center', 'recovery_organization')),
  name VARCHAR NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  program_name VARCHAR,             -- SAMHSA's name2 when it names a program or site
  other_names VARCHAR[],
  address_line1 VARCHAR,
  address_line2 VARCHAR,
  city VARCHAR,
  state VARCHAR NOT NULL,           -- → states
  zip VARCHAR CHECK (regexp_matches(zip, '^\d{5}$')),
  zip4 VARCHAR CHECK (regexp_matches(zip4, '^\d{4}$')),
  county VARCHAR,
  -- 'source': the file's; 'position': none given, the county holding where the record is placed
  -- (locate.sql; geo_precision says how exactly: its ZIP's center may lie in a neighbouring county).
  county_source VARCHAR CHECK (county_source IN ('source', 'position')),
  latitude DOUBLE CHECK (latitude BETWEEN -90 AND 90),
  longitude DOUBLE CHECK (longitude BETWEEN -180 AND 180),
  geo_precision VARCHAR NOT NULL CHECK (geo_precision IN ('source', 'zip', 'city', 'none')),
  location_source VARCHAR,          -- where the source's coordinates came from (geo_precision 'source' only)
  geohash VARCHAR CHECK (length(geohash) = 12),
  phone VARCHAR CHECK (regexp_matches(phone, '^\(\d{3}\) \d{3}-\d{4}( ext\. \d{1,6})?$')),
  website VARCHAR CHECK (regexp_matches(website, '^https?://')),
  email VARCHAR,
  data_source VARCHAR,
  last_updated DATE,
  source_file VARCHAR NOT NULL,
  source_index INTEGER NOT NULL,
  source_id VARCHAR,
  generated BOOLEAN NOT NULL,       -- from a file whose header says synthetic: true (the sample generator's)
  CHECK ((geo_precision = 'none') = (latitude IS NULL)),
  CHECK ((county IS NULL) = (county_source IS NULL)),
  CHECK ((latitude IS NULL) = (longitude IS NULL) AND (latitude IS NULL) = (geohash IS NULL))
);

CREATE TABLE treatment_centers (
  org_id VARCHAR NOT NULL,          -- → organizations of its type; the key
  state VARCHAR NOT NULL,
  level_of_care VARCHAR NOT NULL CHECK (level_of_care IN ('outpatient', 'residential', 'inpatient')),
  facility_type VARCHAR CHECK (facility_type IN ('SU', 'MH', 'SUMH')),
  standard_outpatient BOOLEAN NOT NULL,
  intensive_outpatient BOOLEAN NOT NULL,
  partial_hospitalization BOOLEAN NOT NULL,
  medication_assisted_treatment BOOLEAN NOT NULL,
  opioid_treatment_program BOOLEAN NOT NULL,
  individual_therapy BOOLEAN NOT NULL,
  group_therapy BOOLEAN NOT NULL,
  family_therapy BOOLEAN NOT NULL,
  cognitive_behavioral_therapy BOOLEAN NOT NULL,
  serves_adolescents BOOLEAN NOT NULL,
  serves_adults BOOLEAN NOT NULL,
  serves_seniors BOOLEAN NOT NULL,
  accepts_medicaid BOOLEAN NOT NULL,
  accepts_medicare BOOLEAN NOT NULL,
  accepts_private_insurance BOOLEAN NOT NULL,
  accepts_cash_self_payment BOOLEAN NOT NULL,
  sliding_fee_scale BOOLEAN NOT NULL,
  -- Derived from service codes (see sql/populate.sql): the filters people ask for.
  offers_methadone BOOLEAN NOT NULL,
  offers_buprenorphine BOOLEAN NOT NULL,
  offers_naltrexone BOOLEAN NOT NULL,
  offers_detox BOOLEAN NOT NULL,
  spanish BOOLEAN NOT NULL,
  minimum_age INTEGER CHECK (minimum_age BETWEEN 0 AND 120),
  maximum_age INTEGER CHECK (maximum_age BETWEEN 0 AND 120),
  outpatient_capacity INTEGER CHECK (outpatient_capacity >= 0),
  residential_capacity INTEGER CHECK (residential_capacity >= 0),
  inpatient_capacity INTEGER CHECK (inpatient_capacity >= 0),
  current_census INTEGER CHECK (current_census >= 0),
  quality_score DOUBLE CHECK (quality_score BETWEEN 0 AND 5),
  license_numbers VARCHAR[],
  state_license VARCHAR,
  federal_certification VARCHAR,
  accreditations VARCHAR[],
  accreditation_status VARCHAR,
  last_inspection_date DATE,
  intake_phones VARCHAR[],          -- formatted as organizations.phone
  hotline_phones VARCHAR[],
  CHECK (minimum_age <= maximum_age)
);

CREATE TABLE narr_residences (
  org_id VARCHAR NOT NULL,          -- → organizations of its type; the key
  certification_level INTEGER CHECK (certification_level BETWEEN 1 AND 4),
  capacity INTEGER CHECK (capacity >= 0),
  gender VARCHAR CHECK (gender IN ('men', 'women', 'coed')),
  gender_specific VARCHAR,          -- the source's own words, e.g. "Women & Children"
  specializations VARCHAR[],
  affiliate_state VARCHAR,          -- → states
  affiliate_organization VARCHAR,
  affiliate_website VARCHAR CHECK (regexp_matches(affiliate_website, '^https?://'))
);

CREATE TABLE recovery_centers (
  org_id VARCHAR NOT NULL,          -- → organizations of its type; the key
  certification_status VARCHAR,
  services VARCHAR[],
  funding_sources VARCHAR[],
  annual_reach INTEGER CHECK (annual_reach >= 0),
  annual_reach_text VARCHAR,
  target_populations VARCHAR[],
  leadership VARCHAR,
  operating_hours STRUCT(monday VARCHAR, tuesday VARCHAR, wednesday VARCHAR, thursday VARCHAR,
                         friday VARCHAR, saturday VARCHAR, sunday VARCHAR),
  operating_hours_text VARCHAR,
  facebook VARCHAR,
  twitter VARCHAR,
  instagram VARCHAR,
  linkedin VARCHAR
);

CREATE TABLE recovery_organizations (
  org_id VARCHAR NOT NULL,          -- → organizations of its type; the key
  organization_kind VARCHAR,        -- the source's `type`
  category VARCHAR,
  focus VARCHAR,
  mission VARCHAR,
  advocacy_priorities VARCHAR[],
  geographic_scope VARCHAR,
  key_programs VARCHAR[],
  membership_type VARCHAR,
  primary_state VARCHAR,            -- → states
  national BOOLEAN NOT NULL
);

-- The two link tables have ~1M and ~200k rows at ×1: their references and their keys are
-- checked in one pass each after loading (build/integrity.ts fails the build on any orphan or
-- repeated key); per-row foreign keys made the insert three times slower, and the primary key's
-- index cost about 3 s of network_relationships at ×10.
CREATE TABLE organization_services (
  org_id VARCHAR NOT NULL,          -- → organizations
  code VARCHAR NOT NULL             -- → service_codes; (org_id, code) is the key
);

CREATE TABLE network_relationships (
  org_id VARCHAR NOT NULL,          -- → organizations
  related_org_id VARCHAR NOT NULL,  -- → organizations
  relationship VARCHAR NOT NULL,
  related_type VARCHAR NOT NULL,
  distance_miles FLOAT NOT NULL CHECK (distance_miles BETWEEN 0 AND 25),
  travel_minutes SMALLINT NOT NULL CHECK (travel_minutes >= 0),
  strength FLOAT NOT NULL CHECK (strength BETWEEN 0 AND 1),
  CHECK (org_id <> related_org_id)  -- (org_id, related_org_id) is the key
);

CREATE TABLE gazetteer (
  kind VARCHAR NOT NULL CHECK (kind IN ('zip', 'city')),
  key VARCHAR NOT NULL,             -- '02139' or 'cambridge, ma'
  city VARCHAR,                     -- as written: 'Cambridge'
  state VARCHAR,
  latitude FLOAT NOT NULL,          -- centroids: 4-byte floats keep them to about a metre
  longitude FLOAT NOT NULL,
  source VARCHAR NOT NULL,          -- zip: geonames | zcta | town; city: place | zip-median (scripts/build/gazetteer.ts)
  central_zip VARCHAR,              -- city: the ZIP whose point it takes ('New York, NY' searches as this ZIP)
  zip_count INTEGER,                -- city: how many ZIPs name it (the larger first where a name is ambiguous); zip: NULL
  PRIMARY KEY (kind, key),
  CHECK ((kind = 'city') = (central_zip IS NOT NULL))
);

-- Not published: the counties and their outlines, an edge a row for each degree of latitude it
-- spans (scripts/build/county-outlines.ts), to tell the county a point lies in (locate.sql).
CREATE TABLE counties (
  fips VARCHAR PRIMARY KEY,         -- '21019'
  name VARCHAR NOT NULL             -- 'Boyd'
);
CREATE TABLE county_edges (
  fips VARCHAR NOT NULL,            -- → counties
  band INTEGER NOT NULL,            -- a whole degree of latitude the edge spans (its floor)
  lat1 DOUBLE NOT NULL,
  lon1 DOUBLE NOT NULL,
  lat2 DOUBLE NOT NULL,
  lon2 DOUBLE NOT NULL
);
