// The shell: notices that never depend on the engine, then the search, its results as a
// table and a map, and the selected organization. Views never import each other; they meet here.
import { lazy, Suspense, useCallback, useState } from 'react';
import { CloudConnect } from './components/cloud-connect.tsx';
import { DatasetDownload } from './components/dataset-download.tsx';
import { EmbedThisSearch } from './components/embed-this-search.tsx';
import { EngineActivity, StartingNotice } from './components/engine-status.tsx';
import { OfflineCopy } from './components/offline-copy.tsx';
import { PanelBoundary } from './components/panel-boundary.tsx';
import { QueryFailed } from './components/query-failed.tsx';
import { ReleaseNotice } from './components/release-notice.tsx';
import { SafetyLines } from './components/safety-lines.tsx';
import { useDatabase } from './db/use-database.ts';
import { useQuery } from './db/use-query.ts';
import { consoleSqlFromUrl, consoleUrl } from './search/console.ts';
import { applyLocks, embedFromUrl, embedParams } from './search/embed.ts';
import { countQuery } from './search/queries.ts';
import { releaseTypes } from './search/release.ts';
import type { SearchState } from './search/state.ts';
import { searchToUrl } from './search/url.ts';
import { DidYouMean } from './shell/did-you-mean.tsx';
import { ResultsSummary } from './shell/results-summary.tsx';
import { usePageTitle } from './shell/use-page-title.ts';
import { useEmbedMessages } from './shell/use-embed-messages.ts';
import { useResolvedSearch } from './shell/use-resolved-search.ts';
import { useSearchUrl } from './shell/use-search-url.ts';
import { useView } from './shell/use-view.ts';
import { DetailPanel } from './views/detail/detail-panel.tsx';
import { SearchForm } from './views/search-form/search-form.tsx';
import { ResultsTable } from './views/table/results-table.tsx';

// MapLibre is large: the table paints first while the map loads.
const ResultsMap = lazy(() => import('./views/map/results-map.tsx'));
// CodeMirror too, and only analysts open the console.
const SqlConsole = lazy(() => import('./views/console/sql-console.tsx'));
// Observable Plot with it.
const Dashboards = lazy(() => import('./views/dashboards/dashboards.tsx'));

const MAP_LOADING = <p className="map-caption">Loading the map…</p>;

// Embedded (`?embed=1`): the host's choices hold for the page's life.
const EMBED = embedFromUrl(window.location.search);
// cloud.html: the same app, served cross-origin isolated so it can connect to MotherDuck.
const CLOUD_PAGE = document.body.dataset.page === 'cloud';

