// The key a lookup of one organization's rows prunes on. DuckDB 0.9.1 (duckdb-wasm 1.28) keeps
// 8 bytes of a Parquet string's minimum and maximum, and the ids share their first 8
// ("SAMHSA_O…"), so a lookup by org_id reads and filters every row group of its file (×10:
// all 196 of organizations_by_id, ~450 ms warm; scripts/engines/open-profile.ts). An integer from
// the id's MD5, published beside it in the lookup tables and sorted on, has exact statistics:
// a lookup reads one row group. md5_number_upper gives the same value in DuckDB 0.9.1 and 1.5
// (md5_number and hash do not); 31 of its bits keep it an INTEGER, 4 bytes a row.
import { raw, sql, type Sql } from './sql.ts';

export const ORG_KEY = 'org_key';

/** The key of an id (a bound value in the app, a column in the build). */
export function orgKeyOf(id: Sql): Sql {
  return sql`(md5_number_upper(${id}) >> 33)::INTEGER`;
}

/** The rows of one organization in a table published with its key: the key prunes, the id settles a shared key. */
export function ofOrganization(alias: string, orgId: string): Sql {
  return sql`${raw(`${alias}.${ORG_KEY}`)} = ${orgKeyOf(sql`${orgId}`)} AND ${raw(`${alias}.org_id`)} = ${orgId}`;
}
