// For unit tests: an i18next instance with the app's catalogs read from disk, in one language.
import i18next, { type TFunction } from 'i18next';
import { englishData } from './data-catalog.ts';
import en from './locales/en.json';
import es from './locales/es.json';

export async function testI18n(lng: 'en' | 'es'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng, fallbackLng: 'en', interpolation: { escapeValue: false },
    resources: { en: { translation: { ...en, data: englishData() } }, es: { translation: es } },
  });
  return instance.t;
}
