// One chart with its data and SQL a click away: the figure is drawn by Observable Plot from
// the query's rows; "Data and SQL" shows both, and the SQL can go to the console. With nothing
// to draw (a release without capacities, a service no one lists) it says so instead of
// drawing empty axes.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.tsx';
import { QueryFailed } from '../../components/query-failed.tsx';
import type { QueryState } from '../../db/use-query.ts';
import type { Row } from '../../db/engine.ts';
import type { Sql } from '../../release/sql.ts';
import { inlineParams } from '../../release/sql-text.ts';

/** Columns whose values are the release's codes, and the catalog entries that name them ("inpatient", "treatment_center"). */
const NAMED: Record<string, string> = { level_of_care: 'data.level', org_type: 'data.orgType' };

interface Props<T extends Row> {
  title: string;
  query: Sql;
  result: QueryState<T>;
  draw: (rows: T[]) => Element;
  /** Whether the rows hold anything to draw (default: any row). */
  drawable?: (rows: T[]) => boolean;
  /** What to say when they do not. */
  empty: string;
  onOpenConsole: (sql: string) => void;
  children?: React.ReactNode;
}

export function ChartPanel<T extends Row>({ title, query, result, draw, drawable = (rows) => rows.length > 0, empty, onOpenConsole, children }: Props<T>) {
  const { t } = useTranslation();
  const figure = useRef<HTMLDivElement>(null);
  const rows = result.status === 'done' ? result.rows : null;
  const nothing = rows !== null && !drawable(rows);
  useEffect(() => {
    if (!rows || nothing || !figure.current) return;
    const chart = draw(rows);
    figure.current.replaceChildren(chart);
    return () => chart.remove();
  }, [rows, nothing, draw]);
  // The console runs SQL as typed: the parameters go in as the engine would write them.
  const text = inlineParams(query.text, query.params);
  return (
    <section className="chart-panel" aria-label={title}>
      <h2>{title}</h2>
      {children}
      {result.status === 'failed' ? <QueryFailed error={result.error} onRetry={result.retry} />
        : nothing ? <p className="chart-empty" role="note">{empty}</p>
        : <div ref={figure} className="chart" data-rows={rows?.length ?? ''} />}
      {rows && (
        <details>
          <summary>{t('dashboards.dataAndSql')}</summary>
          {/* Its columns and codes by name in the page's language (state_name read as SQL wrote it); the SQL below keeps them. */}
          <DataTable rows={rows} label={t('dashboards.data', { title })} heading={(c) => t(`dashboards.columns.${c}`, { defaultValue: c })}
            value={(c, v) => (NAMED[c] && typeof v === 'string' ? t(`${NAMED[c]}.${v}`, { defaultValue: v }) : v)} />
          <pre>{text}</pre>
          <button type="button" onClick={() => onOpenConsole(text)}>{t('dashboards.openInConsole')}</button>
        </details>
      )}
    </section>
  );
}
