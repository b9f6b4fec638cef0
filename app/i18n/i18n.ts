// i18next, started once before the first render: English is bundled (the page's own words plus
// the data words of data-catalog.ts); any other language's catalog is its own chunk, fetched only
// when the visit is in that language (early.ts starts that fetch beside the main chunk's). Plurals use the browser's Intl.PluralRules and numbers and
// dates Intl.NumberFormat/DateTimeFormat, so no ICU data ships with the app.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { englishData } from './data-catalog.ts';
import { chooseLanguage, DEFAULT_LANGUAGE, withLanguage, type Language } from './languages.ts';
import { loadCatalog } from './load-catalog.ts';
import en from './locales/en.json';

async function load(language: Language) {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const entries = await loadCatalog(language);
  if (entries) i18next.addResourceBundle(language, 'translation', entries, true, true);
}

function follow(language: Language) {
  document.documentElement.lang = language;
}

/** Starts i18next in the visit's language (see languages.ts), its catalog loaded. */
export async function startI18n(): Promise<void> {
  const language = chooseLanguage(window.location.search, navigator.languages ?? []);
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    resources: { en: { translation: { ...en, data: englishData() } } },
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await load(language);
  follow(language);
}

/** The switch: the catalog, then the page's words, `<html lang>` and the URL's `lang=`. */
export async function switchLanguage(language: Language): Promise<void> {
  await load(language);
  await i18next.changeLanguage(language);
  follow(language);
  const query = withLanguage(window.location.search, language);
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
}

/** The language on screen now. */
export const currentLanguage = (): Language => i18next.language as Language;

/** `query` carrying the language on screen, for every URL the app writes. */
export const keepLanguage = (query: string): string => withLanguage(query, currentLanguage());
