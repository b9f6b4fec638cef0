// One chart with its data and SQL a click away: the figure is drawn by Observable Plot from
// the query's rows; "Data and SQL" shows both, and the SQL can go to the console.
import { useEffect, useRef } from 'react';
import { DataTable } from '../../components/data-table.tsx';
import { QueryFailed } from '../../components/query-failed.tsx';
import type { QueryState } from '../../db/use-query.ts';
import type { Row } from '../../db/engine.ts';
import type { Sql } from '../../search/sql.ts';
import { inlineParams } from '../../db/literals.ts';

interface Props<T extends Row> {
  title: string;
  query: Sql;
  result: QueryState<T>;
  draw: (rows: T[]) => Element;
  onOpenConsole: (sql: string) => void;
  children?: React.ReactNode;
}

export function ChartPanel<T extends Row>({ title, query, result, draw, onOpenConsole, children }: Props<T>) {
  const figure = useRef<HTMLDivElement>(null);
  const rows = result.status === 'done' ? result.rows : null;
  useEffect(() => {
    if (!rows || !figure.current) return;
    const chart = draw(rows);
    figure.current.replaceChildren(chart);
    return () => chart.remove();
  }, [rows, draw]);
  // The console runs SQL as typed: the parameters go in as the engine would write them.
  const text = inlineParams(query.text, query.params);
  return (
    <section className="chart-panel" aria-label={title}>
      <h3>{title}</h3>
      {children}
      {result.status === 'failed' ? <QueryFailed error={result.error} /> : <div ref={figure} className="chart" data-rows={rows?.length ?? ''} />}
      {rows && (
        <details>
          <summary>Data and SQL</summary>
          <DataTable rows={rows} label={`${title}: data`} />
          <pre>{text}</pre>
          <button type="button" onClick={() => onOpenConsole(text)}>Open in the SQL console</button>
        </details>
      )}
    </section>
  );
}
