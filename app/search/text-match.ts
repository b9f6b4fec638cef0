// What typed text finds, in a search's rows (search-rows.ts: `words`, the four searched fields
// lower-cased in one string) and in `offerings`, each organization's services, one character
// each, a copy the engine keeps in memory once no query waits (release/relation.ts,
// db/catalog.ts); until then a search reads the codes organizations_by_id lists. Reading
// organization_services (~850k rows at ×1) whenever a word was in a service's name took 0.6–1.2 s
// a search at ×1 (npm run bench, loaded machine). The copy is one table's rows, joined to nothing:
// made in one SELECT with the services joined to the organizations, it took 400 MB more to build
// at ×10 (DuckDB built its hash table on the wide side) and twice the time.
import { keptSelect, orCopy, untilCopy } from '../release/relation.ts';
import { textKeyOf } from '../release/org-key.ts';
import { CODE_SEPARATOR } from '../release/tables.ts';
import { literal } from '../release/sql-text.ts';
import { and, join, likeLiteral, or, raw, sql, type Sql } from '../release/sql.ts';
import { keywordFilter, readText, unpunctuated, wordForms, type Keyword } from './keywords.ts';
import { keysWithWord } from './text-terms.ts';

/**
 * Every service code with a character of its own, `chr(n)` (codes are unique: the same
 * characters on every read). UTF-8 is self-synchronizing, so a character is found in a string
 * of them only where it was put.
 */
const NUMBERING = 'SELECT code, name, chr((row_number() OVER (ORDER BY code))::INTEGER) AS mark FROM service_codes';

/**
 * The same, kept in memory: read from the release's file and numbered on every word of every
 * search, they took ~1 ms of CPU each time (×1, duckdb-wasm in Node).
 */
const NUMBERED_SERVICES = keptSelect('service_marks', NUMBERING);

/**
 * The codes by their first character's number, each with the mark of the code before the first:
 * a code's mark is then found among the few codes sharing its first character. Looked up among
 * all ~225 codes, the lookups took the copy from 1.7 to 3.2 s of CPU at ×10 (27 s at ×100).
 */
const BY_FIRST = `SELECT list(coalesce(g.codes, []) ORDER BY r.c) AS codes, list(coalesce(g.before, 0) ORDER BY r.c) AS before
  FROM (SELECT unnest(range(1, max(unicode(code)) + 1)) AS c FROM service_codes) r
  LEFT JOIN (SELECT unicode(code) AS c, list(code ORDER BY code) AS codes, min(unicode(mark)) - 1 AS before FROM (${NUMBERING}) GROUP BY 1) g ON g.c = r.c`;

/**
 * The marks of each organization's services, by its text key (search-rows.ts), from the codes
 * organizations_by_id lists as one text (`offered_codes`). Gathered from organization_services
 * (85.5 M rows at ×100) by one aggregate, the copy ran the browser's engine out of memory at
 * ×100, where an allocation failing as a file opened reads as "too small to be a Parquet file";
 * a scan holds no more than its rows (made alone, duckdb-wasm in Node, ×100: 527 MB resident
 * against 840). Codes as text took 2.5× the memory, as a list of numbers a third more.
 */
const OFFERINGS = keptSelect('offerings', `SELECT ${textKeyOf(raw('o.org_id')).text} AS text_key,
    array_to_string(list_transform(string_split(o.offered_codes, '${CODE_SEPARATOR}'),
      c -> chr(n.before[unicode(c)] + list_position(n.codes[unicode(c)], c))), '') AS services
  FROM organizations_by_id o, (${BY_FIRST}) n WHERE o.offered_codes IS NOT NULL`);

/**
 * The keys of organizations offering any service `which` picks out of service codes `c`: from the
 * copy once the engine holds it, and until then from the codes organizations_by_id lists, padded
 * with the separator so a code is found whole. Waiting for the copy held ×100's first text search
 * for its making, 104 s at load 10–12 (27 s of CPU in Node against 2.6 s for this read).
 */
const padded = (text: string) => `${literal(CODE_SEPARATOR)} || ${text} || ${literal(CODE_SEPARATOR)}`;
const offering = (which: Sql) => sql`SELECT h.text_key FROM ${orCopy(OFFERINGS, raw('SELECT NULL::BIGINT AS text_key, NULL::VARCHAR AS services WHERE FALSE'))} h
    JOIN ${NUMBERED_SERVICES} c ON contains(h.services, c.mark) WHERE ${which}
  UNION ALL SELECT ${textKeyOf(raw('u.org_id'))} FROM ${untilCopy(OFFERINGS, raw(`SELECT org_id, ${padded('offered_codes')} AS codes
      FROM organizations_by_id WHERE offered_codes IS NOT NULL`))} u
    JOIN (SELECT code, name, ${raw(padded('code'))} AS padded FROM service_codes) c ON contains(u.codes, c.padded) WHERE ${which}`;

