import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { openDatabase } from './db/database.ts';
import { startI18n } from './i18n/i18n.ts';
import { readFirstResults } from './shell/first-results.ts';
import './styles.css';

// Start the engine before React renders; its worker (the wasm's download and compile) and its
// JavaScript wait for the link's first results, or 3 s (database.ts).
let firstResultsRead!: () => void;
openDatabase(undefined, new Promise<void>((go) => { firstResultsRead = go; })).catch(() => {}); // the failure is shown by the app from the shared state
// The link's first results are read meanwhile, without the engine; the list finds them under way.
readFirstResults(window.location.search).catch(() => {}).finally(() => firstResultsRead()); // the list asks again

// Keeps the app's files as they are fetched, and a whole release when asked (public/sw.js).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => navigator.serviceWorker.register('./sw.js').catch(() => {}));
}

// English is in this chunk; another language's catalog arrives first (a few kilobytes), so the
// first paint is already in that language.
void startI18n().then(() => createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
));
