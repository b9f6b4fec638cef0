// A place typed in the keyword box with no place given: a ZIP ("detox 10001"), a ZIP+4, or the
// words after "near"/"cerca de" ("aa near boston") or after "in"/"en" ending in a state ("detox
// in miles city mt"). The form moves it to the place box (search-form.tsx) and a link's words are
// read the same way (url.ts), both by `placeAmongWords`. Kept as words, each was required in names and streets: "detox
// 10001" and "detox in miles city mt" found nothing in the whole country, "aa near boston" 22
// listings with Boston in their names or streets (SAMHSA's 2022 directory).
import { leftOut, readText, unpunctuated } from './keywords.ts';

/** Postal codes and names of the states and territories, as data/states.csv lists them (place-in-text.test.ts checks). */
export const STATE_CODES = 'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI FM MH PW'.split(' ');
export const STATE_NAMES = ['Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware',
  'District of Columbia', 'Florida', 'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana',
  'Maine', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon',
  'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont', 'Virginia',
  'Washington', 'West Virginia', 'Wisconsin', 'Wyoming', 'American Samoa', 'Guam', 'Northern Mariana Islands', 'Puerto Rico',
  'U.S. Virgin Islands', 'Federated States of Micronesia', 'Marshall Islands', 'Palau'];

const STATES = [...STATE_CODES, ...STATE_NAMES].map((s) => s.toLowerCase().split(' '));

/** A state's or territory's English name by its postal code ("OH": "Ohio"). */
export const stateName = (code: string): string => STATE_NAMES[STATE_CODES.indexOf(code)];

/** Lower-cased, spaces single, accents off: "Míchigan" and "michigan", "Nueva  York" and "nueva york" are one name. */
const folded = (name: string) => name.trim().replace(/\s+/g, ' ').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const FOLDED_NAMES = STATE_NAMES.map(folded);

/**
 * The state or territory the place box names on its own, by its postal code ("WY") or its name
 * ("Wyoming"), with which: a name may also be a city's ("New York", "Wyoming, MI"), a code is
 * not. `localNames`, in STATE_CODES' order, are its names in the page's language too ("Nueva
 * York", "Luisiana": read as a town, the second was Louisiana, MO). Null for anything else.
 */
export function stateTyped(where: string, localNames: readonly string[] = []): { code: string; byName: boolean } | null {
  const typed = folded(where);
  const byCode = STATE_CODES.find((c) => c.toLowerCase() === typed);
  if (byCode) return { code: byCode, byName: false };
  const english = FOLDED_NAMES.indexOf(typed);
  const i = english >= 0 ? english : localNames.findIndex((n) => folded(n) === typed);
  if (i >= 0) return { code: STATE_CODES[i], byName: true };
  const other = OTHER_NAMES.get(typed);
  return other ? { code: other, byName: true } : null;
}

/** Names a state goes by beside its English and page-language ones: Spanish speakers write Tejas (a walkthrough). */
const OTHER_NAMES = new Map([['tejas', 'TX']]);

/** Words after which a place follows. */
const NEAR = [['near'], ['nearby'], ['around'], ['close', 'to'], ['cerca', 'de'], ['cerca'], ['alrededor', 'de']];
/** Words after which a place or something else follows ("women in recovery"): a place only when it ends in a state. */
const IN = [['in'], ['en'], ['at']];
/** Common words that start a town's name ("El Paso", "La Crosse"); others start none ("near my house", "cerca de mi casa"). */
const ARTICLES = new Set(['el', 'la', 'los', 'las', 'le']);
/** A place is a few words: a town and its state ("north little rock ar"). */
const MAX_PLACE_WORDS = 5;


export interface PlaceInText {
  /** What the place box is given: a ZIP's five digits, or the words as typed ("miles city mt"). */
  place: string;
  /** The words without it (nor the word that led to it). */
  rest: string;
}

/**
 * A ZIP typed among the words, a ZIP+4 as its ZIP ("10001-2345", "02139 4307": the place box reads
 * five digits), punctuation around it aside ("near 10001."). The last five digits: an address's
 * ZIP follows its street number ("12500 Jefferson Ave, Newport News, VA 23602").
 */
