// The words people type for a service ("detox", "suboxone", "AA", "sober living") and what
// each means in the release: a filter option (so the keyword and the filter always give the
// same results, from one predicate in filters.ts), SAMHSA service codes, or organization types.
// A TS module rather than a published table: it is a few hundred bytes of reviewed code, the
// query binds its codes as parameters, and it needs no schema, publish or manifest change.
// Words not listed here still match SAMHSA's 225 service names (see queries.ts). Spanish words sit
// beside the English ones (the page can be in Spanish, app/i18n), with and without accents.
// readText also leaves out words that ask for nothing ("help", "ayuda") and reads a keyword
// misspelled by one letter as the keyword; the page says both (shell/text-reading.tsx).
import { oneEditApart } from './edits.ts';
import { FILTER_GROUP_BY_ID, type FilterOption } from './filters.ts';
import { MAX_TEXT, type OrgType } from './state.ts';

export interface Keyword {
  /** Lower-case words, as typed; a phrase is several words. */
  words: string[];
  /** A filter option ('group:value') the keyword stands for. */
  filter?: string;
  /** Service codes (organization_services) that also count as a match. */
  codes?: string[];
  /** Organization types that match as a whole (a "sober living" search finds every residence). */
  types?: OrgType[];
  /** Service codes that rule a place out of `codes` (the directory's "Does not treat …"). */
  unless?: string[];
}

