// Started by the page's first script (app/early.ts), before the main chunk has arrived: the
// release's manifest and the reader that answers the first results without the engine
// (early-reads.ts). database.ts takes both when it starts; each is asked for once.
import { releaseUrl } from '../release/manifest.ts';
import { prefetchManifest } from './manifest-fetch.ts';

export function startEarlyReads(): void {
  prefetchManifest(releaseUrl(document.baseURI));
  import('./early-reads.ts').catch(() => {}); // database.ts asks again, and the engine answers if it fails
}
