// The page's first script (vite.config.ts puts it first in index.html), a few hundred bytes that
// run while the main chunk downloads: they start the fetches the first screen waits for.
import './i18n/early.ts';
import { startEarlyReads } from './db/early-start.ts';

startEarlyReads();
