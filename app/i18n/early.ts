// The first module script of index.html, a few hundred bytes: it starts fetching the visit's
// catalog while the app's main chunk is still downloading. Measured on Slow 4G (562 ms round
// trips), waiting for the main chunk to ask cost a Spanish first screen 0.5 to 1.1 s.
import { chooseLanguage } from './languages.ts';
import { loadCatalog } from './load-catalog.ts';

loadCatalog(chooseLanguage(window.location.search, navigator.languages ?? [])).catch(() => {}); // i18n.ts asks again and says so