export const KEYWORDS: Keyword[] = [
  { words: ['detox', 'detoxification', 'withdrawal', 'desintoxicación', 'desintoxicacion', 'abstinencia'], filter: 'service:detox' },
  { words: ['methadone', 'metadona'], filter: 'service:methadone' },
  { words: ['suboxone', 'subutex', 'buprenorphine', 'sublocade', 'bupe', 'buprenorfina'], filter: 'service:buprenorphine' },
  { words: ['naltrexone', 'vivitrol', 'naltrexona'], filter: 'service:naltrexone' },
  { words: ['mat', 'moud', 'medication assisted treatment', 'tratamiento asistido con medicamentos'], codes: ['MU', 'BU', 'NU', 'OTP', 'MM', 'BUM', 'UB', 'UN', 'METH', 'BWN', 'BWON', 'BERI', 'VTRL', 'NXN'] },
  { words: ['otp', 'opioid treatment program', 'methadone clinic', 'programa de tratamiento de opioides', 'clínica de metadona', 'clinica de metadona'], filter: 'service:otp' },
  { words: ['iop', 'intensive outpatient', 'ambulatorio intensivo'], filter: 'service:iop' },
  { words: ['php', 'partial hospitalization', 'day treatment', 'hospitalización parcial', 'hospitalizacion parcial'], filter: 'service:php' },
  { words: ['outpatient', 'ambulatorio'], filter: 'level:outpatient' },
  { words: ['inpatient', 'hospital', 'hospitalización', 'hospitalizacion'], filter: 'level:inpatient' },
  { words: ['residential', 'rehab', 'rehabilitation', 'residencial', 'rehabilitación', 'rehabilitacion'], filter: 'level:residential' },
  { words: ['aa', 'na', '12-step', '12 step', 'twelve step', 'alcoholics anonymous', 'narcotics anonymous', 'self-help', 'support group',
    'alcohólicos anónimos', 'alcoholicos anonimos', 'narcóticos anónimos', 'narcoticos anonimos', 'autoayuda', 'grupo de apoyo', '12 pasos',
    // What AA and NA hold: as a word, "AA meetings" near 10001 found nothing (no name says it).
    'meeting', 'meetings', 'reunión', 'reunion', 'reuniones'], codes: ['TWFA', 'SHG'] },
  { words: ['sober living', 'sober home', 'sober house', 'halfway house', 'recovery residence', 'transitional housing',
    'vivienda sobria', 'casa de transición', 'casa de transicion', 'residencia de recuperación', 'residencia de recuperacion'], codes: ['HH'], types: ['narr_residence'] },
  { words: ['peer support', 'recovery coach', 'peer', 'apoyo de pares', 'acompañante de recuperación', 'pares'], codes: ['PEER', 'RC'], types: ['recovery_center'] },
  { words: ['teen', 'teens', 'teenager', 'youth', 'adolescent', 'adolescents', 'kids', 'adolescente', 'adolescentes', 'jóvenes', 'jovenes'], filter: 'age:adolescents' },
  { words: ['young adult', 'young adults', 'adultos jóvenes', 'adultos jovenes'], codes: ['TAY', 'YAD'] },
  { words: ['senior', 'seniors', 'older adults', 'elderly', 'personas mayores', 'adultos mayores'], filter: 'age:seniors' },
  // Programs for women or men, not SAMHSA's "Gender Accepted" (FEM, MALE): nearly every facility accepts both.
  { words: ['women', 'woman', 'female', 'mujer', 'mujeres'], codes: ['WN', 'PW'], filter: 'gender:women' },
  { words: ['men', 'male', 'hombre', 'hombres'], codes: ['MN'], filter: 'gender:men' },
  { words: ['pregnant', 'postpartum', 'embarazada', 'embarazadas', 'posparto'], codes: ['PW'] },
  { words: ['veteran', 'veterans', 'va', 'military', 'veterano', 'veteranos', 'militar', 'militares'], codes: ['VET', 'ADM', 'MF', 'VAMC', 'MI'] },
  { words: ['lgbt', 'lgbtq', 'gay', 'lesbian', 'transgender'], codes: ['GL'] },
  // How a person asks for it: as words, "spanish speaking" near 02139 required "speaking" and found nothing (a person test, 2026-12-03).
  { words: ['spanish', 'español', 'espanol', 'spanish speaking', 'spanish-speaking', 'speaks spanish', 'speak spanish', 'spanish speaker',
    'spanish speakers', 'habla español', 'habla espanol', 'hablan español', 'hablan espanol', 'hablo español', 'hablo espanol'], filter: 'spoken:es' },
  { words: ['deaf', 'asl', 'sign language', 'sordo', 'sordos', 'lengua de señas'], codes: ['AH'] },
  // Free is no payment at all: "Payment assistance" and "Sliding fee scale" still cost something (the sliding keyword finds them).
  { words: ['free', 'no cost', 'no payment', 'gratis', 'gratuito', 'gratuita', 'sin costo'], codes: ['NP'] },
  { words: ['sliding fee', 'sliding scale', 'sliding', 'tarifa según ingresos', 'tarifa segun ingresos'], filter: 'pay:sliding' },
  { words: ['medicaid'], filter: 'pay:medicaid' },
  { words: ['medicare'], filter: 'pay:medicare' },
  { words: ['insurance', 'private insurance', 'seguro privado', 'seguro médico', 'seguro medico'], filter: 'pay:private' },
  // Not "efectivo" alone: it is also "effective" ("terapia efectiva"); paying is said "en efectivo".
  { words: ['cash', 'self-pay', 'self pay', 'pago en efectivo', 'en efectivo'], filter: 'pay:cash' },
  { words: ['telehealth', 'telemedicine', 'online', 'virtual', 'telesalud', 'telemedicina', 'en línea', 'en linea'], codes: ['TELE'] },
  { words: ['dui', 'dwi'], codes: ['DU', 'DUO'] },
  // Narcan is the overdose spray alone; naloxone is also in Suboxone ("Buprenorphine with naloxone").
  { words: ['narcan'], codes: ['NOE'] },
  { words: ['naloxone', 'naloxona'], codes: ['NOE', 'BWN'] },
  // Every substance-use facility that does not say it "Does not treat alcohol use disorder" (SAMHSA asks each):
  // alcohol detox and medications alone were 271 of 423 near 10001, leaving out counseling for it; this is 365.
  { words: ['alcohol', 'alcoholism', 'alcoholic', 'drinking', 'alcoholismo', 'alcohólico', 'alcoholico'],
    codes: ['SA', 'ADTX', 'PMAT', 'ACM', 'DSF', 'ACMA', 'AUDO'], unless: ['NAUT'] },
  // What a drug's name asks for here: its treatment. As a word, "heroin" and "fentanyl" were in no
  // name or service (0 near 10001, SAMHSA's 2022 directory), and "opioid" was also in "Does not
  // treat opioid use disorders".
  { words: ['opioid', 'opioids', 'opiate', 'opiates', 'heroin', 'fentanyl', 'oxycodone', 'painkillers', 'opioide', 'opioides',
    'opiáceos', 'opiaceos', 'heroína', 'heroina', 'fentanilo'],
  codes: ['ODTX', 'DM', 'DB', 'OTP', 'MM', 'MMW', 'BUM', 'BMW', 'UB', 'UN', 'RPN', 'MU', 'BU', 'NU', 'METH', 'BWN', 'BWON', 'BERI', 'BSDM', 'VTRL', 'NXN', 'OUDO'] },
  // Service names are English: "terapia" was no word of any.
  { words: ['therapy', 'counseling', 'counselling', 'counselor', 'therapist', 'psychotherapy', 'terapia', 'terapias', 'consejería', 'consejeria',
    'psicoterapia'], codes: ['ICO', 'GCO', 'FCO', 'MCO', 'CBT', 'DBT', 'SACA', 'TRC'] },
  { words: ['mental health', 'co-occurring', 'dual diagnosis', 'depression', 'anxiety', 'bipolar', 'salud mental', 'trastorno afectivo',
    'trastorno mental', 'depresión', 'depresion', 'ansiedad', 'diagnóstico dual', 'diagnostico dual'], codes: ['CO', 'SUMH', 'MHS'] },
];

