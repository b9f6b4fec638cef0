// "Did you mean": a search of words that found nothing, with each typed word no listing holds
// replaced by the nearest word the listings of the searched states do hold. Places forgave a
// typo ("Cambrige, MA"), names did not: "Nroth Charles" and "Institue for Health and Recovery"
// found nothing near 02139 in SAMHSA's directory (a person test). Words are those the text
// search looks in (search-rows.ts `words`: names, programs, other names, streets, cities), of
// the rows the search's place and filters admit (queries.ts wordsInReach), so each word offered
// finds something there by itself; a search near a place whose radius holds no such word asks the
// whole country next ("Pheonix House" near New York City: the nearest Phoenix House, in SAMHSA's
// directory, is 45 miles off, and only "without the words" was offered), and the page offers the
// word with the radius that reaches it (shell/results-summary.tsx).
import { join, raw, sql, type Sql } from '../release/sql.ts';
import { readText, unpunctuated, wordForms } from './keywords.ts';
import { wordsInReach, type ResolvedSearch } from './queries.ts';

/** Shorter words are left as typed: too many words lie a letter from "aa", "bhg" or "cora". */
const MIN_LENGTH = 4;
/** A word of this length or more may be two letters off (one dropped and one swapped: "instiute"); a shorter one only one. */
const TWO_EDITS_FROM = 8;

/** A typed word as the listings' words are split (keywords.ts readText keeps its punctuation). */
const bare = (token: string) => unpunctuated(token.toLowerCase());

/** A correction: `farther` when it came from beyond the search's radius (spellingQueries' second). */
export type Correction = { typed: string; term: string; farther: boolean };

/**
 * The corrections to ask for one after another until one finds a row (db/use-query.ts
 * useFirstFound): the words within the search's reach, then, for a search near a place, the
 * whole country's. Empty when no word can be corrected.
 */
export function spellingQueries(search: ResolvedSearch): Sql[] {
  const near = spellingQuery(search, false);
  if (!near) return [];
  return search.near ? [near, spellingQuery({ state: search.state, near: null }, true)!] : [near];
}

/**
 * The nearest word (fewest letters added, dropped, changed or swapped; then the most listings;
 * then A to Z) to each typed word that neither a listing's words nor a service's name holds:
 * `typed`, `term`, `farther` rows, none for a word too far from every word. Null when no word can
 * be corrected: keywords, phone numbers, Spanish words of names (wordForms) and short words are not.
 */
export function spellingQuery(search: ResolvedSearch, farther: boolean): Sql | null {
  const typed = [...new Set(readText(search.state.text).words.map(bare))]
    // Not a number: a street number one off is another street's ("1450" → "1451").
    .filter((w) => w.length >= MIN_LENGTH && /^[\p{L}\p{N}]+$/u.test(w) && !/^\d+$/.test(w) && wordForms(w).length === 1);
  if (typed.length === 0) return null;
  return sql`WITH typed(word) AS (VALUES ${join(typed.map((w) => sql`(${w})`), ', ')}),
    terms AS (SELECT term, count(*) AS listings FROM (SELECT unnest(string_split(regexp_replace(r.words, '[^\\p{L}\\p{N}]+', ' ', 'g'), ' ')) AS term
      FROM (${wordsInReach(search)}) r) WHERE term <> '' GROUP BY term),
    unknown AS (SELECT word FROM typed WHERE NOT EXISTS (SELECT 1 FROM terms WHERE contains(term, word))
      AND NOT EXISTS (SELECT 1 FROM service_codes WHERE contains(lower(name), word))),
    ranked AS (SELECT u.word AS typed, t.term, damerau_levenshtein(t.term, u.word) AS edits,
        row_number() OVER (PARTITION BY u.word ORDER BY damerau_levenshtein(t.term, u.word), t.listings DESC, t.term) AS place
      FROM unknown u JOIN terms t ON abs(length(t.term) - length(u.word)) <= 2)
    SELECT typed, term, ${raw(farther ? 'TRUE' : 'FALSE')} AS farther FROM ranked WHERE place = 1 AND edits <= CASE WHEN length(typed) >= ${TWO_EDITS_FROM} THEN 2 ELSE 1 END ORDER BY typed`;
}

/** The text with each word `rows` corrects in its place (spellingQuery), or null when none is. */
export function correctedText(text: string, rows: readonly Pick<Correction, 'typed' | 'term'>[]): string | null {
  if (rows.length === 0) return null;
  const terms = new Map(rows.map((r) => [r.typed, r.term]));
  return text.trim().split(/\s+/).map((token) => {
    const term = terms.get(bare(token));
    // Capitalized as typed: "Nroth" is offered as "North".
    return term === undefined ? token
      : token.replace(/[\p{L}\p{N}]+/u, (typed) => (/^\p{Lu}/u.test(typed) ? term[0].toUpperCase() + term.slice(1) : term));
  }).join(' ');
}
