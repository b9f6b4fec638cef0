// The shell: notices that never depend on the engine, then the search (drawn at once, usable
// while the engine starts), its results as a list and a map, the selected organization beside
// them, and the analysts' tools at the foot of the page. Views never import each other; they meet here.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { AnalystTools } from './shell/analyst-tools.tsx';
import { CloudConnect } from './components/cloud-connect.tsx';
import { CopyLink } from './components/copy-link.tsx';
import { DetailLoading, type DetailPreview } from './components/detail-top.tsx';
import { EngineActivity, StartingNotice } from './components/engine-status.tsx';
import { LanguageSwitch } from './components/language-switch.tsx';
import { placeLabel } from './i18n/format.ts';
import { pageTitle } from './shell/page-title.ts';
import { PanelBoundary } from './components/panel-boundary.tsx';
import { QueryFailed } from './components/query-failed.tsx';
import { ReleaseNotice } from './components/release-notice.tsx';
import { SafetyLines } from './components/safety-lines.tsx';
import { useDatabase } from './db/use-database.ts';
import { useQuery } from './db/use-query.ts';
import { applyLocks } from './search/embed.ts';
import { countOf, countQuery } from './search/queries.ts';
import { releaseTypes } from './search/release.ts';
import type { SearchState, Sort } from './search/state.ts';
import { hasText } from './search/text-match.ts';
import { embedFromUrl, embedParams, searchToUrl, type View } from './search/url.ts';
import { DidYouMean } from './shell/did-you-mean.tsx';
import { ResultsSummary } from './shell/results-summary.tsx';
import { useServiceNames } from './shell/text-reading.tsx';
import { useEmbedMessages } from './shell/use-embed-messages.ts';
import { useResolvedSearch } from './shell/use-resolved-search.ts';
import { atPlace, entryState, markPlace, usePageUrl, type EntryState } from './shell/use-page-url.ts';
import { SearchForm, type SearchFormHandle } from './views/search-form/search-form.tsx';
import type { ResultsTableHandle } from './views/table/results-table.tsx';

// The first screen is the form alone: what shows results loads while the engine starts (on a
// phone network the entry's every kilobyte delays the form; `npm run bench` measures it).
// The list's module once its chunk is in is drawn directly: lazy() suspends on its first render
// even then, and React reveals suspended content no sooner than 300 ms after its fallback
// (FALLBACK_THROTTLE_MS), so a ZIP's first rows, read before the engine, waited that long (a trace).
let tableModule: typeof import('./views/table/results-table.tsx') | undefined;
const tableChunk = () => import('./views/table/results-table.tsx').then((m) => (tableModule = m));
const detailChunk = () => import('./views/detail/detail-panel.tsx');
const LazyResultsTable = lazy(() => tableChunk().then((m) => ({ default: m.ResultsTable })));
type TableComponent = typeof LazyResultsTable | NonNullable<typeof tableModule>['ResultsTable'];
const DetailPanel = lazy(() => detailChunk().then((m) => ({ default: m.DetailPanel })));
// The list's chunk is asked for as this module runs, not after the first render: a link's first
// rows are read meanwhile (shell/first-results.ts), and in a trace they waited for the list.
tableChunk().catch(() => {}); // a failed load shows at use, in the panel's boundary
const PrintList = lazy(() => import('./views/table/print-list.tsx').then((m) => ({ default: m.PrintList })));
// MapLibre is large: the table paints first while the map loads.
const ResultsMap = lazy(() => import('./views/map/results-map.tsx'));
// CodeMirror too, and only analysts open the console.
const SqlConsole = lazy(() => import('./views/console/sql-console.tsx'));
// Observable Plot with it.
const Dashboards = lazy(() => import('./views/dashboards/dashboards.tsx'));

const MapLoading = () => <p className="map-caption">{useTranslation().t('app.loadingMap')}</p>;
/** Where the results take the page's width, the details open in place of the list and map (styles.css). */
const DETAIL_IN_PLACE = '(max-width: 800px)';

// Embedded (`?embed=1`): the host's choices hold for the page's life.
const EMBED = embedFromUrl(window.location.search);
const EMBED_DOWNLOADS = ['csv'] as const;
/** The fragment of the entry the phone's Map button makes (app's showMap). */
const MAP_ENTRY = '#map';
/** The search form's id: the list's end links back up to it. */
const SEARCH_FORM = 'search-form';
// cloud.html: the same app, served cross-origin isolated so it can connect to MotherDuck.
const CLOUD_PAGE = document.body.dataset.page === 'cloud';