/**
 * Words that ask for nothing in particular ("I need help near me", "busco ayuda cerca de mí",
 * "suboxone clinic"): read as nothing, not as words every result must hold. As required words,
 * "ayuda" near 10001 found nothing in SAMHSA's 2022 directory (a person test), and a
 * "clinic" is what a person calls any place of care, which few names say. Not "center" or
 * "treatment": they name many places ("Hope Center"), and a name search wants them.
 * Function words of both languages, when ("now", "hoy": no listing says its hours), for whom
 * ("my son": "son" was in Hudson and Person, 314 near 10001) and what every listing of a
 * substance-use directory treats ("drugs", "adicción", "tratamiento") and how good ("best",
 * "efectiva") ask for nothing either.
 * A keyword's phrase holding one is read first ("pago en efectivo", "casa de transición").
 */
/** Those that ask for help, a place, care, a time, for whom or how good: never a name's words. */
const ASKING = [
  'help', 'please', 'favor', 'find', 'finding', 'need', 'needs', 'want', 'looking', 'search', 'searching', 'seeking', 'get', 'getting',
  'near', 'nearby', 'nearest', 'closest', 'close', 'local', 'around', 'here', 'where', 'call', 'urgent', 'urgently', 'asap', 'immediately',
  'clinic', 'clinics', 'doctor', 'doctors', 'program', 'programs', 'now', 'today', 'tonight', 'use',
  'son', 'daughter', 'child', 'husband', 'wife', 'mom', 'mother', 'dad', 'father', 'brother', 'sister', 'boyfriend', 'girlfriend',
  // How good, which no listing says: "terapia efectiva" is therapy (and never cash, "efectivo").
  'effective', 'best', 'good', 'efectiva', 'efectivas', 'efectivo', 'efectivos', 'mejor', 'mejores', 'buen', 'bueno', 'buena',
  'drug', 'drugs', 'addiction', 'addictions', 'addicted', 'addict', 'abuse', 'substance', 'disorder',
  'ayuda', 'ayúdame', 'ayudame', 'necesito', 'busco', 'buscar', 'buscando', 'encontrar', 'quiero', 'cerca', 'cercano', 'cercana',
  'aquí', 'aqui', 'donde', 'dónde', 'puedo', 'urgente', 'clínica', 'clinica', 'clínicas', 'clinicas', 'programa', 'programas', 'médico', 'medico',
  'droga', 'drogas', 'adicción', 'adiccion', 'adicciones', 'adicto', 'adicta', 'tratamiento', 'tratamientos', 'trastorno', 'abuso',
  'sustancias', 'ahora', 'hoy', 'ya', 'pronto', 'hay',
  'hijo', 'hija', 'hijos', 'madre', 'mamá', 'mama', 'padre', 'papá', 'papa', 'esposo', 'esposa', 'hermano', 'hermana',
];

/**
 * Function words and a few of names ("casa", "open", "amigo"): left out beside anything else, but
 * a text of them alone is a name ("La Casa", "Mi Casa", "Open"), read as words. Left out, "la casa" searched
 * for nothing and, with no place, asked where the person was.
 */
