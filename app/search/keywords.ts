// The words people type for a service ("detox", "suboxone", "AA", "sober living") and what
// each means in the release: a filter option (so the keyword and the filter always give the
// same results, from one predicate in filters.ts), SAMHSA service codes, or organization types.
// A TS module rather than a published table: it is a few hundred bytes of reviewed code, the
// query binds its codes as parameters, and it needs no schema, publish or manifest change.
// Words not listed here still match SAMHSA's 225 service names (see queries.ts).
import { FILTER_GROUP_BY_ID, type FilterOption } from './filters.ts';
import type { OrgType } from './state.ts';

export interface Keyword {
  /** Lower-case words, as typed; a phrase is several words. */
  words: string[];
  /** A filter option ('group:value') the keyword stands for. */
  filter?: string;
  /** Service codes (organization_services) that also count as a match. */
  codes?: string[];
  /** Organization types that match as a whole (a "sober living" search finds every residence). */
  types?: OrgType[];
}

export const KEYWORDS: Keyword[] = [
  { words: ['detox', 'detoxification', 'withdrawal'], filter: 'service:detox' },
  { words: ['methadone'], filter: 'service:methadone' },
  { words: ['suboxone', 'subutex', 'buprenorphine', 'sublocade', 'bupe'], filter: 'service:buprenorphine' },
  { words: ['naltrexone', 'vivitrol'], filter: 'service:naltrexone' },
  { words: ['mat', 'moud', 'medication assisted treatment'], codes: ['MU', 'BU', 'NU', 'OTP', 'MM', 'BUM', 'UB', 'UN', 'METH', 'BWN', 'BWON', 'BERI', 'VTRL', 'NXN'] },
  { words: ['otp', 'opioid treatment program', 'methadone clinic'], filter: 'service:otp' },
  { words: ['iop', 'intensive outpatient'], filter: 'service:iop' },
  { words: ['php', 'partial hospitalization', 'day treatment'], filter: 'service:php' },
  { words: ['outpatient'], filter: 'level:outpatient' },
  { words: ['inpatient', 'hospital'], filter: 'level:inpatient' },
  { words: ['residential', 'rehab'], filter: 'level:residential' },
  { words: ['aa', 'na', '12-step', '12 step', 'twelve step', 'alcoholics anonymous', 'narcotics anonymous', 'self-help', 'support group'], codes: ['TWFA', 'SHG'] },
  { words: ['sober living', 'sober home', 'sober house', 'halfway house', 'recovery residence', 'transitional housing'], codes: ['HH'], types: ['narr_residence'] },
  { words: ['peer support', 'recovery coach', 'peer'], codes: ['PEER', 'RC'], types: ['recovery_center'] },
  { words: ['teen', 'teens', 'teenager', 'youth', 'adolescent', 'adolescents', 'kids'], filter: 'age:adolescents' },
  { words: ['young adult', 'young adults'], codes: ['TAY', 'YAD'] },
  { words: ['senior', 'seniors', 'older adults', 'elderly'], filter: 'age:seniors' },
  { words: ['women', 'woman', 'female'], codes: ['WN', 'PW', 'FEM'], filter: 'gender:women' },
  { words: ['men', 'male'], codes: ['MN', 'MALE'], filter: 'gender:men' },
  { words: ['pregnant', 'postpartum'], codes: ['PW'] },
  { words: ['veteran', 'veterans', 'va', 'military'], codes: ['VET', 'ADM', 'MF', 'VAMC', 'MI'] },
  { words: ['lgbt', 'lgbtq', 'gay', 'lesbian', 'transgender'], codes: ['GL'] },
  { words: ['spanish', 'español', 'espanol'], filter: 'spoken:es' },
  { words: ['deaf', 'asl', 'sign language'], codes: ['AH'] },
  { words: ['free', 'no cost', 'no payment'], codes: ['NP', 'PA', 'SS'] },
  { words: ['sliding fee', 'sliding scale', 'sliding'], filter: 'pay:sliding' },
  { words: ['medicaid'], filter: 'pay:medicaid' },
  { words: ['medicare'], filter: 'pay:medicare' },
  { words: ['insurance', 'private insurance'], filter: 'pay:private' },
  { words: ['cash', 'self-pay', 'self pay'], filter: 'pay:cash' },
  { words: ['telehealth', 'telemedicine', 'online', 'virtual'], codes: ['TELE'] },
  { words: ['dui', 'dwi'], codes: ['DU', 'DUO'] },
  { words: ['narcan', 'naloxone'], codes: ['NOE', 'BWN'] },
  { words: ['alcohol'], codes: ['ADTX', 'PMAT', 'ACM', 'DSF'] },
];

/** Where the typed text falls: keywords it holds, and the words left to match as text. */
export interface ReadText {
  /** Each keyword found once, with the phrase that named it. */
  keywords: { phrase: string; keyword: Keyword }[];
  words: string[];
}

const PHRASES = KEYWORDS.flatMap((k) => k.words.map((w) => ({ tokens: w.split(' '), keyword: k })))
  .sort((a, b) => b.tokens.length - a.tokens.length);

/** The text's words, at most 8; a keyword's phrase (longest first) counts as one term. */
export function readText(text: string): ReadText {
  const tokens = text.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  const keywords: ReadText['keywords'] = [];
  const words: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const hit = PHRASES.find((p) => p.tokens.every((t, j) => tokens[i + j] === t));
    if (hit) {
      if (!keywords.some((k) => k.keyword === hit.keyword)) keywords.push({ phrase: hit.tokens.join(' '), keyword: hit.keyword });
      i += hit.tokens.length;
    } else {
      words.push(tokens[i]);
      i += 1;
    }
  }
  return { keywords, words };
}

/** The filter option a keyword stands for, with its group. */
export function keywordFilter(keyword: Keyword): { group: string; option: FilterOption } | null {
  if (!keyword.filter) return null;
  const [groupId, value] = keyword.filter.split(':');
  const option = FILTER_GROUP_BY_ID.get(groupId)?.options.find((o) => o.value === value);
  return option ? { group: groupId, option } : null;
}