/**
 * Whether the person has said where or what: until then the page asks rather than lists the
 * country A–Z. Words that ask for nothing ("i need help", "ayuda por favor") say neither.
 */
const asked = (s: SearchState) => Boolean(s.where || s.at || hasText(s.text) || s.types.length || Object.keys(s.filters).length);

export function App() {
  const { t, i18n } = useTranslation();
  const database = useDatabase();
  // The release's notices (sample data, its date) show as soon as its manifest is known: the
  // national list's first rows are painted before the engine is up (db/early-reads.ts).
  const release = database.status === 'ready' ? database.db.manifest : database.manifest;
  // Once the form is drawn, beside the engine's download: the details are then there when the
  // first results are (a failed load shows at use, in the panel's boundary).
  useEffect(() => { detailChunk().catch(() => {}); }, []);
  const [page, go] = usePageUrl(embedParams(EMBED));
  const { search: state, view } = page;
  // What the host locked stays as its link set it, whatever the visitor or a message asks.
  const [preset] = useState(state);
  const navigate = useCallback((next: SearchState, entry?: EntryState) => go({ search: applyLocks(preset, next, EMBED.locked) }, 'push', entry), [go, preset]);
  useEmbedMessages(EMBED, state, navigate);
  const openView = useCallback((next: View, consoleSql?: string) => go({ view: next, ...(consoleSql === undefined ? {} : { consoleSql }) }), [go]);
  // A new order replaces the link rather than adding a step to go back through.
  const sortBy = useCallback((sort: Sort) => go({ sort }, 'replace'), [go]);
  const [hovered, setHovered] = useState<string | null>(null);
  // "List every organization" is `all=1` (search/url.ts); without it a link with no place asks.
  const listing = EMBED.embed || page.all || asked(state);
  const resolution = useResolvedSearch(state, release);
  const search = resolution.status === 'resolved' && listing ? resolution.search : null;
  // Near a place, with words or for the national list, the count is the table's first page (queries.ts), asked once unless sorted otherwise.
  const count = useQuery(search ? countQuery(search) : null);
  // After the count's query, so its first page is asked first.
  const serviceNames = useServiceNames(search ? search.state.text : null);
  // Chosen when the list is first drawn, and kept: a switch would remount it.
  const [ResultsTable, setResultsTable] = useState<TableComponent | null>(null);
  if (search && !ResultsTable) setResultsTable(() => tableModule?.ResultsTable ?? LazyResultsTable);
  const total = count.status === 'done' ? countOf(count.rows) : null;
  // The map's megabyte of JS and its WebGL start compete with the first rows and the engine's
  // start for the main thread, so it loads once the first results are in and the engine is up
  // (and then stays): a ZIP link's count now comes with its first rows, before the engine, and
  // a map loaded then put the engine 0.9 s later (2.15 → 3.02 s, ×1, median of six).
  const [mapWanted, setMapWanted] = useState(false);
  if (total !== null && database.status === 'ready' && !mapWanted) setMapWanted(true);
  const onSelect = useCallback((orgId: string | null) => {
    const before = entryState().opened;
    navigate({ ...state, selected: orgId }, { opened: !orgId ? undefined : !state.selected ? 1 : before ? before + 1 : undefined });
  }, [state, navigate]);
  // The result that opened the details, so that closing them (Escape or ×) puts focus back on
  // it. Only the list sets it: a map point cannot take focus, so its details give focus back to
  // the results' heading; a nearby support opened from the details keeps the list's opener.
  const table = useRef<ResultsTableHandle>(null);
  const opener = useRef<string | null>(null);
  // On a phone the details take the list's place: where the page was is kept for the way back.
  const listScroll = useRef(0);
  // What the list showed of the result opened from it, for the details while they load.
  const [preview, setPreview] = useState<DetailPreview | null>(null);
  // Opened from the map: on a phone, closing returns to the map, not the list's head (a person test).
  const fromMap = useRef(false);
  const openFromList = useCallback((orgId: string, row: DetailPreview) => {
    opener.current = orgId;
    fromMap.current = false;
    listScroll.current = window.scrollY;
    setPreview(row);
    onSelect(orgId);
  }, [onSelect]);
  const openFromMap = useCallback((orgId: string) => {
    opener.current = null;
    fromMap.current = true;
    listScroll.current = window.scrollY;
    onSelect(orgId);
  }, [onSelect]);
  const returnFocus = useRef(false);
  const closeDetail = useCallback(() => {
    returnFocus.current = true;
    // Back to the list's own entry, as the phone's Back would go: a new one made that Back open it again.
    const opened = entryState().opened;
    if (opened) window.history.go(-opened);
    else onSelect(null);
  }, [onSelect]);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    const closed = wasOpen.current && !state.selected;
    wasOpen.current = Boolean(state.selected);
    // Closed by Escape or × (returnFocus), or by the browser's Back, which left focus on the
    // body as the panel went: any other close (a new search, the map) has put focus elsewhere.
    if (!closed || !(returnFocus.current || document.activeElement === document.body)) return;
    returnFocus.current = false;
    const back = opener.current;
    const map = fromMap.current;
    opener.current = null;
    fromMap.current = false;
    // The panel has unmounted (focus fell to the body) and the list kept its rows. A frame later:
    // closed by going back (closeDetail) to an entry with a fragment ("#results", the skip link's),
    // the browser's return to it took focus back to the page after this put it on the result.
    requestAnimationFrame(() => {
      const inPlace = window.matchMedia(DETAIL_IN_PLACE).matches;
      if (inPlace && (back || map)) window.scrollTo(0, listScroll.current);
      if (back && table.current?.focusResult(back)) return;
      // A map point takes no focus: on a phone the way back to the list, over the map, does.
      if (map && inPlace && toList.current) toList.current.focus({ preventScroll: true });
      else resultsHeading.current?.focus();
    });
  }, [state.selected]);
  const types = database.status === 'ready' ? releaseTypes(database.db.manifest) : [];
  // A place that could not be read is said in the form, above the results a search moves to: on
  // a phone the notice was out of sight above an empty "Results" (SAMHSA's directory, "00000"
  // or "WY"). The page goes back to the place's box, focused to mend it, the notice under it.
  const placeNotFound = resolution.status === 'not-found';
  const notFound = useRef(placeNotFound);
  notFound.current = placeNotFound;
  const form = useRef<SearchFormHandle>(null);
  const mendPlace = useCallback(() => form.current?.focusPlace(), []);
  useEffect(() => {
    if (placeNotFound && document.activeElement === resultsHeading.current) mendPlace();
  }, [placeNotFound, mendPlace]);
  // After a search the page moves to its results: the heading is there at once, "Looking up…" under it.
  const toResults = useCallback(() => {
    resultsHeading.current?.scrollIntoView({ block: 'start' });
    resultsHeading.current?.focus({ preventScroll: true });
  }, []);
  const showResults = useCallback((next: SearchState) => {
    navigate(next);
    // The same place searched again is known at once not to be found.
    requestAnimationFrame(() => (notFound.current ? mendPlace() : toResults()));
  }, [navigate, mendPlace, toResults]);

  // On a phone the map comes after every result (173 cards near 02139 in SAMHSA's directory put it
  // 23,000 px down, out of reach): a button that stays in sight over the list goes to it, and one
  // above it comes back, to where the list was left (its head sent a person at the 40th card back
  // to the first), focus on the Map button that left it. Focus goes with the page. Going to the
  // map is an entry (`#map`): the phone's Back left the search from there (a person test).
  const toList = useRef<HTMLButtonElement>(null);
  const toMap = useRef<HTMLButtonElement>(null);
  const leftList = useRef<number | null>(null);
  const onMap = useRef(atPlace(MAP_ENTRY));
  const showMap = useCallback(() => {
    leftList.current = window.scrollY;
    markPlace(MAP_ENTRY);
    onMap.current = true;
    toList.current?.scrollIntoView({ block: 'start' });
    toList.current?.focus({ preventScroll: true });
  }, []);
  const returnToList = useCallback(() => {
    if (leftList.current === null) return toResults();
    window.scrollTo({ top: leftList.current });
    toMap.current?.focus({ preventScroll: true });
  }, [toResults]);
  const backToList = useCallback(() => {
    if (atPlace(MAP_ENTRY)) window.history.back();
    else returnToList();
  }, [returnToList]);
  // Back from the map's entry, by the button or the phone's: after the browser's own scroll, which knows no focus.
  useEffect(() => {
    const onPop = () => {
      const was = onMap.current;
      onMap.current = atPlace(MAP_ENTRY);
      if (was && !onMap.current) requestAnimationFrame(returnToList);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [returnToList]);
  // A new search's list starts at its head (not an organization opened: `search` changes with it too).
  const listKey = search ? searchToUrl({ ...search.state, selected: null }) : '';
  useEffect(() => { leftList.current = null; }, [listKey]);

  // A link to a search opens at its results on a phone, as a typed search moves there: above them
  // the header, notices and form filled the first screen (results 910 px down at 320×640). Not
  // embedded (the host's page would jump to the frame), nor with an organization open (its panel
  // moves there itself).
  const openedAtSearch = useRef(!EMBED.embed && !state.selected && (page.all || asked(state)));
  // Nor when the engine failed first: its notice, above the results, is what to see then.
  const failed = database.status === 'failed';
  useEffect(() => {
    if (!search || !openedAtSearch.current || failed) return;
    openedAtSearch.current = false;
    if (window.matchMedia(DETAIL_IN_PLACE).matches) resultsHeading.current?.scrollIntoView({ block: 'start' });
  }, [search, failed]);

  const resolved = resolution.status === 'resolved' ? resolution.search : null;
  const place = resolved?.near ? placeLabel(t, resolved.near.label) : resolved?.inState ? t(`data.states.${resolved.inState}`) : null;
  // A place typed and not (yet) found names no words alone: "detox" said a search of the whole country.
  const titleWords = state.where && !place ? '' : state.text;
  useEffect(() => {
    document.title = pageTitle(t, view, place, titleWords, !!resolved?.inState);
  }, [t, i18n.language, view, place, titleWords, resolved?.inState]);

  const onSearchView = view === 'search';
  return (
    <>
      {onSearchView && <a className="skip-link" href="#results">{t('app.skipToResults')}</a>}
      <header className={EMBED.embed ? 'site-header embedded' : 'site-header'}>
        {EMBED.embed ? <p className="embed-title">{t('app.siteName')}</p> : <p className="site-title">{t('app.siteName')}</p>}
        <SafetyLines />
        <LanguageSwitch />
        {!EMBED.embed && (onSearchView ? <a className="analysts-link" href="#for-analysts">{t('app.forAnalysts')}</a> : (
          <nav className="views" aria-label={t('app.views')}>
            <button type="button" onClick={() => openView('search')}>{t('app.directory')}</button>
            <button type="button" aria-current={view === 'dashboards' ? 'page' : undefined}
              onClick={() => openView('dashboards')}>{t('app.dashboards')}</button>
            <button type="button" aria-current={view === 'sql' ? 'page' : undefined}
              onClick={() => openView('sql', '')}>{t('app.sqlConsole')}</button>
          </nav>
        ))}
      </header>
      <main className={EMBED.embed ? 'embedded' : undefined}>
        {/* Each view's own h1 (its charts and panels are h2): the dashboards' outline began at h3. */}
        {!onSearchView && <h1 className="view-title">{t(view === 'dashboards' ? 'app.dashboards' : 'app.sqlConsole')}</h1>}
        {!onSearchView && <StartingNotice database={database} />}
        <EngineActivity />
        {CLOUD_PAGE && database.status === 'ready' && <CloudConnect />}
        {release && !onSearchView && <ReleaseNotice manifest={release} />}
        {database.status === 'ready' && view === 'sql' && (
          <Suspense fallback={<p role="status">{t('app.loadingConsole')}</p>}>
            <SqlConsole initialSql={page.consoleSql} onSqlChange={(consoleSql) => go({ consoleSql }, 'replace')} />
          </Suspense>
        )}
        {database.status === 'ready' && view === 'dashboards' && (
          <Suspense fallback={<p role="status">{t('app.loadingDashboards')}</p>}>
            <Dashboards onOpenConsole={(sql) => openView('sql', sql)} />
          </Suspense>
        )}
        {onSearchView && (
          <>
            {!EMBED.embed && <h1 className="start-title">{t('app.startTitle')}</h1>}
            {release && <ReleaseNotice manifest={release} />}
            <SearchForm ref={form} id={SEARCH_FORM} state={state} search={search} types={types} locked={EMBED.locked} onChange={navigate} onSearch={showResults}
              autoFocus={!EMBED.embed && !state.where && !state.at}
              placeProblem={resolution.status === 'not-found' && (
                <p role="alert" className="hint">
                  <Trans i18nKey="app.placeNotFound" values={{ where: resolution.where }} components={{ bdi: <bdi /> }} />
                </p>
              )}
              // On a phone a filter ticked changed results 1,100 px below the open filters, with nothing
              // said of them (a person test): their count, and a way there, in sight at the filters' foot.
              filtersEnd={total !== null && search && (
                <button type="button" className="show-results" onClick={toResults}>{t('form.showResults', { count: total })}</button>
              )} />
            {/* Under the form, not above it: appearing there it pushed the form down as a person began to type on a phone. */}
            <StartingNotice database={database} />
            <section id="results" className={listing ? 'results-area' : 'results-area idle'} aria-labelledby="results-title">
              <h2 id="results-title" ref={resultsHeading} tabIndex={-1}>{t('app.results')}</h2>
              {/* Not once the engine could not start and the place is still unread: it never will be, and the notice above says why. */}
              {resolution.status === 'resolving' && database.status !== 'failed' && (
                <p role="status" className="hint looking-up">
                  <progress aria-label={t('app.lookingUp')} /> {state.where
                    ? <Trans i18nKey="app.lookingUpPlace" values={{ where: state.where }} components={{ bdi: <bdi /> }} />
                    : t('app.gettingReady')}
                </p>
              )}
              {resolution.status === 'resolved' && resolution.unsure && (
                <DidYouMean shown={place ?? state.where} wholeState={!!resolution.search.inState} alternatives={resolution.alternatives}
                  onChoose={(where) => showResults({ ...state, where, at: null, selected: null })} />
              )}
              {resolution.status === 'failed' && <QueryFailed error={resolution.error} onRetry={resolution.retry} />}
              {resolution.status === 'resolved' && !listing && (
                <div className="start-prompt">
                  <p>{t('app.startPrompt')}</p>
                  <p><button type="button" className="link-button" onClick={() => go({ all: true })}>{t('app.listAll')}</button></p>
                </div>
              )}
              {search && (
                <div className={state.selected ? 'results with-detail' : 'results'}>
                  <div className="results-list">
                    {count.status === 'failed' ? <QueryFailed error={count.error} onRetry={count.retry} />
                      : <ResultsSummary total={total} search={search} onChange={showResults} types={types} names={serviceNames} />}
                    {!EMBED.embed && total !== null && <CopyLink />}
                    <Suspense fallback={<p className="hint">{t('app.loadingList')}</p>}>
                      {/* Not beside a failed count: its first page is mostly the count's own query, failed the same way (one notice, not two). */}
                      {ResultsTable && count.status !== 'failed' && <ResultsTable ref={table} search={search} total={total} sort={page.sort} onSort={sortBy} selectedId={state.selected}
                        hoveredId={hovered} onSelect={openFromList} onHover={setHovered} boxed={EMBED.embed} searchForm={SEARCH_FORM}
                        // From the manifest, there before the engine: the Type column drawn with the first page and then
                        // taken away remounted every cell (a click between press and release is lost so).
                        oneType={(release ? releaseTypes(release).length === 1 : false) || search.state.types.length === 1} listKey={listKey}
                        // An embed's visitors came for help: a spreadsheet, not an analyst's JSON and Parquet.
                        downloads={EMBED.embed ? EMBED_DOWNLOADS : undefined} />}
                    </Suspense>
                    {!!total && <button type="button" className="to-map" ref={toMap} onClick={showMap}>{t('results.showMap')}</button>}
                  </div>
                  {state.selected && (
                    <Suspense fallback={<DetailLoading preview={preview?.org_id === state.selected ? preview : null} onClose={closeDetail} />}>
                      <DetailPanel orgId={state.selected} from={search.near} onSelect={onSelect} onClose={closeDetail} preview={preview} />
                    </Suspense>
                  )}
                  {!!total && <button type="button" className="to-list link-button" ref={toList} onClick={backToList}>{t('results.backToList')}</button>}
                  {/* Nothing found draws no empty map (near a place typed, in a state, or anywhere): the advice
                      above is what to do next. A search of the map's own area keeps it, to be moved and searched again. */}
                  {total === 0 && !state.at ? null : mapWanted ? (
                    <PanelBoundary failed={(message) => t('app.mapFailed', { message })}>
                      <Suspense fallback={<MapLoading />}>
                        <ResultsMap search={search} selectedId={state.selected} hoveredId={hovered} onSelect={openFromMap}
                          onHover={setHovered} types={types} onSearchArea={EMBED.locked.has('where') ? undefined
                            : (at, radius) => navigate({ ...state, at, where: '', radius, selected: null })} />
                      </Suspense>
                    </PanelBoundary>
                  ) : <MapLoading />}
                  {!!total && <Suspense fallback={null}><PrintList search={search} total={total} /></Suspense>}
                </div>
              )}
              {state.selected && !search && (
                <Suspense fallback={<DetailLoading preview={null} onClose={closeDetail} />}>
                  <DetailPanel orgId={state.selected} from={null} onSelect={onSelect} onClose={closeDetail} preview={null} />
                </Suspense>
              )}
            </section>
          </>
        )}
      </main>
      {/* An embedding host's visitors did not come for analysts' tools or a copy of the directory. */}
      {!EMBED.embed && (
        <AnalystTools view={view} state={state} search={search} database={database} cloudPage={CLOUD_PAGE} openView={openView} />
      )}
    </>
  );
}