const COMMON = [
  'me', 'my', 'i', "i'm", 'im', 'a', 'an', 'for', 'to', 'with',
  'and', 'or', 'the', 'in', 'on', 'at', 'of', 'by', 'from', 'is', 'are', 'am', 'can', 'some', 'someone', 'somewhere',
  'we', 'us', 'our', 'you', 'your', 'it', 'that', 'who', 'how', 'what', 'open',
  'yo', 'mi', 'mí', 'mis', 'de', 'del', 'para', 'con', 'un', 'una', 'por',
  'y', 'o', 'el', 'la', 'los', 'las', 'en', 'al', 'que', 'es', 'tu', 'su', 'se', 'lo', 'le', 'algo', 'alguien', 'lugar', 'sitio',
  'casa', 'como', 'cómo', 'abierto', 'abierta', 'mismo', 'amigo', 'amiga',
  // A sentence's others: "a detox for my brother, he lives near here and has medicaid" required "he" and "lives".
  'he', 'she', 'they', 'him', 'her', 'his', 'them', 'their', 'this', 'there', 'lives', 'live', 'has', 'have', 'takes', 'take',
  'accepts', 'also', 'so', 'much', 'very', 'thank', 'thanks', 'be', 'will', 'would', 'should', 'could', 'do', 'does',
  'él', 'ella', 'ellos', 'ellas', 'vive', 'viven', 'tiene', 'tienen', 'acepta', 'también', 'tambien', 'gracias', 'muy', 'mucho', 'este', 'esta',
];

/** What a person calls any listing, left out in a text with a keyword (readText). */
const ANY_LISTING = new Set(['center', 'centers', 'centre', 'centres', 'centro', 'centros', 'facility', 'facilities']);

const ASKS = new Set(ASKING);
const FILLERS = new Set([...ASKING, ...COMMON]);

/** What a word (lower case, no punctuation) is when left out: one that asks for nothing ("near"), a common one ("me", "la"), or neither. */
export const leftOut = (word: string): 'asks' | 'common' | null => (ASKS.has(word) ? 'asks' : FILLERS.has(word) ? 'common' : null);

/** Typed terms kept (keywords and words; words that ask for nothing do not count). */
const MAX_TERMS = 8;
/** Tokens read at most: the text box allows more, and a pasted page must not cost a read each. */
const MAX_TOKENS = 32;

/** Where the typed text falls: keywords it holds, the words left to match as text, and the words left out. */
export interface ReadText {
  /**
   * Each keyword found once, with the phrase that named it (names are searched for it as typed)
   * and, when that was a misspelling ("metadone"), the keyword's word it was read as; `said`, every
   * phrase that named it, as the reading says them ("aa meetings": "meetings" went unsaid).
   */
  keywords: { phrase: string; keyword: Keyword; meant?: string; said: string }[];
  words: string[];
  /** Runs of FILLERS as typed ("i need help", "near me"), and of signs ("🙏", "&"): they ask for nothing. */
  ignored: string[];
  /** Phone numbers, as typed, and their ten digits: looked for in phone numbers, never in names. */
  phones: { typed: string; digits: string }[];
}

const PHRASES = KEYWORDS.flatMap((k) => k.words.map((w) => ({ tokens: w.split(' '), keyword: k })))
  .sort((a, b) => b.tokens.length - a.tokens.length);

/** Lower case without accents: "clínica" is "clinica". */
const bare = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');

/** The keywords' one-word phrases, bare once: bared on every read, they took 0.1 ms a text. */
const WORDS = PHRASES.filter((p) => p.tokens.length === 1).map((p) => ({ word: p.tokens[0], bare: bare(p.tokens[0]), keyword: p.keyword }));

/**
 * Whether `typed` reads as `word` misspelled: one edit apart, but not in the first letter, nor a
 * Spanish ending of gender put on or changed, where one letter makes another word: "afectivo"
 * and "efectiva" are words one letter from "efectivo", and Española, NM one from "español".
 */
const misspells = (typed: string, word: string) => typed[0] === word[0] && oneEditApart(typed, word)
  && !(/[ao]$/.test(typed) && typed !== word && [word, word.slice(0, -1)].includes(typed.slice(0, -1)));

/**
 * The keyword a word of six letters or more misspells ("methadon", "metadone", "suboxon"), by one
 * edit of its letters without accents; none when it could be two keywords. Not shorter words:
 * "south" is one letter from "youth". As a plain word, "methadon" found 272 services' names near
 * 10001 against "methadone"'s 103 and "metadone" none (SAMHSA's 2022 directory).
 */
