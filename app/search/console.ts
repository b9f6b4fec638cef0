// The SQL console's state as plain values: the history kept in the browser, and the sample
// queries analysts start from (its query's place in the URL is url.ts's).
import { namesIn } from '../release/sql-text.ts';

export const MAX_SQL = 20_000;
const HISTORY_SIZE = 50;

/** Newest first, each query once. */
export function remember(history: string[], sql: string): string[] {
  const text = sql.trim();
  return text ? [text, ...history.filter((h) => h !== text)].slice(0, HISTORY_SIZE) : history;
}

export function parseHistory(stored: string | null): string[] {
  try {
    const value: unknown = JSON.parse(stored ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, HISTORY_SIZE) : [];
  } catch {
    return [];
  }
}

/**
 * The columns of the tables a query names, each once, for completing a bare column name
 * (the editor's SQL mode completes a column only after `table.` or `alias.`).
 */
export function columnsInScope(sql: string, tables: Record<string, string[]>): { column: string; table: string }[] {
  const names = namesIn(sql); // a name inside a string or a comment is not a table
  const seen = new Map<string, string>();
  for (const [table, columns] of Object.entries(tables)) {
    if (!names.has(table.toLowerCase())) continue;
    for (const column of columns) if (!seen.has(column)) seen.set(column, table);
  }
  return [...seen].map(([column, table]) => ({ column, table }));
}

export interface SampleQuery {
  title: string;
  sql: string;
}

// Plain SQL only: no spatial extension is loaded (or can be), so distance is the haversine.
export const SAMPLE_QUERIES: SampleQuery[] = [
  {
    title: 'Within 10 km of a point (Cambridge, MA), nearest first',
    sql: `SELECT org_id, name, org_type, city, state,
  round(2 * 6371 * asin(sqrt(pow(sin(radians(latitude - 42.3736) / 2), 2)
    + cos(radians(42.3736)) * cos(radians(latitude)) * pow(sin(radians(longitude + 71.1097) / 2), 2))), 2) AS km
FROM organizations
WHERE state = 'MA' AND latitude BETWEEN 42.28 AND 42.46 AND longitude BETWEEN -71.23 AND -70.99
  AND km <= 10
ORDER BY km`,
  },
  {
    title: 'Medicaid and medication-assisted treatment in a state (Ohio)',
    sql: `SELECT o.name, o.city, t.level_of_care, t.offers_buprenorphine, t.offers_methadone, t.offers_naltrexone
FROM treatment_centers t JOIN organizations o USING (org_id)
WHERE t.state = 'OH' AND t.accepts_medicaid AND t.medication_assisted_treatment
ORDER BY o.city, o.name`,
  },
  {
    title: "An organization's relationships within 25 miles, strongest first",
    sql: `SELECT r.relationship, r.related_type, o.name, o.city, r.distance_miles, r.travel_minutes, r.strength
FROM network_relationships r JOIN organizations_by_id o ON o.org_id = r.related_org_id
WHERE r.org_id = (SELECT org_id FROM network_relationships LIMIT 1)
ORDER BY r.strength DESC`,
  },
  {
    title: 'Residential capacity by state and level of care',
    sql: `SELECT state, level_of_care, facilities, residential_capacity, inpatient_capacity, facilities_reporting_capacity
FROM mv_treatment_capacity ORDER BY residential_capacity DESC NULLS LAST`,
  },
  {
    title: 'Monitoring: how each organization was located',
    sql: `SELECT geo_precision, count(*) AS organizations, round(100 * count(*) / sum(count(*)) OVER (), 1) AS percent
FROM organizations_by_id GROUP BY ALL ORDER BY organizations DESC`,
  },
  {
    title: 'Monitoring: the engine and its settings',
    sql: `SELECT name, value FROM duckdb_settings() WHERE name IN ('threads', 'memory_limit', 'enable_object_cache')
UNION ALL SELECT 'version', version()`,
  },
];
