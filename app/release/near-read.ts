// The results nearest a place, read simply enough to answer without the engine: one table's
// rows of some states within a radius, less those a column of theirs marks, nearest first,
// each with how many there are in all (`total`), so a search near a place is counted by its
// first page, not by a second scan.
// The same value writes the SQL the engine runs and picks the rows read in JavaScript
// (`readNear`, over files db/early-reads.ts reads), so a ZIP's first page paints while
// DuckDB-WASM still starts, in the engine's order. The distance is one formula written twice,
// in SQL below (`milesSql`) and in JavaScript in geo.ts (`milesBetween`); JavaScript's sin and cos differ from the engine's in the last bit for about 1 input in
// 100 (measured on duckdb-wasm 1.28), so two distances can order differently only when they lie
// within ~1e-15 miles of each other: equal positions give equal distances in both, and the
// tie-break (name, then id) is exact. app/search/queries.test.ts holds the two to each other.
import { boundingBox, EARTH_RADIUS_MILES, milesBetween } from './geo.ts';
import { orCopy, relation, type Relation } from './relation.ts';
import { quoteIdent } from './sql-text.ts';
import { and, raw, sql, type Sql } from './sql.ts';

export interface NearRead {
  table: string;
  /** The states whose files can hold a result (geo.ts' statesNear). */
  states: readonly string[];
  columns: readonly string[];
  near: { lat: number; lon: number };
  miles: number;
  /** A boolean column of the table: rows where it is true are left out. */
  without?: string;
  /** Equal distances in name order (case aside) before the id's; else the id's alone. */
  byName: boolean;
  limit: number;
  offset: number;
  /**
   * A copy the engine may keep in memory holding the table's rows of every state, with at least
   * the columns read (relation.ts `orCopy`): read instead of the files once held.
   */
  copy?: Relation;
}

/** Straight-line miles from `near` to the row's position: what `nearRows` computes (geo.ts' milesBetween). */
export function milesSql(near: { lat: number; lon: number }): Sql {
  return sql`2 * ${raw(String(EARTH_RADIUS_MILES))} * asin(sqrt(pow(sin(radians(o.latitude - ${near.lat}) / 2), 2)
    + cos(radians(${near.lat})) * cos(radians(o.latitude)) * pow(sin(radians(o.longitude - ${near.lon}) / 2), 2)))`;
}

/** Within `miles` of `near`; the bounding box lets Parquet statistics skip row groups before any distance is computed. */
export function withinSql(near: { lat: number; lon: number }, miles: number): Sql {
  const box = boundingBox(near.lat, near.lon, miles);
  return sql`o.latitude BETWEEN ${box.minLat} AND ${box.maxLat}
    AND o.longitude BETWEEN ${box.minLon} AND ${box.maxLon}
    AND ${milesSql(near)} <= ${miles}`;
}

/** A query the engine runs, carrying the read it stands for. */
export function nearReadSql(read: NearRead): Sql & { near: NearRead } {
  const columns = raw(read.columns.map((c) => `o.${quoteIdent(c)}`).join(', '));
  const kept = read.without ? [sql`o.${raw(quoteIdent(read.without))} IS NOT TRUE`] : [];
  const ties = raw(read.byName ? 'lower(o.name), o.org_id' : 'o.org_id');
  const files = relation(read.table, read.states);
  const query = sql`SELECT ${columns}, ${milesSql(read.near)} AS distance_miles, count(*) OVER ()::INTEGER AS total
    FROM ${read.copy ? orCopy(read.copy, sql`SELECT * FROM ${files}`) : files} o
    WHERE ${and([withinSql(read.near, read.miles), ...kept])}
    ORDER BY distance_miles ASC, ${ties}
    LIMIT ${read.limit} OFFSET ${read.offset}`;
  return { ...query, near: read };
}

type Row = Record<string, unknown>;

/**
 * The rows of a table's files (of these states, or all) that a filter may keep: `$gte`/`$lte`/`$eq`
 * by column, which a Parquet reader prunes row groups with (db/early-reads.ts); the caller
 * filters the rows exactly.
 */
export type LoadRows = (table: string, states: readonly string[] | null, columns: readonly string[],
  filter: Record<string, { $gte?: number; $lte?: number; $eq?: string }>) => Promise<Row[]>;

/** The read done in JavaScript: what `nearReadSql` returns from the engine, from the files `load` reads. */
export async function readNear(read: NearRead, load: LoadRows): Promise<Row[]> {
  const box = boundingBox(read.near.lat, read.near.lon, read.miles);
  const rows = await load(read.table, read.states, [...new Set(['org_id', 'name', 'latitude', 'longitude', ...read.columns, ...(read.without ? [read.without] : [])])],
    { latitude: { $gte: box.minLat, $lte: box.maxLat }, longitude: { $gte: box.minLon, $lte: box.maxLon } });
  return nearRows(read, rows);
}

/**
 * DuckDB's lower(): each code point's simple lowercase, with no context (JavaScript lowers a
 * final Σ to ς, and İ to two code points, the first of which is its simple lowercase).
 */
const lower = (text: string) => Array.from(text, (c) => String.fromCodePoint(c.toLowerCase().codePointAt(0)!)).join('');

/** DuckDB compares VARCHARs by their UTF-8 bytes: code point order, where JavaScript's `<` compares UTF-16 units. */
function compareText(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** `rows`: the table's rows of the read's states (at least its columns and `without`). */
function nearRows(read: NearRead, rows: readonly Row[]): Row[] {
  const box = boundingBox(read.near.lat, read.near.lon, read.miles);
  const found: { row: Row; miles: number; name: string }[] = [];
  for (const row of rows) {
    const lat = row.latitude as number | null;
    const lon = row.longitude as number | null;
    if (lat == null || lon == null || lat < box.minLat || lat > box.maxLat || lon < box.minLon || lon > box.maxLon) continue;
    if (read.without && row[read.without] === true) continue;
    const miles = milesBetween(read.near, { lat, lon });
    if (miles <= read.miles) found.push({ row, miles, name: read.byName ? lower(String(row.name)) : '' });
  }
  found.sort((a, b) => a.miles - b.miles || compareText(a.name, b.name) || compareText(String(a.row.org_id), String(b.row.org_id)));
  return found.slice(read.offset, read.offset + read.limit).map(({ row, miles }) =>
    ({ ...Object.fromEntries(read.columns.map((c) => [c, row[c] ?? null])), distance_miles: miles, total: found.length }));
}
