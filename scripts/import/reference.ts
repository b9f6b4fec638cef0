// The service codes the importer knows: a given code reference (the workbook's "Service Code
// Reference" sheet or its CSV) first, then the project's data/service_codes.csv for codes it
// lacks (DBT); the build's aliases (IOP → OIT); and the locator API's older service names.
import { fileURLToPath } from 'node:url';
import { literal } from '../../app/release/sql-text.ts';
import { rows, type Db } from '../build/db.ts';

const dataFile = (name: string) => fileURLToPath(new URL(`../../data/${name}`, import.meta.url));
const csv = (name: string) => `read_csv(${literal(dataFile(name))}, header = true, all_varchar = true)`;

export interface Reference {
  /** Codes the given reference has and data/service_codes.csv lacks: the build will call them unknown. */
  notInProject: string[];
}

export async function loadReference(db: Db): Promise<Reference> {
  await db.run(`
    CREATE OR REPLACE TEMP TABLE project_codes AS
      SELECT upper(clean_text(code)) AS code, clean_text(category_code) AS category_code,
        clean_text(category_name) AS category_name, clean_text(name) AS name FROM ${csv('service_codes.csv')};
    CREATE OR REPLACE TEMP TABLE ref_codes AS
      SELECT code, arg_min(category_code, row_no) AS category_code, arg_min(category_name, row_no) AS category_name,
        arg_min(name, row_no) AS name
      FROM (SELECT upper(clean_text(service_code)) AS code, clean_text(category_code) AS category_code,
              clean_text(category_name) AS category_name, clean_text(service_name) AS name, input_no * 1e6 + row_no AS row_no
            FROM raw_service_codes) WHERE code IS NOT NULL GROUP BY code
      UNION ALL
      SELECT * FROM project_codes WHERE code NOT IN (SELECT upper(clean_text(service_code)) FROM raw_service_codes WHERE service_code IS NOT NULL);
    CREATE OR REPLACE TEMP TABLE code_aliases AS
      SELECT upper(clean_text(alias)) AS alias, upper(clean_text(code)) AS code FROM ${csv('service_code_aliases.csv')};
    -- Names compare case-blind with runs of spaces folded ("with naloxone  (Suboxone®)").
    CREATE OR REPLACE TEMP TABLE name_aliases AS
      SELECT lower(clean_text(name)) AS name_key, upper(clean_text(code)) AS code FROM ${csv('locator_service_names.csv')};`);
  const notInProject = await rows<{ code: string }>(db,
    'SELECT code FROM ref_codes WHERE code NOT IN (SELECT code FROM project_codes) ORDER BY code');
  return { notInProject: notInProject.map((r) => r.code) };
}
