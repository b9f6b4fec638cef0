// The analyst's SQL console: any SQL on the release, in the browser. Ctrl/Cmd+Enter runs it;
// a query from a shared link is shown and waits for Run; results, elapsed time and row count
// below, errors as DuckDB words them (with the position it points at); history in this browser.
// It only reads until the analyst allows changes for this visit (a shared link must not be able
// to rewrite anything), and reads from other websites only when allowed for the query at hand.
// It runs on its own connection (Database.console), and never inside another site's frame.
import { sql as sqlLanguage } from '@codemirror/lang-sql';
import CodeMirror, { keymap, Prec, type EditorState, type EditorView } from '@uiw/react-codemirror';
import { useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.tsx';
import { datedName, DownloadButtons } from '../../components/download-buttons.tsx';
import { QueryFailed } from '../../components/query-failed.tsx';
import { asQueryError, type QueryError, type Row } from '../../db/engine.ts';
import { useDatabase } from '../../db/use-database.ts';
import { columnsInScope, parseHistory, remember, SAMPLE_QUERIES } from '../../search/console.ts';
import { otherSitesIn } from '../../search/other-sites.ts';
import { whyNotReadOnly } from '../../search/read-only.ts';
import { SchemaBrowser } from './schema-browser.tsx';
import { formatNumber } from '../../i18n/format.ts';

const HISTORY_KEY = 'nrd:sql-history';

/** What a completion source is given (@codemirror/autocomplete's CompletionContext, the part used here). */
interface CompletionContext {
  state: EditorState;
  matchBefore(pattern: RegExp): { from: number; text: string } | null;
}

type Run =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'done'; rows: Row[]; ms: number; sql: string }
  | { status: 'failed'; error: QueryError; ms: number }
  | { status: 'cancelled'; ms: number }
  | { status: 'refused'; reason: string };

type Props = { initialSql: string; onSqlChange: (sql: string) => void };

// The page may be framed for embeds (the search); a console in another site's frame could be
// dressed up to make a visitor run its SQL, so it opens only in a tab of its own.
export default function SqlConsole(props: Props) {
  if (window.top !== window.self) {
    return (
      <p role="alert" className="query-failed">
        <Trans i18nKey="console.framed" components={{ a: <a href={window.location.href} target="_blank" rel="noopener noreferrer" /> }} />
      </p>
    );
  }
  return <Console {...props} />;
}

