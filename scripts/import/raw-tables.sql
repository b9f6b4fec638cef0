-- Where each input lands as published (every value text), one table per format, before
-- listings.sql gives them one shape. row_no is the record's place in its file (1 = the
-- first row after the header), for messages and stable ordering.

CREATE OR REPLACE TEMP TABLE inputs (
  input_no INTEGER, format VARCHAR, role VARCHAR, file VARCHAR, label VARCHAR,
  data_date VARCHAR, default_type VARCHAR);

CREATE OR REPLACE TEMP TABLE raw_directory (
  input_no INTEGER, row_no INTEGER,
  name1 VARCHAR, name2 VARCHAR, street1 VARCHAR, street2 VARCHAR, city VARCHAR, state VARCHAR, zip VARCHAR,
  phone VARCHAR, intake1 VARCHAR, intake2 VARCHAR, intake1a VARCHAR, intake2a VARCHAR, service_code_info VARCHAR);

CREATE OR REPLACE TEMP TABLE raw_service_codes (
  input_no INTEGER, row_no INTEGER,
  category_code VARCHAR, category_name VARCHAR, service_code VARCHAR, service_name VARCHAR, service_description VARCHAR);

CREATE OR REPLACE TEMP TABLE raw_locator_geocoded (
  input_no INTEGER, row_no INTEGER,
  name1 VARCHAR, name2 VARCHAR, street1 VARCHAR, street2 VARCHAR, city VARCHAR, state VARCHAR, zip VARCHAR,
  zip4 VARCHAR, county VARCHAR, latitude VARCHAR, longitude VARCHAR);

CREATE OR REPLACE TEMP TABLE raw_locator_wide (
  input_no INTEGER, row_no INTEGER,
  name1 VARCHAR, name2 VARCHAR, street1 VARCHAR, street2 VARCHAR, city VARCHAR, state VARCHAR, zip VARCHAR,
  zip4 VARCHAR, county VARCHAR, phone VARCHAR, intake_prompt VARCHAR, intake1 VARCHAR, intake2 VARCHAR,
  website VARCHAR, latitude VARCHAR, longitude VARCHAR, type_facility VARCHAR);

-- The wide export's code columns, unpivoted: one row per record and code it holds.
CREATE OR REPLACE TEMP TABLE raw_locator_wide_codes (input_no INTEGER, row_no INTEGER, code VARCHAR);

CREATE OR REPLACE TEMP TABLE raw_locator_api (
  input_no INTEGER, row_no INTEGER,
  name1 VARCHAR, name2 VARCHAR, street1 VARCHAR, street2 VARCHAR, city VARCHAR, state VARCHAR, zip VARCHAR,
  phone VARCHAR, intake1 VARCHAR, hotline1 VARCHAR, website VARCHAR, latitude VARCHAR, longitude VARCHAR,
  typeFacility VARCHAR, services JSON, frid VARCHAR, miles VARCHAR, _irow VARCHAR);
