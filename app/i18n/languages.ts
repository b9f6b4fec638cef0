// The languages the directory speaks, each named in itself for the header's switch. Adding one
// is a catalog file in locales/ (e.g. fr.json, the same keys as es.json) and a line here.
export const LANGUAGES = {
  en: 'English',
  es: 'Español',
} as const;

export type Language = keyof typeof LANGUAGES;

export const DEFAULT_LANGUAGE: Language = 'en';

export const isLanguage = (code: string | null | undefined): code is Language =>
  !!code && Object.hasOwn(LANGUAGES, code);

/**
 * The language of this visit: `lang=` in the URL when it names one we have, else the first of
 * the browser's preferences we have (by primary subtag: es-MX → es), else English.
 */
export function chooseLanguage(query: string, preferred: readonly string[]): Language {
  const asked = new URLSearchParams(query).get('lang');
  if (isLanguage(asked)) return asked;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/** `query` with `lang=` set to `language` (left out for English, so today's links stay as they were). */
export function withLanguage(query: string, language: Language): string {
  const p = new URLSearchParams(query);
  p.delete('lang');
  if (language !== DEFAULT_LANGUAGE) p.set('lang', language);
  return p.toString();
}
