// How far the build's gazetteer puts a facility from its true position, by its ZIP and by its
// "City, ST", measured on SAMHSA's 14,034 geocoded facilities (shared/real-world, not in the
// project). The city figures say how far a "City, ST" search starts from where the city's
// facilities are.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { literal } from '../../app/release/sql-text.ts';
import { openDb, rows } from './db.ts';
import { prepareDatabase } from './reference.ts';

export const REAL_GEOCODED = fileURLToPath(new URL('../../../shared/real-world/samhsa_locator_su_facilities_2021_geocoded.csv', import.meta.url));

export interface GeocoderAccuracy {
  facilities: number;
  located: number;
  median_miles: number;
  p90_miles: number;
  p99_miles: number;
  city_located: number;
  city_median_miles: number;
  city_p90_miles: number;
}

export async function measureGeocoder(csvPath = REAL_GEOCODED): Promise<GeocoderAccuracy | null> {
  if (!existsSync(csvPath)) return null;
  const db = await openDb();
  try {
    await prepareDatabase(db);
    // The same ZIP normalization and gazetteer lookups as sql/resolve.sql.
    const [r] = await rows<GeocoderAccuracy>(db, `
      WITH truth AS (
        SELECT norm_zip(zip) AS zip, lower(city) || ', ' || lower(state) AS city_key,
          TRY_CAST(latitude AS DOUBLE) AS lat, TRY_CAST(longitude AS DOUBLE) AS lon
        FROM read_csv(${literal(csvPath)}, header = true, all_varchar = true)
      ), errors AS (
        SELECT g.kind, haversine_miles(t.lat, t.lon, g.latitude, g.longitude) AS miles
        FROM truth t JOIN gazetteer g ON (g.kind = 'zip' AND g.key = t.zip) OR (g.kind = 'city' AND g.key = t.city_key)
      )
      SELECT (SELECT count(*) FROM truth) AS facilities,
        count(*) FILTER (WHERE kind = 'zip') AS located,
        round(median(miles) FILTER (WHERE kind = 'zip'), 2) AS median_miles,
        round(quantile_cont(miles, 0.9) FILTER (WHERE kind = 'zip'), 2) AS p90_miles,
        round(quantile_cont(miles, 0.99) FILTER (WHERE kind = 'zip'), 2) AS p99_miles,
        count(*) FILTER (WHERE kind = 'city') AS city_located,
        round(median(miles) FILTER (WHERE kind = 'city'), 2) AS city_median_miles,
        round(quantile_cont(miles, 0.9) FILTER (WHERE kind = 'city'), 2) AS city_p90_miles
      FROM errors`);
    return r;
  } finally {
    db.closeSync();
  }
}
