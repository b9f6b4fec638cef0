// Test helper: SAMHSA's 2022 National Directory (shared/real-world, not in the project) as a
// treatment-centers source file, so the build can be tried on real listings. A rough
// conversion, enough for the build's tests; the real importer is `npm run import:samhsa`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { literal } from '../../app/release/sql-text.ts';
import { openDb } from './db.ts';

export const DIRECTORY_2022 = fileURLToPath(
  new URL('../../../shared/real-world/samhsa_national_directory_su_2022_facilities.csv', import.meta.url));

export const hasDirectory2022 = () => existsSync(DIRECTORY_2022);

/** Writes `treatment_centers_master.json` for the 2022 directory into `dir`. */
export async function writeDirectory2022Source(dir: string): Promise<void> {
  const db = await openDb();
  try {
    // One row holding the header and the whole array: COPY writes it as one JSON object.
    await db.run(`COPY (
      WITH facility AS (
        SELECT *, row_number() OVER () AS n, list_filter(string_split(coalesce(service_code_info, ''), ' '), lambda c: c NOT IN ('', '*')) AS codes
        FROM read_csv(${literal(DIRECTORY_2022)}, header = true, all_varchar = true)
      )
      SELECT '2022' AS extraction_date, -- the year alone, as the import dates SAMHSA's yearly directory
        'SAMHSA National Directory of Substance Use Treatment Facilities 2022' AS data_source,
        list({
          facility_name: name1, program_name: name2, address_line1: street1, address_line2: street2,
          city: city, state: state, zip_code: zip, phone: phone,
          intake_phones: list_filter([intake1, intake2, intake1a, intake2a], lambda p: p IS NOT NULL),
          service_codes: codes,
          -- The most intensive Service Setting: hospital inpatient, then residential.
          level_of_care: CASE WHEN len(list_intersect(codes, ['HI', 'HID', 'HIT'])) > 0 THEN 'inpatient'
                              WHEN len(list_intersect(codes, ['RES', 'RD', 'RL', 'RS'])) > 0 THEN 'residential'
                              ELSE 'outpatient' END
        } ORDER BY n) AS all_facilities
      FROM facility
    ) TO ${literal(join(dir, 'treatment_centers_master.json'))} (FORMAT JSON)`);
  } finally {
    db.closeSync();
  }
}
