// The directory in the warm mix: the app's own engine, catalog and cache (db/database.ts)
// answering what the UI issues (../directory-answers.ts).
import { openDatabase } from '../../../app/db/database.ts';
import { releaseUrl } from '../../../app/release/manifest.ts';
import { directoryAnswers } from './directory-answers.ts';
import { exposeMix } from './expose.ts';

const db = await openDatabase(releaseUrl(new URL('/', location.href)));
// Every query reaches the engine, as every query of the mix did before the app's answers were
// cached (db/query-cache.ts).
exposeMix(directoryAnswers(async (q) => {
  db.cache.clear();
  return db.engine.query(q.text, q.params);
}, db.manifest));