/** Towns one letter from a keyword: Herrin, IL is no heroin, Siding no sliding fee. */
const PLACES_NOT_MISSPELT = new Set(['herrin', 'siding']);

function misspelled(token: string): { meant: string; keyword: Keyword } | null {
  if (token.length < 6 || PLACES_NOT_MISSPELT.has(token)) return null;
  const typed = bare(token);
  const near = WORDS.filter((w) => misspells(typed, w.bare));
  return near.length > 0 && near.every((w) => w.keyword === near[0].keyword) ? { meant: near[0].word, keyword: near[0].keyword } : null;
}

/**
 * Spanish words of names, with the word SAMHSA's English names use for them: "centro de
 * recuperación" found nothing near 10001 (in the whole 2022 directory 6 names say "centro", none
 * "recuperacion"; 1,336 say "recovery", 2,694 "center"). Each is looked for as typed too. Not
 * words whose English is a piece of streets and towns: "nueva" as "new" found Newark and New
 * York, "hogar" as "home" 1,267 listings (homeless, Homestead), where it names Puerto Rico's Hogar Crea.
 */
const IN_ENGLISH = new Map([
  ['centro', 'center'], ['centros', 'center'], ['recuperacion', 'recovery'], ['familia', 'family'], ['familias', 'family'],
  ['salud', 'health'], ['esperanza', 'hope'], ['vida', 'life'], ['comunidad', 'community'], ['comunitario', 'community'],
  ['servicios', 'services'], ['servicio', 'service'], ['iglesia', 'church'], ['libertad', 'freedom'], ['fundacion', 'foundation'],
  ['instituto', 'institute'], ['condado', 'county'],
]);

/**
 * The forms a word is looked for in (lower case): as typed, without its accents where it has
 * some (SAMHSA's 2022 names have none: "Adicción" is "Adiccion"), and in English where it is a
 * Spanish word of names (IN_ENGLISH).
 */
export function wordForms(word: string): string[] {
  const typed = word.toLowerCase();
  const english = inEnglish(typed);
  return [...new Set([typed, bare(typed), ...(english ? [english] : [])])];
}

/** The English word of names a Spanish word is also looked for as (IN_ENGLISH), or null. */
export const inEnglish = (word: string) => IN_ENGLISH.get(unpunctuated(bare(word.toLowerCase()))) ?? null;

/** A word without the punctuation typed around it ("¡ayuda!", "detox,", "“hope”"). */
/** Text without the quotes typed around it, to be said inside the page's own (“"Phoenix House"” was doubled). */
export const unquoted = (text: string) => text.trim().replace(/^["“”«»]+|["“”«»]+$/g, '');

