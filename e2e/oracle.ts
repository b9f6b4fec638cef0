// An independent answer to "which organizations match?": native DuckDB in Node over the
// same Parquet the app reads, with SQL written here, not by the app's query builder.
import { DuckDBInstance } from '@duckdb/node-api';

/** The release the page serves by default; specs with a release of their own pass its folder. */
const DATA = 'dist/data';

/**
 * The ZIP's point, and each organization's distance from it in miles (haversine). Facilities
 * that treat mental health only are left out, as the page does unless asked.
 */
const near = (data: string) => `here AS (
    SELECT latitude AS lat, longitude AS lon FROM read_parquet('${data}/gazetteer/*.parquet')
    WHERE kind = 'zip' AND key = $zip
  ), located AS (
    SELECT o.*, 2 * 3958.8 * asin(sqrt(pow(sin(radians(o.latitude - here.lat) / 2), 2)
      + cos(radians(here.lat)) * cos(radians(o.latitude)) * pow(sin(radians(o.longitude - here.lon) / 2), 2))) AS miles
    FROM read_parquet('${data}/organizations/*/*.parquet', hive_partitioning = true) o
    CROSS JOIN here
    LEFT JOIN read_parquet('${data}/treatment_centers/*.parquet', hive_partitioning = true) mh
      ON mh.org_id = o.org_id AND mh.facility_type = 'MH'
    WHERE o.latitude IS NOT NULL AND mh.org_id IS NULL
  )`;

export async function oracleRows(sql: string, params: Record<string, string | number> = {}): Promise<Record<string, unknown>[]> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    return (await db.runAndReadAll(sql, params)).getRowObjectsJS();
  } finally {
    db.closeSync();
  }
}

export async function oracleCount(opts: { zip: string; miles: number; treatmentWhere?: string; data?: string }): Promise<number> {
  const data = opts.data ?? DATA;
  const [{ n }] = await oracleRows(`WITH ${near(data)}
    SELECT count(*)::INTEGER AS n FROM located o
    ${opts.treatmentWhere ? `LEFT JOIN read_parquet('${data}/treatment_centers/*.parquet', hive_partitioning = true) t USING (org_id)` : ''}
    WHERE o.miles <= $miles ${opts.treatmentWhere ? `AND (${opts.treatmentWhere})` : ''}`, { zip: opts.zip, miles: opts.miles });
  return Number(n);
}

/** How far the nearest organization (whose name holds `named`, lower case, if given) is from a ZIP. */
export async function oracleNearest(zip: string, opts: { named?: string; data?: string } = {}): Promise<number> {
  const [{ miles }] = await oracleRows(`WITH ${near(opts.data ?? DATA)} SELECT min(miles) AS miles FROM located
    WHERE contains(lower(name), $named)`, { zip, named: opts.named ?? '' });
  return Number(miles);
}

/** Organizations within `miles` of a ZIP, nearest first, then by name: the results' own order. */
export async function oracleIds(opts: { zip: string; miles: number; data?: string }): Promise<string[]> {
  const found = await oracleRows(`WITH ${near(opts.data ?? DATA)}
    SELECT org_id FROM located WHERE miles <= $miles ORDER BY miles, lower(name), org_id`, { zip: opts.zip, miles: opts.miles });
  return found.map((r) => String(r.org_id));
}

/** The ZIP a "City, ST" search starts from (the gazetteer's central ZIP of that city). */
export async function centralZip(where: string, data = DATA): Promise<string> {
  const [row] = await oracleRows(`SELECT central_zip FROM read_parquet('${data}/gazetteer/*.parquet')
    WHERE kind = 'city' AND key = lower($where)`, { where });
  return String(row.central_zip);
}

/** The org_id column of a Parquet file, in file order. */
export async function parquetIds(path: string): Promise<string[]> {
  return (await oracleRows(`SELECT org_id FROM read_parquet('${path.replaceAll("'", "''")}')`)).map((r) => String(r.org_id));
}
