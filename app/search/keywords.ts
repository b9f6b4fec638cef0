// The words people type for a service ("detox", "suboxone", "AA", "sober living") and what
// each means in the release: a filter option (so the keyword and the filter always give the
// same results, from one predicate in filters.ts), SAMHSA service codes, or organization types.
// A TS module rather than a published table: it is a few hundred bytes of reviewed code, the
// query binds its codes as parameters, and it needs no schema, publish or manifest change.
// Words not listed here still match SAMHSA's 225 service names (see queries.ts). Spanish words sit
// beside the English ones (the page can be in Spanish, app/i18n), with and without accents.
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
  { words: ['residential', 'rehab', 'residencial', 'rehabilitación', 'rehabilitacion'], filter: 'level:residential' },
  { words: ['aa', 'na', '12-step', '12 step', 'twelve step', 'alcoholics anonymous', 'narcotics anonymous', 'self-help', 'support group',
    'alcohólicos anónimos', 'alcoholicos anonimos', 'narcóticos anónimos', 'narcoticos anonimos', 'autoayuda', 'grupo de apoyo', '12 pasos'], codes: ['TWFA', 'SHG'] },
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
  { words: ['spanish', 'español', 'espanol'], filter: 'spoken:es' },
  { words: ['deaf', 'asl', 'sign language', 'sordo', 'sordos', 'lengua de señas'], codes: ['AH'] },
  { words: ['free', 'no cost', 'no payment', 'gratis', 'gratuito', 'sin costo'], codes: ['NP', 'PA', 'SS'] },
  { words: ['sliding fee', 'sliding scale', 'sliding', 'tarifa según ingresos', 'tarifa segun ingresos'], filter: 'pay:sliding' },
  { words: ['medicaid'], filter: 'pay:medicaid' },
  { words: ['medicare'], filter: 'pay:medicare' },
  { words: ['insurance', 'private insurance', 'seguro privado', 'seguro médico', 'seguro medico'], filter: 'pay:private' },
  { words: ['cash', 'self-pay', 'self pay', 'efectivo'], filter: 'pay:cash' },
  { words: ['telehealth', 'telemedicine', 'online', 'virtual', 'telesalud', 'telemedicina', 'en línea', 'en linea'], codes: ['TELE'] },
  { words: ['dui', 'dwi'], codes: ['DU', 'DUO'] },
  { words: ['narcan', 'naloxone', 'naloxona'], codes: ['NOE', 'BWN'] },
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