function Console({ initialSql, onSqlChange }: Props) {
  const { t } = useTranslation();
  const database = useDatabase();
  const [text, setTextNow] = useState(initialSql || SAMPLE_QUERIES[0].sql);
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const [history, setHistory] = useState(() => parseHistory(localStorage.getItem(HISTORY_KEY)));
  const cloud = database.status === 'ready' ? database.db.cloud : null;
  const [writes, setWrites] = useState(false);
  // For the query in the editor only: changing it takes the permission back.
  const [otherSites, setOtherSites] = useState(false);
  const setText = (next: string | ((t: string) => string)) => {
    setTextNow(next);
    setOtherSites(false);
  };
  const editor = useRef<EditorView | null>(null);
  const cancelled = useRef(false);
  const current = useRef(text);
  current.current = text;

  const execute = async () => {
    if (database.status !== 'ready' || run.status === 'running') return;
    const sql = current.current;
    onSqlChange(sql);
    const next = remember(history, sql);
    setHistory(next);
    localStorage.setItem(HISTORY_KEY, JSON.stringify(next));
    const changes = writes ? null : whyNotReadOnly(sql);
    if (changes?.reason === 'unknown') {
      const word = changes.word.toUpperCase();
      return setRun({ status: 'refused', reason: changes.meant ? t('console.unknownMeant', { word, meant: changes.meant.toUpperCase() }) : t('console.unknown', { word }) });
    }
    if (changes) {
      const why = t(`console.why.${changes.reason}`, { word: 'word' in changes ? changes.word.toUpperCase() : '', quoted: 'word' in changes ? changes.word : '' });
      return setRun({ status: 'refused', reason: t('console.readOnly', { why }) });
    }
    const sites = otherSitesIn(sql);
    if (sites.length && !otherSites) {
      return setRun({ status: 'refused', reason: t('console.otherSites', { sites: sites.join(', ') }) });
    }
    setRun({ status: 'running' });
    cancelled.current = false;
    const started = performance.now();
    try {
      const rows = await database.db.console.query(sql, [], { cancellable: true, otherSites });
      setRun({ status: 'done', rows, ms: performance.now() - started, sql });
    } catch (error) {
      const ms = performance.now() - started;
      setRun(cancelled.current ? { status: 'cancelled', ms } : { status: 'failed', error: asQueryError(error, sql), ms });
    }
  };
  const cancel = () => {
    if (database.status !== 'ready') return;
    cancelled.current = true;
    void database.db.console.cancel();
  };
  const executeRef = useRef(execute);
  executeRef.current = execute;

  const manifest = database.status === 'ready' ? database.db.manifest : null;
  const extensions = useMemo(() => {
    const schema = Object.fromEntries(Object.entries(manifest?.tables ?? {}).map(([n, t]) => [n, t.columns.map((c) => c.name)]));
    const language = sqlLanguage({ schema, upperCaseKeywords: true });
    // A bare column name completes from the tables the query names (`table.` and aliases are the SQL mode's).
    const bareColumns = (context: CompletionContext) => {
      const word = context.matchBefore(/[\w.]+/);
      if (!word || word.text.includes('.')) return null;
      const options = columnsInScope(context.state.doc.toString(), schema).map(({ column, table }) => ({ label: column, type: 'property', detail: table }));
      return options.length ? { from: word.from, options } : null;
    };
    return [
      language,
      language.language.data.of({ autocomplete: bareColumns }),
      Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (executeRef.current(), true) }])),
    ];
  }, [manifest]);

  const insert = (snippet: string) => {
    const view = editor.current;
    if (!view) return setText((t) => `${t}${snippet}`);
    view.dispatch(view.state.replaceSelection(snippet));
    view.focus();
  };

  return (
    <div className="sql-console">
      {manifest && <SchemaBrowser manifest={manifest} onInsert={insert} />}
      <section className="console-main" aria-label={t('app.sqlConsole')}>
        <div className="console-tools">
          <label>
            {t('console.startFrom')}
            <select value="" onChange={(e) => e.target.value && setText(e.target.value)}>
              <option value="">{t('console.sample')}</option>
              {SAMPLE_QUERIES.map((q, i) => <option key={q.title} value={q.sql}>{t(`data.consoleSamples.${i}`)}</option>)}
            </select>
          </label>
          {history.length > 0 && (
            <label>
              {t('console.history')}
              <select value="" onChange={(e) => e.target.value && setText(e.target.value)}>
                <option value="">{t('console.earlier')}</option>
                {history.map((h) => <option key={h} value={h}>{h.replace(/\s+/g, ' ').slice(0, 90)}</option>)}
              </select>
            </label>
          )}
          <label>
            <input type="checkbox" checked={writes} onChange={(e) => setWrites(e.target.checked)} />
            {' '}{cloud ? t('console.allowWritesCloud', { database: `md:${cloud}` }) : t('console.allowWrites')}
          </label>
          <label>
            <input type="checkbox" checked={otherSites} onChange={(e) => setOtherSites(e.target.checked)} />
            {' '}{t('console.allowOtherSites')}
          </label>
        </div>
        <p className="muted console-note">
          <Trans i18nKey="console.otherSitesNote" values={{ read: "read_csv_auto('https://…')", attach: "ATTACH 'https://…'" }}
            components={{ code: <code /> }} />
        </p>
        <CodeMirror value={text} onChange={setText} extensions={extensions} minHeight="9rem" maxHeight="22rem"
          aria-label="SQL" onCreateEditor={(view) => { editor.current = view; }} basicSetup={{ lineNumbers: true, foldGutter: false }} />
        <div className="console-run">
          <button type="button" onClick={execute} disabled={database.status !== 'ready' || run.status === 'running'}>
            {run.status === 'running' ? t('console.running') : t('console.run')}
          </button>
          {run.status === 'running' && <button type="button" onClick={cancel}>{t('console.cancel')}</button>}
          <span className="muted">{t('console.shortcut')}</span>
          {run.status === 'cancelled' && <span role="status">{t('console.cancelled', { ms: formatNumber(run.ms, 0) })}</span>}
          {run.status === 'done' && (
            <span role="status" data-rows={run.rows.length}>
              {t('console.rows', { count: run.rows.length, rows: formatNumber(run.rows.length), ms: formatNumber(run.ms, 0) })}
            </span>
          )}
        </div>
        {run.status === 'refused' && (
          <div role="alert" className="query-failed">
            <p>{t('console.notRun', { reason: run.reason })}</p>
          </div>
        )}
        {run.status === 'failed' && (
          <div role="alert" className="query-failed">
            <p>{t('console.failed', { ms: formatNumber(run.ms, 0) })}</p>
            <pre>{run.error.detail}</pre>
          </div>
        )}
        {run.status === 'done' && database.status === 'ready' && run.rows.length > 0 && (
          <DownloadButtons label={t('console.download')} fileName={datedName('recovery-directory-query')}
            write={(format) => database.db.console.copyTo(run.sql, [], format)} />
        )}
        {run.status === 'done' && (run.rows.length ? <DataTable rows={run.rows} label={t('console.results')} /> : <p>{t('console.noRows')}</p>)}
        {database.status === 'failed' && <QueryFailed error={database.error} />}
      </section>
    </div>
  );
}