/**
 * A word: in the name, another name, the street or the city (of the rows of `states`, or in the
 * word index once the engine has made it: text-terms.ts), or in a SAMHSA service's name, in any
 * of its forms (keywords.ts wordForms: "recuperación" is also "recuperacion" and "recovery").
 * `contains` over lower-cased text finds what ILIKE '%word%' found in each field. One lookup of
 * keys: the two joined by OR, DuckDB marked every row with the second (a join), then filtered.
 */
function matchesWord(word: string, states: readonly string[] | null): Sql {
  const forms = wordForms(word);
  return sql`o.text_key IN (${join(forms.map((form) => keysWithWord(form, states)), ' UNION ALL ')}
    UNION ALL ${offering(or(forms.map((form) => sql`c.name ILIKE ${`%${likeLiteral(form)}%`} ESCAPE '\\'`)))})`;
}

/**
 * A keyword (keywords.ts): what it stands for, or itself as a whole word of the name (with a
 * plural or possessive ending: "women's"), never of the street or city, and never a word's
 * start: "free" near Freeport, NY and "spanish" near Spanish Fork, UT listed places for their
 * town (SAMHSA's 2022 directory), and "NA" is no Narcotics Anonymous in "Nashville".
 */
export function keywordInName(phrase: string): Sql {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
  return sql`regexp_matches(lower(o.name), ${`(^|[^a-z0-9])${escaped}(s|es|['’]s)?([^a-z0-9]|$)`})`;
}

const codesIn = (codes: string[]) => sql`c.code IN (${join(codes.map((c) => sql`${c}`), ', ')})`;

function matchesKeyword(phrase: string, keyword: Keyword): Sql {
  const filter = keywordFilter(keyword);
  return or([
    keywordInName(phrase),
    ...(filter ? [filter.option.where] : []),
    ...(keyword.codes ? [and([sql`o.text_key IN (${offering(codesIn(keyword.codes))})`,
      ...(keyword.unless ? [sql`o.text_key NOT IN (${offering(codesIn(keyword.unless))})`] : [])])] : []),
    ...(keyword.types ? [sql`o.org_type IN (${join(keyword.types.map((t) => sql`${t}`), ', ')})`] : []),
  ]);
}

/** A phone number's ten digits among the digits of the row's phone ("(907) 543-6800 ext. 6802"). */
const matchesPhone = (digits: string) => sql`contains(regexp_replace(coalesce(o.phone, ''), '[^0-9]', '', 'g'), ${digits})`;

/** Every term must match: keywords by what they mean, other words as text or service names, among the rows of `states` (null: all). */
export function matchesText(text: string, states: readonly string[] | null = null): Sql {
  const { keywords, words, phones } = readText(text);
  return and([
    ...keywords.map(({ phrase, keyword }) => matchesKeyword(phrase, keyword)),
    ...words.map((word) => matchesWord(word, states)),
    ...phones.map(({ digits }) => matchesPhone(digits)),
  ]);
}

export const hasText = (text: string) => { const r = readText(text); return r.keywords.length + r.words.length + r.phones.length > 0; };

/**
 * 0: the name is the text; 1: starts with it; 2: a word of it starts with it; 3: elsewhere. The
 * name lower-cased once (DuckDB computes the repeated expression once) and searched for the
 * text: its ILIKEs took twice the CPU (×10's 67k matches of "recovery": 28 against 12 ms,
 * duckdb-wasm in Node). Not the copy's words, whose first line is that name: read before the
 * copy is made, for every row, they doubled what the first text search added to the engine's
 * memory (×1: 63 → 121 MB).
 */
export function textRank(text: string): Sql {
  // A name typed in quotes is that name.
  const typed = sql`lower(${unpunctuated(text.trim())})`;
  return sql`CASE WHEN lower(o.name) = ${typed} THEN 0
    WHEN starts_with(lower(o.name), ${typed}) THEN 1
    WHEN contains(lower(o.name), ' ' || ${typed}) THEN 2 ELSE 3 END`;
}
