// The rows every search panel reads as `o`: each organization's columns the list and the map
// show, its searched words (text-match.ts) and what the filters read of its type (filters.ts;
// the release writes them in the organization's own row, release/tables.ts FILTER_COLUMNS), in
// one flat row. The engine keeps one copy of them in memory once no query is waiting
// (db/catalog.ts), of the states searched so far, and reads the release's files for any other
// state and until then: a search at ×1 read the states' Parquet files, decompressing every row
// group again, for each of its 2–3 queries (warm-profile.ts, when the filters joined the type
// tables: radius 17 / 38 ms CPU p50 / p95, filters 44 / 58 ms). The copy replaces the text search's copy of
// names and words and the nearby supports' copy of names (indexed on org_id for their point
// lookups), so one copy, not two, holds the shared columns.
import { textKeyOf } from '../release/org-key.ts';
import { keptSelect, orCopy, relation } from '../release/relation.ts';
import { raw, sql, type Sql } from '../release/sql.ts';
import { FILTER_COLUMNS, MENTAL_HEALTH_MARK, NAME_ORDER } from '../release/tables.ts';

/** What a result row shows, in the list's order. */
export const SHOWN = ['org_id', 'name', 'program_name', 'org_type', 'address_line1', 'city', 'state', 'zip', 'phone', 'latitude', 'longitude', 'geo_precision'];

/**
 * Name, the program's own name (SAMHSA lists 5,647 of its 2022 directory's 12,176 facilities under
 * a provider's name, the program's on the card's second line: "BHG Springfield Treatment
 * Center" found nothing), other names, street and city, lower-cased, one per line; a typed word never holds a
 * line break (keywords.ts splits on white space), so no match runs from one field into the next.
 * Beside them the key the word index lists the row by (text-terms.ts).
 */
const WORDS = `concat_ws(chr(10), lower(o.name), lower(o.program_name), lower(array_to_string(o.other_names, ' ')), lower(o.address_line1), lower(o.city)) AS words,
  ${textKeyOf(raw('o.org_id')).text} AS text_key`;

/**
 * Beside what a row shows, the mental-health-only mark (the organizations' own column); with the
 * words, the place in the list by name a text search orders by; with the types, what the filters read.
 */
const columns = (words: boolean, types: boolean) =>
  [...SHOWN.map((c) => `o.${c}`), `o.${MENTAL_HEALTH_MARK}`, ...(words ? [WORDS, `o.${NAME_ORDER}`] : []), ...(types ? FILTER_COLUMNS.map((c) => `o.${c}`) : [])].join(', ');

/**
 * Every organization's search row, in memory. Read from the state files, in their order (state, then geohash), so the copy's
 * blocks each hold a small area and a radius search skips the others by their minimum and
 * maximum latitude and longitude: made in organizations_by_id's order (by key), a radius search
 * at ×10 read every row and took twice the CPU of the state files (warm-profile.ts).
 */
export const SEARCH_ROWS = keptSelect('search_rows', (states) =>
  sql`SELECT ${raw(columns(true, true))} FROM ${relation('organizations', states)} o`, 'org_id');

/**
 * The search rows of `states` (null: everywhere) as `o`: the copy once the engine holds it, or
 * only the columns asked for from the states' files. An empty list of states reads nothing.
 */
export function searchRows(states: readonly string[] | null, { words, types }: { words: boolean; types: boolean }): Sql {
  const organizations = states ? relation('organizations', states) : raw('organizations_by_id');
  const files = sql`SELECT ${raw(columns(words, types))} FROM ${organizations} o`;
  return states?.length === 0 ? sql`(${files}) o` : sql`${orCopy(SEARCH_ROWS, files)} o`;
}