function zipIn(words: string[], bare: string[]): PlaceInText | null {
  const at = bare.findLastIndex((w) => /^\d{5}(-\d{4})?$/.test(w));
  if (at < 0) return null;
  const plusFour = bare[at].length === 5 && /^\d{4}$/.test(bare[at + 1] ?? '') ? 1 : 0;
  return { place: bare[at].slice(0, 5), rest: words.filter((_, i) => i < at || i > at + plusFour).join(' ') };
}

const endsWithState = (tail: string[]) => STATES.some((s) => s.length < tail.length && s.every((w, i) => tail[tail.length - s.length + i] === w));

/**
 * The last run of words after a word of NEAR or IN that can be a place: a few words, none a
 * keyword or a word that asks for nothing, not led by a common word but a town's article ("near
 * me", "cerca de mi casa" are no place, "cerca de el paso tx" is), and after IN, ending in a state.
 */
function namedIn(words: string[], bare: string[]): PlaceInText | null {
  for (let i = bare.length - 2; i >= 0; i--) {
    for (const [lead, needsState] of [...NEAR.map((l) => [l, false] as const), ...IN.map((l) => [l, true] as const)]) {
      if (!lead.every((w, j) => bare[i + j] === w)) continue;
      const tail = bare.slice(i + lead.length);
      if (tail.length === 0 || tail.length > MAX_PLACE_WORDS || tail.some((w) => !/\p{L}/u.test(w) || leftOut(w) === 'asks')) continue;
      if ((leftOut(tail[0]) && !ARTICLES.has(tail[0])) || readText(tail.join(' ')).keywords.length > 0) continue;
      if (needsState && !endsWithState(tail)) continue;
      return { place: unpunctuated(words.slice(i + lead.length).join(' ')), rest: words.slice(0, i).join(' ') };
    }
  }
  return null;
}

const split = (text: string) => {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return { words, bare: words.map((w) => unpunctuated(w).toLowerCase()) };
};

/**
 * The place typed among the words, if any, and the words without it. A town named beside a ZIP
 * is no word either: "detox in miles city, mt 59301" required "miles", "city" and "mt".
 */
export function placeInText(text: string): PlaceInText | null {
  const { words, bare } = split(text);
  const zip = zipIn(words, bare);
  if (!zip) return namedIn(words, bare);
  const rest = split(zip.rest);
  return { place: zip.place, rest: namedIn(rest.words, rest.bare)?.rest ?? zip.rest };
}

/** Words that, after a place or alone, mean the person's own location ("near me", "cerca de mí"). */
const ME = new Set(['me', 'mi', 'mí', 'here', 'aqui', 'aquí', 'you']);

/**
 * What the place box names, read as people type it there: a ZIP wherever it is ("Portsmouth, OH
 * 45662", "new york 10001": each was "not a ZIP code or city we know"), and no "near me" around a
 * town ("hazard ky near me", "near boston"). `here`: it asks for the person's location, alone
 * ("near me", "cerca de mí": the form then asks for it) or beside a town (the town is searched).
 */
export function placeOfBox(where: string): { place: string; here: boolean } {
  const { words, bare } = split(where);
  const zip = zipIn(words, bare);
  if (zip) return { place: zip.place, here: false };
  let [start, end] = [0, words.length];
  let here = false;
  const lead = (at: number) => NEAR.find((l) => l.every((w, j) => bare[at + j] === w))?.length ?? 0;
  // "… near me", "… cerca de mí", "… nearby"
  for (let i = start; i < end; i++) {
    const n = lead(i);
    if (n && (i + n === end || (i + n === end - 1 && ME.has(bare[end - 1])))) {
      [end, here] = [i, true];
      break;
    }
  }
  // "near boston"
  start = lead(0) && lead(0) < end ? lead(0) : 0;
  // As typed when nothing was taken away ("Washington, D.C." keeps its stop).
  return { place: start === 0 && end === words.length ? where.trim() : unpunctuated(words.slice(start, end).join(' ')), here };
}

/**
 * The place among the words when the search gives none and its place may change: the form's
 * search and a link's words both read them so. A locked place, even an empty one, takes none:
 * an embed locking no place moved "detox 10001"'s ZIP into the place, the lock put the place
 * back, and the words had lost it.
 */
export function placeAmongWords(search: { where: string; at: unknown; text: string }, placeLocked: boolean): PlaceInText | null {
  return placeLocked || search.where.trim() || search.at ? null : placeInText(search.text);
}