export function App() {
  const database = useDatabase();
  const [state, go] = useSearchUrl(embedParams(EMBED));
  // What the host locked stays as its link set it, whatever the visitor or a message asks.
  const [preset] = useState(state);
  const navigate = useCallback((next: SearchState) => go(applyLocks(preset, next, EMBED.locked)), [go, preset]);
  useEmbedMessages(EMBED, state, navigate);
  const [view, openView] = useView();
  const [hovered, setHovered] = useState<string | null>(null);
  const resolution = useResolvedSearch(state, database.status === 'ready' ? database.db : null);
  const search = resolution.status === 'resolved' ? resolution.search : null;
  const count = useQuery<{ n: number }>(search ? countQuery(search) : null);
  const total = count.status === 'done' ? count.rows[0].n : null;
  // The map's megabyte of JS and its WebGL start compete with the first rows for the main
  // thread, so it loads once the first results are in (and then stays).
  const [mapWanted, setMapWanted] = useState(false);
  if (total !== null && !mapWanted) setMapWanted(true);
  const onSelect = useCallback((orgId: string | null) => navigate({ ...state, selected: orgId }), [state, navigate]);
  const types = database.status === 'ready' ? releaseTypes(database.db.manifest) : [];
  usePageTitle(view === 'search' ? state : null, search?.near?.label ?? null);

  return (
    <>
      <header className={EMBED.embed ? 'site-header embedded' : 'site-header'}>
        {EMBED.embed ? <p className="embed-title">National Recovery Directory</p> : <h1>National Recovery Directory</h1>}
        <SafetyLines />
        {!EMBED.embed && (
          <nav className="views" aria-label="Views">
            <button type="button" aria-current={view === 'search' ? 'page' : undefined}
              onClick={() => openView('search', searchToUrl(state))}>Directory</button>
            <button type="button" aria-current={view === 'dashboards' ? 'page' : undefined}
              onClick={() => openView('dashboards', 'view=dashboards')}>Dashboards</button>
            <button type="button" aria-current={view === 'sql' ? 'page' : undefined}
              onClick={() => openView('sql', consoleUrl(''))}>SQL console</button>
          </nav>
        )}
      </header>
      <main className={EMBED.embed ? 'embedded' : undefined}>
        <StartingNotice database={database} />
        <EngineActivity />
        {CLOUD_PAGE && database.status === 'ready' && <CloudConnect />}
        {database.status === 'ready' && view === 'sql' && (
          <>
            <ReleaseNotice manifest={database.db.manifest} />
            <Suspense fallback={<p role="status">Loading the console…</p>}>
              <SqlConsole initialSql={consoleSqlFromUrl(window.location.search)}
                onSqlChange={(sql) => window.history.replaceState(null, '', `${window.location.pathname}?${consoleUrl(sql)}`)} />
            </Suspense>
          </>
        )}
        {database.status === 'ready' && view === 'dashboards' && (
          <>
            <ReleaseNotice manifest={database.db.manifest} />
            <Suspense fallback={<p role="status">Loading the dashboards…</p>}>
              <Dashboards onOpenConsole={(sql) => openView('sql', consoleUrl(sql))} />
            </Suspense>
          </>
        )}
        {database.status === 'ready' && view === 'search' && (
          <>
            <ReleaseNotice manifest={database.db.manifest} />
            <SearchForm state={state} search={search} types={types} locked={EMBED.locked} onChange={navigate}
              placeProblem={resolution.status === 'not-found' && (
                <p role="alert" className="hint">
                  “<bdi>{resolution.where}</bdi>” is not a ZIP code or city we know. Try a 5-digit ZIP code or “City, ST”.
                </p>
              )} />
            {resolution.status === 'resolving' && <p role="status" className="hint">Looking up “<bdi>{state.where}</bdi>”…</p>}
            {resolution.status === 'resolved' && resolution.unsure && (
              <DidYouMean shown={resolution.search.near?.label ?? state.where} alternatives={resolution.alternatives}
                onChoose={(where) => navigate({ ...state, where, at: null, selected: null })} />
            )}
            {resolution.status === 'failed' && <QueryFailed error={resolution.error} />}
            {search && (
              <div className="results">
                <div className="results-list">
                  {count.status === 'failed' ? <QueryFailed error={count.error} />
                    : <ResultsSummary total={total} search={search} onChange={navigate} />}
                  <ResultsTable search={search} total={total} selectedId={state.selected} hoveredId={hovered}
                    onSelect={onSelect} onHover={setHovered} />
                </div>
                {mapWanted ? (
                  <PanelBoundary what="The map" instead="the list has every result">
                    <Suspense fallback={MAP_LOADING}>
                      <ResultsMap search={search} selectedId={state.selected} hoveredId={hovered} onSelect={onSelect}
                        onHover={setHovered} types={types} onSearchArea={EMBED.locked.has('where') ? undefined
                          : (at, radius) => navigate({ ...state, at, where: '', radius, selected: null })} />
                    </Suspense>
                  </PanelBoundary>
                ) : MAP_LOADING}
              </div>
            )}
            {state.selected && <DetailPanel orgId={state.selected} onSelect={onSelect} onClose={() => onSelect(null)} />}
            {!EMBED.embed && search && <EmbedThisSearch state={state} />}
            {!EMBED.embed && <DatasetDownload manifest={database.db.manifest} />}
          </>
        )}
      </main>
      {/* An embedding host's visitors did not come for a copy of the directory. */}
      {!EMBED.embed && (
        <footer className="site-footer">
          {database.status === 'ready' && <OfflineCopy releaseBytes={database.db.manifest.total_bytes} />}
          {!CLOUD_PAGE && <p><a href={`cloud.html${window.location.search}`}>Cloud mode</a>: analysts with a MotherDuck account can run every view there.</p>}
        </footer>
      )}
    </>
  );
}
