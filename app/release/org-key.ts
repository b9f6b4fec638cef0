// The key a lookup of one organization's rows prunes on. DuckDB 0.9.1 (duckdb-wasm 1.28) keeps
// 8 bytes of a Parquet string's minimum and maximum, and the ids share their first 8
// ("SAMHSA_O…"), so a lookup by org_id reads and filters every row group of its file (×10:
// all 196 of organizations_by_id, ~450 ms warm; scripts/engines/open-profile.ts). An integer from
// the id's MD5, published beside it in the lookup tables and sorted on, has exact statistics:
// a lookup reads one row group. md5_number_upper gives the same value in DuckDB 0.9.1 and 1.5
// (md5_number and hash do not); 31 of its bits keep it an INTEGER, 4 bytes a row. The app
// computes the same key itself (orgKey) to pick the one file of a table split by key (relation.ts).
import { md5 } from './md5.ts';
import { raw, sql, type Sql } from './sql.ts';

export const ORG_KEY = 'org_key';

/** The key of an id as the build writes it (a column there). */
export function orgKeyOf(id: Sql): Sql {
  return sql`(md5_number_upper(${id}) >> 33)::INTEGER`;
}

/**
 * A key of 63 bits from the same digest, for the text search's word index (search/text-terms.ts),
 * which lists organizations by it: 8 bytes a row against an id's 16 or more. Its 31-bit cousin
 * above repeats among 400k ids (×10); this one must not, and the build refuses a release where
 * it does (scripts/build/integrity.ts), so a row found by its key is the row that was indexed.
 */
export function textKeyOf(id: Sql): Sql {
  return sql`(md5_number_upper(${id}) >> 1)::BIGINT`;
}

/** The key of an id, computed here: md5_number_upper is the digest's first 8 bytes little-endian, so its top 31 bits are bytes 4–7's top 31. */
export function orgKey(id: string): number {
  return new DataView(md5(id).buffer).getUint32(4, true) >>> 1;
}

/** The rows of one organization in a table published with its key: the key prunes, the id settles a shared key. */
export function ofOrganization(alias: string, orgId: string): Sql {
  return sql`${raw(`${alias}.${ORG_KEY}`)} = ${orgKey(orgId)} AND ${raw(`${alias}.org_id`)} = ${orgId}`;
}