export const unpunctuated = (word: string) => word.replace(/^[¡¿"“«‘'(]+|[.,;:!?"”»’')]+$/g, '');

/**
 * A phone number as people write one: "(212) 268-8830", "212.268.8830", "+1 212 268 8830".
 * As words, a pasted number found nothing: no name or street holds it.
 */
const PHONE = /(?<![\d-])(?:\+?1[\s.-]*)?\(?(\d{3})\)?[\s.-]*(\d{3})[\s.-]*(\d{4})(?![\d-])/g;

/** Whether a token has no letter or digit: an emoji or a sign ("🙏", "&", "-"). */
const signs = (token: string) => !/[\p{L}\p{N}]/u.test(token);

/**
 * The text's terms, at most MAX_TERMS; a keyword's phrase (longest first) counts as one term, and
 * words that ask for nothing none: counted before they were left out, "looking for detox for my
 * son in el paso tx" kept "detox" alone. Keywords and fillers are known with the punctuation
 * around them and a possessive left aside ("¡ayuda!", "detox,", "women's"); other words are
 * matched as typed, but for the punctuation around them ("“Lighthouse”", "cambridge.").
 */
export function readText(text: string): ReadText {
  const phones = [...text.matchAll(PHONE)].map((m) => ({ typed: m[0].trim(), digits: m.slice(1, 4).join('') }));
  const tokens = text.replace(PHONE, ' ').trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_TOKENS);
  // A text as long as the box takes was cut there, pasted (the box and the link keep MAX_TEXT characters): its
  // last word may be a piece ("medic" of "medicaid"), which no listing holds. Not a word of its own.
  if (text.length >= MAX_TEXT && tokens.length > 1 && !/\s$/.test(text)) tokens.pop();
  // A possessive is its word: "women's rehab" asks for women's care as "women" does.
  const plain = tokens.map((t) => unpunctuated(t).replace(/['’]s$/, ''));
  const read: ReadText = { keywords: [], words: [], ignored: [], phones: phones.slice(0, MAX_TERMS) };
  const full = () => read.keywords.length + read.words.length + read.phones.length >= MAX_TERMS;
  const found = (phrase: string, keyword: Keyword, meant?: string) => {
    const again = read.keywords.find((k) => k.keyword === keyword);
    if (again) again.said += ` ${phrase}`;
    else if (!full()) read.keywords.push({ phrase, keyword, ...(meant ? { meant } : {}), said: phrase });
  };
  let ignoring = false;
  let asked = false;
  for (let i = 0; i < tokens.length; i++) {
    const hit = PHRASES.find((p) => p.tokens.every((t, j) => plain[i + j] === t));
    // Signs alone ("🙏 detox") are left out as fillers are; alone they are looked for, as a name's words are.
    const filler = !hit && (FILLERS.has(plain[i]) || signs(plain[i]));
    if (hit) {
      found(hit.tokens.join(' '), hit.keyword);
      i += hit.tokens.length - 1;
    } else if (filler) {
      asked ||= ASKS.has(plain[i]);
      // A run of them is one phrase, as it was typed.
      // Said in quotes of the page's own: the typed ones went inside them (“clinic"”).
      const said = unquoted(tokens[i]) || tokens[i];
      if (ignoring) read.ignored[read.ignored.length - 1] += ` ${said}`;
      else read.ignored.push(said);
    } else {
      const typo = misspelled(plain[i]);
      if (typo) found(plain[i], typo.keyword, typo.meant);
      // Without the punctuation around it: a name typed in quotes, or a word before a full stop
      // ("cambridge."), was looked for with it and found nothing.
      // A short word keeps its stop ("st."): "st" lies in nearly every listing's words.
      else if (!full()) {
        const word = unpunctuated(tokens[i]);
        read.words.push(word.length > 2 ? word : tokens[i]);
      }
    }
    ignoring = filler;
  }
  // In a text that names a kind of care (a keyword), what a person calls any listing: "rehab center
  // for teens" required "center" in the name (2 near Los Angeles against 55; a walkthrough). In a
  // text of a name's words alone it is the name's ("Hope Center", "centro de recuperación").
  if (read.keywords.length > 0) {
    const generic = read.words.filter((w) => ANY_LISTING.has(w));
    read.words = read.words.filter((w) => !ANY_LISTING.has(w));
    read.ignored.push(...generic);
  }
  // Common words alone are a name's.
  if (!asked && read.keywords.length + read.words.length + read.phones.length === 0 && read.ignored.length > 0) {
    return { keywords: [], words: tokens.map((t) => unpunctuated(t) || t).slice(0, MAX_TERMS), ignored: [], phones: [] };
  }
  return read;
}

/**
 * The filter option a keyword stands for, with its group; with `held`, the release's types, only
 * a filter of one of them ("women" is no Residents filter where the release has no residences).
 */
export function keywordFilter(keyword: Keyword, held?: readonly OrgType[]): { group: string; option: FilterOption } | null {
  if (!keyword.filter) return null;
  const [groupId, value] = keyword.filter.split(':');
  const group = FILTER_GROUP_BY_ID.get(groupId);
  const option = group?.options.find((o) => o.value === value);
  if (!group || !option || (held && !held.includes(group.appliesTo))) return null;
  return { group: groupId, option };
}

/**
 * For a text of two terms or more, each term (a keyword as every phrase that named it, a word, a
 * phone number) with the text the others make, fillers left out: what a search without it asks.
 * "teen detox" near Louisa, KY found nothing, and the page advised the Adolescents and Detox
 * filters, which the words already were (a walkthrough); the search without one word finds some.
 */
export function withoutEachTerm(text: string): { term: string; rest: string }[] {
  const read = readText(text);
  const terms = [...new Set([...read.keywords.map((k) => k.said), ...read.words, ...read.phones.map((p) => p.typed)])];
  if (terms.length < 2) return [];
  return terms.map((term, i) => ({ term, rest: terms.filter((_, j) => j !== i).join(' ') }));
}
