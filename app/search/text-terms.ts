// The word index of the text search: each word of the search rows' `words` (search-rows.ts),
// with the keys of the rows that hold it. A typed word found in a row's words lies within one
// of its words, since words are split at a space or a line break and a typed word holds neither
// (keywords.ts splits on white space): `contains` over the index's words finds what `contains`
// over every row's words found. ×10's 400k rows hold 25k distinct words (260k counted a state
// at a time, 2 MB of text against the rows' 25 MB): a word reads them and the keys of the rows
// that hold it, not every row's words.
// The engine makes it in memory from its copy of the search rows (db/catalog.ts), a state at a
// time, rather than reading it from the release: its keys are hashes that do not compress, and
// every visitor would download them (×1: 359k keys, 2.9 MB). Not below MIN_ROWS rows: at ×1
// (41k) a word's `contains` over every row took what the index took (3 ms of CPU), and making
// the index (DuckDB 0.9's list aggregate) raised the engine's resident memory by ~35 MB
// (warm-profile.ts), where ×1's browser memory has none to spare (scripts/bench/HISTORY.md, "A word index").
import { keptFrom, orCopy, untilCopy } from '../release/relation.ts';
import { literal } from '../release/sql-text.ts';
import { raw, sql, type Sql } from '../release/sql.ts';
import { SEARCH_ROWS, searchRows } from './search-rows.ts';

const MIN_ROWS = 100_000;

const TERMS = keptFrom('text_terms', SEARCH_ROWS, MIN_ROWS, (rows, states) => `SELECT term, list(text_key) AS keys
  FROM (SELECT text_key, unnest(string_split(replace(words, chr(10), ' '), ' ')) AS term
    FROM ${rows} WHERE ${states ? `state IN (${states.map(literal).join(', ') || 'NULL'})` : 'TRUE'})
  WHERE term <> '' GROUP BY term`);

/**
 * The text keys of the rows whose words hold `word` (lower-cased): from the index once the engine
 * holds it, and from the words of every row of `states` (null: all) until then, or on an
 * engine that keeps nothing, or below MIN_ROWS.
 */
export function keysWithWord(word: string, states: readonly string[] | null): Sql {
  const index = orCopy(TERMS, raw('SELECT NULL::VARCHAR AS term, NULL::BIGINT[] AS keys WHERE FALSE'));
  const unindexed = untilCopy(TERMS, sql`SELECT o.words, o.text_key FROM ${searchRows(states, { words: true, types: false })}`);
  return sql`SELECT unnest(t.keys) FROM ${index} t WHERE contains(t.term, lower(${word}))
    UNION ALL SELECT r.text_key FROM ${unindexed} r WHERE contains(r.words, lower(${word}))`;
}
