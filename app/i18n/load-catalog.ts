// A language's catalog, fetched once: English is bundled, each other language is its own chunk.
// Both the early script (early.ts) and i18n.ts ask here, so the fetch the first starts is the
// one the second waits for.
import { DEFAULT_LANGUAGE, type Language } from './languages.ts';

const CATALOGS = import.meta.glob<{ default: Record<string, unknown> }>(['./locales/*.json', '!./locales/en.json']);
const pending = new Map<Language, Promise<Record<string, unknown> | null>>();

/** The catalog's entries, or null for English (bundled) and a language with no file. */
export function loadCatalog(language: Language): Promise<Record<string, unknown> | null> {
  const file = language === DEFAULT_LANGUAGE ? undefined : CATALOGS[`./locales/${language}.json`];
  if (!file) return Promise.resolve(null);
  if (!pending.has(language)) {
    pending.set(language, file().then((m) => m.default, (error: unknown) => {
      pending.delete(language); // a failed fetch is tried again on the next ask
      throw error;
    }));
  }
  return pending.get(language)!;
}
