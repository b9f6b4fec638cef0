// "For analysts": the dashboards, the SQL console, the embed snippet, the dataset and cloud
// mode, one click away at the foot of the page, out of the way of a person looking for help.
import type { DatabaseState } from '../db/database.ts';
import type { ResolvedSearch } from '../search/queries.ts';
import type { SearchState } from '../search/state.ts';
import type { View } from '../search/url.ts';
import { DatasetDownload } from '../components/dataset-download.tsx';
import { EmbedThisSearch } from '../components/embed-this-search.tsx';
import { OfflineCopy } from '../components/offline-copy.tsx';

interface Props {
  view: View;
  state: SearchState;
  search: ResolvedSearch | null;
  database: DatabaseState;
  cloudPage: boolean;
  /** `consoleSql`: the query the console opens with. */
  openView: (view: View, consoleSql?: string) => void;
}

export function AnalystTools({ view, state, search, database, cloudPage, openView }: Props) {
  const ready = database.status === 'ready';
  return (
    <footer className="site-footer" id="for-analysts">
      {view === 'search' && (
        <section aria-labelledby="analysts-title">
          <h2 id="analysts-title">For analysts</h2>
          <nav className="analyst-views" aria-label="Views">
            <button type="button" onClick={() => openView('dashboards')}>Dashboards</button>
            <button type="button" onClick={() => openView('sql', '')}>SQL console</button>
          </nav>
          {search && <EmbedThisSearch state={state} />}
          {ready && <DatasetDownload manifest={database.db.manifest} />}
        </section>
      )}
      {ready && <OfflineCopy releaseBytes={database.db.manifest.total_bytes} />}
      {!cloudPage && <p><a href={`cloud.html${window.location.search}`}>Cloud mode</a>: analysts with a MotherDuck account can run every view there.</p>}
    </footer>
  );
}
