// "For analysts": the dashboards, the SQL console, the embed snippet, the dataset and cloud
// mode, one click away at the foot of the page, out of the way of a person looking for help.
import { Trans, useTranslation } from 'react-i18next';
import type { DatabaseState } from '../db/database.ts';
import type { ResolvedSearch } from '../search/queries.ts';
import type { SearchState } from '../search/state.ts';
import { consoleUrl } from '../search/console.ts';
import type { View } from './use-view.ts';
import { DatasetDownload } from '../components/dataset-download.tsx';
import { EmbedThisSearch } from '../components/embed-this-search.tsx';
import { OfflineCopy } from '../components/offline-copy.tsx';

interface Props {
  view: View;
  state: SearchState;
  search: ResolvedSearch | null;
  database: DatabaseState;
  cloudPage: boolean;
  openView: (view: View, query: string) => void;
}

export function AnalystTools({ view, state, search, database, cloudPage, openView }: Props) {
  const { t } = useTranslation();
  const ready = database.status === 'ready';
  return (
    <footer className="site-footer" id="for-analysts">
      {view === 'search' && (
        <section aria-labelledby="analysts-title">
          <h2 id="analysts-title">{t('app.forAnalysts')}</h2>
          <nav className="analyst-views" aria-label={t('app.views')}>
            <button type="button" onClick={() => openView('dashboards', 'view=dashboards')}>{t('app.dashboards')}</button>
            <button type="button" onClick={() => openView('sql', consoleUrl(''))}>{t('app.sqlConsole')}</button>
          </nav>
          {search && <EmbedThisSearch state={state} />}
          {ready && <DatasetDownload manifest={database.db.manifest} />}
        </section>
      )}
      {ready && <OfflineCopy releaseBytes={database.db.manifest.total_bytes} />}
      {!cloudPage && <p><Trans i18nKey="cloud.link" components={{ a: <a href={`cloud.html${window.location.search}`} /> }} /></p>}
    </footer>
  );
}
